"""Opening a database: a SQLite file (the default; schema migrations, WAL) or a PostgreSQL
server named by a URL (`postgres.py`); transactions and the run lock for both.

One writer at a time (SQLite: a lock file held for the whole run, released by the OS even when
the process is killed; PostgreSQL: an advisory lock), readers never blocked (WAL; MVCC), and
one transaction per batch of documents so an interrupted run leaves only whole documents
behind. `Store` (`store.py`) owns a connection and writes through it; reading queries live in
`queries.py`.
"""

from __future__ import annotations

import array
import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import DatabaseBusy, StoreError
from . import postgres

SCHEMA_VERSION = 6  # the highest migration in migrations/
# Oldest SQLite with what the store uses: RETURNING (3.35), UPDATE ... FROM, window functions, FTS5.
MIN_SQLITE = (3, 35, 0)

# Where a database is: the path of a SQLite file, or a postgresql:// URL.
Database = str | Path
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


def location(db: Database) -> Database:
    """`db` as the store takes it: a URL stays a string (a Path would fold its "//")."""
    return db if postgres.is_url(db) else Path(db)


def display(db: Database) -> str:
    """How messages name the database (a URL without its password)."""
    return postgres.display(str(db)) if postgres.is_url(db) else str(db)


def is_postgres(conn) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def stream(conn, sql: str, params=None, *, plain: bool = False) -> Iterator:
    """The rows of a query over a whole table, without holding them all (SQLite's cursors stream
    already); `plain`: as tuples."""
    if is_postgres(conn):
        return conn.stream(sql, params, plain=plain)
    cursor = conn.cursor()
    if plain:
        cursor.row_factory = None
    return cursor.execute(sql, () if params is None else params)


def has_table(conn, name: str) -> bool:
    """Whether the database has table `name` (one opened read-only may predate it)."""
    if is_postgres(conn):
        return conn.has_table(name)
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def connect(db: Database, *, readonly: bool = False):
    """Open the database (creating and migrating it unless read-only): a `sqlite3.Connection`,
    or for a URL a `postgres.PostgresConnection` used the same way."""
    if postgres.is_url(db):
        return postgres.connect(str(db), SCHEMA_VERSION, readonly=readonly)
    path = Path(db)
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


def meta_json(conn, key: str) -> dict | None:
    """The JSON value kept under `key` in the `meta` table, None if none."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else None


def set_meta_json(conn, key: str, value: dict) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                 "value = excluded.value", (key, json.dumps(value, ensure_ascii=False)))


@contextmanager
def transaction(conn):
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after a full disk or I/O error
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def store_errors(db: Database) -> Iterator[None]:
    """Turn the database's failures while writing (disk full, read-only, I/O error, a lost
    server) into a StoreError naming the database; the transaction in progress has been rolled
    back by then."""
    failures: tuple[type[Exception], ...] = (sqlite3.Error, *postgres.errors())
    try:
        yield
    except failures as e:
        hint = " (free some disk space and run again)" if "full" in str(e) or "No space" in str(e) else ""
        raise StoreError(f"{display(db)}: cannot write the database: {str(e).strip()}{hint}") from e


@contextmanager
def run_lock(db: Database) -> Iterator[None]:
    """Hold the database's writer lock for a run; refuse clearly if another run holds it. The
    lock (`filelock`: flock on POSIX, LockFileEx on Windows; PostgreSQL: an advisory lock) dies
    with its process."""
    if postgres.is_url(db):
        with postgres.run_lock(str(db)):
            yield
        return
    lock_path = Path(f"{db}.lock")
    if not lock_path.parent.is_dir():  # filelock would create the missing folders
        raise StoreError(f"{db}: cannot create lock file {lock_path} (no such folder)")
    lock = FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseBusy(f"{db}: another `newsweave run` is writing to it; wait for it to finish") from None
    except OSError as e:
        raise StoreError(f"{db}: cannot create lock file {lock_path} ({e.strerror or e})") from e
    try:
        yield
    finally:
        lock.release()
