"""The per-document pipeline: an ordered list of stages, each `Document -> Document`.

Everything here is a pure function of one document, so a process pool or a Dask cluster can
map it over a corpus (`engines/`). Cross-document work (resolution, aggregation) happens after,
in `crossdoc.py`. `process_safely` is the one per-document failure and timeout policy that every
engine applies: a document that fails or runs too long is reported alone and the run goes on.
`process_many` applies it to several documents, letting a stage with a `prepare(docs)` method
(the parser) do its costly part for all of them at once.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .annotate.entities import EntityRecognizer
from .annotate.parse import Parser
from .annotate.places import PlaceResolver
from .annotate.timex import TimeTagger
from .clean import clean
from .document import Document, is_analysed_language
from .errors import InputError, NewsweaveError
from .extract.events import EventExtractor
from .settings import Settings

Stage = Callable[[Document], Document]


def build_stages(settings: Settings) -> list[Stage]:
    """The built-in stages, in the order the data flows."""
    return [
        clean,
        InAnalysedLanguage([
            Parser(settings),
            EntityRecognizer(settings),
            TimeTagger(settings),
            PlaceResolver(settings),
            EventExtractor(settings),
        ]),
    ]


class InAnalysedLanguage:
    """Runs `stages` only on a document in a language they have models for (`clean` has set the
    language): another is stored with its text and regions, without mentions or events."""

    def __init__(self, stages: list[Stage]):
        self.stages = stages

    def prepare(self, docs: list[Document]) -> None:
        """The first stage's shared work (only it has all it needs before the group runs)."""
        prepare = getattr(self.stages[0], "prepare", None) if self.stages else None
        analysed = [doc for doc in docs if is_analysed_language(doc.language)]
        if prepare is not None and analysed:
            prepare(analysed)

    def __call__(self, doc: Document) -> Document:
        if is_analysed_language(doc.language):
            for stage in self.stages:
                doc = stage(doc)
        return doc


def process(doc: Document, stages: list[Stage]) -> Document:
    for stage in stages:
        doc = stage(doc)
    doc.scratch.clear()
    return doc


# Bump when a stage changes what it produces: stored documents of an older revision are
# processed again by the next run instead of being skipped as unchanged.
PIPELINE_REVISION = "3"


class DocumentTimeout(BaseException):
    """Raised by the watchdog inside a document's stages (a BaseException, so that a stage's
    own `except Exception` cannot swallow it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in this thread after `seconds` (SIGALRM). A no-op without a
    limit, off the main thread (Dask workers) or where the platform has no interval timer."""
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True

    def expire(signum, frame):
        if armed:
            raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def where(doc: Document) -> str:
    """How a failure names the document: its path, and its name inside an archive or JSONL file."""
    return doc.path if doc.name in doc.path else f"{doc.path} ({doc.name})"


def process_safely(doc: Document, stages: list[Stage], *, seconds: float | None = None) -> Document | InputError:
    """Run the stages on one document, for at most `seconds`; a failure or a timeout is
    reported for that document only."""
    return process_many([doc], stages, seconds=seconds)[0]


def process_many(docs: list[Document], stages: list[Stage], *,
                 seconds: float | None = None) -> list[Document | InputError]:
    """The stages on each of `docs`, results in their order, each document failing or timing
    out alone as in `process_safely`. The first stage with a `prepare(docs)` method first does
    its costly part for all the documents that reach it at once (spaCy parses fuller batches
    more cheaply), within `seconds` per document; should that fail or run too long, each
    document does the work alone in the stage, as without batching, so a failure or a timeout is
    still reported for its document only. The shared work is not charged to any one document's
    `seconds`."""
    split = next((k for k, stage in enumerate(stages) if hasattr(stage, "prepare")), len(stages))
    results: list[Document | InputError] = []
    left: list[float | None] = []  # each document's time still allowed after the first stages
    for doc in docs:
        began = time.monotonic()
        results.append(_run_safely(doc, stages[:split], seconds, seconds))
        left.append(seconds - (time.monotonic() - began) if seconds else None)
    if split < len(stages):
        reached = [result for result in results if isinstance(result, Document)]
        if len(reached) > 1:
            _prepare(stages[split], reached, seconds)
        results = [_run_safely(result, stages[split:], seconds, time_left) if isinstance(result, Document)
                   else result for result, time_left in zip(results, left)]
    for result in results:
        if isinstance(result, Document):
            result.scratch.clear()
    return results


def _prepare(stage, docs: list[Document], seconds: float | None) -> None:
    try:
        with time_limit(seconds * len(docs) if seconds else None):
            stage.prepare(docs)
    except (Exception, DocumentTimeout):  # noqa: BLE001 - each document then does it alone
        pass


def _run_safely(doc: Document, stages: list[Stage], seconds: float | None,
                time_left: float | None) -> Document | InputError:
    """`stages` on `doc` within `time_left` of its `seconds`, a failure reported as its own."""
    try:
        with time_limit(max(time_left, 0.001) if seconds and time_left is not None else None):
            for stage in stages:
                doc = stage(doc)
            return doc
    except DocumentTimeout:
        return InputError(where(doc), f"processing took longer than {seconds:g} s "
                                      "(settings.max_seconds_per_document); skipped")
    except InputError as e:  # a stage refusing this document's content: it alone fails
        return e
    except NewsweaveError:
        raise
    except Exception as e:  # a stage bug on odd input must not end the run
        return InputError(where(doc), f"processing failed: {type(e).__name__}: {e}")
