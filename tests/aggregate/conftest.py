"""The `build` fixture: hand-built documents written with the real Store, resolved, aggregated."""

from __future__ import annotations

import pytest

from newsweave.crossdoc import rebuild_aggregates
from newsweave.crossdoc import resolve_entities
from newsweave.store import Store, connect, crossdoc


@pytest.fixture
def build(tmp_path):
    """build(docs, duplicates={copy: original}) -> an open, aggregated connection."""
    connections = []

    def _build(docs, duplicates=None):
        conn = connect(tmp_path / "agg.db")
        connections.append(conn)
        Store(conn).write_documents(docs, "test")
        if duplicates:
            crossdoc.set_duplicates(conn, duplicates)
        resolve_entities(Store(conn))
        rebuild_aggregates(Store(conn))
        return conn

    yield _build
    for conn in connections:
        conn.close()
