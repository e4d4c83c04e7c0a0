"""Near-duplicate fingerprints: a MinHash signature of a body's word shingles, and LSH bands.

`signature(text)` gives the list of ints stored as `Document.fingerprint`; `band_keys` cuts it
into LSH bands so the store can find candidate near-duplicates by equal keys (near-linear over
a corpus) before confirming them with `similarity`.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash

from . import patterns as P

_WORD = re.compile(r"\w+")


def signature(text: str) -> list[int] | None:
    """MinHash of the text's word shingles; None for a text with no words."""
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return None
    size = P.FINGERPRINT_SHINGLE
    grams = {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}
    minhash = MinHash(num_perm=P.FINGERPRINT_PERMUTATIONS, seed=P.FINGERPRINT_SEED)
    minhash.update_batch([gram.encode("utf-8") for gram in grams])
    return [int(value) for value in minhash.hashvalues]


def band_keys(sig: list[int]) -> list[str]:
    """One key per LSH band ("band:digest"); documents sharing a key are candidate duplicates."""
    keys = []
    for band in range(P.LSH_BANDS):
        rows = sig[band * P.LSH_ROWS:(band + 1) * P.LSH_ROWS]
        if not rows:
            break
        digest = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets (share of equal signature slots)."""
    if not sig_a or not sig_b or len(sig_a) != len(sig_b):
        return 0.0
    return sum(1 for a, b in zip(sig_a, sig_b) if a == b) / len(sig_a)


def near_duplicates(sig_a: list[int], sig_b: list[int]) -> bool:
    return similarity(sig_a, sig_b) >= P.NEAR_DUPLICATE_SIMILARITY
