"""The aggregate rebuild that ends a run (after duplicates and entities): relations,
memberships, sides, contradictions and the timeline, recomputed from the stored article events
at or above a confidence threshold and written in one transaction with that threshold, so
rerunning it gives the same tables."""

from __future__ import annotations

import sqlite3

from ..settings import Settings
from ..store import aggregates as store
from .contradictions import find_contradictions
from .membership import find_memberships, home_country
from .neutral import neutral_actors
from .relations import build_relations
from .sides import assign_sides
from .ties import material_events
from .timeline import build_timeline


def rebuild_aggregates(conn: sqlite3.Connection, min_confidence: float | None = None) -> dict[str, int]:
    """Rebuild every aggregate table from the article events at or above `min_confidence`
    (None: the threshold the tables were last built at, else `Settings.min_confidence`);
    returns how many rows each got."""
    if min_confidence is None:
        min_confidence = store.aggregates_threshold(conn)
    if min_confidence is None:
        min_confidence = Settings().min_confidence
    events = store.body_events(conn, min_confidence)
    entities = store.entity_rows(conn)
    documents = store.document_publishers(conn)
    names = {entity: row["name"] for entity, row in entities.items()}
    doc_names = {doc: row["name"] for doc, row in documents.items()}
    relations = build_relations(events, entities, documents)
    # Sides and who is on both of them rest on material ties only (fighting, arming, backing).
    material = material_events(events, documents, neutral_actors(entities))
    ties = build_relations(material, entities, documents)
    memberships = find_memberships(conn, entities)
    sides = assign_sides(ties, memberships, names,
                         {entity: row["mentions"] for entity, row in entities.items()}, contacts=relations,
                         homes={entity: home_country(row) for entity, row in entities.items()})
    contradictions = find_contradictions(events, material, ties, sides, names, documents,
                                         lambda event: store.event_sentence(conn, event))
    timeline = build_timeline(events, documents)
    store.replace_aggregates(conn, min_confidence=min_confidence, relations=relations,
                             memberships=memberships, sides=sides, contradictions=contradictions,
                             timeline=timeline)
    return {"relations": len(relations), "memberships": len(memberships), "sides": len(sides),
            "contradictions": len(contradictions), "timeline": len(timeline)}
