"""Places: location mentions resolved offline to coordinates and country.

Reads `mentions`. Adds `places`.
"""

from __future__ import annotations

from ..document import Document
from ..settings import Settings


class PlaceResolver:
    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.places = []
        return doc
