"""The `build` fixture: hand-built documents written with the real Store, resolved, aggregated."""

from __future__ import annotations

import pytest

from newsweave.crossdoc import rebuild_aggregates
from newsweave.crossdoc import resolve_entities
from newsweave.store import Store, connect, crossdoc


@pytest.fixture
def build(database):
    """build(docs, duplicates={copy: original}) -> an open, aggregated connection to
    `build.db`, a SQLite file or a PostgreSQL database (every test runs on both)."""
    connections = []

    def _build(docs, duplicates=None):
        conn = connect(database)
        connections.append(conn)
        Store(conn).write_documents(docs, "test")
        if duplicates:
            crossdoc.set_duplicates(conn, duplicates)
        resolve_entities(Store(conn))
        rebuild_aggregates(Store(conn))
        return conn

    _build.db = database  # type: ignore[attr-defined]
    yield _build
    for conn in connections:
        conn.close()
