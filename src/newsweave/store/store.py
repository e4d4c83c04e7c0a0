"""`Store`: the one object that owns a database connection (SQLite or PostgreSQL: the SQL here
and in the modules it calls is written once, for both). It writes processed documents and
run bookkeeping, and offers the typed reads and writes the cross-document stages need
(near-duplicates, entity resolution and its corrections, aggregates), so that `resolve/` and
`aggregate/` are functions from records to records and `crossdoc.py` moves them in and out.

The SQL stays in this package's modules (`crossdoc.py`, `resolution.py`, `aggregates.py`);
the reading queries for the CLI, API and server are in `queries.py`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator

from ..document import Document
from . import aggregates, crossdoc, resolution
from .database import Database, connect, now, pack_ints, transaction


# The statement that stores each table's rows of a document (`Store._rows`), in the order the
# tables are written: a document before its facts, the full-text index last.
_INSERTS = {
    "documents": "INSERT INTO documents (id, name, path, format, raw, text, offsets, title, source, url, "
                 "published, published_precision, language, fingerprint, words, warnings, "
                 "pipeline_version, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "regions": "INSERT INTO regions VALUES (?,?,?,?,?,?,?,?)",
    "sentences": "INSERT INTO sentences VALUES (?,?,?,?,?)",
    "mentions": "INSERT INTO mentions (doc, idx, start, \"end\", text, type, region, entity_key, entity, "
                "kb_id, name, country, kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "timexes": "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?)",
    "places": "INSERT INTO places VALUES (?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (id, doc, idx, type, mode, source_key, target_key, source, target, "
              "source_text, target_text, date, date_precision, place_name, place_lat, place_lon, "
              "place_country, sentence, start, \"end\", region, attribution, modality, confidence, "
              "trigger, trigger_start, trigger_end) VALUES "
              "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "lsh_bands": "INSERT OR IGNORE INTO lsh_bands (band, doc) VALUES (?, ?)",
    "body_fts": "INSERT INTO body_fts (doc, title, body) VALUES (?, ?, ?)",
}


class Store:
    """A newsweave database: documents, run bookkeeping and the cross-document tables."""

    def __init__(self, conn: sqlite3.Connection, *, band_keys: Callable[[list[int]], list[str]] | None = None):
        self.conn = conn
        self.band_keys = band_keys  # a fingerprint's LSH band keys, indexed for near-duplicates

    @classmethod
    def open(cls, db: Database, *, readonly: bool = False) -> Store:
        """Open (creating and migrating unless read-only) the database `db` (a SQLite file or a
        postgresql:// URL)."""
        return cls(connect(db, readonly=readonly))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- documents and run bookkeeping -----------------------------------------------------

    def stored_versions(self, ids: Iterable[str]) -> dict[str, str]:
        ids = list(ids)
        found: dict[str, str] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            for row in self.conn.execute(
                f"SELECT id, pipeline_version FROM documents WHERE id IN ({marks})", part
            ):
                found[row["id"]] = row["pipeline_version"]
        return found

    def seen_input(self, path: str, version: str) -> tuple[int, int, int] | None:
        """(size, mtime_ns, documents) recorded for an input file read whole by `version`."""
        row = self.conn.execute(
            "SELECT size, mtime_ns, documents FROM seen_inputs WHERE path = ? AND pipeline_version = ?",
            (path, version),
        ).fetchone()
        return tuple(row) if row else None

    def record_seen_inputs(self, files: list[tuple[str, int, int, int]], version: str) -> None:
        """Record input files (path, size, mtime_ns, documents) whose every document is stored."""
        if files:
            with transaction(self.conn):
                self.conn.executemany(
                    "INSERT INTO seen_inputs (path, size, mtime_ns, pipeline_version, documents, seen_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET size = excluded.size, "
                    "mtime_ns = excluded.mtime_ns, pipeline_version = excluded.pipeline_version, "
                    "documents = excluded.documents, seen_at = excluded.seen_at",
                    [(path, size, mtime, version, documents, now()) for path, size, mtime, documents in files],
                )

    def start_run(self, inputs: list[str]) -> int:
        return self.conn.execute(
            "INSERT INTO runs (started_at, inputs) VALUES (?, ?) RETURNING id", (now(), json.dumps(inputs))
        ).fetchone()[0]

    def finish_run(self, run_id: int, *, read: int, added: int, unchanged: int, failed: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, read = ?, added = ?, unchanged = ?, failed = ? WHERE id = ?",
            (now(), read, added, unchanged, failed, run_id),
        )

    def record_error(self, path: str, reason: str) -> None:
        self.conn.execute(
            "INSERT INTO errors (path, reason, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (path, reason) DO UPDATE SET seen_at = excluded.seen_at",
            (path, reason, now()),
        )

    def clear_errors(self, path: str) -> None:
        self.conn.execute("DELETE FROM errors WHERE path = ?", (path,))

    def write_documents(self, docs: list[Document], version: str) -> None:
        """Store whole documents with all their facts, in one transaction: each table's rows of
        the whole batch in one statement, documents in order."""
        rows: dict[str, list[tuple]] = {table: [] for table in _INSERTS}
        for doc in docs:
            for table, table_rows in self._rows(doc, version).items():
                rows[table].extend(table_rows)
            if self.band_keys is not None and doc.fingerprint:
                rows["lsh_bands"].extend((key, doc.id) for key in self.band_keys(doc.fingerprint))
        with transaction(self.conn):
            for doc in docs:
                self._delete_document(doc.id)
            for table, table_rows in rows.items():
                if table_rows:
                    self.conn.executemany(_INSERTS[table], table_rows)

    def _delete_document(self, doc_id: str) -> None:
        """Remove a document stored before (reprocessed by a new pipeline version). New ones are
        the rule: `doc` is not indexed in the full-text table, and scanning it for every new
        document made storing quadratic in the corpus size."""
        if self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount:
            self.conn.execute("DELETE FROM body_fts WHERE doc = ?", (doc_id,))

    def _rows(self, doc: Document, version: str) -> dict[str, list[tuple]]:
        """The rows of one document, per table of `_INSERTS`."""
        span = doc.raw_span
        body = doc.body_text()
        return {
            "documents": [(
                doc.id, doc.name, doc.path, doc.format, doc.raw,
                None if doc.text == doc.raw else doc.text, pack_ints(doc.offsets),
                doc.title, doc.source, doc.url, doc.published, doc.published_precision,
                doc.language, pack_ints(doc.fingerprint), len(body.split()),
                json.dumps(doc.warnings), version, now(),
            )],
            "regions": [(doc.id, i, r.kind, *span(r.start, r.end), r.author, r.posted, r.note)
                        for i, r in enumerate(doc.regions)],
            "sentences": [(doc.id, i, *span(s.start, s.end), s.region) for i, s in enumerate(doc.sentences)],
            "mentions": [(doc.id, i, *span(m.start, m.end), m.text, m.type, m.region, m.entity, m.entity,
                          m.kb_id, m.name, m.country, m.kind) for i, m in enumerate(doc.mentions)],
            "timexes": [(doc.id, i, *span(t.start, t.end), t.text, t.value, t.precision, t.kind)
                        for i, t in enumerate(doc.timexes)],
            "places": [(doc.id, i, p.name, p.lat, p.lon, p.country,
                        *(span(p.start, p.end) if p.start is not None and p.end is not None else (None, None)))
                       for i, p in enumerate(doc.places)],
            "events": [self._event_row(doc, i, e) for i, e in enumerate(doc.events)],
            "body_fts": [(doc.id, doc.title or "", body)],
        }

    @staticmethod
    def _event_row(doc: Document, index: int, e) -> tuple:
        place = e.place
        trigger = (
            doc.raw_span(e.trigger_start, e.trigger_end)
            if e.trigger_start is not None and e.trigger_end is not None
            else (None, None)
        )
        return (
            f"{doc.id}-{index}", doc.id, index, e.type, e.mode, e.source, e.target, e.source,
            e.target, e.source_text, e.target_text, e.date, e.date_precision,
            place.name if place else None, place.lat if place else None,
            place.lon if place else None, place.country if place else None,
            e.sentence, *doc.raw_span(e.start, e.end), e.region, e.attribution, e.modality,
            float(e.confidence), e.trigger, *trigger,
        )

    # ---- near-duplicates -----------------------------------------------------------------

    def shared_band_buckets(self, after_seq: int | None = None) -> Iterator[list[str]]:
        """The documents of each LSH band held by two or more; with `after_seq`, only bands
        holding a document stored after that `seq`."""
        return crossdoc.shared_band_buckets(self.conn, after_seq)

    def documents_after(self, seq: int) -> set[str]:
        return crossdoc.documents_after(self.conn, seq)

    def fingerprints(self, ids: list[str]) -> dict[str, list[int] | None]:
        return crossdoc.fingerprints(self.conn, ids)

    def document_order_keys(self, ids: list[str]) -> dict[str, tuple]:
        """Per document, the key that decides which of two copies is the earlier one."""
        return crossdoc.document_order_keys(self.conn, ids)

    def duplicate_links(self) -> dict[str, str]:
        """copy -> original for every flagged near-duplicate."""
        return crossdoc.duplicate_links(self.conn)

    def count_duplicates(self) -> int:
        return crossdoc.count_duplicates(self.conn)

    def set_duplicates(self, duplicate_of: dict[str, str | None], *, everything: bool = True) -> None:
        """Write copy -> original (None: no longer a copy); `everything`: no other document is a copy."""
        crossdoc.set_duplicates(self.conn, duplicate_of, everything=everything)

    # ---- what the last complete cross-document rebuild saw ---------------------------------

    def document_state(self) -> tuple[int, int]:
        """(highest seq, number of documents): equal states mean no document added or replaced."""
        return crossdoc.document_state(self.conn)

    def documents_up_to(self, seq: int) -> int:
        return crossdoc.documents_up_to(self.conn, seq)

    def overrides_state(self) -> list[int]:
        return crossdoc.overrides_state(self.conn)

    def rebuilt_state(self) -> dict | None:
        return crossdoc.rebuilt_state(self.conn)

    def set_rebuilt_state(self, state: dict) -> None:
        crossdoc.set_rebuilt_state(self.conn, state)

    def cross_document_counts(self) -> tuple[int, int, dict[str, int]]:
        """(near-duplicates, entities, rows per aggregate table) as stored."""
        return crossdoc.cross_document_counts(self.conn, aggregates.AGGREGATE_TABLES)

    # ---- entity resolution and the analyst's corrections ----------------------------------

    def mention_keys(self, after_seq: int = 0) -> Iterator[sqlite3.Row]:
        """Each keyed mention with the text right after it, in document order, of the
        documents stored after `after_seq` (streamed)."""
        return resolution.mention_keys(self.conn, after_seq)

    def event_actor_keys(self, after_seq: int = 0) -> Iterator[sqlite3.Row]:
        return resolution.event_actor_keys(self.conn, after_seq)

    def name_nodes(self) -> dict | None:
        """The name nodes resolution kept ({"seq", "documents", "nodes"}), None if none."""
        return resolution.name_nodes(self.conn)

    def set_name_nodes(self, state: dict) -> None:
        resolution.set_name_nodes(self.conn, state)

    def rows_by_document(self, chosen: bool = False) -> Iterator[tuple[list[sqlite3.Row], list[sqlite3.Row]]]:
        """(keyed mentions, events) of one document at a time, in document order; `chosen`:
        only the documents `select_documents` chose."""
        return resolution.rows_by_document(self.conn, chosen)

    def select_documents(self, keys: list[str], after_seq: int) -> int:
        """Choose the documents stored after `after_seq` or naming one of `keys` (see
        `rows_by_document`); returns how many."""
        return resolution.select_documents(self.conn, keys, after_seq)

    def resolution_inputs(self) -> dict | None:
        """What the stored resolution read per node key, with the documents it held."""
        return resolution.resolution_inputs(self.conn)

    def touch_entities(self) -> set[str]:
        """The entities whose records the staged changes may change (then `touched` below)."""
        return resolution.touch_entities(self.conn)

    def resolved_mentions(self, touched: bool = False) -> Iterator[sqlite3.Row]:
        """Every keyed mention (`touched`: of those entities) with its entity as staged, else as
        stored (grouped by document)."""
        return resolution.resolved_mentions(self.conn, touched)

    def resolved_actors(self, touched: bool = False) -> Iterator[sqlite3.Row]:
        """Every event's actors (`touched`: events naming one of those entities) as staged, else
        as stored, with their texts (document order)."""
        return resolution.resolved_actors(self.conn, touched)

    def start_staging(self) -> None:
        """Start collecting the changed rows of one resolution (on disk, not in memory)."""
        resolution.start_staging(self.conn)

    def stage_changes(self, mention_entities: list[tuple[str | None, str, int]],
                      event_actors: list[tuple[str | None, str | None, str]]) -> None:
        """Keep mentions' new entity ((entity, doc, idx)) and events' new actors ((source,
        target, id)) until `write_resolution`."""
        resolution.stage_changes(self.conn, mention_entities, event_actors)

    def write_resolution(self, entities: list[dict], inputs: dict, touched: bool = False) -> None:
        """Replace the entities (`touched`: those touched), apply the staged changes and keep
        `inputs`, in one transaction."""
        resolution.write_resolution(self.conn, entities, inputs, touched)

    def count_entities(self) -> int:
        return resolution.count_entities(self.conn)

    def entity_names(self) -> list[sqlite3.Row]:
        """Every entity's id, name, type, aliases and mentions (to find the one an analyst names)."""
        return resolution.entity_rows(self.conn)

    def overrides(self) -> list[dict]:
        """The analyst's corrections in the order they were made."""
        return resolution.overrides(self.conn)

    def add_override(self, action: str, entity: str, *, other: str | None = None,
                     names: list[str] | None = None, name: str | None = None) -> int:
        return resolution.add_override(self.conn, action, entity, other=other, names=names, name=name)

    # ---- aggregates ------------------------------------------------------------------------

    def body_events(self, min_confidence: float = 0.0) -> list[aggregates.EventRow]:
        """Article-body events at or above `min_confidence`, in reading order, without sentences."""
        return aggregates.body_events(self.conn, min_confidence)

    def event_sentence(self, event_id: str) -> str:
        return aggregates.event_sentence(self.conn, event_id)

    def document_publishers(self) -> dict[str, sqlite3.Row]:
        """Per document: its name, source, url, publication date and the copy it duplicates."""
        return aggregates.document_publishers(self.conn)

    def actors(self) -> dict[str, sqlite3.Row]:
        """Per entity: its name, type, KB id, country and mentions."""
        return aggregates.entity_rows(self.conn)

    def adjacent_body_mentions(self, types: tuple[str, str]) -> Iterator[sqlite3.Row]:
        """Each article mention of one of the two `types` right after one of the other, with the
        raw text between and before."""
        return aggregates.adjacent_body_mentions(self.conn, types)

    def aggregates_threshold(self) -> float | None:
        """The event confidence the stored aggregates were built from (None: not recorded)."""
        return aggregates.aggregates_threshold(self.conn)

    def replace_aggregates(self, *, min_confidence: float, relations: list[dict], memberships: list[dict],
                           sides: list[dict], contradictions: list[dict], timeline: list[dict]) -> None:
        """Replace every aggregate table (and the threshold they were built at) in one transaction."""
        aggregates.replace_aggregates(self.conn, min_confidence=min_confidence, relations=relations,
                                      memberships=memberships, sides=sides, contradictions=contradictions,
                                      timeline=timeline)
