"""A time limit on reads: SQLite's progress handler interrupts any statement past a deadline;
on PostgreSQL each statement runs under a `statement_timeout` of the time left.

As Datasette's `sql_time_limit_ms`: the handler runs every `PROGRESS_STEPS` virtual-machine
instructions, so a costly statement stops within a few milliseconds of the deadline (a single
call into a C function, such as one FTS5 `snippet()`, finishes first) and its connection stays
usable. The interruption surfaces as `QueryTimeout`, which the server answers with a 4xx.
"""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import QueryTimeout
from .database import is_postgres

# Instructions between two looks at the clock (Datasette's choice: cheap and still prompt).
PROGRESS_STEPS = 1000


class TimeLimit:
    """A deadline shared by the connections it watches; none until `start` is called."""

    def __init__(self) -> None:
        self.seconds = math.inf
        self.deadline = math.inf

    def watch(self, conn: sqlite3.Connection) -> None:
        if is_postgres(conn):
            conn.time_limit = self  # type: ignore[attr-defined]  # a PostgresConnection
        else:
            conn.set_progress_handler(self._over, PROGRESS_STEPS)

    def start(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def _over(self) -> bool:
        return time.monotonic() > self.deadline

    def started(self) -> bool:
        return self.deadline != math.inf

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    def exceeded(self) -> QueryTimeout:
        return QueryTimeout(f"the query took longer than its limit of {self.seconds:g} s; "
                            "ask for fewer or more specific words, or a smaller page")

    @contextmanager
    def enforced(self) -> Iterator[None]:
        """Turn the interruption of a statement inside the block into `QueryTimeout`."""
        try:
            yield
        except sqlite3.OperationalError as e:
            if "interrupted" not in str(e) or not self._over():
                raise
            raise self.exceeded() from e
