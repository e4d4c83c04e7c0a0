"""Issue 14, item 4: `newsweave brief` writes a readable, cited situation report.

On the five seed pages the brief must name both sides, the Qatar dispute with both sentences,
and cite a sentence and its document for every statement; document text never becomes markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app
from newsweave.export.actors import date_start
from small_db import build_db

HOSTILE = 'Russia supplied Khalifa Haftar <script>alert(1)</script> [jets](javascript:alert(2)) | *now*.'


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def section(text: str, title: str) -> str:
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("brief") / "hostile.db", body=HOSTILE, title="<b>Title</b>")


def test_html_brief_escapes_document_text(hostile_db, tmp_path):
    out = tmp_path / "brief.html"
    assert run("brief", "--db", hostile_db, "-o", out).exit_code == 0
    page = out.read_text("utf-8")
    assert "<script>" not in page and "<b>Title" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Title&lt;/b&gt;" in page


def test_markdown_brief_escapes_document_text(hostile_db):
    result = run("brief", "--db", hostile_db)
    assert result.exit_code == 0
    assert "<script>" not in result.stdout and "[jets](javascript:" not in result.stdout
    assert r"\<script\>alert(1)\</script\>" in result.stdout and r"\[jets\]" in result.stdout


def test_a_statement_cites_its_sentence_and_document(hostile_db):
    timeline = section(run("brief", "--db", hostile_db).stdout, "Timeline")
    assert "2020-01-17: AID, Russia → Khalifa Belqasim Omar Haftar" in timeline
    assert "Russia supplied Khalifa Haftar" in timeline and "(one.txt, 2020-01-17)" in timeline


@pytest.mark.parametrize("args, bad", [(["--since", "2017-13"], "2017-13"), (["--actor", "Nobody"], "Nobody"),
                                       (["-o", "brief.txt"], "brief.txt")])
def test_bad_options_are_usage_errors(hostile_db, tmp_path, args, bad):
    result = run("brief", "--db", hostile_db, *args)
    assert result.exit_code == 2 and bad in result.stderr


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("brief-seeds") / "seeds.db"
    newsweave.run([seeds_dir], db=db).close()
    return db


@pytest.fixture(scope="module")
def seeds_brief(seeds_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("brief-out") / "brief.md"
    result = run("brief", "--db", seeds_db, "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


@pytest.mark.slow
def test_seeds_brief_names_both_sides(seeds_brief):
    sides = section(seeds_brief, "Sides")
    side_lines = [line for line in sides.splitlines() if line.startswith("- ")]
    assert len(side_lines) == 2
    haftar = next(line for line in side_lines if "Khalifa Haftar" in line)
    gna = next(line for line in side_lines if line is not haftar)
    assert "Russia" in haftar and "Egypt" in haftar
    assert "Government of National Accord" in gna and "Turkey" in gna


@pytest.mark.slow
def test_seeds_brief_shows_the_qatar_dispute_with_both_sentences(seeds_brief):
    disputes = section(seeds_brief, "Where sources disagree")
    assert "Qatar" in disputes
    quotes = [line for line in disputes.splitlines() if line.lstrip().startswith("> “")]
    assert len(quotes) == 2 and all("Qatar" in q for q in quotes)
    assert len({re.search(r"\((\d{3}\\_[0-9a-f]+\.txt)", q).group(1) for q in quotes}) == 2  # two documents


@pytest.mark.slow
def test_seeds_brief_cites_every_relation_and_gives_source_counts(seeds_brief):
    relations = section(seeds_brief, "Key relations").split("\n- ")[1:]
    assert relations
    for relation in relations:
        assert re.search(r"\d+ independent sources?", relation)
        assert "> “" in relation and ".txt" in relation
    assert any("Russia → Khalifa Haftar" in r and re.search(r"[2-9] independent sources", r) for r in relations)


@pytest.mark.slow
def test_seeds_brief_timeline_is_dated_and_in_order(seeds_brief):
    timeline = section(seeds_brief, "Timeline")
    # A date known only as "on or before" the article's is placed at its earliest and said so.
    assert "- **on or before 2017-03-14: " in timeline
    dates = re.findall(r"^- \*\*(\d{4}(?:-\d{2})?(?:-\d{2})?):", timeline, re.M)
    assert len(dates) >= 5 and dates == sorted(dates, key=date_start)


@pytest.mark.slow
def test_seeds_brief_as_html_for_one_actor_since_a_date(seeds_db, tmp_path):
    out = tmp_path / "qatar.html"
    assert run("brief", "--db", seeds_db, "--actor", "Qatar", "--since", "2017", "-o", out).exit_code == 0
    page = out.read_text("utf-8")
    parser = HTMLParser()
    parser.feed(page)  # well-formed enough to parse
    assert "<h1>Situation brief: Qatar</h1>" in page and "Qatar on both sides" in page
    timeline = page.split("<h2>Timeline</h2>", 1)[1]
    assert all(date >= "2017" for date in re.findall(r"<strong>(\d{4}[-\d]*):", timeline))
    assert all("Qatar" in item for item in page.split("<h2>Key relations</h2>")[1].split("<h2>")[0]
               .split("<li>")[1:])
