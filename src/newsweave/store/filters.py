"""The one event filter and the one date-window rule, shared by the CLI, the Python API, every
REST route and the exports. A filter is checked when it is made: an invalid value raises
FilterError (a ValueError) naming it (the CLI's exit status 2, the server's 422), never "no
events match".

The date-window rule. A stored date may be partial or vague, and stands for the days it may
cover (`aggregate.timeline.date_interval`): "2017-05" is 1 to 31 May 2017, "2017" the whole
year, an "on-or-before" date the week up to that day, a "week" date three days either side, a
"weekend" date its two days. A bound covers days the same way: `since` starts on the first day
it covers ("2017-05" is 1 May), `until` ends on the last ("2017-05" is 31 May). A date is in the
window when the days it may cover overlap the window: the event may have happened then. An
undated event is outside every window that has a bound. Publication dates follow the same rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from ..aggregate.timeline import (
    NARRATIVE_DAY,
    ON_OR_BEFORE,
    ON_OR_BEFORE_DAYS,
    WEEK_HALF_DAYS,
    date_interval,
)
from ..document import EVENT_TYPES
from ..errors import FilterError

# YYYY, YYYY-MM or YYYY-MM-DD, as every date filter takes them (the server's query parameters too).
DATE_FILTER_PATTERN = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
_FILTER_DATE = re.compile(DATE_FILTER_PATTERN)

# The regions an event can come from.
EVENT_REGIONS = ("body", "comment")


def check_date(option: str, value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not _FILTER_DATE.fullmatch(value)
                              or date_interval(value) is None):
        raise FilterError(option, value, "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")


def check_window(since: str | None, until: str | None) -> None:
    check_date("since", since)
    check_date("until", until)
    if since and until and _first_day(since) > _last_day(until):
        raise FilterError("since", since, f"is after until {until!r}")


def check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and (not isinstance(value, str) or value.upper() not in {c.upper() for c in choices}):
        raise FilterError(option, value, f"is not one of: {', '.join(choices)}")


def check_count(option: str, value: int, least: int = 0) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise FilterError(option, value, f"is not a count ({least} or more)")


def check_confidence(value: float) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0.0 <= value <= 1.0:
        raise FilterError("min_confidence", value, "is not a confidence (0 to 1)")


@lru_cache(maxsize=256)
def _first_day(bound: str) -> Date:
    return date_interval(bound)[0]  # type: ignore[index]  # check_date refused bounds without one


@lru_cache(maxsize=256)
def _last_day(bound: str) -> Date:
    return date_interval(bound)[1]  # type: ignore[index]  # check_date refused bounds without one


@lru_cache(maxsize=65536)  # many events share a date: each is read once
def _days(value: str | None, precision: str | None) -> tuple[Date, Date] | None:
    return date_interval(value, precision)


def in_window(value: str | None, precision: str | None, since: str | None, until: str | None) -> bool:
    """Whether a (possibly partial or vague) date may fall in [since, until] (the module's rule)."""
    if not since and not until:
        return True
    days = _days(value, precision)
    if days is None:
        return False
    return (not since or days[1] >= _first_day(since)) and (not until or days[0] <= _last_day(until))


# Bounds past every ISO date, for a window open on one side (compared as text).
_BEFORE_ALL, _AFTER_ALL = "", "99999"


def _shifted(day: Date, days: int) -> str:
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return _BEFORE_ALL if days < 0 else _AFTER_ALL


def window_sql(date: str, precision: str, since: str | None, until: str | None) -> tuple[str, list]:
    """The window rule as an SQL condition ("" when no bound) on the columns `date` and
    `precision`, in SQL that SQLite and PostgreSQL both run (and indexes can serve): `in_window`
    case by case, ISO dates compared as text. A stored date is the day, month or year its length
    says (`date_interval`); tests check that both agree on every kind of date."""
    if not since and not until:
        return "", []
    first = _first_day(since) if since else None
    last = _last_day(until) if until else None

    def between(before: int, after: int, width: int) -> list[str]:
        low = _BEFORE_ALL if first is None else _shifted(first, before)[:width]
        high = _AFTER_ALL if last is None else _shifted(last, after)[:width]
        return [low, high]

    day, month, year = f"substr({date}, 1, 10)", f"substr({date}, 1, 7)", f"substr({date}, 1, 4)"
    full = f"length({day}) = 10"
    sql = (f" AND {date} IS NOT NULL AND {date} <> '' AND CASE"
           f" WHEN {full} AND {precision} = 'week' THEN {day} BETWEEN ? AND ?"
           f" WHEN {full} AND {precision} = 'weekend' THEN {day} BETWEEN ? AND ?"
           f" WHEN {full} AND {precision} = ? THEN {day} BETWEEN ? AND ?"
           f" WHEN {full} AND ({precision} IS NULL OR {precision} IN ('day', ?)) THEN {day} BETWEEN ? AND ?"
           f" WHEN length({day}) >= 7 AND ({precision} IS NULL OR {precision} IN ('day', 'month'))"
           f" THEN {month} BETWEEN ? AND ?"
           f" ELSE {year} BETWEEN ? AND ? END")
    params = [*between(-WEEK_HALF_DAYS, WEEK_HALF_DAYS, 10), *between(-1, 0, 10),
              ON_OR_BEFORE, *between(0, ON_OR_BEFORE_DAYS, 10),
              NARRATIVE_DAY, *between(0, 0, 10), *between(0, 0, 7), *between(0, 0, 4)]
    return sql, params


@dataclass(frozen=True)
class EventFilter:
    """Which events a query shows. The defaults keep every event."""

    actor: str | None = None  # entity id, name or alias (substring); must match an entity
    type: str | None = None  # PLOVER type, any case
    region: str | None = None  # body | comment | None for both
    since: str | None = None  # YYYY[-MM[-DD]], the window rule above
    until: str | None = None
    doc: str | None = None  # one document's id
    place: str | None = None  # place name, as the map shows it
    min_confidence: float = 0.0  # events below it are stored, not shown

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name != "min_confidence" and value is not None and not isinstance(value, str):
                raise FilterError(f.name, value, "is not text")
            if value == "":  # an empty query parameter or option means no filter
                object.__setattr__(self, f.name, None)
        check_choice("type", self.type, EVENT_TYPES)
        check_choice("region", self.region, EVENT_REGIONS)
        check_window(self.since, self.until)
        check_confidence(self.min_confidence)
        if self.type:
            object.__setattr__(self, "type", self.type.upper())
        if self.region:
            object.__setattr__(self, "region", self.region.lower())
