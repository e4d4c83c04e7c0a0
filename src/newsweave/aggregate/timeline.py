"""Timeline: article events in the order they happened (event date, not publication date), one
entry per real-world event however many documents report it.

Reports merge when they have the same type, mode and actors (either way round for symmetric
types), compatible places (the same place, or one unknown) and dates within a window that
respects precision: "May 2017" covers the whole month, so it merges with "29 May 2017". Each
merged event lists all its reports (event ids, documents) and its independent sources. One pass
per group after sorting by date: near-linear.
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date as Date
from datetime import timedelta

from .polarity import SYMMETRIC_TYPES
from .sources import publisher_of_event

# Reports of one event may disagree by a day or two ("on Monday" resolved against different
# publication days, time zones), so day dates this close still merge.
MERGE_WINDOW_DAYS = 2

PRECISION_RANK: dict[str | None, int] = {"day": 0, "narrative-day": 1, "weekend": 2, "week": 3, "on-or-before": 4, "month": 5, "year": 6}
# Days either side of a week's middle day and after a weekend's Saturday (events.py dates them so).
WEEK_HALF_DAYS = 3
# An event the article does not date happened on or before its publication: the date is the
# article's day, read as the week up to it.
ON_OR_BEFORE = "on-or-before"
# An undated event given the day its article last named before it (extract/events.py).
NARRATIVE_DAY = "narrative-day"
ON_OR_BEFORE_DAYS = 7


def date_interval(value: str | None, precision: str | None = None) -> tuple[Date, Date] | None:
    """The days an ISO (possibly partial) date can mean: "2017-05" -> 1 to 31 May 2017."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        if len(numbers) >= 3 and precision in ("week", "weekend"):
            day = Date(numbers[0], numbers[1], numbers[2])
            if precision == "weekend":
                return day, day + timedelta(days=1)
            return day - timedelta(days=WEEK_HALF_DAYS), day + timedelta(days=WEEK_HALF_DAYS)
        if len(numbers) >= 3 and precision == ON_OR_BEFORE:
            day = Date(numbers[0], numbers[1], numbers[2])
            return day - timedelta(days=ON_OR_BEFORE_DAYS), day
        if len(numbers) >= 3 and precision in (None, "day", NARRATIVE_DAY):
            day = Date(numbers[0], numbers[1], numbers[2])
            return day, day
        if len(numbers) >= 2 and precision in (None, "day", "month"):
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return Date(numbers[0], numbers[1], 1), Date(numbers[0], numbers[1], last)
        return Date(numbers[0], 1, 1), Date(numbers[0], 12, 31)
    except (ValueError, IndexError):
        return None


def precision_of(value: str | None, precision: str | None) -> str | None:
    if not value:
        return None
    return precision or {10: "day", 7: "month", 4: "year"}.get(len(value[:10]), "day")


def event_group_key(event) -> tuple:
    """Events that may be one real event share this key (actors in a fixed order if symmetric)."""
    source, target = event["source"], event["target"]
    if not source and not target:
        return ("single", event["id"])  # no actor to tell two unrelated events apart
    if event["type"] in SYMMETRIC_TYPES and (target or "") < (source or ""):
        source, target = target, source
    return (event["type"], event["mode"] or "", source or "", target or "")


def _place_key(event) -> str | None:
    return event["place_name"].casefold() if event["place_name"] else None


def _cluster(events: list) -> list[list]:
    """Split one group's events into real events (date window, compatible places)."""
    dated = [(date_interval(e["date"], e["date_precision"]), e) for e in events]
    undated = [e for span, e in dated if span is None]
    in_order = sorted(((s, e) for s, e in dated if s is not None), key=lambda p: (p[0][0], p[1]["id"]))
    clusters: list[dict] = []
    window = timedelta(days=MERGE_WINDOW_DAYS)
    for span, event in in_order:
        place = _place_key(event)
        home = next((c for c in reversed(clusters) if span[0] <= c["end"] + window
                     and (place is None or not c["places"] or place in c["places"])), None)
        if home is None:
            home = {"end": span[1], "places": set(), "events": []}
            clusters.append(home)
        home["end"] = max(home["end"], span[1])
        home["events"].append(event)
        if place:
            home["places"].add(place)
    groups = [c["events"] for c in clusters]
    if undated:
        if len(groups) == 1:
            groups[0].extend(undated)  # a report without a date of an event dated elsewhere
        else:
            groups.append(undated)
    return groups


def _merged(reports: list, documents: dict) -> dict:
    """One timeline entry from its reports: the most precise date, the first known place."""
    best = min(reports, key=lambda e: (PRECISION_RANK.get(precision_of(e["date"], e["date_precision"]), 9),
                                       e["date"] is None, e["id"]))
    precise = [e["date"] for e in reports if e["date"] and precision_of(e["date"], e["date_precision"])
               == precision_of(best["date"], best["date_precision"])]
    when = Counter(precise).most_common(1)[0][0] if precise else None
    placed = next((e for e in reports if e["place_name"]), None)
    first = reports[0]
    return {
        "id": first["id"], "date": when, "date_precision": precision_of(when, best["date_precision"]),
        "type": first["type"], "mode": first["mode"], "source": first["source"], "target": first["target"],
        "place_name": placed["place_name"] if placed else None,
        "place_lat": placed["place_lat"] if placed else None,
        "place_lon": placed["place_lon"] if placed else None,
        "place_country": placed["place_country"] if placed else None,
        "modality": Counter(e["modality"] for e in reports).most_common(1)[0][0],
        "events": [e["id"] for e in reports],
        "documents": list(dict.fromkeys(e["doc"] for e in reports)),
        "sources": len({publisher_of_event(e, documents) for e in reports}),
    }


def build_timeline(events: list, documents: dict) -> list[dict]:
    """Merged article events, ordered by when they happened (undated last)."""
    groups: dict[tuple, list] = {}
    for event in events:
        groups.setdefault(event_group_key(event), []).append(event)
    entries = []
    for group in groups.values():
        for reports in _cluster(group):
            reports.sort(key=lambda e: (e["date"] is None, e["id"]))
            entries.append(_merged(reports, documents))

    def order(entry):
        span = date_interval(entry["date"], entry["date_precision"])
        return (span is None, span[0] if span else Date.max, PRECISION_RANK.get(entry["date_precision"], 9),
                entry["type"], entry["id"])

    entries.sort(key=order)
    return entries

