"""Score events on real scraped news against exhaustive hand-made gold (`realnews`).

Each conflict folder (`articles.jsonl`, `gold-articles.jsonl`, `gold.jsonl`, see its README and
`GUIDELINE.md`) is scored from what `newsweave run` stores and `newsweave export` writes: the gold
articles are run into a fresh database and the exported article events are matched to the gold.

An emitted event matches a gold event when the gold quote (or an `also` quote) overlaps its span or
lies in its sentence, the PLOVER type is equal, its source and target match the gold actors'
names or aliases (an empty gold side wants an empty one; mutual acts list both parties on both
sides), and its date lies within `date_tol_days` of the gold date (not checked when the gold date
is null). Matching is one-to-one: extra copies of one gold event are duplicates, not hits.

- strict precision: matched emitted events / emitted events (against all gold events);
- lenient precision: emitted events whose location and type match some gold event / emitted;
- core recall: core gold events matched / core gold events (strict; lenient: location and type);
- field accuracy: among emitted events whose location and type match, the share whose source,
  target, date (where the gold has one) and modality are right.

Dates are judged by the `date` value alone, as a script reading only that field would: a date of
precision `week`, `weekend` or `on-or-before` (the publication day of an article that does not
date the event) counts as its day; a month or year must lie within the gold window whole.
"""

from __future__ import annotations

import calendar
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import networkx as nx

from ..errors import EvaluationError
from ..settings import Settings
from . import Score
from .through_run import run_and_export, write_jsonl

DATASET = "realnews"
SHOWN_EXAMPLES = 12


@dataclass
class GoldEvent:
    doc: str
    index: int
    type: str
    quotes: list[str]
    sources: list[set[str]]  # one set of normalised names per gold actor
    targets: list[set[str]]
    date: str | None
    tolerance: int
    modality: str
    core: bool
    spans: list[tuple[int, int]] = field(default_factory=list)


def normalise_name(text: str | None) -> str:
    """Lower case, no leading article, no possessive, punctuation as spaces."""
    if not text:
        return ""
    text = text.replace("’", "'").lower().strip()
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return " ".join(text.split())


def _actor_names(gold_line: dict) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for actor in gold_line.get("actors", []):
        forms = {normalise_name(actor["name"])} | {normalise_name(a) for a in actor.get("aliases", [])}
        names[actor["name"]] = {f for f in forms if f}
    return names


