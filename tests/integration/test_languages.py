"""A French and an English article in one run (issue 14): the French one is stored with its
text, regions and language but no actor or event is taken from it (the models read English),
and the summary, its JSON, the REST API and the UI's data say so."""

from __future__ import annotations

import json
import sqlite3
import warnings

import pytest
from typer.testing import CliRunner

from bad_inputs import ARTICLE_ONE
from input_formats import FRENCH
from newsweave.cli import app

with warnings.catch_warnings():  # starlette's TestClient warns about httpx at import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
cli = CliRunner()
# Moscow and Paris by their French names: English models take such words for people.
FRENCH_WITH_NAMES = FRENCH + " Moscou et Paris ont condamné l'attaque de l'armée contre le village."


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("languages")
    (folder / "english.txt").write_text(ARTICLE_ONE, "utf-8")
    (folder / "french.txt").write_text(FRENCH_WITH_NAMES, "utf-8")
    db = folder / "news.db"
    result = cli.invoke(app, ["run", str(folder), "--db", str(db), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["added"] == 2
    assert [(w["path"], w["reason"].split(":")[0]) for w in report["warnings"]] == [
        (str(folder / "french.txt"), "written in French (fr), not English")]
    return db


def per_document(db, table: str) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute(f"SELECT d.name, COUNT(t.doc) FROM documents d LEFT JOIN {table} t ON t.doc = d.id "
                                 "GROUP BY d.id").fetchall())


def test_the_french_article_is_stored_but_gives_no_mention_or_event(db):
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT name, language FROM documents").fetchall())
        regions = conn.execute("SELECT COUNT(*) FROM regions r JOIN documents d ON d.id = r.doc "
                               "WHERE d.name = 'french.txt' AND r.kind = 'body'").fetchone()[0]
    assert stored == {"english.txt": "en", "french.txt": "fr"}
    assert regions >= 1  # its text is cleaned and readable in the evidence view
    mentions, events = per_document(db, "mentions"), per_document(db, "events")
    assert mentions["french.txt"] == 0 and events["french.txt"] == 0
    assert mentions["english.txt"] > 0  # the English article is analysed as before


def test_the_summary_names_what_was_not_analysed(db):
    text = cli.invoke(app, ["summary", "--db", str(db)], catch_exceptions=False)
    assert text.exit_code == 0, text.output
    assert "1 document not analysed (no model for their language): French 1" in text.stdout
    data = json.loads(cli.invoke(app, ["summary", "--db", str(db), "--json"], catch_exceptions=False).stdout)
    assert data["not_analysed"] == {"fr": 1} and data["documents"] == 2


def test_the_api_flags_the_document_and_counts_it_for_the_situation_page(db):
    from newsweave.server import create_app

    client = TestClient(create_app(db))
    assert client.get("/api/summary").json()["not_analysed"] == {"fr": 1}
    flags = {d["name"]: (d["language"], d["analysed"]) for d in client.get("/api/documents").json()["items"]}
    assert flags == {"english.txt": ("en", True), "french.txt": ("fr", False)}
