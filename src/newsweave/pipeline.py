"""The per-document pipeline: an ordered list of stages, each `Document -> Document`.

Everything here is a pure function of one document, so a process pool or a Dask cluster can
map it over a corpus. Cross-document work (resolution, aggregation) happens in the store.
"""

from __future__ import annotations

from collections.abc import Callable

from .annotate.entities import EntityRecognizer
from .annotate.parse import Parser
from .annotate.places import PlaceResolver
from .annotate.timex import TimeTagger
from .clean import clean
from .document import Document
from .extract.events import EventExtractor
from .settings import Settings

Stage = Callable[[Document], Document]


def build_stages(settings: Settings) -> list[Stage]:
    """The built-in stages, in the order the data flows."""
    return [
        clean,
        Parser(settings),
        EntityRecognizer(settings),
        TimeTagger(settings),
        PlaceResolver(settings),
        EventExtractor(settings),
    ]


def process(doc: Document, stages: list[Stage]) -> Document:
    for stage in stages:
        doc = stage(doc)
    doc.scratch.clear()
    return doc


# Bump when a stage changes what it produces: stored documents of an older revision are
# processed again by the next run instead of being skipped as unchanged.
PIPELINE_REVISION = "2"
