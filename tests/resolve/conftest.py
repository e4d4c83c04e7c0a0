"""Hand-built documents for the resolution tests (the `build` fixture): mentions and events
placed by hand, no NLP."""

from __future__ import annotations

import hashlib
import re

import pytest

from newsweave.document import Document, Event, Mention, Region
from newsweave.kb import knowledge_base, normalise
from newsweave.store import Store, connect


def mention(text: str, surface: str, type: str, *, kb: str | None = None, nth: int = 0) -> Mention:
    """The `nth` occurrence of `surface` in `text`, keyed as the recognizer keys it."""
    start = [m.start() for m in re.finditer(re.escape(surface), text)][nth]
    entry = knowledge_base().get(kb) if kb else None
    name = entry.name if entry else surface
    key = kb if kb else f"{type}:{normalise(surface)}"
    return Mention(start, start + len(surface), surface, type, "body", entity=key, kb_id=kb,
                   name=name, country=entry.country if entry else None)


def event(text: str, source: str, source_key: str | None, target: str | None = None,
          target_key: str | None = None, type: str = "CONSULT") -> Event:
    """An event over the sentence holding `source` (the texts as the extractor would give them)."""
    at = text.index(source)
    start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0
    end = text.find(".", at) + 1 or len(text)
    return Event(type, None, source_key, target_key, source, target, None, None, None,
                 text[start:end], start, end, "body", None, "asserted", 0.9)


def document(text: str, mentions: list, events: list | None = None, name: str | None = None) -> Document:
    doc_id = hashlib.sha1(text.encode()).hexdigest()[:16]
    return Document(id=doc_id, name=name or f"{doc_id}.txt", path=name or f"{doc_id}.txt", raw=text,
                    text=text, regions=[Region("body", 0, len(text))], mentions=mentions,
                    events=events or [])


def store(db, docs: list[Document]):
    """Write `docs` into the database `db` and return an open connection."""
    conn = connect(db)
    Store(conn).write_documents(docs, "test")
    return conn


class _Builder:
    mention = staticmethod(mention)
    event = staticmethod(event)
    document = staticmethod(document)
    store = staticmethod(store)


@pytest.fixture
def build():
    return _Builder
