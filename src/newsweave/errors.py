"""Errors newsweave raises, each naming the file or database and the problem.

    NewsweaveError
    ├── InputError          a file or record that cannot be read (per file: the run goes on)
    │   ├── UnsupportedFormat
    │   ├── DecodeError
    │   └── FileTooLarge
    ├── StoreError          the database cannot be opened or written
    │   ├── DatabaseBusy    another run holds the database
    │   └── QueryTimeout    a read ran past its time limit (the server's answer to a costly query)
    ├── FilterError         a query filter value that is not valid (also a ValueError)
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


class FilterError(NewsweaveError, ValueError):
    """A filter value (date, type, region, count, actor…) that is not valid: the CLI's exit
    status 2, the server's 422; a ValueError for Python callers."""

    def __init__(self, option: str, value, problem: str):
        super().__init__(f"{option} {value!r} {problem}")
        self.option = option
        self.value = value


class ModelError(NewsweaveError):
    pass


class EvaluationError(NewsweaveError):
    pass
