"""SQL for the aggregate tables: relations, memberships, sides, contradictions and the timeline.

The logic lives in `aggregate/`; these functions read the rows it needs (article events with
their document's publisher, entities, adjacent mentions) and write its results back, all
tables in one transaction so a rebuild is all-or-nothing and rerunning it gives the same rows.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator

from ..aggregate.records import MembershipRecord, SideRecord, TimelineRecord
from ..records import ContradictionRecord, PlaceRecord, RelationRecord
from .database import has_table, is_postgres, stream, transaction
from .filters import EventFilter, window_sql
from .queries import event_where

AGGREGATE_TABLES = ("relations", "memberships", "sides", "contradictions", "timeline")

# Characters of text read before a mention to spot "Commander of the <organisation>".
MENTION_CONTEXT_CHARS = 40


class EventRow(tuple):
    """An article event as the aggregates read it: a plain tuple (small, as they hold every
    event of the corpus) whose fields are read by name like a row's."""

    __slots__ = ()
    FIELDS = ("id", "doc", "type", "mode", "source", "target", "date", "date_precision", "place_name",
              "place_lat", "place_lon", "place_country", "attribution", "modality", "confidence", "trigger")
    INDEX = {name: i for i, name in enumerate(FIELDS)}

    def __getitem__(self, key):
        return tuple.__getitem__(self, self.INDEX[key] if isinstance(key, str) else key)


def body_events(conn: sqlite3.Connection, min_confidence: float = 0.0) -> list[EventRow]:
    """Article-body events at or above `min_confidence` in reading order, without their
    sentences (`event_sentence` reads one); every repeated string (type, document, actor,
    date) is one shared object."""
    rows = stream(conn,
        f"SELECT {', '.join('e.' + name for name in EventRow.FIELDS)} FROM events e "
        "JOIN documents d ON d.id = e.doc WHERE e.region = 'body' AND e.confidence >= ? "
        "ORDER BY d.seq, e.idx", (min_confidence,), plain=True)
    intern = sys.intern
    return [EventRow(intern(v) if v.__class__ is str else v for v in row) for row in rows]


def event_sentence(conn: sqlite3.Connection, event_id: str) -> str:
    return conn.execute("SELECT sentence FROM events WHERE id = ?", (event_id,)).fetchone()[0]


