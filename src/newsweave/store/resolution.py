"""SQL for entity resolution: the rows it reads, the result it writes, the analyst's overrides.

The logic lives in `resolve/`; these functions read what it needs and write back the entities
and each mention's and event's entity in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from importlib import resources

from .database import now, transaction

# Characters after a mention read to find an acronym defined in brackets: " (LNA)".
AFTER_CHARS = 16


def mention_rows(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Mentions with an entity key in document order, with the text right after each."""
    yield from conn.execute(
        "SELECT m.doc, m.idx, m.start, m.end, m.text, m.type, m.region, m.entity_key, m.kb_id, "
        f"m.name, m.country, m.entity, substr(d.raw, m.end + 1, {AFTER_CHARS}) AS after "
        "FROM mentions m JOIN documents d ON d.id = m.doc "
        "WHERE m.entity_key IS NOT NULL ORDER BY d.seq, m.idx"
    )


def event_actor_rows(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Each event's actor keys and texts, with where its sentence is."""
    yield from conn.execute(
        "SELECT e.id, e.doc, e.start, e.end, e.region, e.source_key, e.target_key, "
        "e.source_text, e.target_text, e.source, e.target FROM events e JOIN documents d ON d.id = e.doc "
        "ORDER BY d.seq, e.idx"
    )


def write_resolution(conn: sqlite3.Connection, entities: list[dict],
                     mention_entities: list[tuple[str | None, str, int]],
                     event_actors: list[tuple[str | None, str | None, str]]) -> None:
    """Replace the entities; set mentions' entity ((entity, doc, idx)) and events' ((source, target, id)).
    Only the rows whose entity changes need be given (after new documents, most keep theirs)."""
    with transaction(conn):
        conn.execute("DELETE FROM entities")
        conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, country, kb_id, mentions, documents, "
            "comment_mentions) VALUES (:id, :name, :type, :aliases, :country, :kb_id, :mentions, "
            ":documents, :comment_mentions)",
            [{**e, "aliases": json.dumps(e["aliases"], ensure_ascii=False)} for e in entities],
        )
        conn.executemany("UPDATE mentions SET entity = ? WHERE doc = ? AND idx = ?", mention_entities)
        conn.executemany("UPDATE events SET source = ?, target = ? WHERE id = ?", event_actors)


def entity_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every entity's id, name, type and aliases (to find the one an analyst names)."""
    return conn.execute("SELECT id, name, type, aliases, mentions FROM entities ORDER BY id").fetchall()


def _ensure_overrides(conn: sqlite3.Connection) -> None:
    # A database migrated to a later version before 0002 existed lacks the table: add it.
    script = resources.files("newsweave.store").joinpath("migrations/0002_resolution.sql")
    conn.executescript(script.read_text("utf-8"))


def _has_overrides(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entity_overrides'"
    ).fetchone() is not None


def add_override(conn: sqlite3.Connection, action: str, entity: str, *, other: str | None = None,
                 names: list[str] | None = None, name: str | None = None) -> int:
    """Record one correction; returns its number in the replay order."""
    _ensure_overrides(conn)
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO entity_overrides (action, entity, other, names, name, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (action, entity, other, json.dumps(names or [], ensure_ascii=False), name, now()),
        )
    return cur.lastrowid


def overrides(conn: sqlite3.Connection) -> list[dict]:
    """The recorded corrections in the order they were made."""
    if not _has_overrides(conn):
        return []
    return [
        {"seq": row["seq"], "action": row["action"], "entity": row["entity"], "other": row["other"],
         "names": json.loads(row["names"]), "name": row["name"], "created_at": row["created_at"]}
        for row in conn.execute("SELECT * FROM entity_overrides ORDER BY seq")
    ]


def remove_override(conn: sqlite3.Connection, seq: int) -> bool:
    if not _has_overrides(conn):
        return False
    with transaction(conn):
        return conn.execute("DELETE FROM entity_overrides WHERE seq = ?", (seq,)).rowcount > 0
