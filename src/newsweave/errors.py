"""Errors newsweave raises, each naming the file or database and the problem.

    NewsweaveError
    ├── InputError          a file or record that cannot be read (per file: the run goes on)
    │   ├── UnsupportedFormat
    │   ├── DecodeError
    │   └── FileTooLarge
    ├── StoreError          the database cannot be opened or written
    │   ├── DatabaseBusy    another run holds the database
    │   └── QueryTimeout    a read ran past its time limit (the server's answer to a costly query)
    ├── ModelError          an NLP model is missing or broken
    └── EvaluationError     gold data missing or malformed
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class: everything newsweave raises on purpose."""


class InputError(NewsweaveError):
    """One input file (or one record in it) cannot be read. The run records it and goes on."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # Rebuilt from (path, reason) so worker processes can send it back to the run.
        return (type(self), (self.path, self.reason))


class UnsupportedFormat(InputError):
    pass


class DecodeError(InputError):
    pass


class FileTooLarge(InputError):
    pass


class StoreError(NewsweaveError):
    pass


class DatabaseBusy(StoreError):
    pass


class QueryTimeout(StoreError):
    pass


class ModelError(NewsweaveError):
    pass


class EvaluationError(NewsweaveError):
    pass
