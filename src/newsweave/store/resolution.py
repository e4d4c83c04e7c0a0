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

from .database import has_table, is_postgres, meta_json, now, set_meta_json, stream, transaction

# Characters after a mention read to find an acronym defined in brackets: " (LNA)".
AFTER_CHARS = 16


def mention_keys(conn: sqlite3.Connection, after_seq: int = 0) -> Iterator[sqlite3.Row]:
    """What clustering needs of each mention with an entity key, with the text right after it,
    in document order, of the documents stored after `after_seq` (streamed: one pass, nothing kept)."""
    yield from stream(conn,
        "SELECT m.entity_key, m.text, m.name, m.type, m.kb_id, m.country, "
        f"substr(d.raw, m.end + 1, {AFTER_CHARS}) AS after "
        "FROM documents d JOIN mentions m ON m.doc = d.id WHERE d.seq > ? AND m.entity_key IS NOT NULL "
        "ORDER BY d.seq, m.idx", (after_seq,)
    )


def event_actor_keys(conn: sqlite3.Connection, after_seq: int = 0) -> Iterator[sqlite3.Row]:
    """Each event's actor keys and texts, of the documents stored after `after_seq` (streamed)."""
    yield from stream(conn, "SELECT e.source_key, e.target_key, e.source_text, e.target_text FROM events e "
                            "JOIN documents d ON d.id = e.doc WHERE d.seq > ? ORDER BY d.seq, e.idx", (after_seq,))


# Meta keys: the name nodes folded so far (`resolve.nodes`), and what the stored resolution read
# per node key (`Resolution.inputs`), each with the documents it holds.
NAME_NODES_KEY = "resolution_name_nodes"
INPUTS_KEY = "resolution_inputs"


def name_nodes(conn: sqlite3.Connection) -> dict | None:
    return meta_json(conn, NAME_NODES_KEY)


def set_name_nodes(conn: sqlite3.Connection, state: dict) -> None:
    with transaction(conn):
        set_meta_json(conn, NAME_NODES_KEY, state)


def resolution_inputs(conn: sqlite3.Connection) -> dict | None:
    return meta_json(conn, INPUTS_KEY)


def select_documents(conn: sqlite3.Connection, keys: list[str], after_seq: int) -> int:
    """Choose, for `rows_by_document(chosen=True)`, the documents stored after `after_seq` and
    those with a mention or an event actor under one of `keys`; returns how many."""
    conn.execute("DROP TABLE IF EXISTS temp.changed_keys")
    conn.execute("DROP TABLE IF EXISTS temp.chosen_documents")
    conn.execute("CREATE TEMP TABLE changed_keys (key TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.changed_keys VALUES (?)", [(key,) for key in keys])
    conn.execute(
        "CREATE TEMP TABLE chosen_documents AS "
        "SELECT id FROM documents WHERE seq > ? "
        "UNION SELECT m.doc FROM mentions m JOIN temp.changed_keys k ON k.key = m.entity_key "
        "UNION SELECT e.doc FROM events e JOIN temp.changed_keys k ON k.key = e.source_key "
        "UNION SELECT e.doc FROM events e JOIN temp.changed_keys k ON k.key = e.target_key", (after_seq,))
    return conn.execute("SELECT COUNT(*) FROM temp.chosen_documents").fetchone()[0]


def _by_seq(rows: Iterator[sqlite3.Row]) -> Iterator[tuple[int, list[sqlite3.Row]]]:
    return ((seq, list(group)) for seq, group in groupby(rows, key=itemgetter("seq")))


def rows_by_document(conn: sqlite3.Connection, chosen: bool = False) -> Iterator[tuple[list[sqlite3.Row], list[sqlite3.Row]]]:
    """(mentions with an entity key, events) of one document at a time, in document order, of
    every document or (`chosen`) of those `select_documents` chose: memory holds one document,
    not the corpus."""
    only = "JOIN temp.chosen_documents c ON c.id = d.id " if chosen else ""
    mentions = _by_seq(stream(conn,
        "SELECT d.seq, m.doc, m.idx, m.start, m.text, m.type, m.region, m.entity_key, m.kb_id, m.name, "
        f"m.country, m.entity FROM documents d {only}JOIN mentions m ON m.doc = d.id "
        "WHERE m.entity_key IS NOT NULL ORDER BY d.seq, m.idx"))
    events = _by_seq(stream(conn,
        "SELECT d.seq, e.id, e.doc, e.end, e.type, e.mode, e.source_key, e.target_key, e.source_text, e.target_text, "
        f"e.source, e.target FROM documents d {only}JOIN events e ON e.doc = d.id ORDER BY d.seq, e.idx"))
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
    conn.execute("CREATE TEMP TABLE new_mention_entity (entity TEXT, doc TEXT, idx INTEGER, PRIMARY KEY (doc, idx))")
    conn.execute("CREATE TEMP TABLE new_event_actors (source TEXT, target TEXT, id TEXT PRIMARY KEY)")


