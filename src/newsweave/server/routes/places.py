"""GET /api/places: where events happened, for the map."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ...store import queries
from ...store.filters import EventFilter
from ..deps import Reader, as_json, cached, slow_reader
from .filters import event_filter

router = APIRouter(prefix="/api/places", tags=["places"])


@router.get("")
def places(request: Request, f: EventFilter = Depends(event_filter), limit: int = Query(500, ge=1, le=5000),
           r: Reader = Depends(slow_reader())):
    """Places with coordinates and the number of events there (most first)."""
    return cached(request, r, lambda: as_json({"items": queries.places(r.conn, f, limit=limit)}))
