"""GET /api/timeline: events ordered by when they happened (undated last).

By default one entry per real-world event, with all the article reports of it merged and the
number of independent sources (`Corpus.timeline`), each linked to its first report's sentence;
`merged=false` lists every report (the same rows as /api/events, in date order).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ...records import to_dict
from ...store import queries
from ...store.filters import EventFilter
from ..deps import MAX_SOURCES, Page, Reader, as_json, slow_reader
from .filters import event_filter

router = APIRouter(prefix="/api/timeline", tags=["timeline"])


@router.get("")
def timeline(f: EventFilter = Depends(event_filter), page: Page = Depends(),
             min_sources: int = Query(0, ge=0, le=MAX_SOURCES, description="Only events backed by this many independent sources."),
             merged: bool = Query(True, description="One entry per real event, its reports merged."),
             r: Reader = Depends(slow_reader())):
    """Article events in the order they happened, each linked to a sentence in its document."""
    if merged and f.region == "body" and f.doc is None and f.place is None:
        total, items = r.corpus.timeline_page(actor=f.actor, since=f.since, until=f.until, min_sources=min_sources,
                                              type=f.type, limit=page.limit, offset=page.offset)
        # Nothing merged yet (aggregates not built) falls back to the reports themselves.
        if total or min_sources or r.corpus.timeline_page(limit=1)[0]:
            spans = queries.event_spans(r.conn, [x.events[0] for x in items if x.events])
            return as_json(page.wrap(total, [
                {**spans.get(x.events[0] if x.events else "", {}), **to_dict(x), "reports": len(x.events)}
                for x in items
            ]))
    total, reports = queries.events_page(r.conn, f, limit=page.limit, offset=page.offset, order="date")
    return as_json(page.wrap(total, reports))
