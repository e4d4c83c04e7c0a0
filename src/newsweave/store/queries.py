"""Read queries, one function per question, shared by the CLI, the Python API and the exports."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator

from ..records import (
    DocumentRecord,
    EntityRecord,
    ErrorRecord,
    EventRecord,
    MentionRecord,
    PlaceRecord,
    RegionRecord,
)


def _regions_by_doc(conn: sqlite3.Connection) -> dict[str, list[RegionRecord]]:
    regions: dict[str, list[RegionRecord]] = {}
    for row in conn.execute("SELECT * FROM regions ORDER BY doc, idx"):
        regions.setdefault(row["doc"], []).append(
            RegionRecord(row["kind"], row["start"], row["end"], row["author"], row["posted"], row["note"])
        )
    return regions


def _document(row: sqlite3.Row, regions: list[RegionRecord]) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"], name=row["name"], path=row["path"], title=row["title"], source=row["source"],
        url=row["url"], published=row["published"], language=row["language"],
        duplicate_of=row["duplicate_of"], regions=regions,
        published_precision=row["published_precision"], format=row["format"], words=row["words"],
        warnings=json.loads(row["warnings"] or "[]"),
    )


def documents(conn: sqlite3.Connection) -> list[DocumentRecord]:
    regions = _regions_by_doc(conn)
    rows = conn.execute(
        "SELECT id, name, path, title, source, url, published, published_precision, language, "
        "duplicate_of, format, words, warnings FROM documents ORDER BY seq"
    )
    return [_document(row, regions.get(row["id"], [])) for row in rows]


def document(conn: sqlite3.Connection, doc_id: str) -> tuple[DocumentRecord, str] | None:
    """One document with its original text (as read)."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    regions = [
        RegionRecord(r["kind"], r["start"], r["end"], r["author"], r["posted"], r["note"])
        for r in conn.execute("SELECT * FROM regions WHERE doc = ? ORDER BY idx", (doc_id,))
    ]
    return _document(row, regions), row["raw"]


def mentions(conn: sqlite3.Connection) -> Iterator[MentionRecord]:
    for row in conn.execute(
        "SELECT m.* FROM mentions m JOIN documents d ON d.id = m.doc ORDER BY d.seq, m.idx"
    ):
        yield MentionRecord(row["doc"], row["start"], row["end"], row["text"], row["type"],
                            row["entity"], row["region"], row["kind"])


def _entity(row: sqlite3.Row) -> EntityRecord:
    return EntityRecord(
        id=row["id"], name=row["name"], type=row["type"], aliases=json.loads(row["aliases"]),
        country=row["country"], kb_id=row["kb_id"], mentions=row["mentions"],
        documents=row["documents"], comment_mentions=row["comment_mentions"],
        sector=row["sector"], state=row["state"], generic=bool(row["generic"]),
    )


def entities(conn: sqlite3.Connection, *, name: str | None = None, type: str | None = None,
             include_comment_only: bool = True) -> list[EntityRecord]:
    sql = "SELECT * FROM entities WHERE 1 = 1"
    params: list = []
    if name:
        sql += " AND id IN (SELECT id FROM entities WHERE name LIKE ? OR aliases LIKE ? OR id = ?)"
        params += [f"%{name}%", f"%{name}%", name]
    if type:
        sql += " AND type = ?"
        params.append(type.upper())
    if not include_comment_only:
        sql += " AND mentions > 0"
    sql += " ORDER BY mentions DESC, documents DESC, name"
    return [_entity(row) for row in conn.execute(sql, params)]


def entity_ids_matching(conn: sqlite3.Connection, actor: str) -> list[str]:
    """Entities whose id, name or an alias matches `actor` (case-insensitive substring)."""
    pattern = f"%{actor}%"
    return [row[0] for row in conn.execute(
        "SELECT id FROM entities WHERE id = ? OR name LIKE ? OR aliases LIKE ?", (actor, pattern, pattern)
    )]


# Stored modalities outside the contract's list, as the contract names them: a negated event
# ("Egypt did not attack Libya") is "denied" there, with `negated` set.
CONTRACT_MODALITY = {"negated": "denied"}


def _event(row: sqlite3.Row) -> EventRecord:
    place = None
    if row["place_name"]:
        place = PlaceRecord(row["place_name"], row["place_lat"], row["place_lon"], row["place_country"])
    return EventRecord(
        id=row["id"], doc=row["doc"], type=row["type"], mode=row["mode"], source=row["source"],
        target=row["target"], date=row["date"], date_precision=row["date_precision"], place=place,
        sentence=row["sentence"], start=row["start"], end=row["end"], region=row["region"],
        attribution=row["attribution"], modality=CONTRACT_MODALITY.get(row["modality"], row["modality"]),
        negated=row["modality"] == "negated", confidence=row["confidence"],
        source_text=row["source_text"], target_text=row["target_text"], trigger=row["trigger"],
        source_name=row["source_name"], target_name=row["target_name"],
    )


EVENT_COLUMNS = (
    "e.*, s.name AS source_name, t.name AS target_name FROM events e "
    "JOIN documents d ON d.id = e.doc "
    "LEFT JOIN entities s ON s.id = e.source LEFT JOIN entities t ON t.id = e.target"
)


