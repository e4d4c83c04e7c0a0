"""Read queries for the web server and REST API: paginated, filtered and aggregated in SQL.

The server answers for corpora of many thousands of documents, so these functions filter,
count and page in the database instead of loading whole tables (as `queries.py` does for the
CLI). Each returns plain records or dicts; the routes only shape them into JSON.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..records import EntityRecord, EventRecord
from ..settings import Settings
from .queries import EVENT_COLUMNS, _entity, _event, _fts_query, entity_ids_matching, search_rows


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the events, timeline, graph and map queries."""

    actor: str | None = None  # entity id, name or alias (substring)
    type: str | None = None  # PLOVER type
    region: str | None = "body"  # body | comment | None for both
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None  # ISO date prefix, inclusive (2017-05 includes 2017-05-31)
    doc: str | None = None
    place: str | None = None  # place name, as the map shows it
    min_confidence: float = Settings.min_confidence  # events below it are stored, not shown


def _where(conn: sqlite3.Connection, f: EventFilter) -> tuple[str, list]:
    sql = " WHERE e.confidence >= ?"
    params: list = [f.min_confidence]
    if f.actor:
        ids = entity_ids_matching(conn, f.actor)
        marks = ",".join("?" * len(ids)) or "NULL"
        sql += f" AND (e.source IN ({marks}) OR e.target IN ({marks}))"
        params += ids + ids
    if f.type:
        sql += " AND e.type = ?"
        params.append(f.type.upper())
    if f.region:
        sql += " AND e.region = ?"
        params.append(f.region)
    if f.since:
        sql += " AND e.date >= ?"
        params.append(f.since)
    if f.until:
        # "2017-05" as an upper bound means the whole of May: compare against the next prefix.
        sql += " AND e.date IS NOT NULL AND substr(e.date, 1, ?) <= ?"
        params += [len(f.until), f.until]
    if f.doc:
        sql += " AND e.doc = ?"
        params.append(f.doc)
    if f.place:
        sql += " AND e.place_name = ?"
        params.append(f.place)
    return sql, params


def events_page(conn: sqlite3.Connection, f: EventFilter, *, limit: int, offset: int,
                order: str = "document") -> tuple[int, list[EventRecord]]:
    """(total, one page of events) matching `f`; order "document" or "date"."""
    where, params = _where(conn, f)
    total = conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]
    sort = ("e.date IS NULL, e.date, d.seq, e.idx" if order == "date" else "d.seq, e.idx")
    rows = conn.execute(f"SELECT {EVENT_COLUMNS}{where} ORDER BY {sort} LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    return total, [_event(row) for row in rows]


def pair_events(conn: sqlite3.Connection, a: str, b: str, f: EventFilter, *, limit: int = 200,
                offset: int = 0) -> tuple[int, list[EventRecord]]:
    """The events between two entities, either way round: the evidence behind a graph edge."""
    where, params = _where(conn, f)
    where += " AND ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))"
    params += [a, b, b, a]
    total = conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS}{where} ORDER BY e.date IS NULL, e.date, d.seq, e.idx LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return total, [_event(row) for row in rows]


def event_docs(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, dict]:
    """Name, title, source, date and duplicate status of the given documents, by id."""
    found: dict[str, dict] = {}
    for chunk in range(0, len(doc_ids), 500):
        part = doc_ids[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            f"SELECT id, name, title, source, url, published, duplicate_of FROM documents WHERE id IN ({marks})", part
        ):
            found[row["id"]] = dict(row)
    return found


