"""Relations: article-body events between two actors, grouped into signed, sourced edges.

One relation per (source, target, polarity); for symmetric types (CONSULT, AGREE, COOPERATE)
the pair is put in a fixed order so that "A met B" and "B met A" are one relation. Reader
comments never count, nor do denied, negated or hypothetical events (see `polarity.py`).
Each relation keeps its events, how many documents report it and how many independent
publishers do (see `sources.py`). Grouping is one pass over the events (a dict keyed by pair).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .polarity import ACTOR_TYPES, POLARITY, SYMMETRIC_TYPES, evidence_weight, type_label
from .sources import publisher_of_event

# Decimal places kept in stored weights (so reruns give byte-identical tables).
WEIGHT_DIGITS = 4


@dataclass
class _Edge:
    types: set = field(default_factory=set)
    weight: float = 0.0
    events: list = field(default_factory=list)
    documents: set = field(default_factory=set)
    publishers: set = field(default_factory=set)
    dates: list = field(default_factory=list)


def relation_key(event, entities: dict) -> tuple[str, str, str] | None:
    """(source, target, polarity) for an event that relates two actors, else None."""
    polarity = POLARITY.get(event["type"])
    source, target = event["source"], event["target"]
    if polarity is None or not source or not target or source == target:
        return None
    if any(entities.get(actor) is None or entities[actor]["type"] not in ACTOR_TYPES
           for actor in (source, target)):
        return None
    if event["type"] in SYMMETRIC_TYPES and target < source:
        source, target = target, source
    return source, target, polarity


def build_relations(events: list, entities: dict, documents: dict) -> list[dict]:
    """Relations from article-body event rows, strongest first (weight, then sources)."""
    edges: dict[tuple, _Edge] = {}
    for event in events:
        weight = evidence_weight(event["confidence"], event["modality"])
        key = relation_key(event, entities)
        if key is None or weight <= 0:
            continue
        edge = edges.setdefault(key, _Edge())
        edge.types.add(type_label(event["type"], event["mode"]))
        edge.weight += weight
        edge.events.append(event["id"])
        edge.documents.add(event["doc"])
        edge.publishers.add(publisher_of_event(event, documents))
        if event["date"]:
            edge.dates.append(event["date"])
    relations = [{
        "source": source, "target": target, "polarity": polarity, "types": sorted(edge.types),
        "weight": round(edge.weight, WEIGHT_DIGITS), "events": edge.events,
        "documents": len(edge.documents), "independent_sources": len(edge.publishers),
        "publishers": sorted(edge.publishers),
        "first": min(edge.dates) if edge.dates else None, "last": max(edge.dates) if edge.dates else None,
    } for (source, target, polarity), edge in edges.items()]
    relations.sort(key=lambda r: (-r["independent_sources"], -r["weight"], r["source"], r["target"], r["polarity"]))
    return relations
