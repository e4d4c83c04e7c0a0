"""The document model: one page, enriched stage by stage, with every span an offset into its text.

A `Document` is created by a reader (raw text and container metadata), then each stage of
`pipeline.py` adds to it: `clean` sets the analysed text, regions, title and publication date;
`annotate` adds sentences, entity mentions, time expressions and places; `extract` adds events.

Two texts, one coordinate system for the stages:
- `raw` is the input as read (decoded to Unicode, before any cleaning): the page's HTML for an
  HTML page, the file's text for a plain-text scrape.
- `text` is what the stages analyse. For plain text it *is* `raw`. For HTML it is the page's
  visible text, and `offsets[i]` is the position in `raw` of `text[i]` (with one extra entry
  for the end), so every span can be shown in the source. Exports use `raw_span`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

REGION_KINDS = ("title", "dateline", "body", "comment", "boilerplate")

MENTION_TYPES = (
    "PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "FACILITY", "PLATFORM", "WEAPON",
    "DATE", "MONEY", "QUANTITY", "NATIONALITY", "OTHER",
)

# The PLOVER event types newsweave codes (current PLOVER names; modes go in `Event.mode`).
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "INVESTIGATE",
)

# A mention is a proper name, a common-noun description ("the army", "28 people") or a pronoun.
MENTION_KINDS = ("name", "nominal", "pronoun")

MODALITIES = ("asserted", "reported", "planned", "denied", "hypothetical", "negated", "unknown")

DATE_PRECISIONS = ("day", "month", "year")

# The languages the annotators and the extractor have a model and word lists for. A document
# detected in another language is stored (text, regions, language) but not analysed: English
# models read French as nonsense ("Moscou" as a person).
ANALYSED_LANGUAGES = frozenset({"en"})


def is_analysed_language(code: str | None) -> bool:
    """Whether a document in language `code` goes through annotation and extraction (an
    undetected language is given the benefit of the doubt)."""
    return code is None or code in ANALYSED_LANGUAGES


@dataclass(slots=True)
class Region:
    """A contiguous part of the page: `text[start:end]` is its text."""

    kind: str  # one of REGION_KINDS
    start: int
    end: int
    author: str | None = None  # comment author, when the page gives one
    posted: str | None = None  # comment time, ISO 8601 (possibly partial)
    note: str | None = None  # why a region is boilerplate, e.g. "repeats text at 812"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    region: int  # index into Document.regions


@dataclass(slots=True)
class Mention:
    """A named thing in the text. `entity` is filled by resolution (a stable entity id)."""

    start: int
    end: int
    text: str
    type: str  # one of MENTION_TYPES
    region: str  # kind of the region holding it: body | comment | title | dateline
    entity: str | None = None
    kb_id: str | None = None  # knowledge-base id when the mention was linked to one
    name: str | None = None  # canonical name (the KB's, else the cleaned surface form)
    country: str | None = None  # ISO 3166-1 alpha-2
    kind: str = "name"  # one of MENTION_KINDS


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None  # ISO 8601, possibly partial ("2017", "2017-05"), or None if unresolved
    precision: str | None  # day | month | year
    kind: str = "DATE"  # DATE | TIME | DURATION | SET


@dataclass(slots=True)
class Place:
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    start: int | None = None  # span of the place mention, when it came from one
    end: int | None = None


@dataclass(slots=True)
class Event:
    """One coded event. `start`/`end` span its sentence; `trigger_*` the word that signals it."""

    type: str  # PLOVER type
    mode: str | None
    source: str | None  # entity id of the actor that acts or gives
    target: str | None  # entity id of the actor acted upon
    source_text: str | None
    target_text: str | None
    date: str | None
    date_precision: str | None
    place: Place | None
    sentence: str
    start: int
    end: int
    region: str  # body | comment
    attribution: str | None
    modality: str
    confidence: float
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(slots=True)
class Document:
    id: str  # content hash of `raw`
    name: str
    path: str
    raw: str
    format: str = "text"  # text | html
    text: str = ""
    offsets: list[int] | None = None  # text position -> raw position; None when text is raw
    title: str | None = None
    source: str | None = None  # publisher
    url: str | None = None
    published: str | None = None  # ISO 8601, possibly partial
    published_precision: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    regions: list[Region] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    fingerprint: list[int] | None = None  # MinHash signature of the body, for near-duplicates
    warnings: list[str] = field(default_factory=list)
    # Working state of the stages (parsed spaCy docs and the like); never stored or exported.
    scratch: dict[str, Any] = field(default_factory=dict, repr=False)

    def raw_offset(self, position: int) -> int:
        """The position in `raw` of `text[position]` (or of the end, for `len(text)`)."""
        if self.offsets is None:
            return position
        return self.offsets[position]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.raw_offset(start), self.raw_offset(end)

    def region_at(self, position: int) -> Region | None:
        for region in self.regions:
            if region.start <= position < region.end:
                return region
        return None

    def regions_of(self, *kinds: str) -> list[Region]:
        return [region for region in self.regions if region.kind in kinds]

    def body_text(self) -> str:
        """The article body, paragraphs separated by blank lines (repeats and comments excluded)."""
        return "\n\n".join(self.text[r.start:r.end] for r in self.regions_of("body"))