def documents_page(conn: sqlite3.Connection, *, limit: int, offset: int,
                   since: str | None = None, until: str | None = None) -> tuple[int, list[dict]]:
    """(total, one page of documents with their regions), in order of arrival."""
    sql, params = " WHERE 1 = 1", []
    if since:
        sql += " AND published >= ?"
        params.append(since)
    if until:
        sql += " AND published IS NOT NULL AND substr(published, 1, ?) <= ?"
        params += [len(until), until]
    total = conn.execute(f"SELECT COUNT(*) FROM documents{sql}", params).fetchone()[0]
    rows = [dict(r) for r in conn.execute(
        "SELECT id, name, path, title, source, url, published, published_precision, language, "
        f"duplicate_of, format, words FROM documents{sql} ORDER BY seq LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )]
    ids = [r["id"] for r in rows]
    regions: dict[str, list[dict]] = {i: [] for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for r in conn.execute(
            f"SELECT doc, kind, start, end, author, posted, note FROM regions WHERE doc IN ({marks}) ORDER BY doc, idx", ids
        ):
            regions[r["doc"]].append({k: r[k] for k in ("kind", "start", "end", "author", "posted", "note")})
    for r in rows:
        r["regions"] = regions[r["id"]]
    return total, rows


def entities_page(conn: sqlite3.Connection, *, limit: int, offset: int, name: str | None = None,
                  type: str | None = None) -> tuple[int, list[EntityRecord]]:
    sql, params = " WHERE mentions > 0", []
    if name:
        sql += " AND (name LIKE ? OR aliases LIKE ? OR id = ?)"
        params += [f"%{name}%", f"%{name}%", name]
    if type:
        sql += " AND type = ?"
        params.append(type.upper())
    total = conn.execute(f"SELECT COUNT(*) FROM entities{sql}", params).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM entities{sql} ORDER BY mentions DESC, documents DESC, name "
                        "LIMIT ? OFFSET ?", [*params, limit, offset])
    return total, [_entity(row) for row in rows]


def entity(conn: sqlite3.Connection, entity_id: str) -> EntityRecord | None:
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return _entity(row) if row else None


def entities_by_id(conn: sqlite3.Connection, ids: list[str]) -> dict[str, EntityRecord]:
    found: dict[str, EntityRecord] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"SELECT * FROM entities WHERE id IN ({marks})", part):
            found[row["id"]] = _entity(row)
    return found


def pair_edges(conn: sqlite3.Connection, f: EventFilter, *, conflictual: list[str],
               counted_types: list[str], counted_modalities: list[str], min_sources: int = 1,
               actor_types: list[str] | None = None, entity: str | None = None) -> list[dict]:
    """Actor pairs with the events between them, aggregated in SQL (either way round).

    Per unordered pair: events, conflictual events, documents, independent sources (documents
    that are not a copy of another), types, first and last date. Only events of
    `counted_types` and `counted_modalities` count; pairs under `min_sources` are left out.
    """
    where, params = _where(conn, f)
    t_marks = ",".join("?" * len(counted_types)) or "NULL"
    m_marks = ",".join("?" * len(counted_modalities)) or "NULL"
    c_marks = ",".join("?" * len(conflictual)) or "NULL"
    sql = (
        "SELECT MIN(e.source, e.target) AS a, MAX(e.source, e.target) AS b, COUNT(*) AS events, "
        f"SUM(e.type IN ({c_marks})) AS conflictual, COUNT(DISTINCT e.doc) AS documents, "
        "COUNT(DISTINCT COALESCE(d.duplicate_of, d.id)) AS independent_sources, "
        "GROUP_CONCAT(DISTINCT e.type) AS types, MIN(e.date) AS first, MAX(e.date) AS last "
        f"FROM events e JOIN documents d ON d.id = e.doc{where} "
        "AND e.source IS NOT NULL AND e.target IS NOT NULL AND e.source != e.target "
        f"AND e.type IN ({t_marks}) AND e.modality IN ({m_marks})"
    )
    args = [*conflictual, *params, *counted_types, *counted_modalities]
    if actor_types:
        a_marks = ",".join("?" * len(actor_types))
        # Unary + keeps these lists out of the index probe: SQLite would otherwise search every
        # (source, target, type, modality) combination of the lists, millions of probes.
        sql += (f" AND +e.source IN (SELECT id FROM entities WHERE type IN ({a_marks}))"
                f" AND +e.target IN (SELECT id FROM entities WHERE type IN ({a_marks}))")
        args += [*actor_types, *actor_types]
    if entity:
        sql += " AND (e.source = ? OR e.target = ?)"
        args += [entity, entity]
    sql += " GROUP BY a, b HAVING independent_sources >= ? ORDER BY independent_sources DESC, events DESC"
    args.append(min_sources)
    edges = []
    for row in conn.execute(sql, args):
        edge = dict(row)
        edge["types"] = sorted((edge["types"] or "").split(",")) if edge["types"] else []
        edges.append(edge)
    return edges


def date_range(conn: sqlite3.Connection, region: str | None = "body") -> tuple[str | None, str | None]:
    sql = "SELECT MIN(date), MAX(date) FROM events WHERE date IS NOT NULL"
    params: list = []
    if region:
        sql += " AND region = ?"
        params.append(region)
    row = conn.execute(sql, params).fetchone()
    return row[0], row[1]


def event_type_counts(conn: sqlite3.Connection, region: str = "body",
                      min_confidence: float = Settings.min_confidence) -> dict[str, int]:
    return dict(conn.execute(
        "SELECT type, COUNT(*) AS n FROM events WHERE region = ? AND confidence >= ? GROUP BY type "
        "ORDER BY n DESC, type", (region, min_confidence)
    ).fetchall())


def top_entities(conn: sqlite3.Connection, types: list[str], limit: int) -> list[EntityRecord]:
    marks = ",".join("?" * len(types))
    rows = conn.execute(
        f"SELECT * FROM entities WHERE mentions > 0 AND type IN ({marks}) "
        "ORDER BY mentions DESC, documents DESC, name LIMIT ?", [*types, limit]
    )
    return [_entity(row) for row in rows]


def latest_events(conn: sqlite3.Connection, limit: int,
                  min_confidence: float = Settings.min_confidence) -> list[EventRecord]:
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} WHERE e.region = 'body' AND e.date IS NOT NULL AND e.confidence >= ? "
        "ORDER BY e.date DESC, d.seq, e.idx LIMIT ?", (min_confidence, limit)
    )
    return [_event(row) for row in rows]


