"""The timeline: ordered by when events happened, reports of one event merged."""

from __future__ import annotations

import pytest

from aggregate.aggregate_builders import doc, ev
from newsweave.aggregate.timeline import date_interval
from newsweave.store import aggregates

AID = ("AID", "ruritania", "north")


@pytest.mark.parametrize("reports, entries", [
    ([("2020-03-01", None, None), ("2020-03-02", None, None)], 1),  # within the window
    ([("2020-03-01", None, None), ("2020-03-10", None, None)], 2),  # outside it
    ([("2020-03", "month", None), ("2020-03-20", "day", None)], 1),  # a month covers its days
    ([("2020", "year", None), ("2021-01-05", "day", None)], 2),
    ([("2020-03-01", None, "Vanko"), ("2020-03-01", None, "Tarsk")], 2),  # two places
    ([("2020-03-01", None, "Vanko"), ("2020-03-01", None, None)], 1),  # a place unknown
    ([("2020-03-01", None, None), (None, None, None)], 1),  # an undated report of a dated event
])
def test_reports_merge_within_the_window(build, reports, entries):
    docs = [doc(f"d{i}", ev(*AID, date=date, precision=precision, place=place))
            for i, (date, precision, place) in enumerate(reports)]
    timeline = aggregates.timeline(build(docs))
    assert len(timeline) == entries
    if entries == 1:
        assert len(timeline[0].events) == 2 and timeline[0].documents == ["d0", "d1"]


def test_merged_event_takes_the_most_precise_date(build):
    timeline = aggregates.timeline(build([doc("d0", ev(*AID, date="2020-03", precision="month")),
                                          doc("d1", ev(*AID, date="2020-03-20", precision="day"))]))
    assert (timeline[0].date, timeline[0].date_precision, timeline[0].sources) == ("2020-03-20", "day", 2)


def test_symmetric_reports_merge_either_way_round(build):
    timeline = aggregates.timeline(build([doc("d0", ev("CONSULT", "ruritania", "kratov", date="2020-01-02")),
                                          doc("d1", ev("CONSULT", "kratov", "ruritania", date="2020-01-02"))]))
    assert len(timeline) == 1


def test_ordered_by_event_date_undated_last(build):
    conn = build([doc("d0", ev("AID", "ruritania", "north", date="2021-06-01")),
                  doc("d1", ev("ASSAULT", "north", "south", date="2019-02")),
                  doc("d2", ev("SUPPORT", "borduria", "north"))])
    assert [t.date for t in aggregates.timeline(conn)] == ["2019-02", "2021-06-01", None]


def test_filters(build):
    conn = build([doc("d0", ev("AID", "ruritania", "north", date="2021-06-01")),
                  doc("d1", ev("AID", "ruritania", "north", date="2021-06-02"), url="https://b.example/x"),
                  doc("d2", ev("ASSAULT", "north", "south", date="2019-02"))])
    assert [t.date for t in aggregates.timeline(conn, since="2020")] == ["2021-06-01"]
    assert [t.date for t in aggregates.timeline(conn, until="2019-12")] == ["2019-02"]
    assert [t.sources for t in aggregates.timeline(conn, min_sources=2)] == [2]


def test_date_interval_respects_precision():
    assert [str(d) for d in date_interval("2020-02")] == ["2020-02-01", "2020-02-29"]
    assert date_interval("garbage") is None
