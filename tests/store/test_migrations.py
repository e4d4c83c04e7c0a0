"""A database written before migration 0006 gains the mention kind and the entity sector columns
(issue 11) when a newer newsweave opens it, and keeps what it stored."""

from __future__ import annotations

import sqlite3
from importlib import resources

from newsweave.store import connect, queries


def _version_5_database(path) -> None:
    package = resources.files("newsweave.store")
    conn = sqlite3.connect(path)
    conn.executescript(package.joinpath("schema.sql").read_text("utf-8"))
    for name in ("0002_resolution.sql", "0003_aggregates.sql", "0004_event_graph_index.sql",
                 "0005_seen_inputs.sql"):
        conn.executescript(package.joinpath(f"migrations/{name}").read_text("utf-8"))
    conn.execute("INSERT INTO entities (id, name, type, aliases) VALUES ('IND', 'India', 'COUNTRY', '[]')")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()


def test_an_older_database_gains_the_new_columns(tmp_path):
    path = tmp_path / "old.db"
    _version_5_database(path)
    conn = connect(path)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(mentions)")}
    assert "kind" in columns
    (india,) = queries.entities(conn)
    assert (india.name, india.sector, india.state, india.generic) == ("India", None, None, False)
    conn.close()
