"""The SQLite store: connection, schema migrations, the run lock, and writing documents.

One writer at a time (a lock file held for the whole run, released by the OS even when the
process is killed), WAL so readers never block, and one transaction per batch of documents so
an interrupted run leaves only whole documents behind. Reading queries live in `queries.py`.
"""

from __future__ import annotations

import array
import fcntl
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from ..document import Document
from ..errors import DatabaseBusy, StoreError

SCHEMA_VERSION = 6  # the highest migration in migrations/
# Oldest SQLite with what the store uses: UPDATE ... FROM (3.33), window functions, FTS5.
MIN_SQLITE = (3, 33, 0)
# Page cache of a connection that writes; memory is taken only as pages are used.
WRITER_CACHE_MIB = 128


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def pack_ints(values: list[int] | None) -> bytes | None:
    if values is None:
        return None
    return zlib.compress(array.array("Q", values).tobytes())


def unpack_ints(blob: bytes | None) -> list[int] | None:
    if blob is None:
        return None
    values = array.array("Q")
    values.frombytes(zlib.decompress(blob))
    return values.tolist()


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the database (creating and migrating it unless read-only)."""
    path = Path(path)
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise StoreError(f"{path}: newsweave needs SQLite {'.'.join(map(str, MIN_SQLITE))} or later; this "
                         f"Python has SQLite {sqlite3.sqlite_version} (use a newer Python build)")
    if readonly:
        if not path.exists():
            raise StoreError(f"{path}: no such database (run `newsweave run PATH --db {path}` first)")
        uri = f"file:{path.resolve()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
    else:
        if path.parent and not path.parent.exists():
            raise StoreError(f"{path}: folder {path.parent} does not exist")
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # The run's writer inserts into a growing file's indexes (mentions, events, FTS):
            # SQLite's default 2 MiB page cache made it re-read index pages from the OS at scale.
            conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_MIB * 1024}")
            migrate(conn)
        else:
            conn.execute("PRAGMA query_only = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError as e:  # a read-only file or folder, a full disk, a lock
        conn.close()
        raise StoreError(f"{path}: cannot open the database{'' if readonly else ' for writing'} ({e})") from e
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{path}: not a newsweave database or corrupt ({e})") from e
    if readonly and version < SCHEMA_VERSION:
        # A database written by an older newsweave: upgrade it once, then read.
        conn.close()
        try:
            connect(path).close()
        except (StoreError, sqlite3.Error) as e:
            raise StoreError(f"{path}: written by an older newsweave and cannot be upgraded ({e})") from e
        return connect(path, readonly=True)
    return conn


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION: the base script, then numbered migrations."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {version} is newer than this newsweave ({SCHEMA_VERSION}); upgrade newsweave"
        )
    if version == SCHEMA_VERSION:
        return
    package = resources.files("newsweave.store")
    if version == 0:
        conn.executescript(package.joinpath("schema.sql").read_text("utf-8"))
        version = 1
    migrations = sorted(
        (entry for entry in package.joinpath("migrations").iterdir() if entry.name.endswith(".sql")),
        key=lambda entry: entry.name,
    )
    for entry in migrations:
        number = int(entry.name.split("_", 1)[0])
        if version < number <= SCHEMA_VERSION:
            conn.executescript(entry.read_text("utf-8"))
            version = number
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after a full disk or I/O error
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def store_errors(db: Path) -> Iterator[None]:
    """Turn SQLite's failures while writing (disk full, read-only, I/O error) into a StoreError
    naming the database; the transaction in progress has been rolled back by then."""
    try:
        yield
    except sqlite3.Error as e:
        hint = " (free some disk space and run again)" if "full" in str(e) else ""
        raise StoreError(f"{db}: cannot write the database: {e}{hint}") from e


@contextmanager
def run_lock(db: Path) -> Iterator[None]:
    """Hold the database's writer lock for a run; refuse clearly if another run holds it."""
    lock_path = Path(f"{db}.lock")
    try:
        handle = open(lock_path, "a+")
    except OSError as e:
        raise StoreError(f"{db}: cannot create lock file {lock_path} ({e.strerror})") from e
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise DatabaseBusy(f"{db}: another `newsweave run` is writing to it ({holder}); wait for it to finish") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {now()}")
        handle.flush()
        yield
    finally:
        handle.close()


# The statement that stores each table's rows of a document (`Writer._rows`), in the order
# the tables are written: a document before its facts, the full-text index last.
_INSERTS = {
    "documents": "INSERT INTO documents (id, name, path, format, raw, text, offsets, title, source, url, "
                 "published, published_precision, language, fingerprint, words, warnings, "
                 "pipeline_version, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "regions": "INSERT INTO regions VALUES (?,?,?,?,?,?,?,?)",
    "sentences": "INSERT INTO sentences VALUES (?,?,?,?,?)",
    "mentions": "INSERT INTO mentions (doc, idx, start, end, text, type, region, entity_key, entity, "
                "kb_id, name, country, kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "timexes": "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?)",
    "places": "INSERT INTO places VALUES (?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (id, doc, idx, type, mode, source_key, target_key, source, target, "
              "source_text, target_text, date, date_precision, place_name, place_lat, place_lon, "
              "place_country, sentence, start, end, region, attribution, modality, confidence, "
              "trigger, trigger_start, trigger_end) VALUES "
              "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "lsh_bands": "INSERT OR IGNORE INTO lsh_bands (band, doc) VALUES (?, ?)",
    "body_fts": "INSERT INTO body_fts (doc, title, body) VALUES (?, ?, ?)",
}


class Writer:
    """Writes processed documents and run bookkeeping. Holds the only write connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

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
        cur = self.conn.execute(
            "INSERT INTO runs (started_at, inputs) VALUES (?, ?)", (now(), json.dumps(inputs))
        )
        return cur.lastrowid

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

    def write_documents(self, docs: list[Document], version: str, band_keys=None) -> None:
        """Store whole documents with all their facts, in one transaction: each table's rows of
        the whole batch in one statement, documents in order."""
        rows: dict[str, list[tuple]] = {table: [] for table in _INSERTS}
        for doc in docs:
            for table, table_rows in self._rows(doc, version).items():
                rows[table].extend(table_rows)
            if band_keys is not None and doc.fingerprint:
                rows["lsh_bands"].extend((key, doc.id) for key in band_keys(doc.fingerprint))
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