def events(conn: sqlite3.Connection, *, actor: str | None = None, type: str | None = None,
           region: str | None = None, order: str = "document", min_confidence: float = 0.0) -> list[EventRecord]:
    """Events at or above `min_confidence`, optionally for one actor (by id, name or alias),
    one type and one region kind.

    `order` is "document" (as read) or "date" (when they happened, undated last).
    """
    sql = f"SELECT {EVENT_COLUMNS} WHERE e.confidence >= ?"
    params: list = [min_confidence]
    if actor:
        ids = entity_ids_matching(conn, actor)
        marks = ",".join("?" * len(ids)) or "NULL"
        sql += f" AND (e.source IN ({marks}) OR e.target IN ({marks}))"
        params += ids + ids
    if type:
        sql += " AND e.type = ?"
        params.append(type.upper())
    if region:
        sql += " AND e.region = ?"
        params.append(region)
    if order == "date":
        sql += " ORDER BY e.date IS NULL, e.date, d.seq, e.idx"
    else:
        sql += " ORDER BY d.seq, e.idx"
    return [_event(row) for row in conn.execute(sql, params)]


# A query's cost in FTS5 grows with its terms (snippet() is roughly quadratic in them), so
# repeated terms count once and only the first few are used; that is plenty for finding text.
MAX_SEARCH_TERMS = 8
MAX_PHRASE_WORDS = 8


def _fts_query(text: str) -> str:
    """User text as an FTS5 query: quoted phrases kept, other words all required, each term
    once (case-insensitively), at most MAX_SEARCH_TERMS terms of MAX_PHRASE_WORDS words."""
    # FTS5 ends a string at NUL ("unterminated string"); lone surrogates cannot be encoded.
    text = text.replace("\x00", " ").encode("utf-8", "ignore").decode("utf-8")
    phrases = [re.findall(r"\w+", p) for p in re.findall(r'"([^"]+)"', text)]
    words = [[w] for w in re.findall(r"\w+", re.sub(r'"[^"]+"', " ", text))]
    terms: dict[str, str] = {}
    for term in phrases + words:
        if term and len(terms) < MAX_SEARCH_TERMS:
            phrase = " ".join(term[:MAX_PHRASE_WORDS])
            terms.setdefault(phrase.casefold(), f'"{phrase}"')
    return " ".join(terms.values())


def search_rows(conn: sqlite3.Connection, text: str, *, limit: int, offset: int = 0) -> list[dict]:
    """One page of full-text hits over titles and bodies, best first, with a snippet each."""
    query = _fts_query(text)
    if not query:
        return []
    # snippet() is the costly part: ranked first, then computed for the page shown only.
    rows = conn.execute(
        "SELECT f.doc, d.name, d.title, d.published, d.source, "
        "snippet(body_fts, 2, '[', ']', ' … ', 16) AS snippet "
        "FROM body_fts f JOIN documents d ON d.id = f.doc "
        "WHERE body_fts MATCH ?1 AND f.rowid IN ("
        "  SELECT rowid FROM body_fts WHERE body_fts MATCH ?1 ORDER BY rank, rowid LIMIT ?2 OFFSET ?3) "
        "ORDER BY f.rank, f.rowid",
        (query, limit, offset),
    )
    return [dict(row) for row in rows]


def search(conn: sqlite3.Connection, text: str, *, limit: int = 20) -> list[dict]:
    """Full-text search over article titles and bodies, best matches first."""
    return search_rows(conn, text, limit=limit)


def errors(conn: sqlite3.Connection) -> list[ErrorRecord]:
    return [ErrorRecord(row["path"], row["reason"], row["seen_at"])
            for row in conn.execute("SELECT * FROM errors ORDER BY path, reason")]


def counts(conn: sqlite3.Connection, *, min_confidence: float = 0.0) -> dict:
    """The numbers `summary` shows (`confident_events`: article events at or above
    `min_confidence`)."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    regions = dict(conn.execute("SELECT kind, COUNT(*) FROM regions GROUP BY kind").fetchall())
    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "duplicates": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "words": one("SELECT COALESCE(SUM(words), 0) FROM documents"),
        "regions": regions,
        "comments": regions.get("comment", 0),
        "commenters": one("SELECT COUNT(DISTINCT author) FROM regions WHERE kind = 'comment' AND author IS NOT NULL"),
        "errors": one("SELECT COUNT(*) FROM errors"),
        "entities": one("SELECT COUNT(*) FROM entities WHERE mentions > 0"),
        "events": one("SELECT COUNT(*) FROM events WHERE region = 'body'"),
        "confident_events": conn.execute("SELECT COUNT(*) FROM events WHERE region = 'body' AND confidence >= ?",
                                         (min_confidence,)).fetchone()[0],
        "min_confidence": min_confidence,
        "comment_events": one("SELECT COUNT(*) FROM events WHERE region = 'comment'"),
        "last_run": _last_run(conn),
    }


def _last_run(conn: sqlite3.Connection) -> dict | None:
    row = conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return dict(row) if row else None
