"""The store: one SQLite file (WAL, FTS5). All SQL in newsweave lives in this package; `Store`
owns the connection for everything that writes."""

from .database import connect, run_lock, transaction
from .sqlite import Store

__all__ = ["Store", "connect", "run_lock", "transaction"]
