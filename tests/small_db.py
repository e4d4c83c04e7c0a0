"""A one-document database built by hand (no NLP): Russia aids Khalifa Haftar, in a sentence the
caller chooses, and optionally a reader comment in which Haftar threatens Russia. For the CLI,
brief and API tests that need a real database quickly."""

from __future__ import annotations

from pathlib import Path

from newsweave.document import Document, Event, Mention, Region, Sentence
from newsweave.store import Store, connect
from newsweave.store.crossdoc import replace_entities

HAFTAR_ID = "person:khalifa-belqasim-omar-haftar-of-the-libyan-national-army"
TITLE = "Haftar visits Moscow"
BODY = "Russia supplied Khalifa Haftar with fighter jets in Benghazi."


def build_db(path: Path, body: str = BODY, title: str = TITLE, comment: str | None = None) -> Path:
    raw = f"{title}\n\n{body}" + (f"\n\n{comment}" if comment else "")
    b0 = len(title) + 2
    b1 = b0 + len(body)
    doc = Document(id="doc1", name="one.txt", path="/corpus/one.txt", raw=raw, text=raw, title=title,
                   published="2020-01-17", published_precision="day", language="en")
    doc.regions = [Region("title", 0, len(title)), Region("body", b0, b1)]
    doc.sentences = [Sentence(b0, b1, 1)]
    for name, key, kind in (("Russia", "RUS", "COUNTRY"), ("Khalifa Haftar", HAFTAR_ID, "PERSON")):
        start = raw.index(name, b0)
        doc.mentions.append(Mention(start, start + len(name), name, kind, "body", entity=key, name=name))
    doc.events.append(Event("AID", None, "RUS", HAFTAR_ID, "Russia", "Khalifa Haftar", "2020-01-17", "day", None,
                            body, b0, b1, "body", None, "asserted", 0.9, trigger=None))
    if comment:
        c0 = b1 + 2
        doc.regions.append(Region("comment", c0, len(raw), author="A reader"))
        doc.sentences.append(Sentence(c0, len(raw), 1))
        doc.events.append(Event("THREATEN", None, HAFTAR_ID, "RUS", "Haftar", "Russia", "2020-01-18", "day", None,
                                comment, c0, len(raw), "comment", None, "asserted", 0.9, trigger=None))
    conn = connect(path)
    Store(conn).write_documents([doc], "test")
    replace_entities(conn, [
        {"id": "RUS", "name": "Russia", "type": "COUNTRY", "aliases": ["Russia"], "country": "RU",
         "kb_id": None, "mentions": 1, "documents": 1, "comment_mentions": 0},
        {"id": HAFTAR_ID, "name": "Khalifa Belqasim Omar Haftar", "type": "PERSON",
         "aliases": ["Khalifa Haftar", "Haftar", "Hafter", "Field Marshal Haftar"], "country": "LY",
         "kb_id": None, "mentions": 1, "documents": 1, "comment_mentions": 0},
    ], {"RUS": "RUS", HAFTAR_ID: HAFTAR_ID})
    conn.close()
    return path
