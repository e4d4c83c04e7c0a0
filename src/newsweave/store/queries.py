"""Read queries, one function per question, shared by the CLI, the Python API, the exports and
the REST API. Events are chosen by one `EventFilter` (`filters.py`); the server's pages are
filtered, counted and cut in the database, so a corpus of many thousands of documents answers
without loading whole tables.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator

from ..document import ANALYSED_LANGUAGES, is_analysed_language
from ..errors import FilterError
from ..records import (
    DocumentRecord,
    EntityRecord,
    ErrorRecord,
    EventRecord,
    MentionRecord,
    PlaceRecord,
    RegionRecord,
)
from .database import is_postgres, stream
from .filters import EventFilter, window_sql


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


def documents_page(conn: sqlite3.Connection, *, limit: int, offset: int,
                   since: str | None = None, until: str | None = None) -> tuple[int, list[dict]]:
    """(total, one page of documents with their regions) published in the window (the
    filter's rule), in order of arrival."""
    where, params = window_sql("published", "published_precision", since, until)
    where = " WHERE 1 = 1" + where
    total = conn.execute(f"SELECT COUNT(*) FROM documents{where}", params).fetchone()[0]
    rows = [dict(r) for r in conn.execute(
        "SELECT id, name, path, title, source, url, published, published_precision, language, "
        f"duplicate_of, format, words FROM documents{where} ORDER BY seq LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )]
    ids = [r["id"] for r in rows]
    regions: dict[str, list[dict]] = {i: [] for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in conn.execute(
            f"SELECT doc, kind, start, \"end\", author, posted, note FROM regions WHERE doc IN ({marks}) ORDER BY doc, idx", ids
        ):
            regions[r["doc"]].append({k: r[k] for k in ("kind", "start", "end", "author", "posted", "note")})
    for r in rows:
        r["regions"] = regions[r["id"]]
        r["analysed"] = is_analysed_language(r["language"])  # False: no model for its language
    return total, rows


def mentions(conn: sqlite3.Connection) -> Iterator[MentionRecord]:
    for row in stream(conn, "SELECT m.* FROM mentions m JOIN documents d ON d.id = m.doc ORDER BY d.seq, m.idx"):
        yield MentionRecord(row["doc"], row["start"], row["end"], row["text"], row["type"],
                            row["entity"], row["region"], row["kind"])


def _entity(row: sqlite3.Row) -> EntityRecord:
    return EntityRecord(
        id=row["id"], name=row["name"], type=row["type"], aliases=json.loads(row["aliases"]),
        country=row["country"], kb_id=row["kb_id"], mentions=row["mentions"],
        documents=row["documents"], comment_mentions=row["comment_mentions"],
        sector=row["sector"], state=row["state"], generic=bool(row["generic"]),
    )


def _entity_where(name: str | None, type: str | None, include_comment_only: bool) -> tuple[str, list]:
    sql, params = " WHERE 1 = 1", []
    if name:
        sql += " AND (name LIKE ? OR aliases LIKE ? OR id = ?)"
        params += [f"%{name}%", f"%{name}%", name]
    if type:
        sql += " AND type = ?"
        params.append(type.upper())
    if not include_comment_only:
        sql += " AND mentions > 0"
    return sql, params


# Ties end on the id: the same order from either store, whatever order rows were written in.
ENTITY_ORDER = " ORDER BY mentions DESC, documents DESC, name, id"


def entities(conn: sqlite3.Connection, *, name: str | None = None, type: str | None = None,
             include_comment_only: bool = True) -> list[EntityRecord]:
    where, params = _entity_where(name, type, include_comment_only)
    return [_entity(row) for row in conn.execute(f"SELECT * FROM entities{where}{ENTITY_ORDER}", params)]


def entities_page(conn: sqlite3.Connection, *, limit: int, offset: int, name: str | None = None,
                  type: str | None = None) -> tuple[int, list[EntityRecord]]:
    """(total, one page) of the entities named in articles, most mentioned first."""
    where, params = _entity_where(name, type, include_comment_only=False)
    total = conn.execute(f"SELECT COUNT(*) FROM entities{where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM entities{where}{ENTITY_ORDER} LIMIT ? OFFSET ?", [*params, limit, offset])
    return total, [_entity(row) for row in rows]


def entity(conn: sqlite3.Connection, entity_id: str) -> EntityRecord | None:
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return _entity(row) if row else None


def entities_by_id(conn: sqlite3.Connection, ids: list[str]) -> dict[str, EntityRecord]:
    return _rows_by_id(conn, "SELECT * FROM entities", ids, _entity)


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


def event_where(conn: sqlite3.Connection, f: EventFilter) -> tuple[str, list]:
    """`f` as an SQL condition on `events e` (always starts " WHERE"). ValueError when its actor
    matches no entity: a misspelt name is an error, not an empty answer."""
    sql = " WHERE e.confidence >= ?"
    params: list = [f.min_confidence]
    if f.actor:
        ids = entity_ids_matching(conn, f.actor)
        if not ids:
            raise FilterError("actor", f.actor, "matches no entity")
        marks = ",".join("?" * len(ids))
        sql += f" AND (e.source IN ({marks}) OR e.target IN ({marks}))"
        params += ids + ids
    for column, value in (("e.type", f.type), ("e.region", f.region), ("e.doc", f.doc), ("e.place_name", f.place)):
        if value:
            sql += f" AND {column} = ?"
            params.append(value)
    window, window_params = window_sql("e.date", "e.date_precision", f.since, f.until)
    return sql + window, params + window_params


EVENT_ORDER = {"document": "d.seq, e.idx", "date": "e.date IS NULL, e.date, d.seq, e.idx"}


def events(conn: sqlite3.Connection, f: EventFilter | None = None, *, order: str = "document") -> list[EventRecord]:
    """Events matching `f` (default: all); `order` is "document" (as read) or "date" (when
    they happened, undated last)."""
    where, params = event_where(conn, f or EventFilter())
    return [_event(row) for row in conn.execute(f"SELECT {EVENT_COLUMNS}{where} ORDER BY {EVENT_ORDER[order]}", params)]


def events_page(conn: sqlite3.Connection, f: EventFilter, *, limit: int, offset: int,
                order: str = "document") -> tuple[int, list[EventRecord]]:
    """(total, one page of events) matching `f`."""
    where, params = event_where(conn, f)
    total = conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {EVENT_COLUMNS}{where} ORDER BY {EVENT_ORDER[order]} LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    return total, [_event(row) for row in rows]


def pair_events(conn: sqlite3.Connection, a: str, b: str, f: EventFilter, *, limit: int = 200,
                offset: int = 0) -> tuple[int, list[EventRecord]]:
    """The events between two entities, either way round: the evidence behind a graph edge."""
    where, params = event_where(conn, f)
    where += " AND ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))"
    params += [a, b, b, a]
    total = conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT {EVENT_COLUMNS}{where} ORDER BY {EVENT_ORDER['date']} LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    return total, [_event(row) for row in rows]


def places(conn: sqlite3.Connection, f: EventFilter, *, limit: int) -> list[dict]:
    """Event places with coordinates, with how many events happened there."""
    where, params = event_where(conn, f)
    rows = conn.execute(
        "SELECT e.place_name AS name, e.place_country AS country, AVG(e.place_lat) AS lat, "
        "AVG(e.place_lon) AS lon, COUNT(*) AS events, GROUP_CONCAT(DISTINCT e.type) AS types "
        f"FROM events e{where} AND e.place_lat IS NOT NULL "
        "AND e.place_lon IS NOT NULL GROUP BY e.place_name, e.place_country ORDER BY events DESC, name, country LIMIT ?",
        [*params, limit],
    )
    return [{**dict(r), "types": sorted((r["types"] or "").split(","))} for r in rows]


def event_docs(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, dict]:
    """Name, title, source, date and duplicate status of the given documents, by id."""
    return _rows_by_id(conn, "SELECT id, name, title, source, url, published, duplicate_of FROM documents", doc_ids)


def event_spans(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    """Document, span, region and confidence of the given events, by id (to link merged facts)."""
    return _rows_by_id(conn, "SELECT id, doc, start, \"end\", region, confidence FROM events", ids)


def _rows_by_id(conn: sqlite3.Connection, select: str, ids: list[str], record: Callable = dict) -> dict:
    """The rows of `select` whose id is in `ids`, each made a `record`, by id, asked 500 at a
    time (SQLite's limit on bound parameters)."""
    found = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"{select} WHERE id IN ({marks})", part):
            found[row["id"]] = record(row)
    return found


def date_range(conn: sqlite3.Connection, region: str | None = "body") -> tuple[str | None, str | None]:
    sql = "SELECT MIN(date), MAX(date) FROM events WHERE date IS NOT NULL"
    params: list = []
    if region:
        sql += " AND region = ?"
        params.append(region)
    row = conn.execute(sql, params).fetchone()
    return row[0], row[1]


def event_type_counts(conn: sqlite3.Connection, region: str, min_confidence: float) -> dict[str, int]:
    return dict(conn.execute(
        "SELECT type, COUNT(*) AS n FROM events WHERE region = ? AND confidence >= ? GROUP BY type "
        "ORDER BY n DESC, type", (region, min_confidence)
    ).fetchall())


def top_entities(conn: sqlite3.Connection, types: list[str], limit: int) -> list[EntityRecord]:
    marks = ",".join("?" * len(types))
    rows = conn.execute(
        f"SELECT * FROM entities WHERE mentions > 0 AND type IN ({marks}){ENTITY_ORDER} LIMIT ?", [*types, limit]
    )
    return [_entity(row) for row in rows]


def latest_events(conn: sqlite3.Connection, limit: int, min_confidence: float) -> list[EventRecord]:
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} WHERE e.region = 'body' AND e.date IS NOT NULL AND e.confidence >= ? "
        "ORDER BY e.date DESC, d.seq, e.idx LIMIT ?", (min_confidence, limit)
    )
    return [_event(row) for row in rows]


def entity_documents(conn: sqlite3.Connection, entity_id: str, *, limit: int) -> list[dict]:
    """Documents that mention an entity, with how often (article mentions first)."""
    rows = conn.execute(
        "SELECT m.doc, d.name, d.title, d.published, COUNT(*) AS mentions, "
        "SUM(CASE WHEN m.region = 'comment' THEN 1 ELSE 0 END) AS comment_mentions "
        "FROM mentions m JOIN documents d ON d.id = m.doc "
        "WHERE m.entity = ? GROUP BY m.doc, d.seq, d.name, d.title, d.published ORDER BY mentions DESC, d.seq LIMIT ?",
        (entity_id, limit),
    )
    return [dict(r) for r in rows]


def document_mentions(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT start, \"end\", text, type, entity, region FROM mentions WHERE doc = ? ORDER BY idx", (doc_id,)
    )]


# A query's cost in FTS5 grows with its terms (snippet() is roughly quadratic in them), so
# repeated terms count once and only the first few are used; that is plenty for finding text.
MAX_SEARCH_TERMS = 8
MAX_PHRASE_WORDS = 8


def _search_terms(text: str) -> list[str]:
    """User text as search terms: quoted phrases kept, other words all required, each term
    once (case-insensitively), at most MAX_SEARCH_TERMS terms of MAX_PHRASE_WORDS words."""
    # FTS5 ends a string at NUL ("unterminated string"); lone surrogates cannot be encoded.
    text = text.replace("\x00", " ").encode("utf-8", "ignore").decode("utf-8")
    phrases = [re.findall(r"\w+", p) for p in re.findall(r'"([^"]+)"', text)]
    words = [[w] for w in re.findall(r"\w+", re.sub(r'"[^"]+"', " ", text))]
    terms: dict[str, str] = {}
    for term in phrases + words:
        if term and len(terms) < MAX_SEARCH_TERMS:
            phrase = " ".join(term[:MAX_PHRASE_WORDS])
            terms.setdefault(phrase.casefold(), phrase)
    return list(terms.values())


def _fts_query(text: str) -> str:
    """The search terms as an FTS5 query (each a quoted phrase, all required)."""
    return " ".join(f'"{term}"' for term in _search_terms(text))


# PostgreSQL: each term a phrase (`phraseto_tsquery`, stemmed as the index is), all required;
# ts_headline marks the hits as FTS5's snippet() does.
_PG_QUERY = "(SELECT {} AS q)"
_PG_HEADLINE = ("ts_headline('english', h.body, h.q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=8, "
                "MaxFragments=1, FragmentDelimiter=\" … \"')")


def _pg_query(terms: list[str]) -> tuple[str, list[str]]:
    return _PG_QUERY.format(" && ".join(["phraseto_tsquery('english', ?)"] * len(terms))), terms


def search_rows(conn: sqlite3.Connection, text: str, *, limit: int, offset: int = 0) -> list[dict]:
    """One page of full-text hits over titles and bodies, best first, with a snippet each."""
    if is_postgres(conn):
        terms = _search_terms(text)
        if not terms:
            return []
        query, params = _pg_query(terms)
        # The headline is the costly part (as snippet() is): ranked first, then made for the page only.
        return [dict(row) for row in conn.execute(
            "WITH hits AS (SELECT f.doc, f.body, q.q, ts_rank(f.terms, q.q) AS rank "
            f"  FROM body_fts f, {query} q WHERE f.terms @@ q.q ORDER BY rank DESC, f.doc LIMIT ? OFFSET ?) "
            f"SELECT h.doc, d.name, d.title, d.published, d.source, {_PG_HEADLINE} AS snippet "
            "FROM hits h JOIN documents d ON d.id = h.doc ORDER BY h.rank DESC, h.doc", [*params, limit, offset])]
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


def search_page(conn: sqlite3.Connection, text: str, *, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Full-text search over article titles and bodies, best first: (total, one page)."""
    if is_postgres(conn):
        terms = _search_terms(text)
        if not terms:
            return 0, []
        query, params = _pg_query(terms)
        total = conn.execute(f"SELECT COUNT(*) FROM body_fts f, {query} q WHERE f.terms @@ q.q", params).fetchone()[0]
        return total, search_rows(conn, text, limit=limit, offset=offset)
    query = _fts_query(text)
    if not query:
        return 0, []
    total = conn.execute("SELECT COUNT(*) FROM body_fts WHERE body_fts MATCH ?", (query,)).fetchone()[0]
    return total, search_rows(conn, text, limit=limit, offset=offset)


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
        "not_analysed": not_analysed(conn),
        "last_run": _last_run(conn),
    }


def not_analysed(conn: sqlite3.Connection) -> dict[str, int]:
    """Documents stored but not analysed, by language (code -> count, most first): no model reads it."""
    marks = ",".join("?" * len(ANALYSED_LANGUAGES))
    return dict(conn.execute(
        f"SELECT language, COUNT(*) AS n FROM documents WHERE language IS NOT NULL AND language NOT IN ({marks}) "
        "GROUP BY language ORDER BY n DESC, language", sorted(ANALYSED_LANGUAGES)).fetchall())


def _last_run(conn: sqlite3.Connection) -> dict | None:
    row = conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    return dict(row) if row else None
