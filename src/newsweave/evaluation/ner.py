"""Score entity mentions against re3d (defence/Syria-Iraq) and CoNLL-2003 (generic news).

Both datasets are run through `newsweave run` + export in one go (each document a JSON Lines
record) and the exported mentions scored; plain spaCy-sm with a straightforward label mapping is
the baseline. Metrics: micro P/R/F1, typed and untyped, exact span and
overlap; per-type breakdowns in `details`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from ..settings import Settings
from . import Score
from .gold_run import run_items

BASELINE = "spaCy en_core_web_sm (baseline)"
# re3d's guidelines make "a government" an Organisation, and its annotators label a state that
# acts ("France said", "UK forces", "Russia and Iran backed") Organisation, a state where
# something happens ("in Syria") Location. This system row maps a COUNTRY mention Organisation
# when spaCy's parse makes it a subject or a noun modifier (through conjunctions); the plain
# mapping (COUNTRY -> Location) is the "newsweave" row.
STATES_AS_AGENTS = "newsweave (acting states -> Organisation)"
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "compound", "agent"})
RE3D_MIN_CONFIDENCE = 0.5
# re3d types no stage produces: left out of scoring on both sides.
RE3D_UNSCORED = frozenset({"DocumentReference", "CommsIdentifier", "Coordinate", "Frequency", "Url"})

# newsweave mention type -> re3d type.
TO_RE3D = {
    "PERSON": "Person", "ORGANIZATION": "Organisation", "COUNTRY": "Location",
    "LOCATION": "Location", "FACILITY": "Location", "NATIONALITY": "Nationality",
    "DATE": "Temporal", "QUANTITY": "Quantity", "MONEY": "Money", "WEAPON": "Weapon",
    "PLATFORM": "MilitaryPlatform",
}
# newsweave mention type -> CoNLL type; generic lower-case weapons are not names (see below).
TO_CONLL = {
    "PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "LOCATION": "LOC",
    "FACILITY": "LOC", "NATIONALITY": "MISC", "OTHER": "MISC", "WEAPON": "MISC",
    "PLATFORM": "MISC",
}
# Plain spaCy label -> each dataset's type, the baseline's straightforward mapping.
SPACY_TO_RE3D = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
    "FAC": "Location", "NORP": "Nationality", "DATE": "Temporal", "TIME": "Temporal",
    "QUANTITY": "Quantity", "CARDINAL": "Quantity", "MONEY": "Money", "PRODUCT": "Weapon",
}
SPACY_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
    "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}

Span = tuple[int, int, str]  # start, end, type


def evaluate_re3d(path: Path, settings: Settings, *, limit: int | None = None,
                  sources: Iterable[str] | None = None) -> list[Score]:
    """re3d, all source folders (or those named in `sources`); gold entities with confidence >= 0.5."""
    sources = tuple(sources) if sources else None
    items = list(read_re3d(path, sources=sources))[:limit]
    scope = "sources " + ", ".join(sources) if sources else "all sources"
    note = (f"re3d, {scope}; gold entities with confidence >= {RE3D_MIN_CONFIDENCE}; "
            f"gold types {', '.join(sorted(RE3D_UNSCORED))} left out of scoring; "
            "overlapping gold spans kept")
    note += (f"; row {STATES_AS_AGENTS!r}: a state that is the subject or a noun modifier "
             "in the parse is scored Organisation, as re3d's annotators label acting states")
    texts = [t for t, _ in items]
    parses = spacy_parses(texts, settings)
    ours, agents = newsweave_spans(texts, settings, TO_RE3D, parses=parses)
    base = baseline_spans(parses, SPACY_TO_RE3D)
    gold = [g for _, g in items]
    return score_rows("re3d", gold, ours, base, note, extra={STATES_AS_AGENTS: agents})


def evaluate_conll(path: Path, settings: Settings, *, limit: int | None = None,
                   split: str = "eng.testa", offset: int = 0) -> list[Score]:
    """CoNLL-2003 (eng.testa by default; eng.train to develop on): sentences joined per
    -DOCSTART- document, token offsets kept; documents `offset` to `offset + limit`."""
    file = path / split if path.is_dir() else path
    items = list(read_conll(file))[offset:None if limit is None else offset + limit]
    note = (f"CoNLL-2003 {file.name} docs {offset}-{offset + len(items)}, one text per "
            "-DOCSTART- document (sentences on their own "
            "lines); PERSON->PER, ORGANIZATION->ORG, COUNTRY/LOCATION/FACILITY->LOC, "
            "NATIONALITY/OTHER and capitalised WEAPON/PLATFORM->MISC (names only: mentions of kind "
            "'name' where the export gives a kind); dates and numbers not scored")
    texts = [t for t, _ in items]
    ours = newsweave_spans(texts, settings, TO_CONLL, names_only=True)
    base = baseline_spans(spacy_parses(texts, settings), SPACY_TO_CONLL)
    return score_rows("conll2003", [g for _, g in items], ours, base, note)


# -- reading gold data ---------------------------------------------------------------------

def read_re3d(path: Path, *, sources: Iterable[str] | None = None) -> Iterable[tuple[str, list[Span]]]:
    """Documents with gold spans; `sources`: folder names (or their prefixes) to keep."""
    wanted = tuple(sources) if sources else None
    for folder in sorted(p for p in path.iterdir() if (p / "documents.json").exists()):
        if wanted and not folder.name.startswith(wanted):
            continue
        gold: dict[str, list[Span]] = defaultdict(list)
        for line in (folder / "entities.json").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            if e.get("confidence", 1) >= RE3D_MIN_CONFIDENCE and e["type"] not in RE3D_UNSCORED:
                gold[e["documentId"]].append((e["begin"], e["end"], e["type"]))
        for line in (folder / "documents.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                yield doc["text"], sorted(set(gold[doc["_id"]]))


def read_conll(path: Path) -> Iterable[tuple[str, list[Span]]]:
    """Documents as text (tokens joined by spaces, a sentence a line) with gold spans."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("-DOCSTART-"):
            if sentences:
                yield conll_document(sentences)
            sentences = []
            continue
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        parts = line.split()
        current.append((parts[0], parts[-1]))
    if sentences:
        yield conll_document(sentences)


