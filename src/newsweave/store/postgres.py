"""PostgreSQL behind the same `Store` and queries: a connection with the interface of the SQLite
connection that the store's modules use (`execute`, `executemany`, rows read by name or
position, `BEGIN`/`COMMIT`, `in_transaction`), translating the few differences of their SQL.

Chosen by a URL (`--db postgresql://user@host/db`); everything else stays SQLite. The schema is
`schema_postgresql.sql` (the SQLite schema at SCHEMA_VERSION, with PostgreSQL's types, text
compared byte-wise as SQLite does, and a `tsvector` for the full-text search); its version is the
`schema_version` row of `meta`. The run lock is an advisory lock, released by the server when the
run's connection ends, whatever ends it. psycopg is imported only when such a URL is opened.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import DatabaseBusy, StoreError

URL_SCHEMES = ("postgresql", "postgres")
# Rows fetched at a time from a streamed query.
STREAM_ROWS = 5000
_cursor_numbers = itertools.count()
# The advisory lock a run holds (any 64-bit number: locks are per database).
RUN_LOCK_KEY = 0x6E657773_77656176  # "newsweav"


def is_url(db: object) -> bool:
    return isinstance(db, str) and db.split("://", 1)[0].lower() in URL_SCHEMES and "://" in db


def display(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def _psycopg():
    try:
        import psycopg
    except ImportError:
        raise StoreError("a postgresql:// database needs psycopg: pip install 'newsweave[postgresql]'") from None
    return psycopg


def errors() -> tuple[type[Exception], ...]:
    """psycopg's base error, when psycopg is installed (to catch it without needing it)."""
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.Error,)


# ---- rows ---------------------------------------------------------------------------------

class Row(tuple):
    """A row read by position or by column name, like `sqlite3.Row` (and `dict(row)` works)."""

    __slots__ = ()
    _index: dict[str, int] = {}
    _names: tuple[str, ...] = ()

    def __getitem__(self, key):
        return tuple.__getitem__(self, self._index[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self._names)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}, "_names": names})


def _row_factory(cursor):
    if cursor.description is None:
        return tuple
    return _row_class(tuple(column.name for column in cursor.description))


# ---- the SQL the store writes for SQLite, as PostgreSQL reads it ---------------------------

_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.I)
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_SCALAR_MAX_MIN = re.compile(r"\b(max|min)\(([^()]*,[^()]*)\)", re.I)
_GROUP_CONCAT = re.compile(r"\bGROUP_CONCAT\(DISTINCT ([^()]*)\)", re.I)
_WORD_REWRITES = [
    (re.compile(r"\bBEGIN IMMEDIATE\b", re.I), "BEGIN"),
    (re.compile(r"\bLIKE\b"), "ILIKE"),  # SQLite's LIKE ignores case
    (re.compile(r"\btemp\."), "pg_temp."),
]


@lru_cache(maxsize=2048)
def translate(sql: str, params: str | None) -> str:
    """SQLite's dialect, as this package writes it, in PostgreSQL's; with psycopg's placeholders
    for `params` "positional" (`?`) or "named" (`:name`), none for None."""
    if params is not None:
        sql = sql.replace("%", "%%")
    if _INSERT_OR_IGNORE.match(sql):
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql) + " ON CONFLICT DO NOTHING"
    for pattern, replacement in _WORD_REWRITES:
        sql = pattern.sub(replacement, sql)
    sql = _GROUP_CONCAT.sub(r"STRING_AGG(DISTINCT \1, ',')", sql)
    sql = _SCALAR_MAX_MIN.sub(lambda m: ("GREATEST(" if m[1].lower() == "max" else "LEAST(") + m[2] + ")", sql)
    if params == "named":
        return _NAMED.sub(r"%(\1)s", sql)
    return sql.replace("?", "%s") if params == "positional" else sql


def _placeholders(params: Any) -> str | None:
    if params is None:
        return None
    return "named" if isinstance(params, dict) else "positional"


class _Cursor:
    """What the store uses of a cursor: execute, iterate, fetch, rowcount, an optional row factory."""

    def __init__(self, conn: PostgresConnection):
        self._conn = conn
        self._cursor = conn.raw.cursor(row_factory=_row_factory)
        self.row_factory: Any = _row_factory

    def execute(self, sql: str, params: Any = None) -> _Cursor:
        if self.row_factory is None:
            self._cursor.row_factory = lambda cursor: tuple
        self._conn.run(self._cursor, sql, params)
        return self

    def __iter__(self) -> Iterator:
        return iter(self._cursor)

    def fetchone(self):
        return self._cursor.fetchone()

    def fetchall(self) -> list:
        return self._cursor.fetchall()

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount


