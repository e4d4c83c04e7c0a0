"""The local engine: the per-document stages in this process, or in a pool of `workers`
processes. Forked workers share the stages (and so the model) this process loaded once before
starting them; workers started otherwise (spawn) each load their own."""

from __future__ import annotations

import gc
import itertools
import math
import multiprocessing
import signal
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from ..document import Document
from ..errors import InputError
from ..pipeline import Stage, build_stages, process_many
from ..settings import Settings

_worker_stages: list[Stage] | None = None
_worker_seconds: float | None = None


def _init_worker(settings: Settings, stages: list[Stage] | None) -> None:
    global _worker_stages, _worker_seconds
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is for the parent to handle
    _worker_stages = stages if stages is not None else build_stages(settings)
    _worker_seconds = settings.max_seconds_per_document
    # The model, knowledge base and gazetteer live as long as the worker: the garbage collector
    # need not walk their millions of objects again at each full collection.
    gc.freeze()


def _process_in_worker(docs: list[Document]) -> list[Document | InputError]:
    assert _worker_stages is not None
    return process_many(docs, _worker_stages, seconds=_worker_seconds)


class Submitted:
    """Results of one batch: a list, or the iterator of a pool's already submitted tasks."""

    def __init__(self, results: Iterable):
        self.results = results

    def result(self) -> list[Document | InputError]:
        return list(self.results)


class LocalEngine:
    """Processes documents in this process, or in a pool of `workers` processes."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pool = None
        self.stages: list[Stage] | None = None
        # In-process work gains nothing from batches in flight; a pool overlaps them with writing.
        self.window = 2 if settings.workers > 1 else 1
        if settings.workers > 1:
            context = multiprocessing.get_context()
            # A forked worker inherits its initializer's arguments without pickling: loading the
            # stages here once spares each worker its own start-up (spaCy, knowledge base, gazetteer).
            stages = build_stages(settings) if context.get_start_method() == "fork" else None
            self.pool = ProcessPoolExecutor(settings.workers, mp_context=context, initializer=_init_worker,
                                            initargs=(settings, stages))
        else:
            self.stages = build_stages(settings)

    def submit(self, docs: list[Document]) -> Submitted:
        """Start processing `docs`; `.result()` on the answer gives them in input order."""
        if self.pool is not None:
            # One task per worker and batch: each parses its documents in one `nlp.pipe` call
            # (`process_many`); the next batch, already submitted, keeps a worker done early busy.
            size = max(1, math.ceil(len(docs) / self.settings.workers))
            chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
            return Submitted(itertools.chain.from_iterable(self.pool.map(_process_in_worker, chunks)))
        assert self.stages is not None
        return Submitted(process_many(docs, self.stages, seconds=self.settings.max_seconds_per_document))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
