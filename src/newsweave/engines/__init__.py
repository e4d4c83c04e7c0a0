"""Engines map the per-document stages over batches of documents; the runner only submits
batches and stores the results.

An engine has `submit(docs) -> Pending` (the results later, in input order, via
`Pending.result()`), `window` (how many batches the runner may keep in flight) and `close()`.
`local.py` runs in this process or a process pool; `dask.py` on a Dask cluster (the optional
`dask` extra, `pip install newsweave[dask]`). Both apply `pipeline.process_safely`, the one
per-document failure and timeout policy: the local engine through `process_many`, which parses
the documents of a task together; the Dask engine one document per task.
"""

from __future__ import annotations

from typing import Protocol

from ..document import Document
from ..errors import InputError, NewsweaveError
from ..settings import Settings


class Pending(Protocol):
    def result(self) -> list[Document | InputError]: ...


class Engine(Protocol):
    @property
    def window(self) -> int: ...

    def submit(self, docs: list[Document]) -> Pending: ...

    def close(self) -> None: ...


def make_engine(settings: Settings) -> Engine:
    """The engine `settings.engine` names."""
    if settings.engine == "local":
        from .local import LocalEngine

        return LocalEngine(settings)
    if settings.engine == "dask":
        try:
            from .dask import DaskEngine  # optional dependency
        except ImportError as e:
            raise NewsweaveError("the dask engine needs the dask extra: pip install 'newsweave[dask]'") from e

        return DaskEngine(settings)
    raise NewsweaveError(f"unknown engine {settings.engine!r} (choose local or dask)")
