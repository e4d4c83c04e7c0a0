"""Query parameters shared by the event-based routes (events, timeline, graph, map), made into
the library's one `EventFilter`: an invalid value raises FilterError, the app's 422 naming it."""

from __future__ import annotations

from fastapi import Query

from ...settings import Settings
from ...store.filters import DATE_FILTER_PATTERN, EventFilter

# YYYY, YYYY-MM or YYYY-MM-DD (ASCII digits, the API's rule), or empty for none: checked by
# FastAPI too, so the pattern is in the OpenAPI schema.
DATE_PATTERN = rf"^({DATE_FILTER_PATTERN})?$"


# Names and types are short; SQLite refuses LIKE patterns over 50,000 bytes (it was a 500).
MAX_NAME = 1000


def name_query(description: str):
    return Query(None, max_length=MAX_NAME, description=description)


def date_query(description: str):
    return Query(None, pattern=DATE_PATTERN, description=description)


def event_filter(
    actor: str | None = name_query("Entity id, name or alias."),
    type: str | None = name_query("A PLOVER event type, e.g. AID."),
    since: str | None = date_query("Events that may fall on or after this date (YYYY[-MM[-DD]])."),
    until: str | None = date_query("Events that may fall on or before this date (YYYY[-MM[-DD]])."),
    place: str | None = name_query("Events at this place (name as /api/places gives it)."),
    comments: bool = Query(False, description="Also events from reader comments."),
) -> EventFilter:
    return EventFilter(actor=actor, type=type, region=None if comments else "body", since=since,
                       until=until, place=place, min_confidence=Settings.min_confidence)
