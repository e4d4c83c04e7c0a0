"""Near-duplicates: every member of a group of copies but the earliest points at it, and adding
documents then comparing only the pairs with a new one gives what comparing everything gives."""

from __future__ import annotations

import random

from newsweave.clean.fingerprint import band_keys
from newsweave.crossdoc import rebuild_duplicates
from newsweave.document import Document, Region
from newsweave.store import Store, connect, crossdoc


def fingerprint(rng: random.Random, base: list[int] | None = None, changed: int = 0) -> list[int]:
    """128 MinHash values: random, or `base` with `changed` positions replaced."""
    if base is None:
        return [rng.getrandbits(63) for _ in range(128)]
    values = list(base)
    for position in rng.sample(range(128), changed):
        values[position] = rng.getrandbits(63)
    return values


def document(n: int, sig: list[int]) -> Document:
    text = f"Story {n}."
    return Document(id=f"d{n:03d}", name=f"d{n:03d}.txt", path=f"/in/d{n:03d}.txt", raw=text, text=text,
                    published=f"2020-01-{1 + n % 28:02d}", regions=[Region("body", 0, len(text))],
                    fingerprint=sig)


def corpus(seed: int = 3) -> list[Document]:
    """Groups of near-copies (5 to 20 positions changed: similar to the base; chains through
    the base join copies that are not similar to each other) among unrelated stories."""
    rng = random.Random(seed)
    docs, n = [], 0
    for group in range(12):
        base = fingerprint(rng)
        for copy in range(1 + group % 4):
            docs.append(document(n, base if copy == 0 else fingerprint(rng, base, rng.randrange(5, 21))))
            n += 1
    rng.shuffle(docs)
    return docs


def duplicates(conn) -> dict[str, str]:
    return crossdoc.duplicate_links(conn)


def store(conn, docs):
    Store(conn, band_keys=band_keys).write_documents(docs, "test")


def test_a_pair_of_copies_is_flagged_once(tmp_path):
    rng = random.Random(1)
    base = fingerprint(rng)
    conn = connect(tmp_path / "d.db")
    store(conn, [document(1, base), document(2, fingerprint(rng, base, 3)), document(3, fingerprint(rng))])
    assert rebuild_duplicates(Store(conn)) == 1
    assert duplicates(conn) == {"d002": "d001"}  # the earlier publication is the original


def test_adding_documents_compares_only_new_pairs_and_matches_a_full_rebuild(tmp_path):
    docs = corpus()
    full = connect(tmp_path / "full.db")
    store(full, docs)
    expected = rebuild_duplicates(Store(full))
    assert expected >= 10

    incremental = connect(tmp_path / "incremental.db")
    seq = 0
    for part in (docs[:20], docs[20:21], docs[21:]):
        store(incremental, part)
        count = rebuild_duplicates(Store(incremental), after_seq=seq)
        seq = crossdoc.document_state(incremental)[0]
    assert count == expected
    assert duplicates(incremental) == duplicates(full)
