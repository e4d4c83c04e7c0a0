"""GET /api/contradictions: where sources disagree."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from ..deps import Page, Reader, as_json, slow_reader

router = APIRouter(prefix="/api/contradictions", tags=["contradictions"])


@router.get("")
def contradictions(page: Page = Depends(), r: Reader = Depends(slow_reader())):
    found = r.corpus.contradictions()
    return as_json(page.wrap(len(found), found[page.offset:page.offset + page.limit]))
