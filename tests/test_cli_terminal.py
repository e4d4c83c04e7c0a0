"""Issue 12, item 5: what documents hold reaches the terminal as text, never as commands.

A hostile page's escape sequences (window title, C1 CSI), Rich markup (a hidden `[link=…]`, a
stray `[/bold]` that crashed `events` and `search` for the whole corpus) and bracketed words in
error messages are printed visibly and exactly.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.document import Document, Event, Mention, Region, Sentence
from newsweave.store import Store, connect
from newsweave.store.crossdoc import replace_entities

TITLE_ESCAPE = "\x1b]0;pwned\x07"
CSI = "\x9b31m"
LINK = "[link=https://evil.example/?leak=1]Read more[/link]"
BODY = f"Egypt threatened Russia {TITLE_ESCAPE}{CSI} in Cairo. {LINK} [/bold] [red]x"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("terminal") / "hostile.db"
    title = f"Hostile [/bold] {TITLE_ESCAPE}title"
    raw = f"{title}\n\n{BODY}"
    b0 = len(title) + 2
    doc = Document(id="doc1", name=f"evil{TITLE_ESCAPE}[/bold].txt", path="/corpus/evil.txt", raw=raw, text=raw,
                   title=title, published="2020-01-17", published_precision="day", language="en")
    doc.regions = [Region("title", 0, len(title)), Region("body", b0, len(raw))]
    doc.sentences = [Sentence(b0, len(raw), 1)]
    for name, key in (("Egypt", "EGY"), ("Russia", "RUS")):
        start = raw.index(name, b0)
        doc.mentions.append(Mention(start, start + len(name), name, "COUNTRY", "body", entity=key, name=name))
    doc.events.append(Event("THREATEN", None, "EGY", "RUS", "Egypt", "Russia", "2020-01-17", "day", None,
                            BODY, b0, len(raw), "body", None, "asserted", 0.8, trigger=None))
    conn = connect(path)
    Store(conn).write_documents([doc], "test")
    replace_entities(conn, [
        {"id": "EGY", "name": f"Egypt {TITLE_ESCAPE}[/bold]", "type": "COUNTRY", "aliases": ["Egypt", LINK],
         "country": "EG", "kb_id": None, "mentions": 1, "documents": 1, "comment_mentions": 0},
        {"id": "RUS", "name": f"Russia{CSI}", "type": "COUNTRY", "aliases": ["Russia"], "country": "RU",
         "kb_id": None, "mentions": 1, "documents": 1, "comment_mentions": 0},
    ], {"EGY": "EGY", "RUS": "RUS"})
    conn.close()
    return path


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("command", [["events"], ["search", "Egypt threatened"], ["actors"], ["timeline"],
                                     ["summary"]])
def test_document_text_is_printed_escaped_and_never_as_markup(hostile_db, command):
    result = run(*command, "--db", str(hostile_db))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x9b" not in result.output and "\x07" not in result.output
    if command[0] in ("events", "search", "actors"):
        assert "\\x1b]0;pwned\\x07" in result.output or "\\x9b31m" in result.output
    if command[0] in ("events", "search"):
        assert "[/bold]" in result.output and "[link=https://evil.example/?leak=1]" in result.output


@pytest.mark.parametrize("command", [["events", "--json"], ["actors", "--json"], ["summary", "--json"]])
def test_json_output_escapes_what_json_leaves_raw(hostile_db, command):
    result = run(*command, "--db", str(hostile_db))
    assert result.exit_code == 0 and "\x9b" not in result.output and "\x1b" not in result.output
    assert "\\u009b31m" in result.output
    json.loads(result.output)  # still the same JSON


def test_bracketed_words_in_error_messages_are_kept(tmp_path):
    missing = tmp_path / "newsweave[dask]" / "none.db"
    result = run("events", "--db", str(missing))
    assert result.exit_code == 2 and "newsweave[dask]" in result.output