def conll_document(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[Span]]:
    text_parts: list[str] = []
    spans: list[Span] = []
    position = 0
    for sentence in sentences:
        open_span: list | None = None
        for i, (token, tag) in enumerate(sentence):
            start = position
            text_parts.append(token)
            position += len(token)
            kind = tag[2:] if tag != "O" else None
            continues = open_span and kind == open_span[2] and not tag.startswith("B-")
            if open_span and not continues:
                spans.append(tuple(open_span))
                open_span = None
            if kind and not continues:
                open_span = [start, position, kind]
            elif continues and open_span is not None:
                open_span[1] = position
            separator = " " if i < len(sentence) - 1 else "\n"
            text_parts.append(separator)
            position += 1
        if open_span:
            spans.append(tuple(open_span))
    return "".join(text_parts), spans


# -- systems ---------------------------------------------------------------------------------

def newsweave_spans(texts: list[str], settings: Settings, mapping: dict[str, str],
                    *, names_only: bool = False, parses: list | None = None):
    """Exported mentions as typed spans; with `parses` (spaCy docs of the texts), also the
    spans with acting states made Organisation (re3d), returned as a second list."""
    results, agent_results = [], []
    for index, exported in enumerate(run_items(texts, settings)):
        spans, agent_spans = [], []
        for m in sorted(exported.mentions, key=lambda m: (m["start"], m["end"])):
            kind = mapping.get(m["type"])
            if kind is None or (names_only and not _is_name(m)):
                continue
            spans.append((m["start"], m["end"], kind))
            if parses is not None and m["type"] == "COUNTRY" and _acts(parses[index], m):
                kind = "Organisation"
            agent_spans.append((m["start"], m["end"], kind))
        results.append(spans)
        agent_results.append(agent_spans)
    return (results, agent_results) if parses is not None else results