def places(conn: sqlite3.Connection, f: EventFilter, *, limit: int) -> list[dict]:
    """Event places with coordinates, with how many events happened there."""
    where, params = _where(conn, f)
    rows = conn.execute(
        "SELECT e.place_name AS name, e.place_country AS country, AVG(e.place_lat) AS lat, "
        "AVG(e.place_lon) AS lon, COUNT(*) AS events, GROUP_CONCAT(DISTINCT e.type) AS types "
        f"FROM events e JOIN documents d ON d.id = e.doc{where} AND e.place_lat IS NOT NULL "
        "AND e.place_lon IS NOT NULL GROUP BY e.place_name, e.place_country ORDER BY events DESC LIMIT ?",
        [*params, limit],
    )
    return [{**dict(r), "types": sorted((r["types"] or "").split(","))} for r in rows]


def search_page(conn: sqlite3.Connection, text: str, *, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Full-text search over article titles and bodies, best first: (total, one page)."""
    query = _fts_query(text)
    if not query:
        return 0, []
    total = conn.execute("SELECT COUNT(*) FROM body_fts WHERE body_fts MATCH ?", (query,)).fetchone()[0]
    return total, search_rows(conn, text, limit=limit, offset=offset)


def entity_documents(conn: sqlite3.Connection, entity_id: str, *, limit: int) -> list[dict]:
    """Documents that mention an entity, with how often (article mentions first)."""
    rows = conn.execute(
        "SELECT m.doc, d.name, d.title, d.published, COUNT(*) AS mentions, "
        "SUM(m.region = 'comment') AS comment_mentions FROM mentions m JOIN documents d ON d.id = m.doc "
        "WHERE m.entity = ? GROUP BY m.doc ORDER BY mentions DESC, d.seq LIMIT ?",
        (entity_id, limit),
    )
    return [dict(r) for r in rows]


def document_mentions(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT start, end, text, type, entity, region FROM mentions WHERE doc = ? ORDER BY idx", (doc_id,)
    )]



def event_spans(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    """Document, span, region and confidence of the given events, by id (to link merged facts)."""
    found: dict[str, dict] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(
            f"SELECT id, doc, start, end, region, confidence FROM events WHERE id IN ({marks})", part
        ):
            found[row["id"]] = dict(row)
    return found
