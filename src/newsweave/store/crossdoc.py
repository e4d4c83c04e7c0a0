"""SQL for the cross-document steps: near-duplicate documents, and writing entities directly.

The logic lives in `resolve/` and `aggregate/`; these functions only read the rows they need
and write back the results, each rebuild in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from .database import transaction, unpack_ints


def candidate_duplicate_pairs(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """Pairs of documents sharing at least one LSH band (near-linear: bands are selective)."""
    yield from conn.execute(
        "SELECT DISTINCT a.doc, b.doc FROM lsh_bands a JOIN lsh_bands b "
        "ON a.band = b.band AND a.doc < b.doc"
    )


def fingerprints(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[int]]:
    found = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"SELECT id, fingerprint FROM documents WHERE id IN ({marks})", part):
            found[row["id"]] = unpack_ints(row["fingerprint"])
    return found


def document_order_keys(conn: sqlite3.Connection) -> dict[str, tuple]:
    """Per document, the key that decides which of two copies is the earlier one."""
    return {
        row["id"]: (row["published"] is None, row["published"] or "", row["path"], row["name"], row["id"])
        for row in conn.execute("SELECT id, published, path, name FROM documents")
    }


def set_duplicates(conn: sqlite3.Connection, duplicate_of: dict[str, str]) -> None:
    with transaction(conn):
        conn.execute("UPDATE documents SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
        conn.executemany(
            "UPDATE documents SET duplicate_of = ? WHERE id = ?",
            [(original, copy) for copy, original in duplicate_of.items()],
        )


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

