"""The actor graph and its evidence: GET /api/graph, /api/graph/edge, /api/relations, /api/sides.

The graph is aggregated and filtered in the database (date window, event type, minimum
independent sources, top-N actors by mentions), so a corpus with thousands of actors still
answers quickly and the browser only draws what it shows.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ...aggregate.polarity import ACTOR_TYPES, CONFLICTUAL, COOPERATIVE, MODALITY_WEIGHT, POLARITY
from ...aggregate.records import SideRecord
from ...store import web_queries
from ...store.web_queries import EventFilter
from ..deps import MAX_SOURCES, Page, Reader, as_json, cached, slow_reader
from .filters import MAX_NAME, event_filter

router = APIRouter(prefix="/api", tags=["relations"])

# Events that count for an edge: typed with a polarity, and not denied or hypothetical.
COUNTED_TYPES = sorted(POLARITY)
COUNTED_MODALITIES = sorted(m for m, w in MODALITY_WEIGHT.items() if w > 0)
CONFLICTUAL_TYPES = sorted(t for t, p in POLARITY.items() if p == CONFLICTUAL)


def edges_for(r: Reader, f: EventFilter, *, min_sources: int = 1, entity: str | None = None) -> list[dict]:
    edges = web_queries.pair_edges(
        r.conn, f, conflictual=CONFLICTUAL_TYPES, counted_types=COUNTED_TYPES,
        counted_modalities=COUNTED_MODALITIES, min_sources=min_sources,
        actor_types=sorted(ACTOR_TYPES), entity=entity,
    )
    for e in edges:
        e["polarity"] = CONFLICTUAL if e["conflictual"] * 2 > e["events"] else COOPERATIVE
    return edges


def side_map(sides: list[SideRecord]) -> dict[str, str]:
    """Entity id -> the label of the side it stands on (its first conflict when in several)."""
    found: dict[str, str] = {}
    for side in sides:
        found.setdefault(side.entity, side.label)
    return found


@router.get("/graph")
def graph(request: Request, f: EventFilter = Depends(event_filter),
          min_sources: int = Query(1, ge=1, le=MAX_SOURCES, description="Minimum independent sources per edge."),
          limit: int = Query(150, ge=1, le=2000, description="Most-mentioned actors to keep."),
          r: Reader = Depends(slow_reader())):
    """Actors (nodes: mentions, type, side) and the relations between them (edges: polarity,
    events, independent sources), for the date window, event type and source threshold given."""
    return cached(request, lambda: _graph(r, f, min_sources, limit))


def _graph(r: Reader, f: EventFilter, min_sources: int, limit: int):
    edges = edges_for(r, f, min_sources=min_sources)
    entities = web_queries.entities_by_id(r.conn, sorted({e["a"] for e in edges} | {e["b"] for e in edges}))
    kept = sorted(entities.values(), key=lambda e: (-e.mentions, e.name))[:limit]
    keep = {e.id for e in kept}
    sides = side_map(r.corpus.sides())
    first, last = web_queries.date_range(r.conn, f.region)
    return as_json({
        "nodes": [{"id": e.id, "name": e.name, "type": e.type, "country": e.country, "mentions": e.mentions,
                   "documents": e.documents, "side": sides.get(e.id)} for e in kept],
        "edges": [e for e in edges if e["a"] in keep and e["b"] in keep],
        "total_nodes": len(entities), "total_edges": len(edges),
        "dates": {"first": first, "last": last},
        "types": COUNTED_TYPES,
    })


@router.get("/graph/edge")
def edge(a: str = Query(..., max_length=MAX_NAME, description="One entity id."),
         b: str = Query(..., max_length=MAX_NAME, description="The other."),
         f: EventFilter = Depends(event_filter), page: Page = Depends(), r: Reader = Depends(slow_reader())):
    """The evidence behind one edge: the events between `a` and `b` (paged), with their documents."""
    total, found = web_queries.pair_events(r.conn, a, b, f, limit=page.limit, offset=page.offset)
    docs = web_queries.event_docs(r.conn, sorted({e.doc for e in found}))
    names = web_queries.entities_by_id(r.conn, [a, b])
    return as_json({**page.wrap(total, found), "a": names.get(a), "b": names.get(b), "events": found,
                    "documents": docs})


@router.get("/relations")
def relations(page: Page = Depends(), min_sources: int = Query(1, ge=1, le=MAX_SOURCES), r: Reader = Depends(slow_reader())):
    """Relations as the aggregate step computed them (the JSON export's `relations`)."""
    found = r.corpus.relations(min_sources=min_sources)
    return as_json(page.wrap(len(found), found[page.offset:page.offset + page.limit]))


@router.get("/sides")
def sides(r: Reader = Depends(slow_reader())):
    """The sides (camps) actors fall into, and each actor's side label."""
    found = r.corpus.sides()
    return as_json({"items": found, "by_entity": side_map(found)})
