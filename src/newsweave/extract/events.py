"""PLOVER events from the parsed sentences.

Reads `scratch["parses"]`, `mentions`, `timexes`, `places`. Adds `events`.
"""

from __future__ import annotations

from ..document import Document
from ..settings import Settings


class EventExtractor:
    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.events = []
        return doc
