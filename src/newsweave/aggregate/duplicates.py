"""Near-duplicate documents across the corpus: copies of one text point at the earliest copy.

Candidates come from shared MinHash LSH bands (so the cost stays near-linear); a pair is a
duplicate when the estimated Jaccard similarity of their body shingles reaches the threshold.
Which copy is "earlier" is decided by publication date, then path and name, so the result does
not depend on the order in which documents were processed.
"""

from __future__ import annotations

import sqlite3

from ..store import crossdoc

# Syndicated wire copy and re-posts differ by a headline, a byline or a trimmed paragraph.
NEAR_DUPLICATE_SIMILARITY = 0.8


def estimated_similarity(a: list[int], b: list[int]) -> float:
    """MinHash estimate of Jaccard similarity: the share of equal signature positions."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def rebuild_duplicates(conn: sqlite3.Connection) -> int:
    """Set `documents.duplicate_of` for every near-duplicate; returns how many were flagged."""
    pairs = list(crossdoc.candidate_duplicate_pairs(conn))
    ids = sorted({doc for pair in pairs for doc in pair})
    signatures = crossdoc.fingerprints(conn, ids)
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        while parent.get(doc, doc) != doc:
            parent[doc] = parent.get(parent[doc], parent[doc])
            doc = parent[doc]
        return doc

    for a, b in pairs:
        if estimated_similarity(signatures.get(a) or [], signatures.get(b) or []) >= NEAR_DUPLICATE_SIMILARITY:
            parent[root(a)] = root(b)

    order = crossdoc.document_order_keys(conn)
    clusters: dict[str, list[str]] = {}
    for doc in parent:
        clusters.setdefault(root(doc), []).append(doc)
    duplicate_of = {}
    for members in clusters.values():
        members.sort(key=lambda doc: order[doc])
        for copy in members[1:]:
            duplicate_of[copy] = members[0]
    crossdoc.set_duplicates(conn, duplicate_of)
    return len(duplicate_of)
