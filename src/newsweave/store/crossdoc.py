"""SQL for the cross-document steps: near-duplicate documents, and writing entities directly.

The logic lives in `resolve/` and `aggregate/`; these functions only read the rows they need
and write back the results, each rebuild in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from .database import meta_json, set_meta_json, transaction, unpack_ints
from .resolution import count_entities


def shared_band_buckets(conn: sqlite3.Connection, after_seq: int | None = None) -> Iterator[list[str]]:
    """The documents of each LSH band held by two or more (candidate near-duplicates), one list
    per band; with `after_seq`, only bands holding a document stored after that `seq`."""
    if after_seq is None:
        rows = conn.execute(
            "SELECT band, doc FROM lsh_bands WHERE band IN "
            "(SELECT band FROM lsh_bands GROUP BY band HAVING COUNT(*) > 1) ORDER BY band, doc")
    else:
        rows = conn.execute(
            "SELECT band, doc FROM lsh_bands WHERE band IN (SELECT l.band FROM lsh_bands l "
            "JOIN documents d ON d.id = l.doc WHERE d.seq > ?) ORDER BY band, doc", (after_seq,))
    band = None
    members: list[str] = []
    for row in rows:
        if row["band"] != band:
            if len(members) > 1:
                yield members
            band, members = row["band"], []
        members.append(row["doc"])
    if len(members) > 1:
        yield members


def documents_after(conn: sqlite3.Connection, seq: int) -> set[str]:
    return {row[0] for row in conn.execute("SELECT id FROM documents WHERE seq > ?", (seq,))}


def _by_id_chunks(conn: sqlite3.Connection, sql: str, ids: list[str]) -> Iterator[sqlite3.Row]:
    """Rows of `sql` (with `{marks}` for an id list) for `ids`, 500 at a time."""
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        yield from conn.execute(sql.format(marks=",".join("?" * len(part))), part)


def fingerprints(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[int] | None]:
    return {row["id"]: unpack_ints(row["fingerprint"])
            for row in _by_id_chunks(conn, "SELECT id, fingerprint FROM documents WHERE id IN ({marks})", ids)}


def document_order_keys(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple]:
    """Per document, the key that decides which of two copies is the earlier one."""
    return {
        row["id"]: (row["published"] is None, row["published"] or "", row["path"], row["name"], row["id"])
        for row in _by_id_chunks(conn, "SELECT id, published, path, name FROM documents WHERE id IN ({marks})", ids)
    }


def duplicate_links(conn: sqlite3.Connection) -> dict[str, str]:
    """copy -> original for every flagged near-duplicate."""
    return {row[0]: row[1] for row in conn.execute(
        "SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")}


def count_duplicates(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]


def set_duplicates(conn: sqlite3.Connection, duplicate_of: dict[str, str | None], *, everything: bool = True) -> None:
    """Write `duplicate_of` (copy -> original, None: no longer a copy); `everything`: the
    mapping is complete, so every other document is no copy."""
    with transaction(conn):
        if everything:
            conn.execute("UPDATE documents SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
        conn.executemany(
            "UPDATE documents SET duplicate_of = ? WHERE id = ?",
            [(original, copy) for copy, original in duplicate_of.items() if original or not everything],
        )


# ---- what the last complete rebuild saw (to skip or narrow the next one) -------------------

def document_state(conn: sqlite3.Connection) -> tuple[int, int]:
    """(highest seq, number of documents): equal states mean no document added or replaced."""
    row = conn.execute("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM documents").fetchone()
    return row[0], row[1]


def documents_up_to(conn: sqlite3.Connection, seq: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM documents WHERE seq <= ?", (seq,)).fetchone()[0]


def rebuilt_state(conn: sqlite3.Connection) -> dict | None:
    return meta_json(conn, "crossdoc_rebuilt")


def set_rebuilt_state(conn: sqlite3.Connection, state: dict) -> None:
    set_meta_json(conn, "crossdoc_rebuilt", state)


def replace_entities(conn: sqlite3.Connection, entities: list[dict], key_to_entity: dict[str, str]) -> None:
    """Write the resolved entities and point mentions and events at them."""
    with transaction(conn):
        conn.execute("DELETE FROM entities")
        conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, country, kb_id, mentions, documents, "
            "comment_mentions) VALUES (:id, :name, :type, :aliases, :country, :kb_id, :mentions, "
            ":documents, :comment_mentions)",
            [{**e, "aliases": json.dumps(e["aliases"], ensure_ascii=False)} for e in entities],
        )
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS key_map (key TEXT PRIMARY KEY, entity TEXT)")
        conn.execute("DELETE FROM key_map")
        conn.executemany("INSERT INTO key_map VALUES (?, ?)", key_to_entity.items())
        conn.execute(
            "UPDATE mentions SET entity = (SELECT entity FROM key_map WHERE key = mentions.entity_key)"
        )
        conn.execute(
            "UPDATE events SET source = (SELECT entity FROM key_map WHERE key = events.source_key), "
            "target = (SELECT entity FROM key_map WHERE key = events.target_key)"
        )


def overrides_state(conn: sqlite3.Connection) -> list[int]:
    """(count, highest seq) of the analyst's corrections: a new or removed one changes it."""
    return list(conn.execute("SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM entity_overrides").fetchone())


def cross_document_counts(conn: sqlite3.Connection, aggregate_tables: tuple[str, ...]) -> tuple[int, int, dict[str, int]]:
    """(near-duplicates, entities, rows per aggregate table) as stored."""
    return (count_duplicates(conn), count_entities(conn),
            {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in aggregate_tables})
