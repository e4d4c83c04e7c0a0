"""GET /api/timeline: events ordered by when they happened (undated last)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from ...store import web_queries
from ...store.web_queries import EventFilter
from ..deps import Page, Reader, as_json, reader
from .filters import event_filter

router = APIRouter(prefix="/api/timeline", tags=["timeline"])


@router.get("")
def timeline(f: EventFilter = Depends(event_filter), page: Page = Depends(), r: Reader = Depends(reader)):
    """The same events as /api/events, in the order they happened."""
    total, items = web_queries.events_page(r.conn, f, limit=page.limit, offset=page.offset, order="date")
    return as_json(page.wrap(total, items))
