"""Typed records returned by the query API, with the same fields as the JSON export.

Offsets in records are offsets into the document's original text as read (`Document.raw`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class RegionRecord:
    kind: str
    start: int
    end: int
    author: str | None = None
    posted: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    name: str
    path: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None
    duplicate_of: str | None
    regions: list[RegionRecord] = field(default_factory=list)
    published_precision: str | None = None
    format: str = "text"
    words: int = 0


@dataclass(frozen=True)
class MentionRecord:
    doc: str
    start: int
    end: int
    text: str
    type: str
    entity: str | None
    region: str
    kind: str = "name"  # name | nominal | pronoun


@dataclass(frozen=True)
class EntityRecord:
    id: str
    name: str
    type: str
    aliases: list[str]
    country: str | None
    kb_id: str | None
    mentions: int
    documents: int
    comment_mentions: int = 0
    sector: str | None = None  # GOV (a state), MIL (armed forces), REB, MED... as CAMEO codes them
    state: str | None = None  # for armed forces: the id of the state they belong to
    generic: bool = False  # a generic group ("civilians", "28 people"): one per document


@dataclass(frozen=True)
class PlaceRecord:
    name: str
    lat: float | None
    lon: float | None
    country: str | None


@dataclass(frozen=True)
class EventRecord:
    id: str
    doc: str
    type: str
    mode: str | None
    source: str | None
    target: str | None
    date: str | None
    date_precision: str | None
    place: PlaceRecord | None
    sentence: str
    start: int
    end: int
    region: str
    attribution: str | None
    modality: str
    confidence: float
    source_text: str | None = None
    target_text: str | None = None
    trigger: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    negated: bool = False  # the text says it did not happen (modality "denied")


@dataclass(frozen=True)
class RelationRecord:
    source: str
    target: str
    polarity: str
    types: list[str]
    weight: float
    events: list[str]
    documents: int
    independent_sources: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class ContradictionRecord:
    about: str
    entities: list[str]
    events: list[str]
    documents: list[str]
    explanation: str


@dataclass(frozen=True)
class ErrorRecord:
    path: str
    reason: str
    seen_at: str


def to_dict(record) -> dict:
    return asdict(record)
