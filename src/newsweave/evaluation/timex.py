"""Score the time tagger on TempEval-3 (TimeML): extents and TIMEX3 values.

Each `.tml` file becomes a `Document` whose one body region is the text inside `<TEXT>` and whose
`published` date is the document creation time (DCT), then goes through the real `Parser` and
`TimeTagger`. The DCT itself is not scored. The baseline is spaCy's DATE/TIME entities valued by
plain `dateparser.parse` relative to the DCT, on the same parses.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..annotate.parse import Parser
from ..annotate.timex import TimeTagger
from ..document import Document, Region
from ..errors import EvaluationError
from ..settings import Settings
from . import Score

CORPUS_DIR = "TBAQ-cleaned"
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    value: str
    kind: str


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    text: str
    dct: str
    timexes: list[GoldTimex]


def read_timeml(path: Path) -> TimeMLDoc:
    """The plain text inside <TEXT>, its TIMEX3 spans (offsets into that text) and the DCT."""
    source = path.read_text(encoding="utf-8")
    dct_tag = _DCT.search(source)
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if not dct_tag or not body:
        raise EvaluationError(f"{path}: no CREATION_TIME TIMEX3 or no <TEXT>")
    dct = dict(_ATTR.findall(dct_tag.group(0))).get("value", "")
    parts: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    inner = body.group(1)
    for m in _TAG.finditer(inner):
        piece = html.unescape(inner[position:m.start()])
        parts.append(piece)
        length += len(piece)
        position = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            timexes.append(GoldTimex(start, length, attributes.get("value", ""), attributes.get("type", "")))
            open_timex = None
    parts.append(html.unescape(inner[position:]))
    return TimeMLDoc(path.name, "".join(parts), dct, timexes)


def _match(gold: list[tuple[int, int]], found: list[tuple[int, int]], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, found index) of equal (strict) or overlapping spans."""
    pairs, used = [], set()
    for gi, (gs, ge) in enumerate(gold):
        for fi, (fs, fe) in enumerate(found):
            if fi in used:
                continue
            if (gs, ge) == (fs, fe) if strict else (fs < ge and gs < fe):
                pairs.append((gi, fi))
                used.add(fi)
                break
    return pairs


def _prf(matched: int, n_found: int, n_gold: int) -> dict[str, float]:
    p = matched / n_found if n_found else 0.0
    r = matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4)}


class _Tally:
    """Counts over documents for one system."""

    def __init__(self):
        self.gold = self.found = self.strict = self.overlap = self.value_ok = 0

    def add(self, gold: list[GoldTimex], found: list[tuple[int, int, str | None]]):
        gold_spans = [(g.start, g.end) for g in gold]
        found_spans = [(s, e) for s, e, _ in found]
        self.gold += len(gold)
        self.found += len(found)
        self.strict += len(_match(gold_spans, found_spans, strict=True))
        pairs = _match(gold_spans, found_spans, strict=False)
        self.overlap += len(pairs)
        self.value_ok += sum(1 for gi, fi in pairs if found[fi][2] == gold[gi].value)

    def metrics(self) -> dict[str, float]:
        strict = _prf(self.strict, self.found, self.gold)
        overlap = _prf(self.overlap, self.found, self.gold)
        return {
            "value_accuracy_matched": round(self.value_ok / self.overlap, 4) if self.overlap else 0.0,
            "value_accuracy_all_gold": round(self.value_ok / self.gold, 4) if self.gold else 0.0,
            "value_F1": _prf(self.value_ok, self.found, self.gold)["F1"],
            **{f"overlap_{k}": v for k, v in overlap.items()},
            **{f"strict_{k}": v for k, v in strict.items()},
        }


def _baseline(parsed, dct: str) -> list[tuple[int, int, str | None]]:
    import dateparser

    base = datetime.fromisoformat(dct[:10]) if re.match(r"\d{4}-\d{2}-\d{2}", dct) else None
    found = []
    for ent in parsed.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        settings = {"RELATIVE_BASE": base} if base else {}
        when = dateparser.parse(ent.text, settings=settings)
        found.append((ent.start_char, ent.end_char, when.strftime("%Y-%m-%d") if when else None))
    return found


def tempeval_files(path: Path) -> list[Path]:
    root = path / CORPUS_DIR if (path / CORPUS_DIR).is_dir() else path
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise EvaluationError(f"{path}: no .tml files")
    return files


def evaluate_tempeval(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    """TIMEX3 extents (overlap and strict P/R/F1) and value accuracy, newsweave vs the baseline."""
    files = tempeval_files(path)[:limit] if limit else tempeval_files(path)
    parser, tagger = Parser(settings), TimeTagger(settings)
    ours, base = _Tally(), _Tally()
    for file in files:
        gold = read_timeml(file)
        doc = Document(id=file.stem, name=file.name, path=str(file), raw=gold.text, text=gold.text,
                       published=gold.dct or None, regions=[Region("body", 0, len(gold.text))])
        doc = tagger(parser(doc))
        ours.add(gold.timexes, [(t.start, t.end, t.value) for t in doc.timexes])
        base.add(gold.timexes, _baseline(doc.scratch["parses"][0][1], gold.dct))
    note = "value accuracy over gold TIMEX3 matched by overlap is TempEval-3's value score; DCT excluded"
    return [
        Score("tempeval3", "TIMEX3 extent and value", "newsweave", ours.metrics(), ours.gold, note),
        Score("tempeval3", "TIMEX3 extent and value", "spacy+dateparser", base.metrics(), base.gold, note),
    ]
