"""GET /api/events: events with filters (actor, type, date window) and pagination."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from ...store import queries
from ...store.filters import EventFilter
from ..deps import Page, Reader, as_json, reader
from ..twins import add_twins
from .filters import event_filter

router = APIRouter(prefix="/api/events", tags=["events"])


@router.get("")
def events(f: EventFilter = Depends(event_filter), page: Page = Depends(), r: Reader = Depends(reader)):
    """Article events in document order, each with sentence, span, attribution and modality."""
    total, items = queries.events_page(r.conn, f, limit=page.limit, offset=page.offset)
    return as_json(page.wrap(total, items))


add_twins(router, events, "events")
