"""`newsweave run urls.txt` (issue 14): a list of URLs named by itself is downloaded from a local
web site with no `--fetch`; each page becomes a document with its URL, and a page that cannot
be had is reported with its URL and reason while the others are stored. A list inside a folder
is still only downloaded with `--fetch`."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from bad_inputs import ARTICLE_ONE
from input_formats import TALKS_PAGE, local_site
from newsweave.cli import app

pytestmark = pytest.mark.slow
cli = CliRunner()


def run(*args) -> dict:
    result = cli.invoke(app, ["run", *map(str, args), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "talks.html").write_text(TALKS_PAGE, "utf-8")
    (root / "harbour.txt").write_text(ARTICLE_ONE, "utf-8")
    with local_site(root) as (url, _):
        yield url


def test_a_named_list_of_urls_is_fetched_and_a_missing_page_reported(tmp_path, site):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# today's reading\n{site}/talks.html\n{site}/gone.html\n{site}/harbour.txt\n", "utf-8")
    db = tmp_path / "news.db"

    report = run(urls, "--db", db)

    assert report["added"] == 2
    assert [(e["path"], e["reason"].split(" (listed")[0]) for e in report["errors"]] == [
        (f"{site}/gone.html", "download failed: HTTP 404 File not found")]
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT url, path FROM documents").fetchall())
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert stored == {f"{site}/talks.html": str(urls), f"{site}/harbour.txt": str(urls)}
    assert events > 0  # the pages are analysed like any article


def test_a_list_inside_a_folder_waits_for_fetch(tmp_path, site):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "links.urls").write_text(f"{site}/talks.html\n", "utf-8")
    (folder / "article.txt").write_text(ARTICLE_ONE, "utf-8")

    report = run(folder, "--db", tmp_path / "offline.db")
    assert report["added"] == 1
    assert [e["path"] for e in report["errors"]] == [str(folder / "links.urls")]
    assert "--fetch" in report["errors"][0]["reason"]

    report = run(folder, "--db", tmp_path / "fetched.db", "--fetch")
    assert report["added"] == 2 and report["errors"] == []
