"""Group documents into stories by the words of their mentions, so descriptions stay in their story.

A collection of news about one topic often covers several incidents: "the actress" in a story
about one actress's rehab is not "the actress" of another's. Names carry across stories on their
own ("Tara Reid" is Tara Reid anywhere); descriptions should only meet inside one story. Documents
are compared by TF-IDF cosine over the words of their mentions, then joined by average-linkage
clustering until no two groups are similar enough; a document left alone joins the story of
the document it is most similar to, when it is similar enough.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

# Two groups of documents whose average cosine is below this are two stories (tuned on ECB+ train).
STORY_SIMILARITY = 0.07
# A document left alone joins its nearest story when at least this similar to one of its documents.
LONE_DOCUMENT_SIMILARITY = 0.05
# More documents than this are not grouped (quadratic cost): all are one story, as before.
MAX_STORY_DOCUMENTS = 400


def _vectors(words: dict[str, Counter]) -> dict[str, dict[str, float]]:
    """Per document, sublinear TF times IDF, normalised to unit length."""
    df = Counter(w for counts in words.values() for w in counts)
    n = len(words)
    vectors = {}
    for doc, counts in words.items():
        vec = {w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[doc] = {w: v / norm for w, v in vec.items()}
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def group_documents(words: Mapping[str, Iterable[str]], *, threshold: float | None = None) -> dict[str, int]:
    """Document -> story number (stable: numbered by each story's first document in sorted order)."""
    threshold = STORY_SIMILARITY if threshold is None else threshold
    docs = sorted(words)
    if len(docs) > MAX_STORY_DOCUMENTS:
        return dict.fromkeys(docs, 0)
    vectors = _vectors({d: Counter(words[d]) for d in docs})
    sim = {(a, b): _cosine(vectors[a], vectors[b]) for i, a in enumerate(docs) for b in docs[i + 1:]}

    def between(x: list[str], y: list[str]) -> float:
        return sum(sim[(a, b) if a < b else (b, a)] for a in x for b in y) / (len(x) * len(y))

    groups = [[d] for d in docs]
    while len(groups) > 1:
        score, i, j = max((between(groups[i], groups[j]), i, j)
                          for i in range(len(groups)) for j in range(i + 1, len(groups)))
        if score < threshold:
            break
        groups[i] += groups.pop(j)
    story = {d: n for n, group in enumerate(groups) for d in group}
    sizes = Counter(story.values())
    for doc in docs:  # a lone document (a short one, a digest) joins the story it is nearest to
        if sizes[story[doc]] == 1:
            nearest = max(((sim[(doc, o) if doc < o else (o, doc)], o) for o in docs if sizes[story[o]] > 1),
                          default=None)
            if nearest and nearest[0] >= LONE_DOCUMENT_SIMILARITY:
                story[doc] = story[nearest[1]]
    first: dict[int, str] = defaultdict(lambda: "~")
    for doc in docs:
        first[story[doc]] = min(first[story[doc]], doc)
    order = {s: n for n, s in enumerate(sorted(first, key=first.__getitem__))}
    return {doc: order[story[doc]] for doc in docs}
