"""Typed records returned by the query API, with the same fields as the JSON export.

Offsets in records are offsets into the document's original text as read (`Document.raw`).
In Jupyter a record shows as a table of its fields, every value escaped (names and sentences
come from scraped pages).
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field, fields, is_dataclass


def _html_cell(value) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(_html_cell(v) if isinstance(v, (list, tuple)) else str(v) for v in value)
    elif is_dataclass(value):
        value = ", ".join(f"{k}: {v}" for k, v in to_dict(value).items() if v is not None)
    return html.escape("" if value is None else str(value))


def table_html(title: str, rows: list[tuple[str, object]]) -> str:
    """A two-column HTML table (name, value) under a caption; everything escaped."""
    body = "".join(f"<tr><th style='text-align:left'>{html.escape(name)}</th><td style='text-align:left'>"
                   f"{_html_cell(value)}</td></tr>" for name, value in rows)
    return f"<table><caption style='text-align:left'><b>{html.escape(title)}</b></caption>{body}</table>"


class HtmlRecord:
    """Shows a record in Jupyter as a table of its fields."""

    def _repr_html_(self) -> str:
        return table_html(type(self).__name__.removesuffix("Record"),
                          [(f.name, getattr(self, f.name)) for f in fields(self)])  # type: ignore[arg-type]  # mixed into dataclasses


@dataclass(frozen=True)
class RegionRecord(HtmlRecord):
    kind: str
    start: int
    end: int
    author: str | None = None
    posted: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DocumentRecord(HtmlRecord):
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
    # What the reader or cleaner noticed: not English (the language named), no article found.
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MentionRecord(HtmlRecord):
    doc: str
    start: int
    end: int
    text: str
    type: str
    entity: str | None
    region: str
    kind: str = "name"  # name | nominal | pronoun


@dataclass(frozen=True)
class EntityRecord(HtmlRecord):
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
class PlaceRecord(HtmlRecord):
    name: str
    lat: float | None
    lon: float | None
    country: str | None


@dataclass(frozen=True)
class EventRecord(HtmlRecord):
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
class RelationRecord(HtmlRecord):
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
class ContradictionRecord(HtmlRecord):
    about: str
    entities: list[str]
    events: list[str]
    documents: list[str]
    explanation: str


@dataclass(frozen=True)
class ErrorRecord(HtmlRecord):
    path: str
    reason: str
    seen_at: str


def to_dict(record) -> dict:
    return asdict(record)
