"""The `newsweave` command end to end on real files: run, summary, search, export, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bad_inputs import ARTICLE_ONE, write_bad_corpus
from newsweave.cli import app

pytestmark = pytest.mark.slow
cli = CliRunner()


def invoke(*args: str):
    return cli.invoke(app, [str(a) for a in args], catch_exceptions=False)


def export_json(db: Path) -> dict:
    result = invoke("export", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seeds_dir) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = invoke("run", seeds_dir, "--db", db)
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def seeds_export(seeds_db) -> dict:
    return export_json(seeds_db)


def region_texts(doc: dict, raw: str, kind: str) -> list[str]:
    return [raw[r["start"]:r["end"]] for r in doc["regions"] if r["kind"] == kind]


def raw_text(doc: dict) -> str:
    return Path(doc["path"]).read_text("utf-8")


def test_seeds_give_five_documents_with_the_contract_fields(seeds_export):
    assert len(seeds_export["documents"]) == 5
    assert set(seeds_export) == {"documents", "mentions", "entities", "events", "relations", "contradictions"}
    for doc in seeds_export["documents"]:
        for key in ("id", "name", "path", "title", "source", "url", "published", "language",
                    "duplicate_of", "regions"):
            assert key in doc
        assert doc["name"].endswith(".txt")


# docs/interfaces.md: the modalities an exported event may have.
CONTRACT_MODALITIES = {"asserted", "reported", "planned", "denied", "hypothetical", "unknown"}


def test_exported_modalities_are_the_contracts(seeds_export, tmp_path):
    assert seeds_export["events"]
    assert {e["modality"] for e in seeds_export["events"]} <= CONTRACT_MODALITIES
    article = tmp_path / "in" / "negated.txt"
    article.parent.mkdir()
    article.write_text("Border talks end without a deal\n\nCAIRO - Egypt did not attack Libya on Monday, the "
                       "defence ministry said in a statement. Turkish troops attacked rebels near Tripoli "
                       "on Sunday, witnesses said.\n", "utf-8")
    db = tmp_path / "negated.db"
    assert invoke("run", article.parent, "--db", db).exit_code == 0
    events = {e["sentence"]: e for e in export_json(db)["events"]}
    negated = next(e for sentence, e in events.items() if "did not attack" in sentence)
    assert (negated["type"], negated["modality"], negated["negated"]) == ("ASSAULT", "denied", True)
    assert {e["modality"] for e in events.values()} <= CONTRACT_MODALITIES
    assert not any(e["negated"] for sentence, e in events.items() if "did not" not in sentence)


def test_bodies_exclude_comments_widgets_and_teasers(seeds_export):
    unwanted = ["Leave a Reply", "Permalink", "Rate it", "Add comment", "Check Also",
                "Consider helping us", "Сообщите", "Parallel government to hold", "George R King",
                "torki rats", "You are commenting using"]
    for doc in seeds_export["documents"]:
        body = "\n".join(region_texts(doc, raw_text(doc), "body"))
        assert body, doc["name"]
        for snippet in unwanted:
            assert snippet not in body, (doc["name"], snippet)


def test_the_article_pasted_twice_is_kept_once(seeds_export):
    for doc in seeds_export["documents"]:
        body = "\n".join(region_texts(doc, raw_text(doc), "body"))
        if "Sidi Barrani" in body:
            assert body.count("The carrier sailed into Tobruk port on Jan. 12") == 1
            break
    else:
        pytest.fail("no document mentions Sidi Barrani in its body")


def test_comment_authors_are_recovered(seeds_export):
    authors = {r["author"] for doc in seeds_export["documents"] for r in doc["regions"] if r["kind"] == "comment"}
    assert {"George R King", "Mustafa Mehmet", "FlorianGeyer"} <= authors


def test_summary_and_search(seeds_db):
    result = invoke("summary", "--db", seeds_db)
    assert result.exit_code == 0
    assert "5 documents" in result.stdout
    assert "reader comments" in result.stdout
    hits = invoke("search", "Sidi Barrani", "--db", seeds_db)
    assert hits.exit_code == 0
    assert "003_" in hits.stdout


def test_running_again_adds_nothing(seeds_db, seeds_dir, seeds_export):
    result = invoke("run", seeds_dir, "--db", seeds_db)
    assert result.exit_code == 0
    assert "0 added, 5 already stored" in result.output
    assert export_json(seeds_db) == seeds_export


def test_bad_files_are_reported_and_good_ones_kept(tmp_path):
    db = tmp_path / "bad.db"
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "one.txt").write_text(ARTICLE_ONE, "utf-8")
    assert invoke("run", earlier, "--db", db).exit_code == 0

    bad = tmp_path / "bad"
    expected = write_bad_corpus(bad)
    result = invoke("run", bad, "--db", db)
    assert result.exit_code == 0, result.output
    for name, outcome in expected.items():
        if outcome != "ok":
            assert any(name in line and outcome in line for line in result.output.splitlines()), (name, outcome)
    names = {d["name"] for d in export_json(db)["documents"]}
    assert "one.txt" in names  # nothing stored before is lost
    assert {"latin1.txt", "script.html"} <= names
    assert "utf16_nobom.txt" not in result.output  # readable (its text equals article_two.txt's)


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("", "utf-8")
    result = invoke("run", tmp_path / "empty.txt", "--db", tmp_path / "x.db")
    assert result.exit_code == 1
    assert "empty.txt" in result.output


def test_missing_database_is_a_clear_error(tmp_path):
    result = invoke("summary", "--db", tmp_path / "nope.db")
    assert result.exit_code == 2
    assert "nope.db" in result.output
