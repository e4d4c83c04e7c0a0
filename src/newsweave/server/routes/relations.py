"""The actor graph and its evidence: GET /api/graph, /api/graph/edge, /api/relations, /api/sides.

The graph's edges are the relations the aggregate step built, with the JSON export's counts
(events, documents, independent sources); the filters (date window, event type, actor, place)
keep the relations with at least one event they keep, and the top-N actors by mentions are
drawn, so a corpus with thousands of actors still answers quickly.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from ...aggregate.polarity import POLARITY
from ...aggregate.records import SideRecord
from ...records import RelationRecord, to_dict
from ...store import queries
from ...store.filters import EventFilter
from ..deps import MAX_SOURCES, Page, Reader, as_json, cached, slow_reader
from ..twins import add_twins
from .filters import MAX_NAME, event_filter

router = APIRouter(prefix="/api", tags=["relations"])

# The event types a relation can be made of (those with a polarity).
COUNTED_TYPES = sorted(POLARITY)


def edge(relation: RelationRecord) -> dict:
    """A relation as a graph edge: the export's fields, `events` counted, `id` unique (a pair
    may have a cooperative and a conflictual relation), `a`/`b` its ends."""
    return {"id": f"{relation.source}\x00{relation.target}\x00{relation.polarity}",
            "a": relation.source, "b": relation.target, "source": relation.source, "target": relation.target,
            "polarity": relation.polarity, "types": relation.types, "weight": relation.weight,
            "events": len(relation.events), "documents": relation.documents,
            "independent_sources": relation.independent_sources, "first": relation.first, "last": relation.last}


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
    events, independent sources, as the export has them), those with an event in the date
    window, of the event type, of the actor and at the place given, with enough sources."""
    return cached(request, r, lambda: _graph(r, f, min_sources, limit))


def _graph(r: Reader, f: EventFilter, min_sources: int, limit: int):
    edges = [edge(x) for x in r.corpus.relations(min_sources=min_sources, events=f)]
    entities = queries.entities_by_id(r.conn, sorted({e["a"] for e in edges} | {e["b"] for e in edges}))
    kept = sorted(entities.values(), key=lambda e: (-e.mentions, e.name))[:limit]
    keep = {e.id for e in kept}
    sides = side_map(r.corpus.sides())
    first, last = queries.date_range(r.conn, f.region)
    return as_json({
        "nodes": [{"id": e.id, "name": e.name, "type": e.type, "country": e.country, "mentions": e.mentions,
                   "documents": e.documents, "side": sides.get(e.id)} for e in kept],
        "edges": [e for e in edges if e["a"] in keep and e["b"] in keep],
        "total_nodes": len(entities), "total_edges": len(edges),
        "dates": {"first": first, "last": last},
        "types": COUNTED_TYPES,
    })


@router.get("/graph/edge")
def evidence(a: str = Query(..., max_length=MAX_NAME, description="One entity id."),
             b: str = Query(..., max_length=MAX_NAME, description="The other."),
             f: EventFilter = Depends(event_filter), page: Page = Depends(), r: Reader = Depends(slow_reader())):
    """The evidence behind one edge: the events between `a` and `b` (paged), with their documents."""
    total, found = queries.pair_events(r.conn, a, b, f, limit=page.limit, offset=page.offset)
    docs = queries.event_docs(r.conn, sorted({e.doc for e in found}))
    names = queries.entities_by_id(r.conn, [a, b])
    return as_json({**page.wrap(total, found), "a": names.get(a), "b": names.get(b), "events": found,
                    "documents": docs})


@router.get("/relations")
def relations(page: Page = Depends(), min_sources: int = Query(1, ge=1, le=MAX_SOURCES), r: Reader = Depends(slow_reader())):
    """Relations as the aggregate step computed them (the JSON export's `relations`), with
    source_name and target_name beside the ids."""
    found = r.corpus.relations(min_sources=min_sources)
    shown = [to_dict(x) for x in found[page.offset:page.offset + page.limit]]
    names = queries.entities_by_id(r.conn, sorted({x["source"] for x in shown} | {x["target"] for x in shown}))
    for x in shown:
        x["source_name"], x["target_name"] = (names[x[end]].name if x[end] in names else None
                                              for end in ("source", "target"))
    return as_json(page.wrap(len(found), shown))


add_twins(router, relations, "relations", "/relations")


@router.get("/sides")
def sides(r: Reader = Depends(slow_reader())):
    """The sides (camps) actors fall into, and each actor's side label."""
    found = r.corpus.sides()
    return as_json({"items": found, "by_entity": side_map(found)})
