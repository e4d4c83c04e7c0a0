"""GET /api/search: full-text search over article titles and bodies."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ...store import queries
from ..deps import SEARCH_SECONDS, Page, Reader, as_json, slow_reader

router = APIRouter(prefix="/api/search", tags=["search"])


@router.get("")
def search(q: str = Query(..., min_length=1, max_length=500, description='Words; quote a "phrase".'),
           page: Page = Depends(), r: Reader = Depends(slow_reader(SEARCH_SECONDS))):
    """Documents matching `q`, best first, with a snippet (matches in [brackets])."""
    total, items = queries.search_page(r.conn, q, limit=page.limit, offset=page.offset)
    return as_json({**page.wrap(total, items), "q": q})
