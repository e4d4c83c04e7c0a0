"""The actor graph that the graph exports (GraphML, GEXF, STIX) share: the entities that take
part in a relation, with their side when one was assigned, and the relations as directed edges.
Also the helpers that turn newsweave's partial ISO dates into full ones for those formats.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from ..records import EntityRecord, RelationRecord


# A full or partial ISO date: 2017, 2017-05, 2017-05-29 (a time after the day is ignored).
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@dataclass
class Actor:
    id: str
    name: str
    type: str
    country: str | None
    kb_id: str | None
    mentions: int
    side: str | None = None
    first: str | None = None  # earliest date of a relation it takes part in
    last: str | None = None


@dataclass
class ActorGraph:
    actors: dict[str, Actor] = field(default_factory=dict)
    relations: list[RelationRecord] = field(default_factory=list)


def _field(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def sides_by_entity(corpus) -> dict[str, str]:
    """Entity id -> its side label(s), when the corpus assigns sides (`;`-joined, one per conflict)."""
    if not hasattr(corpus, "sides"):
        return {}
    found: dict[str, list[str]] = {}
    for row in corpus.sides():
        label = _field(row, "label") or _field(row, "side")
        if label is not None:
            found.setdefault(_field(row, "entity"), []).append(str(label))
    return {entity: ";".join(dict.fromkeys(labels)) for entity, labels in found.items()}


def _earlier(a: str | None, b: str | None) -> str | None:
    # Partial ISO dates ("2017", "2017-05") compare by their padded start.
    return min((d for d in (a, b) if d and _ISO_DATE.match(d)), key=date_start, default=None)


def _later(a: str | None, b: str | None) -> str | None:
    return max((d for d in (a, b) if d and _ISO_DATE.match(d)), key=date_end, default=None)


def actor_graph(corpus) -> ActorGraph:
    """The relations and the actors they connect (an id with no entity record keeps its id as name)."""
    relations = list(corpus.relations())
    involved = {r.source for r in relations} | {r.target for r in relations}
    sides = sides_by_entity(corpus) if involved else {}
    graph = ActorGraph(relations=relations)
    for entity in corpus.entities():
        if entity.id in involved:
            graph.actors[entity.id] = _actor(entity, sides.get(entity.id))
    for relation in relations:
        for actor_id in (relation.source, relation.target):
            actor = graph.actors.setdefault(actor_id, Actor(actor_id, actor_id, "OTHER", None, None, 0,
                                                            sides.get(actor_id)))
            actor.first = _earlier(actor.first, relation.first or relation.last)
            actor.last = _later(actor.last, relation.last or relation.first)
    return graph


def _actor(entity: EntityRecord, side: str | None) -> Actor:
    return Actor(entity.id, entity.name, entity.type, entity.country, entity.kb_id, entity.mentions, side)


def date_start(value: str) -> str:
    """The first day of a partial ISO date: "2017" -> "2017-01-01", "2017-05" -> "2017-05-01"."""
    parts = value[:10].split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else "01"
    day = parts[2] if len(parts) > 2 else "01"
    return f"{year}-{month}-{day}"


def date_end(value: str) -> str:
    """The last day of a partial ISO date: "2017" -> "2017-12-31", "2016-02" -> "2016-02-29"."""
    parts = value[:10].split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else "12"
    day = parts[2] if len(parts) > 2 else f"{calendar.monthrange(int(year), int(month))[1]:02d}"
    return f"{year}-{month}-{day}"


def span(first: str | None, last: str | None) -> tuple[str, str] | None:
    """Full (start, end) dates for a first/last pair, either may be missing; None when both are."""
    first, last = first or last, last or first
    if not first or not last or not _ISO_DATE.match(first) or not _ISO_DATE.match(last):
        return None  # a date the formats could not read is left out, not guessed
    start, end = date_start(first), date_end(last)
    return (start, end) if start <= end else (start, date_end(first))
