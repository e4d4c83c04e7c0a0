"""The per-document pipeline: an ordered list of stages, each `Document -> Document`.

Everything here is a pure function of one document, so a process pool or a Dask cluster can
map it over a corpus (`engines/`). Cross-document work (resolution, aggregation) happens after,
in `crossdoc.py`. `process_safely` is the one per-document failure and timeout policy that every
engine applies: a document that fails or runs too long is reported alone and the run goes on.
"""

from __future__ import annotations

import signal
import threading
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
    try:
        with time_limit(seconds):
            return process(doc, stages)
    except DocumentTimeout:
        return InputError(where(doc), f"processing took longer than {seconds:g} s "
                                      "(settings.max_seconds_per_document); skipped")
    except InputError as e:  # a stage refusing this document's content: it alone fails
        return e
    except NewsweaveError:
        raise
    except Exception as e:  # a stage bug on odd input must not end the run
        return InputError(where(doc), f"processing failed: {type(e).__name__}: {e}")
