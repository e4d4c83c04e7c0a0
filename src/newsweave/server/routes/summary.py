"""GET /api/summary: the situation at a glance (what `newsweave summary` shows), computed in SQL."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from ...settings import Settings
from ...store import queries
from ...summary import ACTOR_TYPES, LATEST_EVENTS, TOP_ACTORS
from ..deps import Reader, as_json, cached, slow_reader

router = APIRouter(prefix="/api", tags=["summary"])


@router.get("/summary")
def summary(request: Request, r: Reader = Depends(slow_reader())):
    """Counts, event types, main actors, latest events, date range and read errors."""
    return cached(request, r, lambda: _summary(r))


def _summary(r: Reader):
    first, last = queries.date_range(r.conn)
    return as_json({
        **queries.counts(r.conn, min_confidence=Settings.min_confidence),
        "event_types": queries.event_type_counts(r.conn, "body", Settings.min_confidence),
        "top_actors": queries.top_entities(r.conn, list(ACTOR_TYPES), TOP_ACTORS),
        "latest_events": queries.latest_events(r.conn, LATEST_EVENTS, Settings.min_confidence),
        "dates": {"first": first, "last": last},
        "error_list": queries.errors(r.conn),
    })