def document_publishers(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    """Per document: its name, source, url, publication date and the copy it duplicates."""
    return {row["id"]: row for row in conn.execute(
        "SELECT id, name, source, url, published, duplicate_of FROM documents ORDER BY seq")}


# The meta key recording the confidence threshold the aggregate tables were built at.
THRESHOLD_KEY = "aggregates_min_confidence"


def aggregates_threshold(conn: sqlite3.Connection) -> float | None:
    """The minimum event confidence the stored aggregates were built from (None: not recorded,
    a database from before thresholds, whose aggregates hold every event)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (THRESHOLD_KEY,)).fetchone()
    return float(row[0]) if row else None


def entity_rows(conn: sqlite3.Connection) -> dict[str, sqlite3.Row]:
    return {row["id"]: row for row in conn.execute(
        "SELECT id, name, type, kb_id, country, mentions FROM entities ORDER BY id")}


def adjacent_body_mentions(conn: sqlite3.Connection, types: tuple[str, str]) -> Iterator[sqlite3.Row]:
    """Each article mention of an entity of one of the two `types` right after one of the other
    with the raw text between them and before the earlier one (for "Haftar's LNA", "Commander
    of the LNA X")."""
    yield from stream(conn,
        "WITH m AS (SELECT doc, start, \"end\", entity, type, "
        "  LAG(entity) OVER w AS prev_entity, LAG(type) OVER w AS prev_type, "
        "  LAG(start) OVER w AS prev_start, LAG(\"end\") OVER w AS prev_end "
        "  FROM mentions WHERE region = 'body' AND entity IS NOT NULL "
        "  WINDOW w AS (PARTITION BY doc ORDER BY start)) "
        "SELECT m.doc, m.entity, m.type, m.prev_entity, m.prev_type, "
        "  substr(d.raw, m.prev_end + 1, m.start - m.prev_end) AS gap, "
        "  substr(d.raw, max(1, m.prev_start + 1 - ?), min(m.prev_start, ?)) AS before "
        "FROM m JOIN documents d ON d.id = m.doc "
        "WHERE m.prev_entity IS NOT NULL AND m.start >= m.prev_end AND m.start - m.prev_end <= 40 "
        "AND ((m.prev_type = ? AND m.type = ?) OR (m.prev_type = ? AND m.type = ?)) "
        "ORDER BY m.doc, m.start",
        (MENTION_CONTEXT_CHARS, MENTION_CONTEXT_CHARS, *types, *reversed(types)),
    )


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def replace_aggregates(conn: sqlite3.Connection, *, min_confidence: float, relations: list[dict],
                       memberships: list[dict], sides: list[dict], contradictions: list[dict],
                       timeline: list[dict]) -> None:
    """Replace every aggregate table with the given rows, built from events at or above
    `min_confidence` (recorded with them), in one transaction."""
    with transaction(conn):
        for table in AGGREGATE_TABLES:
            conn.execute(f"DELETE FROM {table}")
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "value = excluded.value", (THRESHOLD_KEY, repr(float(min_confidence))))
        conn.executemany(
            "INSERT INTO relations (idx, source, target, polarity, types, weight, events, documents, "
            "independent_sources, first, last, publishers) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(i, r["source"], r["target"], r["polarity"], _dump(r["types"]), r["weight"],
              _dump(r["events"]), r["documents"], r["independent_sources"], r["first"], r["last"],
              _dump(r["publishers"])) for i, r in enumerate(relations)],
        )
        conn.executemany(
            "INSERT INTO memberships VALUES (?,?,?,?)",
            [(m["member"], m["organisation"], m["reason"], _dump(m["evidence"])) for m in memberships],
        )
        conn.executemany(
            "INSERT INTO sides VALUES (?,?,?,?,?,?)",
            [(s["entity"], s["conflict"], s["side"], s["label"], s["score"], _dump(s["evidence"]))
             for s in sides],
        )
        conn.executemany(
            "INSERT INTO contradictions VALUES (?,?,?,?,?,?,?)",
            [(i, c["kind"], c["about"], _dump(c["entities"]), _dump(c["events"]), _dump(c["documents"]),
              c["explanation"]) for i, c in enumerate(contradictions)],
        )
        conn.executemany(
            # An entry's sentence is its first report's: read here, not held for every event.
            "INSERT INTO timeline VALUES (?,?,?,?,?,?,?,?,?,?,?,?,(SELECT sentence FROM events WHERE id = ?),"
            "?,?,?,?)",
            [(i, t["id"], t["date"], t["date_precision"], t["type"], t["mode"], t["source"], t["target"],
              t["place_name"], t["place_lat"], t["place_lon"], t["place_country"], t["id"],
              t["modality"], _dump(t["events"]), _dump(t["documents"]), t["sources"])
             for i, t in enumerate(timeline)],
        )


def use_private_aggregates(conn: sqlite3.Connection) -> None:
    """Give a read-only connection empty aggregate tables of its own: TEMP tables, which the
    queries below find before the database's, so aggregates built at another confidence
    threshold are written and read through the same functions, and the file is not touched
    (it is opened mode=ro; only the connection's TEMP schema is writable)."""
    if is_postgres(conn):  # temporary tables come first in PostgreSQL's search path too
        conn.execute("SET default_transaction_read_only = off")
        database_schema = conn.execute("SELECT quote_ident(current_schema())").fetchone()[0]
    else:
        conn.execute("PRAGMA query_only = OFF")
        database_schema = "main"
    for table in AGGREGATE_TABLES:
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} AS SELECT * FROM {database_schema}.{table} WHERE 1 = 0")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")


# ---- reading the aggregate tables (CLI, API, exports) -------------------------------------

def relations(conn: sqlite3.Connection, *, actor_ids: list[str] | None = None, min_sources: int = 0,
              events: EventFilter | None = None) -> list[RelationRecord]:
    """Relations, strongest first; optionally only those touching `actor_ids`, and only those
    with at least one event that `events` keeps (their counts stay the whole relation's)."""
    if not has_table(conn, "relations"):
        return []
    sql = "SELECT * FROM relations r WHERE independent_sources >= ?"
    params: list = [min_sources]
    if actor_ids is not None:
        marks = ",".join("?" * len(actor_ids)) or "NULL"
        sql += f" AND (source IN ({marks}) OR target IN ({marks}))"
        params += actor_ids + actor_ids
    if events is not None and not _keeps_every_aggregated_event(conn, events):
        where, where_params = event_where(conn, events)
        elements = ("jsonb_array_elements_text(r.events::jsonb) AS j(value)" if is_postgres(conn)
                    else "json_each(r.events) j")
        sql += (f" AND EXISTS (SELECT 1 FROM {elements} JOIN events e ON e.id = j.value"
                f"{where.replace(' WHERE ', ' AND ', 1)})")
        params += where_params
    return [RelationRecord(
        source=row["source"], target=row["target"], polarity=row["polarity"],
        types=json.loads(row["types"]), weight=row["weight"], events=json.loads(row["events"]),
        documents=row["documents"], independent_sources=row["independent_sources"],
        first=row["first"], last=row["last"],
    ) for row in conn.execute(sql + " ORDER BY idx", params)]


