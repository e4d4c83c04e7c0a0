"""Issue 14, item 6: the CLI behaves as command-line tools do.

`--version`; `--json` on every command that prints data; piped tables never cut (the ids
`merge` needs come out whole); a mistyped path creates nothing; a busy port is reported before
"serving"; "1 error", not "1 errors"; a bad filter value is a usage error that names it.
"""

from __future__ import annotations

import json
import socket

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app
from small_db import HAFTAR_ID, build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("cli") / "small.db")


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsweave {newsweave.__version__}"


def test_piped_table_keeps_long_ids_whole(db):
    result = run("actors", "--db", db)  # CliRunner's stdout is not a terminal
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "Khalifa" in line)
    assert HAFTAR_ID in row and "Field Marshal Haftar" in row
    assert "…" not in result.stdout


def test_search_json(db):
    result = run("search", "fighter jets", "--db", db, "--json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert [hit["name"] for hit in hits] == ["one.txt"]


@pytest.mark.parametrize("command, expected", [
    (["rename", "Russia", "Russian Federation"], {"action": "rename", "entity": "RUS", "name": "Russian Federation"}),
    (["split", HAFTAR_ID, "Hafter"], {"action": "split", "entity": HAFTAR_ID, "aliases": ["Hafter"]}),
    (["merge", HAFTAR_ID, "Russia"], {"action": "merge", "entity": HAFTAR_ID, "merged": "Russia"}),
])
def test_corrections_print_json(db, tmp_path, command, expected):
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    result = run(*command, "--db", copy, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected


def test_run_json_report_and_plural(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", "utf-8")
    result = run("run", tmp_path / "in", "--db", tmp_path / "x.db", "--json", "--no-progress")
    assert result.exit_code == 1  # nothing could be read
    report = json.loads(result.stdout)
    assert report["read"] == 0 and report["failed"] == 1
    assert report["errors"][0]["path"].endswith("empty.txt")
    assert "1 error;" in result.stderr and "1 errors" not in result.stderr
    assert "0 documents read" in result.stderr


def test_run_on_a_missing_path_creates_nothing(tmp_path):
    result = run("run", tmp_path / "mistyped", "--db", tmp_path / "x.db")
    assert result.exit_code != 0
    assert "mistyped" in result.output and "no such file" in result.output
    assert list(tmp_path.iterdir()) == []  # no database, no lock file


def test_busy_port_is_reported_before_serving(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--db", db, "--port", port, "--no-browser")
    assert result.exit_code == 2
    assert f"127.0.0.1:{port}" in result.output and "serving" not in result.output


@pytest.mark.parametrize("command, bad", [
    (["events", "--type", "NOTATYPE"], "NOTATYPE"),
    (["actors", "--type", "NOTATYPE"], "NOTATYPE"),
    (["events", "--since", "2017-13"], "2017-13"),
    (["events", "--until", "2017-02-32"], "2017-02-32"),
    (["timeline", "--since", "yesterday"], "yesterday"),
])
def test_invalid_filter_values_are_named(db, command, bad):
    result = run(*command, "--db", db)
    assert result.exit_code == 2
    assert repr(bad) in result.stderr


def test_valid_filters_still_work(db):
    result = run("events", "--db", db, "--type", "aid", "--since", "2020", "--until", "2020-01-17", "--json")
    assert result.exit_code == 0
    assert [e["type"] for e in json.loads(result.stdout)] == ["AID"]
