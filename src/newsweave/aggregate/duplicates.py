"""Near-duplicate documents across the corpus: copies of one text point at the earliest copy.

Candidates come from shared MinHash LSH bands (so the cost stays near-linear); a pair is a
duplicate when the estimated Jaccard similarity of their body shingles reaches the threshold,
and copies are the connected groups of such pairs. Which copy is "earlier" is decided by
publication date, then path and name, so the result does not depend on the order in which
documents were processed.

After a run that only added documents, only pairs with a new document are compared and only
the groups they touch are rewritten: the groups of the old pairs are already stored
(`duplicate_of`), and adding edges to a graph only joins its components, so the result is the
same as comparing every pair again.

`find_duplicates` works on records (candidate groups, fingerprints, stored links); `crossdoc.py`
reads them from the store and writes the result back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import numpy as np
from networkx.utils import UnionFind

# Syndicated wire copy and re-posts differ by a headline, a byline or a trimmed paragraph.
NEAR_DUPLICATE_SIMILARITY = 0.8


class _Signatures:
    """Fingerprints as uint64 rows, read once per document and kept (8 bytes a position)."""

    def __init__(self, fingerprints: Callable[[list[str]], dict[str, list[int] | None]]):
        self.fingerprints = fingerprints
        self.rows: dict = {}

    def load(self, docs: list[str]) -> None:
        missing = [doc for doc in docs if doc not in self.rows]
        for doc, sig in self.fingerprints(missing).items():
            self.rows[doc] = np.array(sig, dtype=np.uint64) if sig else None
        for doc in missing:
            self.rows.setdefault(doc, None)


def _similar_pairs(members: list[str], new: set[str] | None, signatures: _Signatures):
    """Pairs of one band's documents that are near-duplicates, each pair with a new document
    once (every pair when `new` is None). One vectorised comparison per document: a band of
    boilerplate shared by thousands stays fast."""
    signatures.load(members)
    by_length: dict[int, list[str]] = defaultdict(list)
    for doc in members:
        sig = signatures.rows[doc]
        if sig is not None and len(sig):
            by_length[len(sig)].append(doc)  # signatures of other lengths are never similar
    for length, docs in by_length.items():
        matrix = np.stack([signatures.rows[doc] for doc in docs])
        is_new = np.array([new is None or doc in new for doc in docs])
        for i, doc in enumerate(docs):
            if not is_new[i]:
                continue
            # Later documents, and earlier ones that are old (an earlier new one compared itself).
            others = np.arange(len(docs))
            others = others[(others > i) | ((others < i) & ~is_new)]
            if not len(others):
                continue
            equal = (matrix[others] == matrix[i]).sum(axis=1)
            for j in others[equal / length >= NEAR_DUPLICATE_SIMILARITY]:
                yield doc, docs[j]


def find_duplicates(buckets: Iterable[list[str]], fingerprints: Callable[[list[str]], dict[str, list[int] | None]],
                    order_keys: Callable[[list[str]], dict[str, tuple]], *, new: set[str] | None = None,
                    stored: dict[str, str] | None = None) -> dict[str, str | None]:
    """copy -> earliest copy (None: the earliest itself) for the documents of every group of
    near-duplicates found in `buckets` (documents sharing an LSH band); `fingerprints(ids)` and
    `order_keys(ids)` give those documents' signatures and copy order.

    `new`: only pairs with one of these documents are compared, and the `stored` groups
    (copy -> original) they touch are joined through them; None: every pair, every group."""
    groups = UnionFind()
    signatures = _Signatures(fingerprints)
    touched: set[str] = set()
    for members in buckets:
        for a, b in _similar_pairs(members, new, signatures):
            groups.union(a, b)
            touched.update((a, b))
    del signatures

    if new is not None:
        # The stored groups of old documents, to be joined through the new ones.
        stored = stored or {}
        members_of: dict[str, list[str]] = defaultdict(list)
        for copy, original in stored.items():
            members_of[original].append(copy)
        for doc in list(touched):
            original = stored.get(doc, doc)
            for member in [original, *members_of.get(original, [])]:
                groups.union(member, doc)
                touched.add(member)

    clusters: dict[str, list[str]] = defaultdict(list)
    for doc in touched:
        clusters[groups[doc]].append(doc)
    order = order_keys(sorted(touched))
    duplicate_of: dict[str, str | None] = {}
    for members in clusters.values():
        members.sort(key=lambda doc: order[doc])
        duplicate_of[members[0]] = None
        for copy in members[1:]:
            duplicate_of[copy] = members[0]
    return duplicate_of
