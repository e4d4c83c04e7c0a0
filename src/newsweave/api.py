"""The Python API: run a corpus, open a database, query it, analyse one text without a database.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from pathlib import Path

from . import runner
from .document import Document, Region
from .pipeline import build_stages, process
from .read import content_id
from .records import DocumentRecord, EntityRecord, ErrorRecord, EventRecord, MentionRecord
from .settings import DEFAULT_DB, Settings
from .store import connect, queries


class Corpus:
    """A newsweave database opened for reading."""

    def __init__(self, db: str | Path = DEFAULT_DB):
        self.db = Path(db)
        self._conn = connect(self.db, readonly=True)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def documents(self) -> list[DocumentRecord]:
        return queries.documents(self._conn)

    def document(self, doc_id: str) -> tuple[DocumentRecord, str] | None:
        """A document's record and its original text."""
        return queries.document(self._conn, doc_id)

    def mentions(self) -> list[MentionRecord]:
        return builtins.list(queries.mentions(self._conn))

    def entities(self, *, name: str | None = None, type: str | None = None) -> list[EntityRecord]:
        return queries.entities(self._conn, name=name, type=type)

    def events(self, *, actor: str | None = None, type: str | None = None,
               region: str | None = None) -> list[EventRecord]:
        return queries.events(self._conn, actor=actor, type=type, region=region)

    def timeline(self, *, actor: str | None = None) -> list[EventRecord]:
        """Article events ordered by when they happened (undated last)."""
        return queries.events(self._conn, actor=actor, region="body", order="date")

    def relations(self) -> list:
        return []

    def contradictions(self) -> list:
        return []

    def search(self, text: str, *, limit: int = 20) -> list[dict]:
        return queries.search(self._conn, text, limit=limit)

    def errors(self) -> list[ErrorRecord]:
        return queries.errors(self._conn)

    def counts(self) -> dict:
        return queries.counts(self._conn)

    def events_frame(self):
        """The events as a pandas DataFrame (needs pandas installed)."""
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError("events_frame needs pandas: pip install pandas") from e
        from .records import to_dict

        return pd.DataFrame([to_dict(e) for e in self.events()])


def run(paths: Iterable[str | Path], db: str | Path = DEFAULT_DB, *, settings: Settings | None = None,
        on_progress=None, **options) -> Corpus:
    """Read and process `paths` into the database `db` (same as `newsweave run`); open it."""
    settings = (settings or Settings()).but(db=Path(db), **options)
    runner.run(paths, settings, on_progress=on_progress)
    return Corpus(settings.db)


def open(db: str | Path = DEFAULT_DB) -> Corpus:  # noqa: A001 - the documented API name
    return Corpus(db)


_stages_cache: dict[Settings, list] = {}


def analyze_text(text: str, *, published: str | None = None, title: str | None = None,
                 format: str = "text", settings: Settings | None = None) -> Document:
    """Run every per-document stage on one text, with no database; returns the Document."""
    settings = settings or Settings()
    stages = _stages_cache.get(settings)
    if stages is None:
        stages = _stages_cache[settings] = build_stages(settings)
    doc = Document(id=content_id(text), name="<text>", path="<text>", raw=text, format=format,
                   title=title, published=published)
    return process(doc, stages)


__all__ = ["Corpus", "Region", "analyze_text", "open", "run"]