def _side(names: list[str], actors: dict[str, set[str]]) -> list[set[str]]:
    return [actors.get(name) or {normalise_name(name)} for name in names]


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def _jsonl(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as e:
        raise EvaluationError(f"{path}: cannot read the realnews gold ({e})") from e


def load_gold(folder: Path, gold_file: Path | None = None
              ) -> tuple[dict[str, dict], list[GoldEvent], dict[str, list[tuple[int, int]]]]:
    """Articles by gold id, gold events with their quote spans, and non-event spans by article.
    `gold_file` (same format, articles taken from the folder's `articles.jsonl`) replaces the
    folder's own gold: more annotated articles of the same conflict."""
    if gold_file is None:
        articles = {a["id"]: a for a in _jsonl(folder / "gold-articles.jsonl")}
        gold_lines = _jsonl(folder / "gold.jsonl")
    else:
        gold_lines = _jsonl(gold_file)
        wanted = {line["doc"] for line in gold_lines}
        articles = {a["id"]: a for a in _jsonl(folder / "articles.jsonl") if a["id"] in wanted}
        missing = wanted - set(articles)
        if missing:
            raise EvaluationError(f"{gold_file}: articles not in {folder / 'articles.jsonl'}: {sorted(missing)[:5]}")
    events: list[GoldEvent] = []
    non_events: dict[str, list[tuple[int, int]]] = {}
    for line in gold_lines:
        text = articles[line["doc"]]["text"]
        actors = _actor_names(line)
        for index, gold in enumerate(line.get("events", [])):
            quotes = [gold["quote"], *gold.get("also", [])]
            event = GoldEvent(
                doc=line["doc"], index=index, type=gold["type"], quotes=quotes,
                sources=_side(gold.get("source", []), actors), targets=_side(gold.get("target", []), actors),
                date=gold.get("date"), tolerance=int(gold.get("date_tol_days") or 0),
                modality=gold.get("modality", "asserted"), core=bool(gold.get("core")))
            event.spans = [span for quote in quotes for span in _spans(text, quote)]
            events.append(event)
        non_events[line["doc"]] = [span for item in line.get("non_events", []) for span in _spans(text, item["quote"])]
    return articles, events, non_events


def _interval(value: str) -> tuple[date, date] | None:
    """The days a partial ISO date covers."""
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(*parts), date(*parts)
    except (ValueError, TypeError):
        return None


def date_matches(emitted: str | None, gold: str | None, tolerance: int) -> bool:
    """No gold date: not checked. Else the emitted date's whole interval lies within the gold
    date's interval widened by the tolerance (a vaguer date than the gold allows is wrong)."""
    if gold is None:
        return True
    if not emitted:
        return False
    ours, theirs = _interval(emitted), _interval(gold)
    if ours is None or theirs is None:
        return False
    slack = timedelta(days=tolerance)
    return theirs[0] - slack <= ours[0] and ours[1] <= theirs[1] + slack


def _names(event: dict, role: str) -> set[str]:
    return {n for n in (normalise_name(event.get(f"{role}_text")), normalise_name(event.get(f"{role}_name"))) if n}


def _side_matches(emitted: set[str], gold: list[set[str]]) -> bool:
    if not gold:
        return not emitted
    return any(emitted & names for names in gold)


def _located(event: dict, gold: GoldEvent) -> bool:
    start, end, sentence = event["start"], event["end"], event.get("sentence") or ""
    if any(s < end and e > start for s, e in gold.spans):
        return True
    return any(quote in sentence for quote in gold.quotes)


@dataclass
class Fields:
    source: bool
    target: bool
    date: bool
    modality: bool

    @property
    def all(self) -> bool:
        return self.source and self.target and self.date


def _fields(event: dict, gold: GoldEvent) -> Fields:
    return Fields(
        source=_side_matches(_names(event, "source"), gold.sources),
        target=_side_matches(_names(event, "target"), gold.targets),
        date=date_matches(event.get("date"), gold.date, gold.tolerance),
        modality=event.get("modality") == gold.modality,
    )


def score_events(events: list[dict], gold: list[GoldEvent], non_events: dict[str, list[tuple[int, int]]]) -> dict:
    """Precision, recall, field accuracy and examples for one set of emitted events."""
    by_doc: dict[str, list[GoldEvent]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    graph = nx.Graph()
    lenient_hits, field_counts, field_totals = 0, Counter[str](), Counter[str]()
    on_non_event = 0
    located_any: set[int] = set()
    false_positives = []
    for number, event in enumerate(events):
        candidates = [g for g in by_doc.get(event["gold_doc"], []) if _located(event, g) and g.type == event["type"]]
        if not candidates:
            if any(s < event["end"] and e > event["start"] for s, e in non_events.get(event["gold_doc"], [])):
                on_non_event += 1
            false_positives.append(event)
            continue
        lenient_hits += 1
        judged_all = [(_fields(event, g), g) for g in candidates]
        judged, best = max(judged_all, key=lambda pair: (pair[0].all, sum(vars(pair[0]).values())))
        for name in ("source", "target", "modality"):
            field_counts[name] += getattr(judged, name)
            field_totals[name] += 1
        if best.date is not None:
            field_counts["date"] += judged.date
            field_totals["date"] += 1
        for fields, g in judged_all:
            located_any.add(id(g))
            if fields.all:
                graph.add_edge(("emitted", number), ("gold", id(g)))
    emitted_nodes = {n for n in graph if n[0] == "emitted"}
    matching = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=emitted_nodes) if graph else {}
    matched_gold = {node[1] for node in matching if node[0] == "gold"}
    strict_hits = len(matched_gold)
    core = [g for g in gold if g.core]
    n = len(events)
    missed = [g for g in core if id(g) not in matched_gold]
    return {
        "emitted": n,
        "strict_precision": strict_hits / n if n else 0.0,
        "lenient_precision": lenient_hits / n if n else 0.0,
        "core_recall": sum(id(g) in matched_gold for g in core) / len(core) if core else 0.0,
        "core_recall_lenient": sum(id(g) in located_any for g in core) / len(core) if core else 0.0,
        "fields": {k: field_counts[k] / field_totals[k] for k in ("source", "target", "date", "modality") if field_totals[k]},
        "duplicates": sum(1 for node in emitted_nodes if node not in matching),
        "on_non_events": on_non_event,
        "false_positives": sorted(false_positives, key=lambda e: -e.get("confidence", 0)),
        "missed": missed,
    }


def _gold_ids(export: dict, articles: dict[str, dict]) -> dict[str, str]:
    """newsweave document id -> gold article id (by URL, else by title)."""
    by_url = {a.get("url"): gold_id for gold_id, a in articles.items() if a.get("url")}
    by_title = {a.get("title"): gold_id for gold_id, a in articles.items() if a.get("title")}
    found = {}
    for doc in export["documents"]:
        gold_id = by_url.get(doc.get("url")) or by_title.get(doc.get("title"))
        if gold_id:
            found[doc["id"]] = gold_id
    return found


def _describe_event(event: dict) -> str:
    actors = f"{event.get('source_text') or '—'} → {event.get('target_text') or '—'}"
    sentence = " ".join((event.get("sentence") or "").split())
    return f"{event['type']} {actors} ({event.get('date') or 'undated'}, conf {event.get('confidence', 0):.2f}): “{sentence[:160]}”"


def _describe_gold(gold: GoldEvent) -> str:
    return f"{gold.doc} {gold.type} ({gold.date or 'undated'}): “{gold.quotes[0]}”"


# More gold made for this project (GUIDELINE.md, two annotators): `<conflict folder>.jsonl`.
EXTRA_GOLD = Path(__file__).parent / "data" / "realnews"


def evaluate_realnews(dataset_dir: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    folders = sorted(p for p in dataset_dir.iterdir() if (p / "gold.jsonl").is_file())
    if not folders:
        raise EvaluationError(f"{dataset_dir}: no conflict folder with a gold.jsonl")
    scores: list[Score] = []
    for folder in folders:
        scores += _score_folder(folder, None, settings, limit)
        extra = EXTRA_GOLD / f"{folder.name}.jsonl"
        if extra.is_file():
            scores += _score_folder(folder, extra, settings, limit)
    return scores


def _score_folder(folder: Path, gold_file: Path | None, settings: Settings, limit: int | None) -> list[Score]:
    scores: list[Score] = []
    articles, gold, non_events = load_gold(folder, gold_file)
    if limit:
        kept = set(list(articles)[:limit])
        articles = {k: v for k, v in articles.items() if k in kept}
        gold = [g for g in gold if g.doc in kept]
    with tempfile.TemporaryDirectory(prefix="newsweave-realnews-") as scratch:
        corpus = write_jsonl(articles.values(), Path(scratch) / f"{folder.name}.jsonl")
        export = run_and_export([corpus], settings)
    name = f"{DATASET}/{folder.name}" + ("" if gold_file is None else " (newsweave's own gold)")
    gold_label = "" if gold_file is None else "own gold, "
    gold_ids = _gold_ids(export, articles)
    events = [dict(e, gold_doc=gold_ids[e["doc"]]) for e in export["events"]
              if e["doc"] in gold_ids and e.get("region") == "body"]
    threshold = settings.min_confidence
    for label, chosen in ((f"{gold_label}events at confidence ≥ {threshold:g} (default)",
                           [e for e in events if e["confidence"] >= threshold]),
                          (f"{gold_label}all exported events", events)):
        result = score_events(chosen, gold, non_events)
        metrics = {"strict P": result["strict_precision"], "lenient P": result["lenient_precision"],
                   "core R": result["core_recall"], "core R lenient": result["core_recall_lenient"]}
        metrics.update({f"{k} acc": v for k, v in result["fields"].items()})
        metrics["emitted"] = result["emitted"]
        details = {
            "duplicates": result["duplicates"], "on_non_events": result["on_non_events"],
            "worst_false_positives": [_describe_event(e) for e in result["false_positives"][:SHOWN_EXAMPLES]],
            "missed_core": [_describe_gold(g) for g in result["missed"][:SHOWN_EXAMPLES]],
            "false_positive_types": dict(Counter(e["type"] for e in result["false_positives"]).most_common()),
        }
        scores.append(Score(name, label, "newsweave", metrics, n=len(articles),
                            note=f"{len(gold)} gold events ({sum(g.core for g in gold)} core) in {len(articles)} articles, "
                                 "scored from `newsweave run` + `newsweave export`", details=details))
    return scores
