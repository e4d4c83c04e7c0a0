"""Clean a page: split it into regions (title, dateline, body, comments, boilerplate).

Reads `raw`, `format`. Adds `text`, `offsets`, `regions`, `title`, `published`,
`published_precision`, `language`, `fingerprint`.
"""

from __future__ import annotations

from ..document import Document, Region


def clean(doc: Document) -> Document:
    # Placeholder until the plain-text and HTML cleaners land: the whole text is body.
    doc.text = doc.raw
    doc.regions = [Region("body", 0, len(doc.text))]
    return doc
