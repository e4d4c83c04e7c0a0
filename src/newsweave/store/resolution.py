"""SQL for entity resolution: the rows it reads, the result it writes, the analyst's overrides.

The logic lives in `resolve/`; these functions read what it needs and write back the entities
and each mention's and event's entity in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from importlib import resources
from itertools import groupby
from operator import itemgetter

from .database import has_table, is_postgres, now, stream, transaction

# Characters after a mention read to find an acronym defined in brackets: " (LNA)".
AFTER_CHARS = 16


def mention_keys(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """What clustering needs of each mention with an entity key, with the text right after it,
    in document order (streamed: one pass, nothing kept)."""
    yield from stream(conn,
        "SELECT m.entity_key, m.text, m.name, m.type, m.kb_id, m.country, "
        f"substr(d.raw, m.end + 1, {AFTER_CHARS}) AS after "
        "FROM documents d JOIN mentions m ON m.doc = d.id WHERE m.entity_key IS NOT NULL ORDER BY d.seq, m.idx"
    )


def event_actor_keys(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Each event's actor keys and texts (streamed)."""
    yield from stream(conn, "SELECT e.source_key, e.target_key, e.source_text, e.target_text FROM events e "
                            "JOIN documents d ON d.id = e.doc ORDER BY d.seq, e.idx")


def _by_seq(rows: Iterator[sqlite3.Row]) -> Iterator[tuple[int, list[sqlite3.Row]]]:
    return ((seq, list(group)) for seq, group in groupby(rows, key=itemgetter("seq")))


def rows_by_document(conn: sqlite3.Connection) -> Iterator[tuple[list[sqlite3.Row], list[sqlite3.Row]]]:
    """(mentions with an entity key, events) of one document at a time, in document order:
    memory holds one document, not the corpus."""
    mentions = _by_seq(stream(conn, 
        "SELECT d.seq, m.doc, m.idx, m.start, m.text, m.type, m.region, m.entity_key, m.kb_id, m.name, "
        "m.country, m.entity FROM documents d JOIN mentions m ON m.doc = d.id "
        "WHERE m.entity_key IS NOT NULL ORDER BY d.seq, m.idx"))
    events = _by_seq(stream(conn, 
        "SELECT d.seq, e.id, e.doc, e.end, e.type, e.mode, e.source_key, e.target_key, e.source_text, e.target_text, "
        "e.source, e.target FROM documents d JOIN events e ON e.doc = d.id ORDER BY d.seq, e.idx"))
    mention_group, event_group = next(mentions, None), next(events, None)
    while mention_group or event_group:
        seq = min(group[0] for group in (mention_group, event_group) if group)
        yield (mention_group[1] if mention_group and mention_group[0] == seq else [],
               event_group[1] if event_group and event_group[0] == seq else [])
        if mention_group and mention_group[0] == seq:
            mention_group = next(mentions, None)
        if event_group and event_group[0] == seq:
            event_group = next(events, None)


def start_staging(conn: sqlite3.Connection) -> None:
    """Empty temporary tables for the changed rows of one resolution (on disk when large, not in memory)."""
    drop_staged_changes(conn)
    conn.execute("CREATE TEMP TABLE new_mention_entity (entity TEXT, doc TEXT, idx INTEGER)")
    conn.execute("CREATE TEMP TABLE new_event_actors (source TEXT, target TEXT, id TEXT)")


def stage_changes(conn: sqlite3.Connection, mention_entities: list[tuple[str | None, str, int]],
                  event_actors: list[tuple[str | None, str | None, str]]) -> None:
    """Keep, until `write_resolution`, mentions' new entity ((entity, doc, idx)) and events' new
    actors ((source, target, id))."""
    conn.executemany("INSERT INTO temp.new_mention_entity VALUES (?, ?, ?)", mention_entities)
    conn.executemany("INSERT INTO temp.new_event_actors VALUES (?, ?, ?)", event_actors)


def drop_staged_changes(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE IF EXISTS temp.new_mention_entity")
    conn.execute("DROP TABLE IF EXISTS temp.new_event_actors")


def write_resolution(conn: sqlite3.Connection, entities: list[dict]) -> None:
    """Replace the entities and apply the staged changes of mentions and events, in one transaction."""
    with transaction(conn):
        conn.execute("DELETE FROM entities")
        conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, country, kb_id, mentions, documents, "
            "comment_mentions, sector, state, generic) VALUES (:id, :name, :type, :aliases, :country, "
            ":kb_id, :mentions, :documents, :comment_mentions, :sector, :state, :generic)",
            [{**e, "aliases": json.dumps(e["aliases"], ensure_ascii=False)} for e in entities],
        )
        conn.execute("UPDATE mentions SET entity = n.entity FROM temp.new_mention_entity n "
                     "WHERE mentions.doc = n.doc AND mentions.idx = n.idx")
        conn.execute("UPDATE events SET source = n.source, target = n.target FROM temp.new_event_actors n "
                     "WHERE events.id = n.id")
    drop_staged_changes(conn)


def entity_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every entity's id, name, type and aliases (to find the one an analyst names)."""
    return conn.execute("SELECT id, name, type, aliases, mentions FROM entities ORDER BY id").fetchall()


def _ensure_overrides(conn: sqlite3.Connection) -> None:
    # A database migrated to a later version before 0002 existed lacks the table: add it.
    if is_postgres(conn):
        return  # created with the schema
    script = resources.files("newsweave.store").joinpath("migrations/0002_resolution.sql")
    conn.executescript(script.read_text("utf-8"))


def _has_overrides(conn: sqlite3.Connection) -> bool:
    return has_table(conn, "entity_overrides")


def add_override(conn: sqlite3.Connection, action: str, entity: str, *, other: str | None = None,
                 names: list[str] | None = None, name: str | None = None) -> int:
    """Record one correction; returns its number in the replay order."""
    _ensure_overrides(conn)
    with transaction(conn):
        return conn.execute(
            "INSERT INTO entity_overrides (action, entity, other, names, name, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING seq",
            (action, entity, other, json.dumps(names or [], ensure_ascii=False), name, now()),
        ).fetchone()[0]


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
