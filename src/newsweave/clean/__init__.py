"""Clean a page: split it into regions (title, dateline, body, comments, boilerplate).

Reads `raw`, `format`. Adds `text`, `offsets`, `regions`, `title`, `source`, `published`,
`published_precision`, `language` (with a warning when not English), `fingerprint`. HTML pages go to `html.clean_html`, anything
else to the plain-text segmenter; then, for both, repeated body paragraphs become boilerplate,
and the language and the near-duplicate fingerprint are computed from the body.
"""

from __future__ import annotations

from ..document import Document
from .dedup import drop_repeats
from .fingerprint import band_keys, signature, similarity
from .language import guess_language, language_warning
from .plaintext import clean_plaintext
from .pubdate import find_published

__all__ = ["clean", "band_keys", "similarity"]


def clean(doc: Document) -> Document:
    if doc.format == "html":
        doc = _clean_html(doc)
    else:
        doc = clean_plaintext(doc)
    doc.regions.sort(key=lambda region: (region.start, region.end))
    doc = drop_repeats(doc)
    if doc.published is None:
        found = find_published(doc)
        if found:
            doc.published, doc.published_precision = found
    body = doc.body_text()
    doc.language = doc.language or guess_language(body or doc.text)
    if warning := language_warning(doc.language):
        doc.warnings.append(warning)
    doc.fingerprint = signature(body)
    return doc


def _clean_html(doc: Document) -> Document:
    try:
        from .html import clean_html
    except ImportError:  # the HTML cleaner is optional until it lands: read the page as text
        return clean_plaintext(doc)
    return clean_html(doc)
