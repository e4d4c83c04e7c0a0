"""GET /api/contradictions: where sources disagree (empty until this version computes them)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from ..deps import Page, Reader, as_json, optional, reader

router = APIRouter(prefix="/api/contradictions", tags=["contradictions"])


@router.get("")
def contradictions(page: Page = Depends(), r: Reader = Depends(reader)):
    found = optional(r.corpus, "contradictions")
    return as_json(page.wrap(len(found), found[page.offset:page.offset + page.limit]))
