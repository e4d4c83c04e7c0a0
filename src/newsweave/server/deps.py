"""What every route shares: a read-only view of the database per request, paging, JSON."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import asdict, is_dataclass
from functools import cached_property
from pathlib import Path

import anyio
from fastapi import Query, Request
from fastapi.responses import Response

from ..api import Corpus
from ..store import Database, connect
from ..store.database import is_postgres
from ..store.postgres import version_stamp
from ..store.time_limit import TimeLimit

MAX_PAGE = 1000
# Offsets and counts stay far below SQLite's 64-bit integers (a larger one was a 500).
MAX_OFFSET = 1_000_000_000
MAX_SOURCES = 1_000_000


# Every read stops at a time limit (then a 400); search, whose cost the query picks, sooner.
READ_SECONDS = 10.0
SEARCH_SECONDS = 1.0
# Reads whose cost grows with the corpus or the query run at most this many at once: a burst of
# them waits without holding a thread, and the thread pool stays free for every other request.
SLOW_READS = 4


class Reader:
    """A read-only connection for one request (WAL: reads while a run writes), and the Corpus,
    both under one time limit."""

    def __init__(self, db: Database):
        self.db = db
        self.limit = TimeLimit()
        self.conn = connect(db, readonly=True)
        self.limit.watch(self.conn)

    @cached_property
    def corpus(self) -> Corpus:
        return Corpus(self.db, time_limit=self.limit)

    def close(self) -> None:
        self.conn.close()
        if "corpus" in self.__dict__:
            self.corpus.close()


def reader(request: Request):
    """FastAPI dependency: a Reader on the app's database, closed after the request."""
    r = Reader(request.app.state.db)
    r.limit.start(READ_SECONDS)
    try:
        with r.limit.enforced():
            yield r
    finally:
        r.close()


def slow_reader(seconds: float = READ_SECONDS):
    """FastAPI dependency for costly reads: a Reader once one of the SLOW_READS places is free,
    under a limit of `seconds` counted from then."""

    async def dependency(request: Request):
        state = request.app.state
        if getattr(state, "slow_reads", None) is None:  # made here: it needs the running loop
            state.slow_reads = anyio.CapacityLimiter(SLOW_READS)
        async with state.slow_reads:
            r = await anyio.to_thread.run_sync(Reader, state.db)
            r.limit.start(seconds)
            try:
                with r.limit.enforced():
                    yield r
            finally:
                await anyio.to_thread.run_sync(r.close)

    return dependency


class Page:
    """`limit` and `offset` query parameters."""

    def __init__(self, limit: int = Query(50, ge=1, le=MAX_PAGE, description="Items per page."),
                 offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip.")):
        self.limit = limit
        self.offset = offset

    def wrap(self, total: int, items: list) -> dict:
        return {"total": total, "limit": self.limit, "offset": self.offset, "items": items}


def _default(value):
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def as_json(data, status_code: int = 200) -> Response:
    """Records (dataclasses), dicts and lists as a JSON response (faster than jsonable_encoder)."""
    body = json.dumps(data, default=_default, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status_code=status_code, media_type="application/json")


def db_version(reader: Reader) -> tuple:
    """Changes whenever a writer commits: SQLite's WAL file or database file changes; for
    PostgreSQL what a run or a correction changes, read on the request's own connection."""
    if is_postgres(reader.conn):
        return version_stamp(reader.conn)
    db = Path(reader.db)
    parts = []
    for path in (db, Path(f"{db}-wal")):
        try:
            st = path.stat()
            parts += [st.st_mtime_ns, st.st_size]
        except FileNotFoundError:
            parts += [0, 0]
    return tuple(parts)


class ResponseCache:
    """Aggregated answers (summary, graph, map) by URL, valid until the database changes.

    A bounded LRU; `size=0` turns it off. Reads stay correct while a run writes: every commit
    changes the database version, and the next request recomputes.
    """

    def __init__(self, size: int = 256):
        self.size = size
        self._items: OrderedDict[str, tuple[tuple, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, request: Request, reader: Reader, compute) -> Response:
        if not self.size:
            return compute()
        key = f"{request.url.path}?{request.url.query}"
        version = db_version(reader)
        with self._lock:
            hit = self._items.get(key)
            if hit and hit[0] == version:
                self._items.move_to_end(key)
                return Response(hit[1], media_type="application/json")
        response = compute()
        if response.status_code == 200:
            with self._lock:
                self._items[key] = (version, response.body)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return response


def cached(request: Request, reader: Reader, compute) -> Response:
    """`compute()` (a JSON Response), or the stored answer for this URL and the version of the
    database `reader` reads."""
    return request.app.state.cache.get_or_compute(request, reader, compute)