def _keeps_every_aggregated_event(conn: sqlite3.Connection, f: EventFilter) -> bool:
    """Whether `f` keeps every event the relations were built from (article events at or above
    the stored threshold): then each relation has one, and looking is only cost (seconds per
    request at 100,000 documents)."""
    threshold = aggregates_threshold(conn)
    return (threshold is not None and f.min_confidence <= threshold and f.region in (None, "body")
            and not any((f.actor, f.type, f.since, f.until, f.doc, f.place)))


def contradictions(conn: sqlite3.Connection) -> list[ContradictionRecord]:
    if not has_table(conn, "contradictions"):
        return []
    return [ContradictionRecord(
        about=row["about"], entities=json.loads(row["entities"]), events=json.loads(row["events"]),
        documents=json.loads(row["documents"]), explanation=row["explanation"],
    ) for row in conn.execute("SELECT * FROM contradictions ORDER BY idx")]


def memberships(conn: sqlite3.Connection) -> list[MembershipRecord]:
    if not has_table(conn, "memberships"):
        return []
    return [MembershipRecord(row["member"], row["organisation"], row["reason"], json.loads(row["evidence"]))
            for row in conn.execute("SELECT * FROM memberships ORDER BY organisation, member")]


def sides(conn: sqlite3.Connection) -> list[SideRecord]:
    """Every assigned actor with its conflict, side, side label, score and evidence."""
    if not has_table(conn, "sides"):
        return []
    return [SideRecord(entity=row["entity"], name=row["name"] or row["entity"], conflict=row["conflict"],
                       side=row["side"], label=row["label"], score=row["score"],
                       evidence=json.loads(row["evidence"]))
            for row in conn.execute(
                "SELECT s.*, e.name FROM sides s LEFT JOIN entities e ON e.id = s.entity "
                "ORDER BY s.conflict, s.side, s.score DESC, s.entity")]


def _timeline_where(actor_ids: list[str] | None, since: str | None, until: str | None, min_sources: int,
                    type: str | None) -> tuple[str, list]:
    sql = " WHERE t.sources >= ?"
    params: list = [min_sources]
    if actor_ids is not None:
        marks = ",".join("?" * len(actor_ids)) or "NULL"
        sql += f" AND (t.source IN ({marks}) OR t.target IN ({marks}))"
        params += actor_ids + actor_ids
    if type:
        sql += " AND t.type = ?"
        params.append(type)
    window, window_params = window_sql("t.date", "t.date_precision", since, until)
    return sql + window, params + window_params


def timeline(conn: sqlite3.Connection, *, actor_ids: list[str] | None = None, since: str | None = None,
             until: str | None = None, min_sources: int = 0, type: str | None = None,
             limit: int | None = None, offset: int = 0) -> list[TimelineRecord]:
    """Merged events in the order they happened, in the window (the filter's rule); of one
    `type`; `limit` of them after `offset` (a page)."""
    if not has_table(conn, "timeline"):
        return []
    where, params = _timeline_where(actor_ids, since, until, min_sources, type)
    page = ""
    if limit is not None:
        page, params = " LIMIT ? OFFSET ?", [*params, limit, offset]
    rows = conn.execute("SELECT t.*, s.name AS source_name, g.name AS target_name FROM timeline t "
                        "LEFT JOIN entities s ON s.id = t.source LEFT JOIN entities g ON g.id = t.target"
                        f"{where} ORDER BY t.idx{page}", params)
    return [TimelineRecord(
        id=row["id"], date=row["date"], date_precision=row["date_precision"], type=row["type"],
        mode=row["mode"], source=row["source"], target=row["target"],
        place=PlaceRecord(row["place_name"], row["place_lat"], row["place_lon"], row["place_country"])
        if row["place_name"] else None,
        sentence=row["sentence"], modality=row["modality"], events=json.loads(row["events"]),
        documents=json.loads(row["documents"]), sources=row["sources"],
        source_name=row["source_name"], target_name=row["target_name"],
    ) for row in rows]


def timeline_count(conn: sqlite3.Connection, *, actor_ids: list[str] | None = None, since: str | None = None,
                   until: str | None = None, min_sources: int = 0, type: str | None = None) -> int:
    """How many entries `timeline` gives for these filters."""
    if not has_table(conn, "timeline"):
        return 0
    where, params = _timeline_where(actor_ids, since, until, min_sources, type)
    return conn.execute(f"SELECT COUNT(*) FROM timeline t{where}", params).fetchone()[0]
