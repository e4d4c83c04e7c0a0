"""Dates on a page: parse date strings, and find the page's publication date.

`parse_date` reads one date in the common written forms ("May 29 2017", "Monday , 4 March
2024", "JULY 2020", "2017-05-29", "29.05.2017", "Posted May 30, 2017 at 7:01 am") and returns
an ISO 8601 string with its precision. `find_published` picks the page's own date from its
datelines and header/footer lines, never from a reader comment, and gives up rather than guess
from a date in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
    # German, French and Spanish month names, for the many non-English pages scraped
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4,
    "juin": 6, "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"
_TIME = r"(?:\s*(?:at|um|à|,|-)?\s*(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?)?"

# Written date forms, most specific first; each yields (year, month, day?) groups.
DATE_FORMS: dict[str, re.Pattern] = {
    # ISO dates and times: 2017-05-29, 2017-05-29T10:00
    "iso day": re.compile(r"\b" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?\b"),
    # month first: May 29 2017, May 29, 2017, Mar. 14, 2017 at 7:01 am
    "month day year": re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b" + _TIME, re.I),
    # day first: 4 March 2024, 4. März 2024, 29th May, 2017
    "day month year": re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b" + _TIME, re.I),
    # numeric day first (European): 29.05.2017
    "dotted": re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b" + _TIME),
    # numeric with slashes: 05/29/2017 or 29/05/2017 (resolved when unambiguous, else US)
    "slashed": re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b" + _TIME),
    # month and year only: JULY 2020, July, 2020
    "month year": re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    # ISO month: 2020-07
    "iso month": re.compile(r"\b" + _YEAR + r"-(?P<month>[01]\d)\b(?!-\d)"),
}
_ANY_YEAR = re.compile(_YEAR)  # every form holds a year: most lines have none, one search rules them out

# Lines that announce the page's own date.
PUBLISHED_CUES = re.compile(
    r"^\W*(?:posted|published|updated|last updated|first published|date|veröffentlicht|"
    r"aktualisiert|publié|publicado|stand)\b(?: on| am| le| el)?\s*:?", re.I)
# A dateline or footer date line has at most this many words besides the date.
DATELINE_MAX_EXTRA_WORDS = 7

# A line longer than this is no dateline: skip parsing it (a megabyte-long line would take
# seconds to search for dates).
DATELINE_MAX_CHARS = 1000
_WEEKDAYS = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)


@dataclass(frozen=True)
class FoundDate:
    value: str  # ISO 8601, possibly partial
    precision: str  # day | month | year
    start: int  # span of the date in the searched string
    end: int


def parse_date(text: str, *, with_time: bool = False) -> FoundDate | None:
    """The first date written in `text`, or None. With `with_time`, day dates keep their time."""
    best: FoundDate | None = None
    if not _ANY_YEAR.search(text):
        return None
    for form, pattern in DATE_FORMS.items():
        for match in pattern.finditer(text):
            found = _to_iso(form, match, with_time)
            if found and (best is None or found.start < best.start):
                best = found
                break
    return best


def _to_iso(form: str, match: re.Match, with_time: bool) -> FoundDate | None:
    groups = match.groupdict()
    year = int(groups["year"])
    day: int | None
    if form == "slashed":
        a, b = int(groups["a"]), int(groups["b"])
        month, day = (b, a) if a > 12 else (a, b)
    else:
        raw_month = groups["month"].lower().rstrip(".")
        month = int(raw_month) if raw_month.isdigit() else MONTHS[raw_month]
        day = int(groups["day"]) if groups.get("day") else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is None:
        return FoundDate(f"{year:04d}-{month:02d}", "month", match.start(), match.end())
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if with_time and groups.get("hour"):
        hour = int(groups["hour"])
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        hour = hour % 12 + (12 if ampm == "pm" else 0) if ampm else hour
        if hour < 24:
            value += f"T{hour:02d}:{groups['minute']}"
    return FoundDate(value, "day", match.start(), match.end())


def dateline_date(line: str) -> FoundDate | None:
    """The date of a line that is little else than a date ("AFP, May 29 2017"), or None."""
    if len(line) > DATELINE_MAX_CHARS:
        return None
    found = parse_date(line)
    if found is None:
        return None
    rest = line[:found.start] + " " + line[found.end:]
    rest = _WEEKDAYS.sub(" ", rest)
    extra = re.findall(r"[^\W\d_]{2,}", rest)
    if len(extra) > DATELINE_MAX_EXTRA_WORDS:
        return None
    return found


def find_published(doc: Document) -> tuple[str, str] | None:
    """The page's publication date and precision, from its datelines and header/footer lines.

    Looks, in order, at dateline regions, at lines announcing a date ("Posted on", "Published:")
    outside comments and body, and at ISO dates in header lines. Comment dates never count.
    """
    text = doc.text
    datelines = doc.regions_of("dateline")
    for region in datelines:
        found = dateline_date(text[region.start:region.end])
        if found:
            return found.value, found.precision
    for region in doc.regions_of("boilerplate", "title"):
        line = text[region.start:region.end]
        if PUBLISHED_CUES.match(line):
            found = parse_date(line)
            if found:
                return found.value, found.precision
    return None