class PostgresConnection:
    """A psycopg connection (autocommit: transactions are the store's BEGIN ... COMMIT) that the
    store's modules use as they use a `sqlite3.Connection`."""

    dialect = "postgresql"

    def __init__(self, raw, url: str):
        self.raw = raw
        self.url = url
        self.time_limit = None  # a TimeLimit whose deadline every statement must meet

    def cursor(self) -> _Cursor:
        return _Cursor(self)

    def execute(self, sql: str, params: Any = None) -> _Cursor:
        return _Cursor(self).execute(sql, params)

    def stream(self, sql: str, params: Any = None, *, plain: bool = False) -> Iterator:
        """The rows of a large query a few thousand at a time (a server-side cursor, which other
        statements may interleave with), not the whole result in memory as `execute` holds it."""
        cursor = self.raw.cursor(name=f"newsweave_{next(_cursor_numbers)}", withhold=True,
                                 row_factory=(lambda cursor: tuple) if plain else _row_factory)
        cursor.itersize = STREAM_ROWS
        try:
            self._limited(cursor, lambda: cursor.execute(translate(sql, _placeholders(params)), params))
            yield from cursor
        finally:
            cursor.close()

    def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if rows:
            with self.raw.cursor() as cursor:
                self._limited(cursor, lambda: cursor.executemany(translate(sql, _placeholders(rows[0])), rows))

    def executescript(self, script: str) -> None:
        self.raw.execute(script)

    def run(self, cursor, sql: str, params: Any) -> None:
        self._limited(cursor, lambda: cursor.execute(translate(sql, _placeholders(params)), params))

    def _limited(self, cursor, statement) -> None:
        limit = self.time_limit
        if limit is None or not limit.started():
            statement()
            return
        psycopg = _psycopg()
        cursor.execute(f"SET statement_timeout = {max(1, int(limit.remaining() * 1000))}")
        try:
            statement()
        except psycopg.errors.QueryCanceled as e:
            raise limit.exceeded() from e

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != _psycopg().pq.TransactionStatus.IDLE

    def has_table(self, name: str) -> bool:
        return self.raw.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()[0]

    def close(self) -> None:
        self.raw.close()


def _bool_as_int_dumper(psycopg):
    """SQLite stores True as 1; the columns here are integers too (`entities.generic`)."""
    from psycopg.adapt import Dumper

    class BoolAsIntDumper(Dumper):
        oid = psycopg.adapters.types["int2"].oid

        def dump(self, obj: bool) -> bytes:
            return b"1" if obj else b"0"

    return BoolAsIntDumper


def _numeric_loader(psycopg):
    """SUM over integers is `numeric` in PostgreSQL: read it as the int (or float) SQLite gives."""
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        def load(self, data) -> int | float:
            text = bytes(data).decode()
            return int(text) if text.lstrip("-").isdigit() else float(text)

    return NumericLoader


def connect(url: str, schema_version: int, *, readonly: bool = False) -> PostgresConnection:
    """Open the database at `url` (creating the schema, at `schema_version`, unless read-only)."""
    psycopg = _psycopg()
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as e:
        raise StoreError(f"{display(url)}: cannot connect to the database ({str(e).strip()})") from e
    raw.adapters.register_dumper(bool, _bool_as_int_dumper(psycopg))
    raw.adapters.register_loader("numeric", _numeric_loader(psycopg))
    conn = PostgresConnection(raw, url)
    try:
        version = _schema_version(conn)
        if not readonly and version is None:
            _create_schema(conn, schema_version)
        elif version is None:
            raise StoreError(f"{display(url)}: no newsweave database there "
                             f"(run `newsweave run PATH --db {display(url)}` first)")
        elif version > schema_version:
            raise StoreError(f"{display(url)}: database schema version {version} is newer than this "
                             f"newsweave ({schema_version}); upgrade newsweave")
        if readonly:
            raw.execute("SET default_transaction_read_only = on")
    except BaseException:
        conn.close()
        raise
    return conn


def _schema_version(conn: PostgresConnection) -> int | None:
    if not conn.has_table("meta"):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def _create_schema(conn: PostgresConnection, schema_version: int) -> None:
    """The whole schema in one transaction, once, even when two runs start together."""
    script = resources.files("newsweave.store").joinpath("schema_postgresql.sql").read_text("utf-8")
    with conn.raw.transaction():
        conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (RUN_LOCK_KEY + 1,))
        if _schema_version(conn) is None:
            conn.raw.execute(script)
            conn.raw.execute("INSERT INTO meta (key, value) VALUES ('schema_version', %s)", (str(schema_version),))


@contextmanager
def run_lock(url: str) -> Iterator[None]:
    """Hold the database's writer lock for a run, on a connection of its own: every machine of
    a team sees it, and the server drops it when the process dies."""
    psycopg = _psycopg()
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as e:
        raise StoreError(f"{display(url)}: cannot connect to the database ({str(e).strip()})") from e
    try:
        if not raw.execute("SELECT pg_try_advisory_lock(%s)", (RUN_LOCK_KEY,)).fetchone()[0]:
            raise DatabaseBusy(f"{display(url)}: another `newsweave run` is writing to it; wait for it to finish")
        yield
    finally:
        raw.close()


def version_stamp(conn: PostgresConnection) -> tuple:
    """Changes whenever a run or a correction has committed (the server's response cache key)."""
    row = conn.execute(
        "SELECT (SELECT COALESCE(MAX(seq), 0) FROM documents), (SELECT COUNT(*) FROM documents), "
        "(SELECT value FROM meta WHERE key = 'crossdoc_rebuilt'), "
        "(SELECT COUNT(*) FROM entity_overrides), (SELECT COALESCE(MAX(seq), 0) FROM entity_overrides)"
    ).fetchone()
    return tuple(row)
