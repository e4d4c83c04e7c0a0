"""A run: read inputs, process new documents through the stages, store them, then rebuild the
cross-document tables (`crossdoc.py`).

Documents stream through in batches (memory stays flat), each batch is stored in one
transaction, and documents already stored by the same pipeline revision are skipped before any
NLP, so a repeated run adds nothing and an interrupted run resumes where it stopped. Input files
whose every document was stored are recorded with their size and mtime and not even read again
while those stay the same; the engine (and so the model) starts only when a document is new.

An engine processes batches (`engines/`: local or Dask); the runner keeps up to
`engine.window` batches in flight so workers never wait for the store, and stores results in
input order. Ctrl-C stops the run cleanly: the batch being written is rolled back, the batches
in flight are dropped, the engine is closed and `RunInterrupted` is raised.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from . import __version__
from .clean.fingerprint import band_keys
from .clean.language import language_warning
from .crossdoc import rebuild_cross_document
from .document import Document
from .engines import Engine, make_engine
from .engines.local import Submitted
from .errors import InputError
from .pipeline import PIPELINE_REVISION, where
from .read import file_stamp, input_files, read_file
from .read.files import kind_of, open_input
from .settings import Settings
from .store import Store, connect, run_lock
from .store.database import store_errors

PIPELINE_VERSION = f"{__version__}+r{PIPELINE_REVISION}"


@dataclass
class RunReport:
    read: int = 0  # documents read
    added: int = 0  # documents processed and stored by this run
    unchanged: int = 0  # documents already stored, skipped
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (document, reason): read, but not English
    duplicates: int = 0
    entities: int = 0
    aggregates: dict = field(default_factory=dict)  # rows per aggregate table (relations…)
    seconds: float = 0.0
    total: int | None = None  # input items expected (documents and unreadable files), if known
    seen: int = 0  # input items taken so far: documents read plus unreadable files
    interrupted: bool = False

    @property
    def failed(self) -> int:
        return len(self.errors)


ProgressCallback = Callable[[RunReport], None]


class RunInterrupted(KeyboardInterrupt):
    """Ctrl-C ended the run after cleaning up; `report` says what was stored. Run again to resume."""

    def __init__(self, report: RunReport):
        super().__init__("run interrupted")
        self.report = report


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many input items `paths` hold, cheaply (files listed, JSONL lines counted); None for WARC."""
    total = 0
    for item in input_files(paths):  # the files the run reads: no link out, no FIFO or device
        kind = kind_of(item.path if isinstance(item, InputError) else item)
        if kind == "warc":
            return None  # records are only known by reading the whole archive
        total += _count_lines(item) if kind == "jsonl" and isinstance(item, str) else 1
    return total


def _count_lines(path: str) -> int:
    count, last = 0, b"\n"
    try:
        with open_input(path) as f:
            while chunk := f.read(1 << 20):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except (OSError, InputError):
        return 1  # reading will report the error as one item
    return count + (last != b"\n")


def run(paths: Iterable[str | Path], settings: Settings, *, on_progress: ProgressCallback | None = None) -> RunReport:
    """Read, process and store `paths`; then rebuild the cross-document tables. Returns the tally.

    Raises `RunInterrupted` (a KeyboardInterrupt) after a clean stop on Ctrl-C.
    """
    began = time.monotonic()
    names = [str(p) for p in paths]
    if not any(os.path.lexists(p) for p in names):
        # A mistyped path: stop before the database and its lock file are created.
        raise InputError(", ".join(names) or "(no path)", "no such file or folder")
    report = RunReport(total=count_inputs(names) if on_progress else None)
    with run_lock(settings.db), store_errors(settings.db):
        store = Store(connect(settings.db), band_keys=band_keys)
        try:
            run_id = store.start_run(names)
            if on_progress:
                on_progress(report)  # the total is known before the engine loads the model
            engine = _LazyEngine(settings)
            try:
                _process_all(names, settings, engine, store, report, on_progress)
            except KeyboardInterrupt:
                report.interrupted = True  # the batch being written was rolled back; nothing half-stored
            finally:
                engine.close()
            # After an error (disk full, read-only) the stored documents stay whole and the
            # next run rebuilds these tables; rebuilding now would only fail again.
            try:
                report.duplicates, report.entities, report.aggregates = rebuild_cross_document(
                    store, settings.min_confidence, version=PIPELINE_VERSION)
                store.finish_run(run_id, read=report.read, added=report.added,
                                 unchanged=report.unchanged, failed=report.failed)
            except KeyboardInterrupt:
                # Each rebuild is one transaction (rolled back), and every run rebuilds them all.
                report.interrupted = True
        finally:
            store.close()
    report.seconds = time.monotonic() - began
    if report.interrupted:
        raise RunInterrupted(report)
    return report


@dataclass
class _FileState:
    """One input file being read by this run."""
    stamp: tuple[int, int] | None  # (size, mtime_ns) when read
    documents: int = 0  # read from it so far
    pending: int = 0  # of those, submitted and not yet stored
    clean: bool = True  # no error, no document that waits on another file's copy
    closed: bool = False  # read to its end


