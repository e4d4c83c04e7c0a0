"""Issue 11: views use article events at or above a confidence threshold (0.5 by default); the
export keeps every event with its confidence."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from aggregate.aggregate_builders import doc, ev
from newsweave import api
from newsweave.cli import app
from newsweave.crossdoc import rebuild_aggregates
from newsweave.export import export
from newsweave.store import Store, aggregates

DOCS = [
    doc("d1", ev("ASSAULT", "north", "south", confidence=0.9)),
    doc("d2", ev("AID", "ruritania", "north", mode="military", confidence=0.9)),
    doc("d3", *[ev("AID", "syldavia", "south", mode="military", confidence=0.4)] * 2),  # doubtful readings
]


def _side_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.startswith("  conflict"))


def _names(corpus, records) -> set:
    names = {e.id: e.name for e in corpus.entities()}
    return {names[i] for r in records for i in (r.source, r.target)}


def test_views_leave_out_events_below_the_default_threshold(build, tmp_path):
    build(DOCS).close()
    with api.open(build.db) as corpus:
        assert len(corpus.events()) == 2 and len(corpus.events(min_confidence=0.0)) == 4
        assert "Syldavia" not in _names(corpus, corpus.relations())
        assert "Syldavia" not in {s.name for s in corpus.sides()}
        assert "Syldavia" not in _names(corpus, corpus.timeline())


def test_another_threshold_rebuilds_the_views_without_touching_the_database(build, tmp_path):
    build(DOCS).close()
    with api.open(build.db, min_confidence=0.2) as corpus:
        assert "Syldavia" in {s.name for s in corpus.sides()}
        assert "Syldavia" in _names(corpus, corpus.timeline())
        assert len(corpus.events()) == 4
    with api.open(build.db) as corpus:  # the stored aggregates are unchanged
        assert "Syldavia" not in {s.name for s in corpus.sides()}


def test_the_threshold_is_recorded_and_a_later_rebuild_keeps_it(build):
    conn = build(DOCS)
    assert aggregates.aggregates_threshold(conn) == 0.5
    rebuild_aggregates(Store(conn), 0.2)
    assert aggregates.aggregates_threshold(conn) == 0.2
    rebuild_aggregates(Store(conn))  # e.g. after an analyst's correction
    assert aggregates.aggregates_threshold(conn) == 0.2
    assert len(aggregates.sides(conn)) == 4


def test_the_json_export_keeps_every_event_with_its_confidence(build, tmp_path):
    build(DOCS).close()
    with api.open(build.db) as corpus:
        export(corpus, "json", tmp_path / "out.json")
    events = json.loads((tmp_path / "out.json").read_text())["events"]
    assert sorted(e["confidence"] for e in events) == [0.4, 0.4, 0.9, 0.9]


def test_cli_min_confidence_option(build, tmp_path):
    build(DOCS).close()
    db = str(build.db)
    runner = CliRunner()
    default = runner.invoke(app, ["events", "--db", db, "--json"])
    low = runner.invoke(app, ["events", "--db", db, "--json", "--min-confidence", "0.2"])
    assert default.exit_code == low.exit_code == 0
    assert len(json.loads(default.stdout)) == 2 and len(json.loads(low.stdout)) == 4
    summary = runner.invoke(app, ["summary", "--db", db, "--min-confidence", "0.2"])
    assert summary.exit_code == 0 and "Syldavia" in _side_lines(summary.stdout)
    assert "Syldavia" not in _side_lines(runner.invoke(app, ["summary", "--db", db]).stdout)
    timeline = runner.invoke(app, ["timeline", "--db", db, "--min-confidence", "0.2"])
    assert timeline.exit_code == 0 and "Syldavia" in timeline.stdout
