"""The store: one SQLite file (WAL, FTS5) by default, or a PostgreSQL database named by a
`postgresql://` URL. All SQL in newsweave lives in this package; `Store` owns the connection for
everything that writes."""

from .database import Database, connect, display, location, run_lock, transaction
from .store import Store

__all__ = ["Database", "Store", "connect", "display", "location", "run_lock", "transaction"]
