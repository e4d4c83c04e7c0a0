"""Time expressions resolved against the document's publication date.

Reads `scratch["parses"]`, `regions`, `published`. Adds `timexes`.

Candidates are spaCy's DATE/TIME entities plus the patterns in `timex_patterns` (spaCy misses
"on Monday"-style dates in short texts and cuts "three months ago" in two). Each is resolved to a
TimeML-style value by `resolve`, which needs an anchor date (`anchor_date`) for relative
expressions and the tense of the governing verb for weekdays and dates without a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..document import Document, TimeExpression
from ..settings import Settings
from . import timex_patterns as P

# Regions whose fully dated expressions may bound the publication date (never comments).
ANCHOR_REGION_KINDS = ("title", "dateline", "body")
# A month or month-day with no year, in a sentence without tense, is taken as upcoming when it falls
# this few days after the anchor (a date set ahead), otherwise as past (measured on TempEval-3).
UPCOMING_WINDOW_DAYS = 90

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    region: int
    tense: str | None = None  # past | future | None, from the governing verb


# ---------------------------------------------------------------------------------------------
# The anchor


def parse_iso(value: str | None) -> tuple[date, str] | None:
    """An ISO date, possibly partial, as (the last day it covers, precision)."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value.strip())
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if day:
            return date(year, month, day), "day"
        if month:
            following = date(year + month // 12, month % 12 + 1, 1)
            return following - timedelta(days=1), "month"
        return date(year, 12, 31), "year"
    except ValueError:
        return None


def anchor_date(doc: Document, timexes: list[TimeExpression] | None = None) -> date | None:
    """The date relative expressions in `doc` count from, or None when nothing dates it.

    `doc.published` when it gives a day. Otherwise the latest fully dated expression (day and
    written year) in the title, dateline or body: an article is published on or after every day
    it reports. A partial `published` ("2017-03") keeps such a date only when it falls inside.
    """
    found = _anchor(doc, timexes)
    return found[0] if found else None


def _anchor(doc: Document, timexes: list[TimeExpression] | None) -> tuple[date, str] | None:
    """`anchor_date` with its precision: a partial `published` only dates to the month or year."""
    published = parse_iso(doc.published)
    if published and published[1] == "day":
        return published
    latest = None
    for t in doc.timexes if timexes is None else timexes:
        region = doc.region_at(t.start)
        if region is None or region.kind not in ANCHOR_REGION_KINDS:
            continue
        if t.precision != "day" or not t.value or not re.search(r"\d{4}", t.text):
            continue
        day = parse_iso(t.value)
        if day is None or (published and not t.value.startswith((doc.published or "")[:7])):
            continue
        latest = day[0] if latest is None or day[0] > latest else latest
    if latest is None:
        return published
    return latest, "day"


# ---------------------------------------------------------------------------------------------
# Resolution of one expression


def _precision(value: str | None) -> str | None:
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None


def _count(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return P.NUMBER_WORDS.get(word)


def _unit(word: str) -> str:
    word = word.lower().rstrip("s")
    return "century" if word.startswith("centur") else word


def _shift_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _pick_year(month: int, day: int | None, anchor: date, tense: str | None) -> int:
    """The year that puts a month(-day) nearest the anchor, on the side the tense points to."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day or 1))
        except ValueError:
            continue
    if day is None:  # a whole month: "in March" counts as past once March has begun
        past = [d for d in options if d <= anchor]
        future = [d for d in options if d > anchor]
    else:
        past = [d for d in options if d <= anchor]
        future = [d for d in options if d >= anchor]
    if tense == "future" and future:
        return min(future).year
    if tense is None and future and min(future) - anchor <= timedelta(days=UPCOMING_WINDOW_DAYS):
        return min(future).year
    return max(past).year if past else anchor.year


def _weekday(weekday: int, anchor: date, modifier: str | None, tense: str | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7 or 7
    if modifier in ("next", "coming") or (modifier != "last" and tense == "future"):
        return anchor + timedelta(days=ahead)
    if modifier in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def _resolve_named(t: str, anchor: date | None, tense: str | None):
    """Dates written with month names, weekdays, numbers: the absolute and calendar forms."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return t, "DATE"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    if m:  # month first, as American sites write it; day first when the month cannot be
        a, b = int(m[1]), int(m[2])
        month, day = (b, a) if a > 12 else (a, b)
        return f"{m[3]}-{month:02d}-{day:02d}", "DATE"
    month_re = "|".join(sorted(P.MONTHS, key=len, reverse=True))
    day_re = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    weekday_re = r"(?:(?:" + "|".join(P.WEEKDAYS) + r")\.?,?\s+)?"
    for pattern in (  # month-day, then day-month: the named groups tell which is which
        rf"{weekday_re}(?P<m>{month_re})\.?\s+{day_re}(?:,?\s+(?P<y>\d{{4}}))?",
        rf"{weekday_re}{day_re}\s+(?:of\s+)?(?P<m>{month_re})\.?(?:,?\s+(?P<y>\d{{4}}))?",
    ):
        m = re.fullmatch(pattern, t)
        if m:
            month, day = P.MONTHS[m["m"]], int(m["d"])
            if not 1 <= day <= 31:
                return None
            if m["y"]:
                return f"{m['y']}-{month:02d}-{day:02d}", "DATE"
            if anchor is None:
                return None
            lead = re.match(r"[a-z]+", t)  # "15 October" has no leading word
            weekday = lead[0] if lead else ""
            if weekday in P.WEEKDAYS:  # "Monday, Oct. 26": the nearby year where that is a Monday
                for year in (anchor.year, anchor.year + 1, anchor.year - 1):
                    if _valid(year, month, day) and date(year, month, day).weekday() == P.WEEKDAYS[weekday]:
                        return f"{year}-{month:02d}-{day:02d}", "DATE"
            return f"{_pick_year(month, day, anchor, tense)}-{month:02d}-{day:02d}", "DATE"
    m = re.fullmatch(rf"(?P<m>{month_re})\.?\s+(?P<mod>this|last|next) year", t)
    if m and anchor is not None:
        return f"{anchor.year + P.SHIFTS[m['mod']]}-{P.MONTHS[m['m']]:02d}", "DATE"
    m = re.fullmatch(rf"(?:(?:early|mid|late)[- ])?(?P<m>{month_re})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})", t)
    if m:
        return f"{m['y']}-{P.MONTHS[m['m']]:02d}", "DATE"
    m = re.fullmatch(rf"(?:(?P<mod>last|next|this|early|late|mid)[- ])?(?P<m>{month_re})", t)
    if m and anchor is not None and (len(m["m"]) > 3 or m["m"] == "may"):
        month, mod = P.MONTHS[m["m"]], m["mod"]
        year = _pick_year(month, None, anchor, "future" if mod == "next" else tense)
        if mod == "this":
            year = anchor.year
        if mod == "last" and year == anchor.year and month >= anchor.month:
            year -= 1
        return f"{year}-{month:02d}", "DATE"
    weekdays = "|".join(P.WEEKDAYS)
    m = re.fullmatch(rf"(?:(?P<mod>last|next|this|past|coming)\s+)?(?P<w>{weekdays})"
                     rf"(?:\s+(?P<part>morning|afternoon|evening|night))?", t)
    if m and anchor is not None:
        return _weekday(P.WEEKDAYS[m["w"]], anchor, m["mod"], tense).isoformat(), "DATE"  # TimeBank values "Friday night" as the day
    m = re.fullmatch(r"(?:fiscal\s+)?(?:the\s+)?(?:early|mid|late)?[- ]?(1[89]\d\d|20\d\d)", t)
    if m:
        return m[1], "DATE"
    return None


def _resolve_decade(t: str, anchor: date | None):
    m = re.fullmatch(r"(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(\d{2})?'?(\d)0'?s", t)
    if not m:
        return None
    century = m[1] or (str(anchor.year)[:2] if anchor and int(m[2]) * 10 <= anchor.year % 100
                       else "19")
    return f"{century}{m[2]}", "DATE"


def _resolve_quarter(t: str, anchor: date | None):
    m = re.fullmatch(r"(?:the\s+)?(?:(?P<y1>\d{4})\s+)?(?P<q>\w+(?:-\w+)?)[- ]quarter(?:\s+of\s+(?P<y2>\d{4}))?", t)
    if not m:
        return None
    year = m["y1"] or m["y2"]
    if year and m["q"] in P.ORDINALS:
        return f"{year}-Q{P.ORDINALS[m['q']]}", "DATE"
    if anchor is None:
        return None
    current = (anchor.month - 1) // 3 + 1
    word = m["q"]
    if word in P.ORDINALS:
        quarter, year = P.ORDINALS[word], anchor.year
        if quarter > current:  # a later quarter than now, said of results: last year's
            year -= 1
        return f"{year}-Q{quarter}", "DATE"
    if word in ("current", "this"):
        return f"{anchor.year}-Q{current}", "DATE"
    previous = _shift_months(anchor, -3)
    quarter = (previous.month - 1) // 3 + 1
    if word in ("latest", "last", "previous", "the"):  # "the quarter": the one just reported
        return f"{previous.year}-Q{quarter}", "DATE"
    if word in ("year-earlier", "year-ago"):
        return f"{previous.year - 1}-Q{quarter}", "DATE"
    return None


def _resolve_relative(t: str, anchor: date | None, tense: str | None = None):
    """Expressions counted from the anchor: days, shifted units, "three months ago"."""
    m = re.fullmatch(r"(?P<day>the day before yesterday|the day after tomorrow|yesterday|today|"
                     r"tomorrow|tonight|last night|this)(?:\s+(?P<part>morning|afternoon|evening|night))?", t)
    if m and (m["day"] != "this" or m["part"]):
        if anchor is None:
            return None
        offset = {"last night": -1, "this": 0}.get(m["day"], P.DAY_OFFSETS.get(m["day"], 0))
        day = (anchor + timedelta(days=offset)).isoformat()
        part = m["part"]
        if part:
            return f"{day}T{P.PARTS_OF_DAY[part]}", "TIME"
        return day, "DATE"
    num = "|".join(sorted(P.NUMBER_WORDS, key=len, reverse=True))
    m = re.fullmatch(rf"(?P<n>\d+|{num})[- ](?P<u>\w+?)s?\s+(?P<dir>ago|earlier|later|before|after|from now)", t)
    if m and _unit(m["u"]) in P.UNITS:
        count, unit, sign = _count(m["n"]), _unit(m["u"]), P.AGO_WORDS[m["dir"]]
        if anchor is None:
            return None
        if count is None:
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
        return _shifted(anchor, unit, sign * count)
    if t in ("the weekend", "this weekend") and anchor is not None:
        # Early in the week "the weekend" is the one just past, later on the one coming.
        back = anchor.weekday() < 3 and tense != "future"
        return f"{_week(anchor - timedelta(weeks=1 if back else 0))}-WE", "DATE"
    m = re.fullmatch(r"(?:(?P<edge>earlier|later|early|late)\s+)?(?P<mod>last|this|next|past|previous|coming|current)"
                     r"\s+(?P<u>week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter)", t)
    if m and anchor is not None:
        shift, unit = P.SHIFTS[m["mod"]], m["u"]
        if unit in P.SEASONS:
            year = anchor.year + shift
            return f"{year}-{P.SEASONS[unit]}", "DATE"
        if unit == "weekend":
            return f"{_week(anchor + timedelta(weeks=shift))}-WE", "DATE"
        return _shifted(anchor, unit, shift)
    return None


def _shifted(anchor: date, unit: str, amount: int):
    """The anchor moved by `amount` units, written at that unit's granularity."""
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat(), "DATE"
    if unit in ("week", "fortnight"):
        return _week(anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1))), "DATE"
    if unit == "month":
        return _shift_months(anchor, amount).strftime("%Y-%m"), "DATE"
    if unit == "year":
        return str(anchor.year + amount), "DATE"
    if unit == "decade":
        return str(anchor.year // 10 + amount), "DATE"
    if unit == "century":
        return str(anchor.year // 100 + amount), "DATE"
    return None  # hours and minutes: a time of day the text rarely lets us place


def _resolve_duration(t: str):
    """Stretches of time: "three years", "the past two months", "daily"."""
    sets = {"daily": "P1D", "every day": "P1D", "each day": "P1D", "weekly": "P1W",
            "every week": "P1W", "monthly": "P1M", "every month": "P1M", "annually": "P1Y",
            "yearly": "P1Y", "every year": "P1Y", "each year": "P1Y", "a year": None}
    if t in sets and sets[t]:
        return sets[t], "SET"
    num = "|".join(sorted(P.NUMBER_WORDS, key=len, reverse=True))
    m = re.fullmatch(rf"(?:the\s+)?(?:(?:past|last|next|coming|first|previous|following)\s+)?"
                     rf"(?:(?P<n>\d+|{num})[- ])?(?P<u>[a-z]+?)(?:s|-long)?", t)
    if not m or _unit(m["u"]) not in P.UNITS:
        return None
    letter, is_time = P.UNITS[_unit(m["u"])]
    shifted = re.match(r"(the\s+)?(past|last|next|coming|first|previous|following)\s", t)
    if shifted and m["n"] is None and not t.startswith("the "):
        return None  # "last year" is a date; "the last year" and "the past two years" are spans
    if m["n"] is None and not shifted:
        if not t.endswith("s") or t.startswith("the "):
            return None  # "the year", "week": too vague to call a duration
        count = None
    else:
        count = _count(m["n"]) if m["n"] else 1
    unit = _unit(m["u"])
    if unit in ("decade", "century"):  # TimeML writes these in years: "the past decade" -> P10Y
        letter = "Y"
        count = None if count is None else count * (10 if unit == "decade" else 100)
    amount = "X" if count is None else str(count)
    return ("PT" if is_time else "P") + amount + letter, "DURATION"


def _resolve_clock(t: str, anchor: date | None):
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)", t)
    if not m or anchor is None:
        return None
    hour = int(m[1]) % 12 + (12 if m[3].startswith("p") else 0)
    return f"{anchor.isoformat()}T{hour:02d}:{m[2] or '00'}", "TIME"


def _resolve_dateparser(text: str, anchor: date | None, tense: str | None):
    """Last resort for absolute forms the rules above do not know."""
    if not re.search(r"\d", text) or re.fullmatch(r"[\d\s.,-]+", text):
        return None
    has_year = re.search(r"\b\d{4}\b", text)
    if not has_year and anchor is None:
        return None  # whatever dateparser made of it would be dated from today
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if tense == "future" else "past",
                "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    has_day = re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", text))
    return parsed.strftime("%Y-%m-%d" if has_day else "%Y-%m"), "DATE"