def stage_changes(conn: sqlite3.Connection, mention_entities: list[tuple[str | None, str, int]],
                  event_actors: list[tuple[str | None, str | None, str]]) -> None:
    """Keep, until `write_resolution`, mentions' new entity ((entity, doc, idx)) and events' new
    actors ((source, target, id))."""
    conn.executemany("INSERT INTO temp.new_mention_entity VALUES (?, ?, ?)", mention_entities)
    conn.executemany("INSERT INTO temp.new_event_actors VALUES (?, ?, ?)", event_actors)


def touch_entities(conn: sqlite3.Connection) -> set[str]:
    """The entities whose records the staged changes may change: every entity a changed mention
    or event actor had or gets, and those of the chosen documents (`select_documents`)."""
    conn.execute("DROP TABLE IF EXISTS temp.touched_entities")
    conn.execute(
        "CREATE TEMP TABLE touched_entities AS "
        "SELECT entity FROM temp.new_mention_entity "
        "UNION SELECT m.entity FROM mentions m JOIN temp.new_mention_entity n ON n.doc = m.doc AND n.idx = m.idx "
        "UNION SELECT source FROM temp.new_event_actors UNION SELECT target FROM temp.new_event_actors "
        "UNION SELECT e.source FROM events e JOIN temp.new_event_actors n ON n.id = e.id "
        "UNION SELECT e.target FROM events e JOIN temp.new_event_actors n ON n.id = e.id "
        "UNION SELECT m.entity FROM mentions m JOIN temp.chosen_documents c ON c.id = m.doc "
        "UNION SELECT e.source FROM events e JOIN temp.chosen_documents c ON c.id = e.doc "
        "UNION SELECT e.target FROM events e JOIN temp.chosen_documents c ON c.id = e.doc")
    conn.execute("DELETE FROM temp.touched_entities WHERE entity IS NULL")
    return {row[0] for row in conn.execute("SELECT entity FROM temp.touched_entities")}


def resolved_mentions(conn: sqlite3.Connection, touched: bool = False) -> Iterator[sqlite3.Row]:
    """Every keyed mention (`touched`: of the entities `touch_entities` found) with its entity as
    staged, else as stored, grouped by document."""
    only = "AND m.entity IN (SELECT entity FROM temp.touched_entities) " if touched else ""
    yield from stream(conn,
        "SELECT CASE WHEN n.doc IS NULL THEN m.entity ELSE n.entity END AS entity, m.doc, m.text, m.name, "
        "m.type, m.kb_id, m.country, m.region FROM mentions m "
        "LEFT JOIN temp.new_mention_entity n ON n.doc = m.doc AND n.idx = m.idx "
        f"WHERE m.entity_key IS NOT NULL {only}ORDER BY m.doc, m.idx")


def resolved_actors(conn: sqlite3.Connection, touched: bool = False) -> Iterator[sqlite3.Row]:
    """Every event's actors (`touched`: events with an actor `touch_entities` found) as staged,
    else as stored, with their texts, in document order."""
    only = ("WHERE e.source IN (SELECT entity FROM temp.touched_entities) "
            "OR e.target IN (SELECT entity FROM temp.touched_entities) ") if touched else ""
    yield from stream(conn,
        "SELECT CASE WHEN n.id IS NULL THEN e.source ELSE n.source END AS source, "
        "CASE WHEN n.id IS NULL THEN e.target ELSE n.target END AS target, e.source_text, e.target_text "
        "FROM documents d JOIN events e ON e.doc = d.id LEFT JOIN temp.new_event_actors n ON n.id = e.id "
        f"{only}ORDER BY d.seq, e.idx")


def drop_staged_changes(conn: sqlite3.Connection) -> None:
    for table in ("new_mention_entity", "new_event_actors", "changed_keys", "chosen_documents", "touched_entities"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


def write_resolution(conn: sqlite3.Connection, entities: list[dict], inputs: dict, touched: bool = False) -> None:
    """Replace the entities (`touched`: those `touch_entities` found), apply the staged changes
    of mentions and events and keep what the resolution read (`inputs`), in one transaction."""
    with transaction(conn):
        set_meta_json(conn, INPUTS_KEY, inputs)
        if touched:
            conn.execute("DELETE FROM entities WHERE id IN (SELECT entity FROM temp.touched_entities)")
        else:
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


def count_entities(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0]


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