def _is_name(mention: dict) -> bool:
    """CoNLL tags names only, not "attack drones": the mention's kind where the export gives
    one, else a capital first letter."""
    if "kind" in mention:
        return mention["kind"] == "name"
    return mention["text"][:1].isupper()


def _acts(parsed, mention: dict) -> bool:
    """A state mention that is a subject or a noun modifier ("France said", "UK forces")."""
    span = parsed.char_span(mention["start"], mention["end"], alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token.dep_ in AGENT_DEPS


def spacy_parses(texts: list[str], settings: Settings) -> list:
    from ..annotate.parse import load_model

    return list(load_model(settings.spacy_model).pipe(texts))


def baseline_spans(parses: list, mapping: dict[str, str]) -> list[list[Span]]:
    return [[(e.start_char, e.end_char, mapping[e.label_]) for e in doc.ents if e.label_ in mapping]
            for doc in parses]


# -- scoring ---------------------------------------------------------------------------------

def score_rows(dataset: str, gold, ours, base, note: str, *,
               extra: dict[str, list] | None = None) -> list[Score]:
    rows = []
    for system, predicted in (("newsweave", ours), *(extra or {}).items(), (BASELINE, base)):
        for typed in (True, False):
            for overlap in (False, True):
                metrics, per_type = prf(gold, predicted, typed=typed, overlap=overlap)
                task = f"NER {'typed' if typed else 'untyped'}, {'overlap' if overlap else 'exact'}"
                rows.append(Score(dataset, task, system, metrics, len(gold), note,
                                  {"per_type": per_type} if typed else {}))
    return rows


def prf(gold: list[list[Span]], predicted: list[list[Span]], *, typed: bool,
        overlap: bool) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Micro P/R/F1. Overlap: a prediction is right if it overlaps an unused gold span."""
    tp: Counter = Counter()
    n_pred: Counter = Counter()
    n_gold: Counter = Counter()
    for g_spans, p_spans in zip(gold, predicted):
        for s in g_spans:
            n_gold[s[2]] += 1
        for s in p_spans:
            n_pred[s[2]] += 1
        matched_gold, matched_pred = _match(g_spans, p_spans, typed, overlap)
        for kind, count in matched_gold.items():
            tp[("gold", kind)] += count
        for kind, count in matched_pred.items():
            tp[("pred", kind)] += count
    per_type = {}
    for kind in sorted(set(n_gold) | set(n_pred)):
        per_type[kind] = _metrics(tp[("pred", kind)], n_pred[kind], tp[("gold", kind)], n_gold[kind])
    total = _metrics(sum(v for (side, _), v in tp.items() if side == "pred"), sum(n_pred.values()),
                     sum(v for (side, _), v in tp.items() if side == "gold"), sum(n_gold.values()))
    return total, per_type


def _match(gold: list[Span], pred: list[Span], typed: bool, overlap: bool) -> tuple[Counter, Counter]:
    """Counts of matched gold spans (by gold type) and matched predictions (by predicted type)."""
    same: Callable[[Span, Span], bool]
    if overlap:
        same = lambda g, p: g[0] < p[1] and p[0] < g[1] and (not typed or g[2] == p[2])  # noqa: E731
    else:
        same = lambda g, p: g[0] == p[0] and g[1] == p[1] and (not typed or g[2] == p[2])  # noqa: E731
    matched_gold, matched_pred = Counter[str](), Counter[str]()
    for g in gold:
        if any(same(g, p) for p in pred):
            matched_gold[g[2]] += 1
    for p in pred:
        if any(same(g, p) for g in gold):
            matched_pred[p[2]] += 1
    return matched_gold, matched_pred


def _metrics(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": round(precision, 4), "R": round(recall, 4), "F1": round(f1, 4),
            "gold": n_gold, "predicted": n_pred}