# Each candidate is resolved three or four times (probe, no anchor, its anchor) and the same
# expressions recur across documents; dateparser, the last resort, is slow.
@lru_cache(maxsize=8192)
def resolve(text: str, anchor: date | None, *, tense: str | None = None) -> tuple[str | None, str | None, str]:
    """A time expression's TimeML value, precision and kind, counted from `anchor`.

    `tense` ("past", "future" or None) is that of the verb governing the expression: it decides
    whether a bare weekday or a month-day without year lies before or after the anchor.
    Unresolvable expressions get value None; absolute ones resolve without an anchor.
    """
    t = _SPACE.sub(" ", text.strip().lower()).replace("’", "'")
    t = re.sub(r"[,.;:]+$", "", t) if not t.endswith(("a.m.", "p.m.")) else t
    if t in P.REFERENCE_WORDS:
        return P.REFERENCE_WORDS[t], None, "DATE"
    for attempt in (
        lambda: _resolve_relative(t, anchor, tense),
        lambda: _resolve_named(t, anchor, tense),
        lambda: _resolve_decade(t, anchor),
        lambda: _resolve_quarter(t, anchor),
        lambda: _resolve_duration(t),
        lambda: _resolve_clock(t, anchor),
    ):
        found = attempt()
        if found:
            value, kind = found
            return value, (_precision(value) if kind == "DATE" else None), kind
    found = _resolve_dateparser(t, anchor, tense)
    if found:
        return found[0], _precision(found[0]), found[1]
    return None, None, "DATE"


