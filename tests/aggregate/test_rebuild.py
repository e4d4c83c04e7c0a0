"""The aggregate rebuild is idempotent and follows the run: same input, same tables."""

from __future__ import annotations

import pytest

from aggregate.aggregate_builders import doc, ev, text_doc
from newsweave.crossdoc import rebuild_aggregates
from newsweave.store import Store
from newsweave.store.aggregates import AGGREGATE_TABLES


def _dump(conn) -> dict:
    return {table: [tuple(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
            for table in AGGREGATE_TABLES}


DOCS = [
    text_doc("m1", "Zorin Kratov's Northern Legion held the line.",
             [("Zorin Kratov", "kratov"), ("Northern Legion", "north")]),
    doc("d1", ev("AID", "ruritania", "north", date="2020-01-01")),
    doc("d2", ev("ASSAULT", "north", "south", date="2020-01-02")),
    doc("d3", ev("AID", "syldavia", "south")), doc("d4", ev("AID", "genovia", "south")),
    doc("d5", ev("AID", "genovia", "kratov", modality="denied")),
]


def test_rebuilding_twice_gives_the_same_tables(build):
    conn = build(DOCS)
    before = _dump(conn)
    assert all(before[table] for table in ("relations", "memberships", "sides", "timeline"))
    counts = rebuild_aggregates(Store(conn))
    assert _dump(conn) == before
    assert counts["relations"] == len(before["relations"])


@pytest.mark.slow
def test_cli_summary_shows_sides_and_relations(build, tmp_path):
    import subprocess
    import sys

    build(DOCS)
    result = subprocess.run([sys.executable, "-m", "newsweave", "summary", "--db", str(build.db)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Sides" in result.stdout and "Strongest relations" in result.stdout
    assert "independent source" in result.stdout
