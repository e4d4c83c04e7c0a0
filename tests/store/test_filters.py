"""Issue 13: the one event filter and its one date-window rule (store/filters.py)."""

from __future__ import annotations

import pytest

from newsweave.store import connect
from newsweave.store.filters import EventFilter, in_window, window_sql


@pytest.mark.parametrize("value, precision, since, until, expected", [
    # A partial date covers its month or year: in the window when they overlap.
    ("2017-05", "month", "2017-05-20", None, True),
    ("2017-04-30", "day", "2017-05", None, False),
    ("2017-05-29", "day", None, "2017-05", True),
    ("2017-06-01", "day", None, "2017-05", False),
    ("2017", "year", "2017-12-31", None, True),
    ("2017", "year", "2018", None, False),
    ("2017", "year", None, "2016-12-31", False),
    # Bounds cover their month or year too: "until 2017" ends on 31 December.
    ("2017-12-31", "day", None, "2017", True),
    ("2018-01-01", "day", None, "2017", False),
    ("2017-05-01", "day", "2017-05", "2017-05", True),
    # Vague days: on or before a day is the week up to it; a week is three days either side.
    ("2017-05-22", "on-or-before", None, "2017-05-20", True),
    ("2017-05-22", "on-or-before", "2017-05-23", None, False),
    ("2017-05-24", "week", None, "2017-05-21", True),
    ("2017-05-24", "week", None, "2017-05-20", False),
    ("2017-06-03", "weekend", "2017-06-04", None, True),
    # Undated: never in a window with a bound; everything is in the open window.
    (None, None, "2017", None, False),
    (None, None, None, None, True),
])
def test_window_rule(value, precision, since, until, expected):
    assert in_window(value, precision, since, until) is expected


@pytest.mark.parametrize("field, bad", [
    ("since", "2017-13"), ("since", "2017-02-30"), ("until", "last week"), ("until", "17-05-01"),
    ("type", "NOTATYPE"), ("region", "title"), ("min_confidence", 1.5), ("min_confidence", -0.1),
])
def test_invalid_values_raise_value_error_naming_them(field, bad):
    with pytest.raises(ValueError, match=repr(bad).replace("(", r"\(").replace(".", r"\.")):
        EventFilter(**{field: bad})


def test_an_empty_window_is_refused():
    with pytest.raises(ValueError, match="'2018' is after until '2017'"):
        EventFilter(since="2018", until="2017")


def test_values_are_normalised_and_empty_means_none():
    f = EventFilter(type="aid", region="BODY", actor="", since="")
    assert (f.type, f.region, f.actor, f.since) == ("AID", "body", None, None)


# Every kind of stored date: full days with each precision, months, years, undated.
_DATES = [(f"2017-{m:02d}-{d:02d}", p) for m in (4, 5, 6) for d in (1, 2, 19, 20, 21, 28, 30)
          for p in (None, "day", "narrative-day", "week", "weekend", "on-or-before", "month", "year")]
_DATES += [(f"2017-{m:02d}", p) for m in (4, 5, 6) for p in (None, "month", "year", "week", "narrative-day")]
_DATES += [("2016", "year"), ("2017", None), ("2018", "year"), (None, None), ("", None)]
_BOUNDS = [None, "2017", "2017-05", "2017-05-20", "2017-05-31", "2017-06-01", "2016-12-31", "2018"]


def test_the_sql_window_is_the_python_rule_on_every_kind_of_date(database):
    """The SQL that every query uses (on SQLite and PostgreSQL) keeps exactly the dates
    `in_window` keeps, for every bound pair."""
    conn = connect(database)
    try:
        conn.execute("CREATE TEMP TABLE dates (value TEXT, precision TEXT)")
        conn.executemany("INSERT INTO temp.dates VALUES (?, ?)", _DATES)
        for since in _BOUNDS:
            for until in _BOUNDS:
                if since and until and since > until:
                    continue
                where, params = window_sql("value", "precision", since, until)
                kept = {tuple(row) for row in conn.execute(f"SELECT value, precision FROM temp.dates WHERE 1 = 1{where}", params)}
                expected = {d for d in _DATES if in_window(d[0], d[1], since, until)}
                assert kept == expected, (since, until, kept ^ expected)
    finally:
        conn.close()