# ---------------------------------------------------------------------------------------------
# Tense of the governing verb


def governing_tense(token) -> str | None:
    """"future", "past" or None for the verb that governs a spaCy token of a time expression.

    Future: "will meet on Monday", "is to visit on Monday", "set to take place on January 19",
    "scheduled for Friday". Past: a past-tense or perfect verb. Present and unparsed: None.
    """
    head = token
    for _ in range(5):
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in P.REPORTING_VERBS:
        return None
    children = list(head.children)
    auxiliaries = [c.lower_ for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a in P.FUTURE_AUXILIARIES for a in auxiliaries):
        return "future"
    if head.lemma_.lower() in ("schedule", "slate", "plan") and head.tag_ == "VBN":
        return "future"
    if head.tag_ == "VB" and "to" in auxiliaries:
        governor = head.head
        if governor.lemma_.lower() in P.PLAN_GOVERNORS:
            return "past" if governor.tag_ == "VBD" and governor.lemma_ != "be" else "future"
    if "would" in auxiliaries and "have" not in auxiliaries:
        return "future"  # "would leave Tuesday": later than the report
    lemma = head.lemma_.lower()
    if head.tag_ in ("VBZ", "VBP") and not auxiliaries and lemma not in P.STATIVE_VERBS:
        return "future"  # news present for a schedule: "leaders meet Monday", "plans to hold"
    if head.tag_ == "VBD" or any(a in ("had", "did", "was", "were", "has", "have") for a in auxiliaries):
        return "past"
    if head.tag_ == "VBN" and head.dep_ in ("ROOT", "ccomp", "conj"):
        return "past"
    return None


