"""A run: read inputs, process new documents through the stages, store them, then rebuild the
cross-document tables.

Documents stream through in batches (memory stays flat), each batch is stored in one
transaction, and documents already stored by the same pipeline revision are skipped before any
NLP, so a repeated run adds nothing and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from . import __version__
from .aggregate.duplicates import rebuild_duplicates
from .document import Document
from .errors import InputError, NewsweaveError
from .pipeline import PIPELINE_REVISION, Stage, build_stages, process
from .read import read_paths
from .resolve.entities import resolve_entities
from .settings import Settings
from .store import Writer, connect, run_lock

PIPELINE_VERSION = f"{__version__}+r{PIPELINE_REVISION}"


@dataclass
class RunReport:
    read: int = 0  # documents read
    added: int = 0  # documents processed and stored by this run
    unchanged: int = 0  # documents already stored, skipped
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    duplicates: int = 0
    entities: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)


ProgressCallback = Callable[[RunReport], None]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _process_safely(doc: Document, stages: list[Stage]) -> Document | InputError:
    """Run the stages on one document; a failure is reported for that document only."""
    try:
        return process(doc, stages)
    except NewsweaveError:
        raise
    except Exception as e:  # a stage bug on odd input must not end the run
        return InputError(doc.path if doc.name in doc.path else f"{doc.path} ({doc.name})",
                          f"processing failed: {type(e).__name__}: {e}")


_worker_stages: list[Stage] | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_stages
    _worker_stages = build_stages(settings)


def _process_in_worker(doc: Document) -> Document | InputError:
    assert _worker_stages is not None
    return _process_safely(doc, _worker_stages)


class LocalEngine:
    """Processes documents in this process, or in a pool of `workers` processes."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pool = None
        self.stages: list[Stage] | None = None
        if settings.workers > 1:
            self.pool = ProcessPoolExecutor(settings.workers, initializer=_init_worker, initargs=(settings,))
        else:
            self.stages = build_stages(settings)

    def map(self, docs: list[Document]) -> list[Document | InputError]:
        if self.pool is not None:
            return list(self.pool.map(_process_in_worker, docs, chunksize=max(1, len(docs) // (2 * self.settings.workers))))
        return [_process_safely(doc, self.stages) for doc in docs]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def make_engine(settings: Settings):
    if settings.engine == "local":
        return LocalEngine(settings)
    if settings.engine == "dask":
        from .engines.dask import DaskEngine  # optional dependency

        return DaskEngine(settings)
    raise NewsweaveError(f"unknown engine {settings.engine!r} (choose local or dask)")


def _band_keys():
    try:
        from .clean.fingerprint import band_keys
    except ImportError:
        return None
    return band_keys


def run(paths: Iterable[str | Path], settings: Settings, *, on_progress: ProgressCallback | None = None) -> RunReport:
    """Read, process and store `paths`; then rebuild duplicates and entities. Returns the tally."""
    began = time.monotonic()
    paths = [str(p) for p in paths]
    report = RunReport()
    with run_lock(settings.db):
        conn = connect(settings.db)
        writer = Writer(conn)
        run_id = writer.start_run(paths)
        engine = make_engine(settings)
        band_keys = _band_keys()
        try:
            for batch in _batches(read_paths(paths, settings), settings.batch_size):
                _store_batch(batch, engine, writer, report, band_keys)
                if on_progress:
                    on_progress(report)
        finally:
            engine.close()
            report.duplicates = rebuild_duplicates(conn)
            report.entities = resolve_entities(conn)
            writer.finish_run(run_id, read=report.read, added=report.added,
                              unchanged=report.unchanged, failed=report.failed)
            conn.close()
    report.seconds = time.monotonic() - began
    return report


def _store_batch(batch: list, engine, writer: Writer, report: RunReport, band_keys) -> None:
    docs: dict[str, Document] = {}
    read = 0
    for item in batch:
        if isinstance(item, InputError):
            report.errors.append((item.path, item.reason))
            writer.record_error(item.path, item.reason)
            continue
        read += 1
        docs.setdefault(item.id, item)  # the same content twice in one batch is one document
    stored = writer.stored_versions(docs)
    todo = [doc for doc_id, doc in docs.items() if stored.get(doc_id) != PIPELINE_VERSION]
    report.read += read
    report.unchanged += read - len(todo)
    finished = []
    for result in engine.map(todo):
        if isinstance(result, InputError):
            report.errors.append((result.path, result.reason))
            writer.record_error(result.path, result.reason)
        else:
            finished.append(result)
    if finished:
        writer.write_documents(finished, PIPELINE_VERSION, band_keys)
        report.added += len(finished)
