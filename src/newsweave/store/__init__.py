"""The store: one SQLite file (WAL, FTS5). All SQL in newsweave lives in this package."""

from .database import Writer, connect, run_lock, transaction

__all__ = ["Writer", "connect", "run_lock", "transaction"]
