"""Typed records for the aggregate views the JSON contract does not fix yet: sides, memberships
and merged timeline entries (relations and contradictions use `newsweave.records`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import HtmlRecord, PlaceRecord


@dataclass(frozen=True)
class SideRecord(HtmlRecord):
    entity: str
    name: str
    conflict: int  # one connected signed part of the actor graph
    side: int  # 0 or 1 within the conflict
    label: str  # the side's best-connected actor, e.g. "Libyan National Army"
    score: float  # net signed weight that puts the actor there
    evidence: list[list[str]] = field(default_factory=list)  # [source, target, polarity|member]


@dataclass(frozen=True)
class MembershipRecord(HtmlRecord):
    member: str
    organisation: str
    reason: str  # kb-role | kb-office | possessive | leader-of
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TimelineRecord(HtmlRecord):
    """One real-world event, merged from every article report of it."""

    id: str  # the first report's event id
    date: str | None
    date_precision: str | None
    type: str
    mode: str | None
    source: str | None
    target: str | None
    place: PlaceRecord | None
    sentence: str
    modality: str
    events: list[str]
    documents: list[str]
    sources: int  # independent publishers
    source_name: str | None = None
    target_name: str | None = None
    attribution: str | None = None
    source_text: str | None = None  # (EventRecord's fields, so one printer serves both)
    target_text: str | None = None
