"""The `build` fixture: hand-built documents written with the real Writer, resolved, aggregated."""

from __future__ import annotations

import pytest

from newsweave.aggregate.rebuild import rebuild_aggregates
from newsweave.resolve.entities import resolve_entities
from newsweave.store import Writer, connect, crossdoc


@pytest.fixture
def build(tmp_path):
    """build(docs, duplicates={copy: original}) -> an open, aggregated connection."""
    connections = []

    def _build(docs, duplicates=None):
        conn = connect(tmp_path / "agg.db")
        connections.append(conn)
        Writer(conn).write_documents(docs, "test")
        if duplicates:
            crossdoc.set_duplicates(conn, duplicates)
        resolve_entities(conn)
        rebuild_aggregates(conn)
        return conn

    yield _build
    for conn in connections:
        conn.close()
