"""Named data for the time tagger: word lists, candidate patterns and TimeML value words.

Everything `timex.py` knows about English time words lives here, each list with the reason it
exists, so that a new phrasing is a data change rather than a code change.
"""

from __future__ import annotations

import re

# Month names and the abbreviations news style uses ("Jan.", "Sept.").
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

# Counted amounts in words; "a"/"an" count one ("a week ago"); vague counts become "X".
NUMBER_WORDS: dict[str, int | None] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half": None,
    "several": None, "few": None, "a few": None, "many": None, "some": None, "couple": 2,
    "a couple of": 2, "dozens of": None, "a dozen": 12,
}

# Calendar units -> (TimeML duration letter, whether it is a time-of-day unit needing "T").
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "month": ("M", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "fortnight": ("W", False),
}

# Single words with a fixed TimeML value (TempEval's reference words).
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "right now": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "once": "PAST_REF", "lately": "PAST_REF",
    "recent years": "PAST_REF", "in recent years": "PAST_REF", "recent months": "PAST_REF",
    "recent weeks": "PAST_REF", "recent days": "PAST_REF", "earlier": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF", "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming months": "FUTURE_REF",
    "the days ahead": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the weeks ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",
}

# Words of the reference list that are too ambiguous to tag unless spaCy also called them a date
# ("once" is usually "once again", "earlier" usually comparative, "current" an adjective).
WEAK_REFERENCE_WORDS = frozenset({"once", "earlier", "current", "recent", "future"})

# Days relative to the anchor.
DAY_OFFSETS: dict[str, int] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}

# Parts of the day, TimeML's codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}

# Seasons, TimeML's codes.
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

# Modifiers that move a calendar unit relative to the anchor ("last month", "next week").
SHIFTS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
    "coming": 1, "following": 1, "upcoming": 1,
}

# Words after a count of units that make it a point in time, with the direction.
AGO_WORDS: dict[str, int] = {
    "ago": -1, "earlier": -1, "before": -1, "later": 1, "after": 1, "from now": 1,
    "hence": 1,
}

# Qualifiers TimeML leaves outside the expression ("nearly five months", "later today").
LEADING_QUALIFIERS = ("only", "nearly", "almost", "just", "about", "more than", "less than",
                      "at least", "at most", "over", "some", "roughly", "around", "approximately",
                      "later", "earlier", "early", "late", "the early hours of", "the late hours of",
                      "up to", "as long as", "long as", "between", "last")
# Trailing words that relate a duration to another event ("one year after the war").
TRAILING_RELATORS = ("after", "before")

# Words that end an expression but belong to the sentence, not the time ("on Monday").
LEADING_TRIM = ("on", "in", "at", "since", "by", "until", "till", "from", "during", "for",
                "of", "to", "as", "over", "around", "about")

# The governing verb's companions that put an event after the anchor.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "going"})
# Verbs and adjectives that, with "to" + verb, state a plan ("is set to meet", "due to visit").
PLAN_GOVERNORS = frozenset({
    "set", "schedule", "due", "expect", "plan", "be", "go", "intend", "slate", "poise",
    "prepare", "hope", "aim", "agree", "decide",
})
# Verbs whose tense is the report's, not the event's ("said the talks start Jan. 12").
REPORTING_VERBS = frozenset({
    "say", "tell", "announce", "report", "add", "state", "note", "claim", "confirm", "declare",
    "disclose", "reveal", "write", "quote", "according",
})
# Bare years inside a longer span that resolves to nothing ("between 1994 and 1997").
YEAR_IN_SPAN = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")

# Phrases just before the expression that point forward ("as soon as Tuesday").
FUTURE_LEADS = ("as soon as", "as early as", "no sooner than", "starting", "beginning")
# Present-tense verbs that are states or auxiliaries, not a scheduled event ("is", "has").
STATIVE_VERBS = frozenset({"be", "have", "do", "seem", "remain", "appear", "know", "want", "need"})

# Words inside or just before the expression that point forward ("next", "coming", "until").
FUTURE_MARKERS = frozenset({"next", "coming", "upcoming", "following", "tomorrow"})

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
          r"Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"fifteen|twenty|thirty|forty|fifty|several|a few|few|a couple of|couple of|many)")
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centuries)s?"
_DAYPART = r"(?:morning|afternoon|evening|night)"

