"""The aggregate rebuild that ends a run (after duplicates and entities): relations,
memberships, sides, contradictions and the timeline, recomputed from the stored article events
and written in one transaction, so rerunning it gives the same tables."""

from __future__ import annotations

import sqlite3

from ..store import aggregates as store
from .contradictions import find_contradictions
from .membership import find_memberships
from .relations import build_relations
from .sides import assign_sides
from .timeline import build_timeline


def rebuild_aggregates(conn: sqlite3.Connection) -> dict[str, int]:
    """Rebuild every aggregate table; returns how many rows each got."""
    events = store.body_events(conn)
    entities = store.entity_rows(conn)
    documents = store.document_publishers(conn)
    names = {entity: row["name"] for entity, row in entities.items()}
    doc_names = {doc: row["name"] for doc, row in documents.items()}
    relations = build_relations(events, entities, documents)
    memberships = find_memberships(conn, entities)
    sides = assign_sides(relations, memberships, names,
                         {entity: row["mentions"] for entity, row in entities.items()})
    contradictions = find_contradictions(events, relations, sides, names, doc_names,
                                         lambda event: store.event_sentence(conn, event))
    timeline = build_timeline(events, documents)
    store.replace_aggregates(conn, relations=relations, memberships=memberships, sides=sides,
                             contradictions=contradictions, timeline=timeline)
    return {"relations": len(relations), "memberships": len(memberships), "sides": len(sides),
            "contradictions": len(contradictions), "timeline": len(timeline)}
