"""Helpers for the server tests: a hand-made database holding hostile text, and a real
`newsweave serve` process on 127.0.0.1 at a free port (imported by conftest and the tests)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsweave.document import Document, Event, Mention, Place, Region, Sentence
from newsweave.store import Store, connect
from newsweave.store.crossdoc import replace_entities

REPO = Path(__file__).resolve().parents[2]
STATIC = REPO / "src" / "newsweave" / "server" / "static"
ARTIFACTS = REPO / "tests" / "artifacts"

XSS_SCRIPT = "<script>alert('xss-script')</script>"
XSS_IMG = "<img src=x onerror=\"alert('xss-img')\" id=pwned-img>"
XSS_LINK = "<a href=\"javascript:alert('xss-link')\" id=pwned-link>click</a>"


def _doc(doc_id: str, title: str, body: str, comment: str, published: str, url: str | None = None) -> Document:
    raw = f"{title}\n\n{body}\n\n{comment}\n\nShare this article"
    b0 = len(title) + 2
    c0 = b0 + len(body) + 2
    z0 = c0 + len(comment) + 2
    doc = Document(id=doc_id, name=f"{doc_id}.txt", path=f"/corpus/{doc_id}.txt", raw=raw, text=raw,
                   title=title, published=published, published_precision="day", url=url, language="en")
    doc.regions = [Region("title", 0, len(title)), Region("body", b0, b0 + len(body)),
                   Region("comment", c0, c0 + len(comment), author="<b>troll</b>", posted="2017-03-15"),
                   Region("boilerplate", z0, len(raw), note="share widget")]
    doc.sentences = [Sentence(b0, b0 + len(body), 1)]
    return doc


def _mention(doc: Document, text: str, key: str, type_: str, region: str = "body") -> Mention:
    start = doc.raw.index(text)
    return Mention(start, start + len(text), text, type_, region, entity=key, name=text)


def build_db(path: Path) -> Path:
    """Three documents about Russia and Haftar; the third is full of script payloads."""
    body1 = "Russia sent military advisers to Khalifa Haftar near Sidi Barrani."
    d1 = _doc("doc1", "Russian units land on border", body1, "Comment: Egypt attacked Russia!", "2017-03-14",
              url="https://example.org/a")
    body2 = "Russia supplied weapons to Khalifa Haftar, according to informed sources."
    d2 = _doc("doc2", "Moscow arms Haftar", body2, "Nice article", "2019-05-29")
    body3 = f"Egypt threatened Russia. {XSS_SCRIPT} {XSS_IMG} {XSS_LINK}"
    d3 = _doc("doc3", f"Hostile {XSS_SCRIPT} title", body3, f"comment {XSS_IMG}", "2020-01-17",
              url="javascript:alert('xss-url')")
    for doc, events in (
        (d1, [("AID", "military", "RUS", "HAF", "Russia", "Khalifa Haftar", "2017-03-13", Place("Sidi Barrani", 31.6, 25.9, "EG"))]),
        (d2, [("AID", "military", "RUS", "HAF", "Russia", "Khalifa Haftar", "2019-05-20", None)]),
        (d3, [("THREATEN", None, "EGY", "RUS", "Egypt", "Russia", "2020-01-17", Place("Cairo", 30.06, 31.25, "EG"))]),
    ):
        body = doc.regions[1]
        for name, key, type_ in (("Russia", "RUS", "COUNTRY"), ("Khalifa Haftar", "HAF", "PERSON"), ("Egypt", "EGY", "COUNTRY")):
            if name in doc.raw[body.start:body.end]:
                doc.mentions.append(_mention(doc, name, key, type_))
        for type_, mode, src, tgt, st, tt, date, place in events:
            doc.events.append(Event(type_, mode, src, tgt, st, tt, date, "day", place,
                                    doc.raw[body.start:body.end], body.start, body.end, "body",
                                    "informed sources" if "informed" in doc.raw else None,
                                    "reported", 0.8, trigger=None))
    d1.events.append(Event("ASSAULT", None, "EGY", "RUS", "Egypt", "Russia", None, None, None,
                           d1.regions[2] and d1.raw[d1.regions[2].start:d1.regions[2].end],
                           d1.regions[2].start, d1.regions[2].end, "comment", None, "asserted", 0.5))
    conn = connect(path)
    Store(conn).write_documents([d1, d2, d3], "test")
    entities = [
        {"id": "RUS", "name": "Russia", "type": "COUNTRY", "aliases": ["Russia", "Moscow"], "country": "RU",
         "kb_id": "RUS", "mentions": 3, "documents": 3, "comment_mentions": 1},
        {"id": "HAF", "name": "Khalifa Haftar", "type": "PERSON", "aliases": ["Haftar", "Hafter"], "country": "LY",
         "kb_id": None, "mentions": 2, "documents": 2, "comment_mentions": 0},
        {"id": "EGY", "name": f"Egypt {XSS_IMG}", "type": "COUNTRY", "aliases": [XSS_SCRIPT], "country": "EG",
         "kb_id": None, "mentions": 1, "documents": 1, "comment_mentions": 1},
    ]
    replace_entities(conn, entities, {"RUS": "RUS", "HAF": "HAF", "EGY": "EGY"})
    conn.close()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A real `newsweave serve` subprocess; shows its output when it dies or fails to start.

    `open_url` is the address it printed (with `?token=` unless started with --no-token),
    `token` the token in it, `headers` the header a script sends it."""

    def __init__(self, db: Path, *args: str, host: str = "127.0.0.1", env: dict | None = None):
        self.port = free_port()
        self.host = host
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "newsweave", "serve", "--db", str(db), "--host", host, "--port", str(self.port),
               "--no-browser", *args]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     env={**os.environ, **(env or {})})
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"newsweave serve died (exit {self.proc.returncode}):\n{self.proc.stdout.read()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            self.stop()
            pytest.fail(f"newsweave serve did not start in 30 s:\n{self.output()}")
        self.banner = self.proc.stdout.readline()  # printed before it listens
        found = re.search(r"open (http://\S+)", self.banner)
        self.open_url = found.group(1) if found else ""
        token = re.search(r"\?token=([\w-]+)", self.open_url)
        self.token = token.group(1) if token else None
        self.headers = {"X-Newsweave-Token": self.token} if self.token else {}

    def output(self) -> str:
        return self.proc.stdout.read() if self.proc.stdout else ""

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.output()


LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Issue 12's costly search: 250 one-letter words (500 characters, the most /api/search takes).
HOSTILE_QUERY = " ".join(LETTERS[i % 26] for i in range(250))


def build_search_db(path: Path, docs: int, words: int) -> Path:
    """`docs` documents of `words` random one-letter words: every hostile query term matches."""
    import random

    rnd = random.Random(12)
    built = []
    for i in range(docs):
        title, body = f"Letters {i}", " ".join(rnd.choice(LETTERS) for _ in range(words))
        raw = f"{title}\n\n{body}"
        doc = Document(id=f"letters{i:04d}", name=f"letters{i}.txt", path=f"/corpus/letters{i}.txt", raw=raw,
                       text=raw, title=title, language="en")
        doc.regions = [Region("title", 0, len(title)), Region("body", len(title) + 2, len(raw))]
        built.append(doc)
    conn = connect(path)
    Store(conn).write_documents(built, "test")
    conn.close()
    return path