# Candidate patterns spaCy's recognizer misses or cuts short; name -> (regex, reason).
# Case-sensitive where capitals matter (months, weekdays), otherwise case-insensitive. A group
# named "t" marks the expression when the pattern also matches its context.
CANDIDATE_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("weekday_month_day_year", re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
     "news dates: 'Tuesday, March 14', 'Jan. 12', 'May 29, 2019'"),
    ("day_month_year", re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"),
     "British order: '12 January 2017'"),
    ("month_year", re.compile(rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}(?:,)?\s+(?:of\s+)?\d{{4}}\b"),
     "'November 2016', 'in Oct 2015', 'late May 2019'"),
    ("iso_date", re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), "machine-written dates in scrapes"),
    ("numeric_date", re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"), "'12/01/2017' in page furniture"),
    ("weekday", re.compile(
        rf"\b(?:(?:last|next|this|past|coming)\s+)?{_WEEKDAY}(?:\s+{_DAYPART})?\b"
        r"|(?i:\b(?:last|next|this|past|coming)\s+)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
     "'on Monday', 'last Sunday', 'Friday night'"),
    ("month_alone", re.compile(
        r"\b(?:(?:early|mid|late|last|next|this)[- ])?(?:January|February|March|April|June|July|"
        r"August|September|October|November|December)\b(?!\s+\d)"),
     "'in March'; 'May' is left to context below because it is also a verb"),
    ("may_in_context", re.compile(r"\b(?:in|In|since|until|of|by|early|late|mid-)\s*(?P<t>May)\b"
                                  r"|\b(?:last|next|this) May\b"),
     "'May' is the month only after a preposition or modifier"),
    ("month_relative_year", re.compile(
        rf"\b{_MONTH}\s+(?:this|last|next) year\b"), "'June last year', 'October this year'"),
    ("decade", re.compile(r"(?i)\b(?:the\s+)?(?:early\s+|mid-?\s*|late\s+)?(?:19|20)?'?\d0'?s\b"),
     "'the 1980s', 'the '90s'"),
    ("year_after_preposition", re.compile(
        r"\b(?:in|In|since|Since|until|by|of|from|to|during|before|after|early|late|fiscal)\s+"
        r"(?P<t>1[89]\d\d|20\d\d)\b(?![,.]?\d)"),
     "a bare year is a date when a preposition governs it ('in 2014')"),
    ("quarter", re.compile(
        r"(?i)\b(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|latest|last|"
        r"current|previous|year-earlier|year-ago)[- ]quarter\b(?:\s+of\s+(?:19|20)\d\d\b)?"
        r"|(?i:\bthe quarter\b)"),
     "financial news: 'the third quarter'"),
    ("ago", re.compile(rf"(?i)\b{_NUM}[- ]{_UNIT}\s+(?:ago|earlier|later|before|after|from now)\b"),
     "'three months ago', 'a day earlier'"),
    ("unit_shift", re.compile(
        r"(?i)\b(?:(?:earlier|later|early|late)\s+)?(?:last|this|next|past|previous|coming|current)"
        r"\s+(?:week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter)\b"),
     "'last month', 'earlier this month', 'next week'"),
    ("relative_day", re.compile(
        rf"(?i)\b(?:the day (?:before yesterday|after tomorrow)|yesterday|today|tomorrow|tonight|"
        rf"last night)(?:\s+{_DAYPART})?\b"),
     "days named relative to the publication date"),
    ("part_of_this_day", re.compile(r"(?i)\bthis\s+(?:morning|afternoon|evening)\b"),
     "'this morning' is the publication day"),
    ("span_of_units", re.compile(
        rf"(?i)\b(?:the\s+)?(?:past|last|next|coming|first|previous)\s+(?:{_NUM}\s+)?{_UNIT}\b"),
     "durations anchored on the text: 'the past two months', 'the coming days'"),
    ("count_of_units", re.compile(rf"(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                                  rf"eleven|twelve|fifteen|twenty|thirty|several|a few)[- ]{_UNIT}\b"
                                  r"(?![- ]old)"),
     "plain durations: 'three years', 'six-month'"),
    ("reference", re.compile(
        r"(?i)\b(?:in the coming (?:days|weeks|months|years)|the coming (?:days|weeks|months|years)|"
        r"the near future|recent (?:years|months|weeks|days)|nowadays|currently|recently|"
        r"the days ahead|these days|right now|at present|now|(?:in )?the future|daily|annually|"
        r"the past|soon|previously|formerly|"
        r"every (?:day|week|month|year)|each (?:day|week|month|year))\b(?! that)"),
     "TempEval's PRESENT/PAST/FUTURE reference expressions"),
    ("clock_time", re.compile(r"(?i)\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"),
     "'3 p.m.', '10:30 am'"),
]

# spaCy DATE entities that are never time expressions in TimeML's sense (ages, adjectives).
SPACY_REJECT = re.compile(r"(?i)\b(?:\d+|[a-z]+)[- ]years?[- ]old\b|^(?:annual|annually|age)$")
