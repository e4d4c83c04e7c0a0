"""Query parameters shared by the event-based routes (events, timeline, graph, map)."""

from __future__ import annotations

import re

from fastapi import HTTPException, Query

from ...store.web_queries import EventFilter

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise HTTPException(422, f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def event_filter(
    actor: str | None = Query(None, description="Entity id, name or alias."),
    type: str | None = Query(None, description="A PLOVER event type, e.g. AID."),
    since: str | None = Query(None, description="Events on or after this date (YYYY[-MM[-DD]])."),
    until: str | None = Query(None, description="Events on or before this date (YYYY[-MM[-DD]])."),
    place: str | None = Query(None, description="Events at this place (name as /api/places gives it)."),
    comments: bool = Query(False, description="Also events from reader comments."),
) -> EventFilter:
    return EventFilter(actor=actor or None, type=type or None, region=None if comments else "body",
                       since=_date(since, "since"), until=_date(until, "until"), place=place or None)
