"""Repeated paragraphs inside one page: the later copy of a body paragraph becomes boilerplate.

Scrapes often hold the article twice (pasted again with small edits and other line breaks) or
repeat the headline as a paragraph. A body paragraph is a repeat when most of its word shingles
already occurred earlier in the body (containment, so that differently split paragraphs still
match), or when it equals the title or an earlier paragraph outright.
"""

from __future__ import annotations

import re

from ..document import Document
from . import patterns as P

_WORD = re.compile(r"\w+")

# A repeated body paragraph shorter than this is kept unless a neighbour repeats too: an
# interview asks the same question of each guest, a report repeats a subheading, but a pasted
# copy of the article repeats a run of paragraphs.
REPEAT_ALONE_MIN_WORDS = 20


def normalise(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def shingles(words: list[str], size: int) -> set[tuple[str, ...]]:
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def drop_repeats(doc: Document) -> Document:
    """Mark later copies of body paragraphs as boilerplate. Reads/changes `regions` only."""
    titles: dict[tuple[str, ...], int] = {}
    for region in doc.regions_of("title"):
        titles.setdefault(tuple(normalise(doc.text[region.start:region.end])), region.start)
    seen_exact: dict[tuple[str, ...], int] = {}
    seen_shingles: dict[tuple[str, ...], int] = {}  # shingle -> start of its first paragraph
    body = doc.regions_of("body")
    repeats: list[int | None] = []  # per body paragraph: the start of what it repeats
    alone: list[bool] = []  # a repeat that may stand alone (the title, or a long paragraph)
    for region in body:
        words = normalise(doc.text[region.start:region.end])
        key = tuple(words)
        grams = shingles(words, P.PARAGRAPH_SHINGLE)
        earlier = titles.get(key) if words else None
        alone.append(earlier is not None or len(words) >= REPEAT_ALONE_MIN_WORDS)
        if earlier is None and words:
            earlier = seen_exact.get(key)
        if earlier is None and len(grams) >= P.REPEAT_MIN_SHINGLES:
            earlier = _contained_in(grams, seen_shingles)
        repeats.append(earlier)
        if earlier is None and words:
            seen_exact.setdefault(key, region.start)
            for gram in grams:
                seen_shingles.setdefault(gram, region.start)
    for i, region in enumerate(body):
        beside = (i and repeats[i - 1] is not None) or \
            (i + 1 < len(body) and repeats[i + 1] is not None)
        if repeats[i] is not None and (alone[i] or beside):
            region.kind = "boilerplate"
            region.note = f"repeats text at {repeats[i]}"
    return doc


def _contained_in(grams: set, seen: dict) -> int | None:
    """Start of the earlier paragraph most of `grams` come from, when they mostly occurred."""
    hits: dict[int, int] = {}
    for gram in grams:
        if gram in seen:
            hits[seen[gram]] = hits.get(seen[gram], 0) + 1
    if not hits or sum(hits.values()) / len(grams) < P.REPEAT_MIN_CONTAINMENT:
        return None
    # Equally good sources: the earliest (a set's order would depend on the hash seed).
    return max(hits.items(), key=lambda item: (item[1], -item[0]))[0]
