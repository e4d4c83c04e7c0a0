"""Time expressions resolved against the document's publication date.

Reads `scratch["parses"]`, `published`. Adds `timexes`.
"""

from __future__ import annotations

from ..document import Document
from ..settings import Settings


class TimeTagger:
    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.timexes = []
        return doc
