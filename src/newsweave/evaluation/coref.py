"""ECB+ cross-document entity coreference: MUC, B³, CEAF-e and their average (CoNLL F1).

Gold-mention setting, per topic: the gold entity mentions (HUMAN_PART_*, NON_HUMAN_PART*,
LOC_*) of the fully annotated sentences (`ECBplus_coreference_sentences.csv`) are given with
their text and gold tag (mapped to a newsweave type) to `resolve.mentions.cluster_mentions`,
the resolver's clustering; its clusters are scored against the gold instances (the
CROSS_DOC_COREF `note`, else the INTRA_DOC_COREF chain, else a singleton). The baseline
clusters mentions with the same lowercased text. Measured on the dev topics; the train
topics are for tuning (`topics=TRAIN_TOPICS`).
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..disjoint_sets import DisjointSets
from ..errors import EvaluationError
from ..resolve.mentions import BareMention, cluster_mentions
from ..settings import Settings
from . import Score

DEV_TOPICS = ("2", "5", "12", "18", "21", "23", "34", "35")
TRAIN_TOPICS = tuple(str(t) for t in (1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25,
                                      26, 27, 28, 29, 30, 31, 32, 33))

# Gold participant/location tags -> newsweave mention types (tags not listed are not entities).
TAG_TYPES = {
    "HUMAN_PART_PER": "PERSON", "HUMAN_PART_GENERIC": "PERSON", "HUMAN_PART": "PERSON",
    "HUMAN_PART_ORG": "ORGANIZATION", "HUMAN_PART_GPE": "COUNTRY", "HUMAN_PART_FAC": "FACILITY",
    "HUMAN_PART_VEH": "PLATFORM", "HUMAN_PART_MET": "OTHER", "NON_HUMAN_PART": "OTHER",
    "NON_HUMAN_PART_GENERIC": "OTHER", "LOC_GEO": "LOCATION", "LOC_FAC": "FACILITY",
    "LOC_OTHER": "LOCATION",
}

Clusters = dict[str, str]  # mention id -> cluster id


# -- metrics ------------------------------------------------------------------------------

def _groups(clusters: Clusters) -> list[set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for mention, cluster in clusters.items():
        found[cluster].add(mention)
    return list(found.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _muc_recall(key: list[set[str]], response: Clusters) -> tuple[float, float]:
    num = den = 0.0
    for k in key:
        parts = {response.get(m, ("alone", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """MUC (Vilain et al. 1995): links kept. Returns (P, R, F1)."""
    rn, rd = _muc_recall(_groups(key), response)
    pn, pd = _muc_recall(_groups(response), key)
    r, p = (rn / rd if rd else 0.0), (pn / pd if pd else 0.0)
    return p, r, _f1(p, r)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """B³ (Bagga & Baldwin 1998), averaged over mentions. Returns (P, R, F1)."""
    key_of = {m: g for g in map(frozenset, _groups(key)) for m in g}
    resp_of = {m: g for g in map(frozenset, _groups(response)) for m in g}
    r = sum(len(key_of[m] & resp_of.get(m, {m})) / len(key_of[m]) for m in key_of) / max(len(key_of), 1)
    p = sum(len(resp_of[m] & key_of.get(m, {m})) / len(resp_of[m]) for m in resp_of) / max(len(resp_of), 1)
    return p, r, _f1(p, r)


def _best_assignment(weights: list[list[float]]) -> float:
    """Maximum total weight of a one-to-one assignment (scipy's Hungarian solver)."""
    if not weights or not weights[0]:
        return 0.0
    matrix = np.asarray(weights, dtype=float)
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return float(matrix[rows, cols].sum())


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Entity-based CEAF (Luo 2005, φ4). Overlapping clusters are aligned component by component."""
    keys, resps = _groups(key), _groups(response)
    resp_of = {m: i for i, g in enumerate(resps) for m in g}
    # Connected components of the key/response overlap graph: the alignment splits over them.
    sets = DisjointSets(range(len(keys)))
    owner: dict[int, int] = {}
    for i, k in enumerate(keys):
        for r in {resp_of[m] for m in k if m in resp_of}:
            if r in owner:
                sets.join(i, owner[r])
            else:
                owner[r] = i
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keys)):
        components[sets.find(i)].append(i)
    total = 0.0
    for members in components.values():
        cols = sorted({resp_of[m] for i in members for m in keys[i] if m in resp_of})
        weights = [[2 * len(keys[i] & resps[j]) / (len(keys[i]) + len(resps[j])) for j in cols] for i in members]
        total += _best_assignment(weights) if cols else 0.0
    recall, precision = total / max(len(keys), 1), total / max(len(resps), 1)
    return precision, recall, _f1(precision, recall)


def conll_scores(key: Clusters, response: Clusters) -> dict[str, float]:
    scores = {}
    for name, metric in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e)):
        p, r, f = metric(key, response)
        scores.update({f"{name} P": p, f"{name} R": r, f"{name} F1": f})
    scores["CoNLL F1"] = (scores["MUC F1"] + scores["B3 F1"] + scores["CEAF-e F1"]) / 3
    return scores


# -- reading ECB+ -------------------------------------------------------------------------

def selected_sentences(path: Path) -> set[tuple[str, str, int]]:
    """(topic, file stem like "10ecbplus", sentence number) of the fully annotated sentences."""
    table = path / "ECBplus_coreference_sentences.csv"
    if not table.exists():
        raise EvaluationError(f"{table}: missing (the ECB+ sentence selection)")
    with table.open(encoding="utf-8") as f:
        return {(row["Topic"], row["File"], int(row["Sentence Number"])) for row in csv.DictReader(f)}


def read_document(file: Path, topic: str, selected: set) -> tuple[list[BareMention], Clusters]:
    """One ECB+ file's gold entity mentions in selected sentences, and their gold instances."""
    try:
        root = ET.parse(file).getroot()
    except ET.ParseError as e:
        raise EvaluationError(f"{file}: not valid XML ({e})") from e
    stem = file.stem.split("_", 1)[1]
    tokens = {t.get("t_id"): (int(t.get("sentence", "")), t.text or "") for t in root.iter("token")}
    mentions, gold = [], {}
    for markable in root.find("Markables") or []:
        anchors = [a.get("t_id", "") for a in markable.findall("token_anchor")]
        kind = TAG_TYPES.get(markable.tag)
        if kind is None or not anchors or (topic, stem, tokens[anchors[0]][0]) not in selected:
            continue
        mid = f"{file.stem}:{markable.get('m_id')}"
        text = " ".join(tokens[a][1] for a in anchors)
        mentions.append(BareMention(mid, file.stem, int(anchors[0]), text, kind))
        gold[mid] = f"single:{mid}"
    for relation in root.find("Relations") or []:
        instance = relation.get("note") or f"{file.stem}:chain{relation.get('r_id')}"
        for source in relation.findall("source"):
            mid = f"{file.stem}:{source.get('m_id')}"
            if mid in gold:
                gold[mid] = instance
    return mentions, gold


def read_topic(path: Path, topic: str, selected: set) -> tuple[list[BareMention], Clusters]:
    folder = path / "ECB+" / topic
    mentions, gold = [], {}
    for file in sorted(folder.glob("*.xml")):
        found, instances = read_document(file, topic, selected)
        mentions += found
        gold.update(instances)
    return mentions, gold


# -- scoring ------------------------------------------------------------------------------

def exact_match_clusters(mentions: list[BareMention]) -> Clusters:
    """Baseline: mentions with the same lowercased text are one entity."""
    return {m.id: m.text.lower() for m in mentions}


def _score_topics(topics: list[tuple[list[BareMention], Clusters]],
                  system: Callable[[list[BareMention]], Clusters]) -> dict[str, float]:
    """Topics scored together: each topic clustered alone, ids kept apart by topic."""
    key, response = {}, {}
    for n, (mentions, gold) in enumerate(topics):
        key.update({m: f"{n}|{c}" for m, c in gold.items()})
        response.update({m: f"{n}|{c}" for m, c in system(mentions).items()})
    return conll_scores(key, response)


def evaluate_ecbplus(path: Path, settings: Settings, *, limit: int | None = None,
                     topics: Iterable[str] = DEV_TOPICS) -> list[Score]:
    """Cross-document entity coreference on ECB+ (dev topics by default; `limit`: first N topics)."""
    if not (path / "ECB+").is_dir():
        raise EvaluationError(f"{path}: no ECB+ folder (expected {path / 'ECB+'})")
    selected = selected_sentences(path)
    chosen = list(topics)[:limit]
    data = [read_topic(path, topic, selected) for topic in chosen]
    n = sum(len(mentions) for mentions, _ in data)
    scope = (f"ECB+ topics {', '.join(chosen)}; gold entity mentions (HUMAN_PART_*, NON_HUMAN_PART*, "
             "LOC_*) of the annotated sentences, given with their text and gold tag mapped to a type; "
             "scored per topic against gold instances (singletons included); ")
    return [
        Score("ecbplus", "entity coreference (gold mentions)", "newsweave",
              _score_topics(data, cluster_mentions), n, scope + "clustered by resolve.mentions"),
        Score("ecbplus", "entity coreference (gold mentions)", "exact string match",
              _score_topics(data, exact_match_clusters), n, scope + "same lowercased text = one entity"),
    ]