# ---------------------------------------------------------------------------------------------
# Candidates


def _spacy_spans(parsed) -> list[tuple[int, int]]:
    spans = []
    for ent in parsed.ents:
        if ent.label_ in ("DATE", "TIME") and not P.SPACY_REJECT.search(ent.text):
            spans.append((ent.start_char, ent.end_char))
    return spans


def _pattern_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for _name, pattern, _reason in P.CANDIDATE_PATTERNS:
        for m in pattern.finditer(text):
            group = "t" if "t" in pattern.groupindex else 0
            spans.append(m.span(group))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping candidates become one expression (spaCy's and a pattern's views of it)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


_CALENDAR = re.compile(
    r"(?i)\d|\b(?:" + "|".join(list(P.MONTHS) + list(P.WEEKDAYS)) + r")\b|\b(?:second|minute|hour|"
    r"day|week|month|year|decade|centur|today|yesterday|tomorrow|tonight|morning|night|now)")


# "last" belongs to the expression before these ("last May", "last Sunday"), not "last Oct. 23".
_LAST_KEEPS = re.compile(
    r"(?i)last (?:week|weekend|month|year|night|decade|century|quarter|spring|summer|fall|autumn|"
    r"winter|\w+day|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b(?!\.? \d)")


def _calendar_word(text: str) -> bool:
    return bool(_CALENDAR.search(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop prepositions, possessives and punctuation at the edges ("on Monday" -> "Monday")."""
    while True:
        piece = text[start:end]
        first = piece.split(" ", 1)[0].lower()
        if first in P.LEADING_TRIM and " " in piece and not piece.lower().startswith("in the coming"):
            start += len(first) + 1
            continue
        if piece.lower().startswith("in the coming"):
            start += 3
            continue
        qualifier = next((q for q in P.LEADING_QUALIFIERS if piece.lower().startswith(q + " ")), None)
        if qualifier and _calendar_word(piece[len(qualifier) + 1:]):
            if not (qualifier == "last" and _LAST_KEEPS.match(piece)):
                start += len(qualifier) + 1
                continue
        last = piece.rsplit(" ", 1)[-1].lower()
        if last in P.TRAILING_RELATORS and " " in piece and _calendar_word(piece[: -len(last)]):
            end -= len(last) + 1
            continue
        break
    while end > start and (text[end - 1] in " ,;:'\"" or text[start:end].endswith("'s")):
        end -= 2 if text[start:end].endswith("'s") else 1
    while start < end and text[start] in " ,;:'\"":
        start += 1
    return start, end


def _candidates(doc: Document) -> list[_Candidate]:
    found: list = []
    for index, parsed in doc.scratch.get("parses", []):
        offset = doc.regions[index].start
        text = doc.scratch["parsed_texts"][index]
        patterns = _pattern_spans(text)
        for start, end in _merge(_spacy_spans(parsed) + patterns):
            start, end = _trim(text, start, end)
            if end <= start:
                continue
            if resolve(text[start:end], _PROBE_ANCHOR)[0] is None:
                # A long span resolving to nothing ("April 24 and 25", "the six months ended
                # Oct. 1"): keep the parts the patterns recognise, when they resolve.
                inside = [p for p in patterns if start <= p[0] and p[1] <= end]
                inside += [(start + y.start(), start + y.end()) for y in P.YEAR_IN_SPAN.finditer(text[start:end])]
                parts = [_trim(text, s, e) for s, e in _merge(inside)]
                parts = [(s, e) for s, e in parts if (s, e) != (start, end) and resolve(text[s:e], _PROBE_ANCHOR)[0]]
                if parts:
                    found.extend(_candidate(parsed, text, s, e, index, offset) for s, e in parts)
                    continue
            found.append(_candidate(parsed, text, start, end, index, offset))
    return found


# Any day does to test whether an expression resolves at all.
_PROBE_ANCHOR = date(2000, 6, 15)


def _candidate(parsed, text: str, start: int, end: int, index: int, offset: int) -> _Candidate:
    span = parsed.char_span(start, end, alignment_mode="expand")
    tense = governing_tense(span.root) if span is not None else None
    if span is not None and any(t.lower_ in P.FUTURE_MARKERS for t in span):
        tense = "future"
    if text[max(0, start - 24):start].lower().rstrip().endswith(P.FUTURE_LEADS):
        tense = "future"
    return _Candidate(offset + start, offset + end, index, tense)


def _region_anchor(doc: Document, region: int, anchor: tuple[date, str] | None) -> tuple[date, str] | None:
    """Comments count from their own posting time when the page gives it."""
    if doc.regions[region].kind == "comment":
        return parse_iso(doc.regions[region].posted) or anchor
    return anchor


def _first_day(anchor: tuple[date, str]) -> date:
    """The first day a partial anchor covers (parse_iso gives the last)."""
    last, precision = anchor
    return last.replace(day=1) if precision == "month" else last.replace(month=1, day=1)


def _common_value(first: str | None, last: str | None) -> tuple[str | None, str | None]:
    """What two resolutions agree on: "2020-06-30" and "2020-07-30" agree on the year 2020."""
    if first == last:
        return first, _precision(first)
    for size, precision in ((7, "month"), (4, "year")):
        if first and last and len(first) >= size and len(last) >= size and first[:size] == last[:size]:
            return first[:size], precision
    return None, None


def _keep(text: str, value: str | None, anchor: date | None) -> bool:
    """Drop bare numbers (ages, scores) and vague words that resolve to nothing despite an anchor."""
    lowered = text.lower()
    if re.fullmatch(r"[\d.,]+", lowered) and not re.fullmatch(r"1[89]\d\d|20\d\d", lowered):
        return False
    if value is not None:
        return True
    if lowered in P.WEAK_REFERENCE_WORDS:
        return False
    return anchor is None or bool(re.search(r"\d|" + "|".join(list(P.MONTHS) + list(P.WEEKDAYS)), lowered))


class TimeTagger:
    """Finds time expressions in the parsed regions and resolves them against the anchor date."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        candidates = _candidates(doc)
        # First pass without an anchor: the absolute dates, which may date the document.
        absolute = [TimeExpression(c.start, c.end, doc.text[c.start:c.end],
                                   *resolve(doc.text[c.start:c.end], None, tense=c.tense)) for c in candidates]
        anchor = _anchor(doc, [t for t, c in zip(absolute, candidates) if c.tense != "future"])
        doc.timexes = []
        for c, fixed in zip(candidates, absolute):
            text = doc.text[c.start:c.end]
            region_anchor = _region_anchor(doc, c.region, anchor)
            anchor_day = region_anchor[0] if region_anchor else None
            value, precision, kind = resolve(text, anchor_day, tense=c.tense)
            if region_anchor and region_anchor[1] != "day" and fixed.value is None and kind == "DATE":
                # A page dated "JULY 2020": "a day earlier" is some day of June or July, not July 30.
                value, precision = _common_value(resolve(text, _first_day(region_anchor), tense=c.tense)[0], value)
            if _keep(text, value, anchor_day):
                doc.timexes.append(TimeExpression(c.start, c.end, text, value, precision, kind))
        return doc
