"""The aggregates built after duplicates and entities: relations, memberships, sides,
contradictions and the timeline, computed from the article events (at or above a confidence
threshold: the caller's choice) and their entities and documents. `crossdoc.py` reads these
records from the store and writes the tables back in one transaction, so rerunning it gives
the same tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .contradictions import find_contradictions
from .membership import find_memberships, home_country
from .neutral import neutral_actors
from .relations import build_relations
from .sides import assign_sides
from .ties import material_events
from .timeline import build_timeline


def build_aggregates(events: list, entities: dict, documents: dict, adjacent_mentions: Iterable,
                     sentence: Callable[[str], str]) -> dict[str, list[dict]]:
    """Every aggregate table's rows ("relations", "memberships", "sides", "contradictions",
    "timeline") from the article events, the entities and documents by id, each article
    mention with the one before it, and `sentence(event id)` (read only for contradictions)."""
    names = {entity: row["name"] for entity, row in entities.items()}
    relations = build_relations(events, entities, documents)
    # Sides and who is on both of them rest on material ties only (fighting, arming, backing).
    material = material_events(events, documents, neutral_actors(entities))
    ties = build_relations(material, entities, documents)
    memberships = find_memberships(adjacent_mentions, entities)
    sides = assign_sides(ties, memberships, names,
                         {entity: row["mentions"] for entity, row in entities.items()}, contacts=relations,
                         homes={entity: home_country(row) for entity, row in entities.items()})
    contradictions = find_contradictions(events, material, ties, sides, names, documents,
                                         sentence)
    timeline = build_timeline(events, documents)
    return {"relations": relations, "memberships": memberships, "sides": sides,
            "contradictions": contradictions, "timeline": timeline}
