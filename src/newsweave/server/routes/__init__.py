"""One router per resource; each route parses its query, calls one query function, returns JSON."""

from . import (
    contradictions, corrections, documents, entities, events, places, relations, search, static,
    summary, timeline,
)

# Static last: it owns "/" and "/static/…".
ROUTERS = [
    summary.router, documents.router, entities.router, events.router, timeline.router,
    relations.router, contradictions.router, places.router, search.router, corrections.router,
    static.router,
]