class _InputFiles:
    """Reads the input files, skipping those recorded as read whole (same size and mtime, same
    pipeline version), and records each file once every document of it is stored.

    A file is recorded only when it gave no error and none of its documents waited on another
    file's copy in flight, so a skipped file never hides a document that is not stored."""

    def __init__(self, paths: list[str], settings: Settings, store: Store, report: RunReport):
        self.paths, self.settings, self.store, self.report = paths, settings, store, report
        self.files: dict[str, _FileState] = {}  # read by this run, not yet recorded
        self.named = set(paths)  # given by themselves, not found in a folder

    def items(self) -> Iterator[tuple[str | None, Document | InputError]]:
        """(file, item) for every item of every file not skipped (file None: a path's error)."""
        for path in input_files(self.paths):
            if isinstance(path, InputError):
                yield None, path
                continue
            stamp = file_stamp(path)
            seen = self.store.seen_input(os.path.abspath(path), PIPELINE_VERSION)
            if stamp is not None and seen is not None and seen[:2] == stamp:
                self.report.read += seen[2]
                self.report.unchanged += seen[2]
                self.report.seen += seen[2]
                continue
            state = self.files[path] = _FileState(stamp, clean=stamp is not None)
            for item in read_file(path, self.settings, named=path in self.named):
                yield path, item
            state.closed = True

    def read(self, path: str | None, *, stored: bool) -> None:
        """One document of `path` read; `stored`: already in the database (else it waits)."""
        if path is not None:
            self.files[path].documents += 1
            self.files[path].pending += not stored

    def spoil(self, path: str | None) -> None:
        """`path` gave an error, or depends on another file's document: read it again next time."""
        if path is not None:
            self.files[path].clean = False

    def done(self, path: str | None) -> None:
        if path is not None:
            self.files[path].pending -= 1

    def record_finished(self) -> None:
        finished = [path for path, state in self.files.items() if state.closed and not state.pending]
        self.store.record_seen_inputs(
            [(os.path.abspath(path), *self.files[path].stamp, self.files[path].documents)  # type: ignore[misc]  # clean: stamped
             for path in finished if self.files[path].clean], PIPELINE_VERSION)
        for path in finished:
            del self.files[path]


class _LazyEngine:
    """Starts the engine (a pool, a cluster; the model is loaded) only once a batch holds a
    document to process: a run that finds little or nothing new does not pay for it."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.engine: Engine | None = None

    @property
    def window(self) -> int:
        return self.engine.window if self.engine is not None else 1

    def submit(self, docs: list[Document]):
        if not docs:
            return Submitted([])
        if self.engine is None:
            self.engine = make_engine(self.settings)
        return self.engine.submit(docs)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()


def _process_all(paths, settings: Settings, engine: _LazyEngine, store: Store, report: RunReport,
                 on_progress: ProgressCallback | None) -> None:
    """Submit batches to the engine, keeping `engine.window` in flight, and store them in order."""
    pending: deque[tuple[list[tuple[str | None, Document]], Submitted]] = deque()
    in_flight: set[str] = set()  # submitted, not yet stored: a later copy counts as unchanged
    inputs = _InputFiles(paths, settings, store, report)
    for batch in _batches(inputs.items(), settings.batch_size):
        todo = _select_new(batch, store, report, in_flight, inputs)
        pending.append((todo, engine.submit([doc for _, doc in todo])))
        while len(pending) >= max(1, engine.window):  # read each time: a cluster can grow
            _store_results(*pending.popleft(), store, report, in_flight, inputs)
        inputs.record_finished()
        if on_progress:
            on_progress(report)
    while pending:
        _store_results(*pending.popleft(), store, report, in_flight, inputs)
        inputs.record_finished()
        if on_progress:
            on_progress(report)
    inputs.record_finished()


def _select_new(batch: list, store: Store, report: RunReport, in_flight: set[str],
                inputs: _InputFiles) -> list[tuple[str | None, Document]]:
    """The batch's documents not stored yet by this pipeline version, with their file; records
    read errors."""
    docs: dict[str, tuple[str | None, Document]] = {}
    read = 0
    report.seen += len(batch)
    for path, item in batch:
        if isinstance(item, InputError):
            report.errors.append((item.path, item.reason))
            store.record_error(item.path, item.reason)
            inputs.spoil(path)
            continue
        read += 1
        if item.id in in_flight or item.id in docs:
            # A copy: read, waiting on nothing of its own, but stored only if the other copy is,
            # so its file is checked again next time.
            inputs.read(path, stored=True)
            inputs.spoil(path)
        else:
            docs[item.id] = (path, item)  # the same content twice in one batch is one document
    stored = store.stored_versions(docs)
    todo = []
    for doc_id, (path, doc) in docs.items():
        is_stored = stored.get(doc_id) == PIPELINE_VERSION
        inputs.read(path, stored=is_stored)
        if not is_stored:
            todo.append((path, doc))
    report.read += read
    report.unchanged += read - len(todo)
    in_flight.update(doc.id for _, doc in todo)
    return todo


def _store_results(todo: list[tuple[str | None, Document]], submitted, store: Store, report: RunReport,
                   in_flight: set[str], inputs: _InputFiles) -> None:
    """Store one batch's results in one transaction (processing failures are recorded)."""
    finished = []
    for (path, _), result in zip(todo, submitted.result(), strict=True):
        if isinstance(result, InputError):
            report.errors.append((result.path, result.reason))
            store.record_error(result.path, result.reason)
            inputs.spoil(path)
        else:
            finished.append(result)
            if warning := language_warning(result.language):
                report.warnings.append((where(result), warning))
    if finished:
        store.write_documents(finished, PIPELINE_VERSION)
        report.added += len(finished)
    in_flight.difference_update(doc.id for _, doc in todo)
    for path, _ in todo:
        inputs.done(path)
