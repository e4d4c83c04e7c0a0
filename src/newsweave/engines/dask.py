"""The Dask engine: the per-document stages mapped over a `dask.distributed` cluster.

`DaskEngine(settings)` connects to `settings.scheduler` when one is given (a cluster started
with dask-kubernetes, dask-jobqueue or `dask scheduler`), else starts a `LocalCluster` of
`settings.workers` single-threaded worker processes on 127.0.0.1 with no dashboard.

Each worker process builds the stages (and so loads the spaCy model) once: a worker plugin does
it when the worker starts, and every task reuses that list. Results come back in input order, a
batch at a time, so the runner stores each batch in one transaction exactly as with the local
engine. When a worker dies mid-run the scheduler reruns its tasks on the others (and the nanny
restarts it); a document can never be stored twice because the runner skips stored ids.
"""

from __future__ import annotations

import itertools
import logging
import math
import signal
import threading
import time
import uuid

from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, wait

from ..document import Document
from ..errors import InputError, NewsweaveError
from ..pipeline import build_stages, process_safely, where
from ..settings import Settings

# Batches the runner keeps in flight per worker thread beyond the first: enough that a worker
# never waits for the runner to write, few enough that memory stays flat.
BATCHES_AHEAD_PER_WORKER = 2.0

# How often the window is recomputed from the number of workers (one scheduler call).
WINDOW_REFRESH_SECONDS = 5.0

# A task that raises (not a document failure, which comes back as an InputError) is tried again.
TASK_RETRIES = 2

# Runs on its own of a task whose worker died under it: a document that kills its worker every time
# is recorded as failed; one that only shared a worker with such a document is stored.
KILLED_TASK_TRIES = 2

_stages = None
_stages_settings: Settings | None = None


def _stages_for(settings: Settings):
    """The stage list of this worker process, built once per process and settings."""
    global _stages, _stages_settings
    if _stages is None or _stages_settings != settings:
        _stages, _stages_settings = build_stages(settings), settings
    return _stages


def process_on_worker(doc: Document, settings: Settings) -> Document | InputError:
    """The task: run the stages on one document in a worker process."""
    return process_safely(doc, _stages_for(settings))


class LoadStages(WorkerPlugin):
    """Loads the model when a worker starts, so the first tasks do not all wait for it."""

    name = "newsweave-stages"

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker) -> None:
        # A terminal's Ctrl-C reaches the whole process group; the run (not each worker) handles it.
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        _stages_for(self.settings)


class Pending:
    """Results of one submitted batch; `result()` waits for them, in input order."""

    def __init__(self, engine: "DaskEngine", docs: list[Document], futures: list):
        self.engine = engine
        self.client = engine.client
        self.docs = docs
        self.futures = futures

    def result(self) -> list[Document | InputError]:
        try:
            if not self.futures:
                return []
            outcome = self._gather_finished()
            for i, future in enumerate(self.futures):
                if i not in outcome:
                    error = future.exception() if future.status == "error" else None
                    outcome[i] = _failed(self.docs[i], error) if error is not None and not isinstance(
                        error, KilledWorker) else self._alone(i)
            return [outcome[i] for i in range(len(self.docs))]
        finally:
            self.cancel()  # release them on the scheduler: memory stays flat on long runs

    def _gather_finished(self) -> dict[int, Document | InputError]:
        """The results of every task that did not fail, brought here before any task is run
        again: a result held by a worker is lost when that worker dies (dask recomputes it, and
        the recomputation can fail in turn)."""
        outcome: dict[int, Document | InputError] = {}
        for _ in range(len(self.futures) + 1):  # each failed gather leaves one more task erred
            wait(self.futures)
            todo = [i for i, f in enumerate(self.futures) if i not in outcome and f.status != "error"]
            if not todo:
                break
            try:
                outcome.update(zip(todo, self.client.gather([self.futures[i] for i in todo])))
            except Exception:  # noqa: BLE001 - a result lost with its worker, recomputed in vain
                continue
        return outcome

    def _alone(self, i: int) -> Document | InputError:
        """A worker that dies takes every task it held down with it, not only the one that killed
        it: such a task runs again on its own (twice at most: another batch's culprit may kill
        its worker too), so only a document that kills its worker each time is recorded as failed."""
        error: BaseException | None = None
        for _ in range(KILLED_TASK_TRIES):
            retry = self.engine.futures_for([self.docs[i]])[0]
            try:
                wait([retry])
                if retry.status == "finished":
                    return retry.result()
                error = retry.exception()
                if not isinstance(error, KilledWorker):
                    break
            except Exception as e:  # noqa: BLE001 - its result was lost before it came back
                error = e
            finally:
                self.client.cancel([retry])
        return _failed(self.docs[i], error)

    def cancel(self) -> None:
        if self.futures:
            self.client.cancel(self.futures)
            self.futures = []


def _failed(doc: Document, error: BaseException | None) -> InputError:
    """A document whose task failed as a whole, e.g. it brought down one worker after another
    (dask gives up with KilledWorker): recorded for that document, and the run goes on."""
    return InputError(where(doc), f"processing failed on the cluster: {type(error).__name__}: {error}")


class DaskEngine:
    """Maps the per-document stages over a Dask cluster (local or remote)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.cluster = None
        try:
            if settings.scheduler:
                self.client = Client(settings.scheduler)
            else:
                self.cluster = LocalCluster(
                    n_workers=settings.workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
                    # No dashboard; its HTTP server (health checks) on any free local port.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                )
                self.client = Client(self.cluster)
            self.client.register_plugin(LoadStages(settings))
        except (OSError, TimeoutError) as e:
            self._close_cluster()
            cluster = settings.scheduler or "a local cluster"
            raise NewsweaveError(f"cannot start the Dask engine on {cluster}: {e}") from e
        self._run = uuid.uuid4().hex[:8]  # task keys unique to this run on a shared scheduler
        self._counter = itertools.count()
        self._pending: list[Pending] = []
        self._window, self._window_at = 1, -math.inf

    @property
    def window(self) -> int:
        """Batches to keep in flight: follows the workers as a cluster scales up or down."""
        if time.monotonic() - self._window_at > WINDOW_REFRESH_SECONDS:
            threads = sum(self.client.nthreads().values()) or self.settings.workers
            self._window = 1 + math.ceil(BATCHES_AHEAD_PER_WORKER * threads / max(1, self.settings.batch_size))
            self._window_at = time.monotonic()
        return self._window

    def futures_for(self, docs: list[Document]) -> list:
        keys = [f"newsweave-{self._run}-{next(self._counter)}-{doc.id}" for doc in docs]
        return self.client.map(process_on_worker, docs, [self.settings] * len(docs),
                               key=keys, pure=False, retries=TASK_RETRIES)

    def submit(self, docs: list[Document]) -> Pending:
        pending = Pending(self, docs, self.futures_for(docs))
        self._pending = [p for p in self._pending if p.futures] + [pending]
        return pending

    def close(self) -> None:
        """Cancel what is still running and stop the cluster this engine started."""
        try:
            for pending in self._pending:
                pending.cancel()
            self.client.close()
        finally:
            self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
