"""Time expressions: values against a fixed anchor, the weekday and year rules, offsets, anchors."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import anchor_date, parse_iso, resolve
from newsweave.document import Document, Region, TimeExpression
from newsweave.settings import Settings

ANCHOR = date(2017, 3, 14)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "tense", "value", "precision", "kind"),
    [
        ("Monday", None, "2017-03-13", "day", "DATE"),  # the latest Monday before the date
        ("Monday", "past", "2017-03-13", "day", "DATE"),
        ("Monday", "future", "2017-03-20", "day", "DATE"),  # "will meet on Monday"
        ("Tuesday", None, "2017-03-14", "day", "DATE"),  # the publication day itself
        ("last Sunday", None, "2017-03-12", "day", "DATE"),
        ("next Friday", None, "2017-03-17", "day", "DATE"),
        ("Jan. 12", None, "2017-01-12", "day", "DATE"),
        ("May 20", "past", "2016-05-20", "day", "DATE"),  # nearest before the anchor
        ("May 20", "future", "2017-05-20", "day", "DATE"),
        ("Dec. 30", None, "2016-12-30", "day", "DATE"),
        ("15 October", "past", "2016-10-15", "day", "DATE"),  # day first, no year: once crashed
        ("Tuesday, March 14", None, "2017-03-14", "day", "DATE"),
        ("May 29, 2019", None, "2019-05-29", "day", "DATE"),
        ("12 January 2016", None, "2016-01-12", "day", "DATE"),
        ("November 2016", None, "2016-11", "month", "DATE"),
        ("Oct 2015", None, "2015-10", "month", "DATE"),
        ("three months ago", None, "2016-12", "month", "DATE"),
        ("two days ago", None, "2017-03-12", "day", "DATE"),
        ("a day earlier", None, "2017-03-13", "day", "DATE"),
        ("yesterday", None, "2017-03-13", "day", "DATE"),
        ("today", None, "2017-03-14", "day", "DATE"),
        ("earlier this month", None, "2017-03", "month", "DATE"),
        ("last month", None, "2017-02", "month", "DATE"),
        ("last year", None, "2016", "year", "DATE"),
        ("next year", None, "2018", "year", "DATE"),
        ("this week", None, "2017-W11", None, "DATE"),
        ("next week", None, "2017-W12", None, "DATE"),
        ("the 1980s", None, "198", None, "DATE"),
        ("2014", None, "2014", "year", "DATE"),
        ("the coming days", None, "FUTURE_REF", None, "DATE"),
        ("now", None, "PRESENT_REF", None, "DATE"),
        ("recently", None, "PAST_REF", None, "DATE"),
        ("three years", None, "P3Y", None, "DURATION"),
        ("the past two months", None, "P2M", None, "DURATION"),
        ("six-month", None, "P6M", None, "DURATION"),
        ("48 hours", None, "PT48H", None, "DURATION"),
        ("several weeks", None, "PXW", None, "DURATION"),
        ("daily", None, "P1D", None, "SET"),
        ("this morning", None, "2017-03-14TMO", None, "TIME"),
        ("Monday, March 19", "past", "2018-03-19", "day", "DATE"),  # the year where it is a Monday
        ("the third quarter of 2015", None, "2015-Q3", None, "DATE"),
        ("last May", None, "2016-05", "month", "DATE"),
        ("April", None, "2017-04", "month", "DATE"),  # weeks ahead, no tense: upcoming
        ("April", "past", "2016-04", "month", "DATE"),
    ],
)
def test_resolve_against_anchor(text, tense, value, precision, kind):
    assert resolve(text, ANCHOR, tense=tense) == (value, precision, kind)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Monday", None), ("three months ago", None), ("last year", None), ("Jan. 12", None),
     ("May 29, 2019", "2019-05-29"), ("November 2016", "2016-11"), ("2014", "2014")],
)
def test_without_anchor_only_absolute_dates_resolve(text, value):
    assert resolve(text, None)[0] == value


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2017-03-14", (date(2017, 3, 14), "day")), ("2017-03", (date(2017, 3, 31), "month")),
     ("2017", (date(2017, 12, 31), "year")), ("", None), ("yesterday", None)],
)
def test_parse_iso_gives_last_covered_day(published, expected):
    assert parse_iso(published) == expected


def _doc(text: str, published: str | None = None, comment_from: int | None = None) -> Document:
    end = len(text) if comment_from is None else comment_from
    regions = [Region("body", 0, end)]
    if comment_from is not None:
        regions.append(Region("comment", comment_from, len(text)))
    return Document(id="t", name="t", path="t", raw=text, text=text, published=published, regions=regions)


def _timex(doc: Document, phrase: str, value: str) -> TimeExpression:
    start = doc.text.index(phrase)
    return TimeExpression(start, start + len(phrase), phrase, value, "day", "DATE")


def test_anchor_prefers_publication_date():
    doc = _doc("It happened on May 2, 2017.", published="2017-05-10")
    assert anchor_date(doc, [_timex(doc, "May 2, 2017", "2017-05-02")]) == date(2017, 5, 10)


def test_anchor_is_latest_written_date_in_body_not_comments():
    text = "Talks began on May 2, 2017 and ended on May 4, 2017. Comment posted June 9, 2017."
    doc = _doc(text, comment_from=text.index("Comment"))
    found = [_timex(doc, "May 2, 2017", "2017-05-02"), _timex(doc, "May 4, 2017", "2017-05-04"),
             _timex(doc, "June 9, 2017", "2017-06-09")]
    assert anchor_date(doc, found) == date(2017, 5, 4)


def test_no_anchor_without_dates():
    assert anchor_date(_doc("Nothing dated here."), []) is None


# --- through the parser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def tag():
    from newsweave.annotate.parse import Parser
    from newsweave.annotate.timex import TimeTagger

    settings = Settings()
    parser, tagger = Parser(settings), TimeTagger(settings)
    return lambda doc: tagger(parser(doc))


def _values(doc: Document) -> dict[str, str | None]:
    return {t.text: t.value for t in doc.timexes}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("The two leaders met in Moscow on Monday.", "Monday", "2017-03-13"),
        ("The two leaders will meet in Moscow on Monday.", "Monday", "2017-03-20"),
        ("The minister is to visit Cairo on Monday.", "Monday", "2017-03-20"),
        ("The conference is set to take place on January 19.", "January 19", "2018-01-19"),
        ("The ship docked in the port on Jan. 12.", "Jan. 12", "2017-01-12"),
        ("Fighting broke out three months ago near the city.", "three months ago", "2016-12"),
        ("The base was built in Oct 2015 by engineers.", "Oct 2015", "2015-10"),
        ("Officials expect more talks in the coming days.", "the coming days", "FUTURE_REF"),
        ("The rebels took the town last Sunday.", "last Sunday", "2017-03-12"),
        ("The delegation could arrive as soon as Friday.", "Friday", "2017-03-17"),
        ("The ministers meet in Rome on Thursday.", "Thursday", "2017-03-16"),  # news present: planned
    ],
)
def test_tagger_values_and_offsets(tag, sentence, phrase, value):
    doc = tag(_doc(sentence, published="2017-03-14"))
    found = [t for t in doc.timexes if t.text == phrase]
    assert found, f"{phrase!r} not found in {[t.text for t in doc.timexes]}"
    assert found[0].value == value
    assert doc.text[found[0].start:found[0].end] == phrase


@pytest.mark.slow
def test_tagger_leaves_relative_dates_unresolved_without_anchor(tag):
    doc = tag(_doc("The two leaders met in Moscow on Monday."))
    assert _values(doc) == {"Monday": None}


@pytest.mark.slow
def test_tagger_anchors_on_body_date_when_unpublished(tag):
    doc = tag(_doc("On March 14, 2017 the army said it had taken the port on Monday."))
    assert _values(doc)["Monday"] == "2017-03-13"


@pytest.mark.slow
def test_tagger_ignores_ages_and_numbers(tag):
    doc = tag(_doc("The 44-year-old commander said 52 fighters were killed.", published="2017-03-14"))
    assert doc.timexes == []


@pytest.mark.slow
def test_comments_count_from_their_posting_time(tag):
    text = "The talks ended on Monday. I read this yesterday."
    doc = _doc(text, published="2017-03-14", comment_from=text.index("I read"))
    doc.regions[1].posted = "2017-04-02"
    assert _values(tag(doc)) == {"Monday": "2017-03-13", "yesterday": "2017-04-01"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "precision"),
    [
        ("The diplomat spoke to reporters a day earlier.", "a day earlier", "2020", "year"),
        ("He sent a letter to the president on January 17.", "January 17", "2020-01-17", "day"),
        ("Fighting broke out three months ago near the city.", "three months ago", "2020-04", "month"),
        ("The ship docked in the port on Jan. 12, 2019.", "Jan. 12, 2019", "2019-01-12", "day"),
    ],
)
def test_a_page_dated_only_by_month_gives_no_false_days(tag, sentence, phrase, value, precision):
    """A page headed "JULY 2020" cannot date "a day earlier" to July 30: only what every day
    of July agrees on is kept; dates written out in full keep their day."""
    doc = tag(_doc(sentence, published="2020-07"))
    found = [t for t in doc.timexes if t.text == phrase]
    assert found, f"{phrase!r} not found in {[t.text for t in doc.timexes]}"
    assert (found[0].value, found[0].precision) == (value, precision)
