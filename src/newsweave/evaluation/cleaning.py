"""Score the cleaners: article-body extraction and boilerplate/comment removal.

Two gold sets, each scored three ways on the same pages:
- `newsweave (html)`: the page's HTML through `clean` (format "html");
- `newsweave (plain text)`: the page rendered to all its visible text by an independent
  renderer (inscriptis, as a lynx-style dump keeps menus, footers and comments) and fed
  through the plain-text cleaner — the situation of a scraped text file;
- `trafilatura`: `trafilatura.extract` on the HTML, the baseline.

article_extraction_benchmark: token precision/recall/F1 of the body against `articleBody`,
averaged over pages. trafilatura_eval: share of `with` snippets found in the body, of `without`
snippets kept out, of comment snippets kept out of the body and found in comment regions.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import EvaluationError
from ..settings import Settings
from . import Score

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass
class Extraction:
    body: str
    comments: list[str] = field(default_factory=list)
    failed: bool = False
    title: str = ""  # the headline, when kept apart from the body


def read_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def render_text(html: str) -> str:
    """All visible text of the page, as a text-mode browser dump would show it."""
    from inscriptis import get_text

    return get_text(html)


def _newsweave(raw: str, fmt: str) -> Extraction:
    from ..clean import clean

    doc = clean(Document(id="eval", name="eval", path="eval", raw=raw, format=fmt))
    comments = [doc.text[r.start:r.end] for r in doc.regions_of("comment")]
    titles = [doc.text[r.start:r.end] for r in doc.regions_of("title")]
    return Extraction(doc.body_text(), comments, title=" ".join(titles))


def newsweave_html(html: str) -> Extraction:
    return _newsweave(html, "html")


def newsweave_plaintext(html: str) -> Extraction:
    return _newsweave(render_text(html), "text")


def trafilatura_baseline(html: str) -> Extraction:
    import trafilatura

    result = trafilatura.bare_extraction(html, include_comments=True, with_metadata=False)
    if result is None:
        return Extraction("")
    body = getattr(result, "text", None) or ""
    comments = getattr(result, "comments", None) or ""
    return Extraction(body, [comments] if comments else [])


SYSTEMS: dict[str, Callable[[str], Extraction]] = {
    "newsweave (html)": newsweave_html,
    "newsweave (plain text)": newsweave_plaintext,
    "trafilatura": trafilatura_baseline,
}


def _run(system: Callable[[str], Extraction], html: str) -> Extraction:
    try:
        return system(html)
    except Exception:  # one broken page scores as an empty extraction; the run goes on
        return Extraction("", failed=True)


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred = Counter(token.lower() for token in _TOKEN.findall(predicted))
    true = Counter(token.lower() for token in _TOKEN.findall(gold))
    overlap = sum((pred & true).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(true.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


# --- article_extraction_benchmark --------------------------------------------------------


def evaluate_article_extraction(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    truth_file = path / "ground-truth.json"
    if not truth_file.is_file():
        raise EvaluationError(f"{truth_file}: missing")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    items = sorted(truth.items())[:limit] if limit else sorted(truth.items())
    pages = []
    for key, record in items:
        page = path / "html" / f"{key}.html.gz"
        if page.is_file():
            pages.append((read_html(page), record.get("articleBody") or ""))
    if not pages:
        raise EvaluationError(f"{path}: no pages found under html/")
    scores = []
    for name, system in SYSTEMS.items():
        rows = [token_prf(_run(system, html).body, gold) for html, gold in pages]
        metrics = {label: _mean([row[i] for row in rows]) for i, label in enumerate(("P", "R", "F1"))}
        scores.append(Score("article_extraction_benchmark", "article body, token P/R/F1 (mean over pages)",
                            name, metrics, len(rows), note=_NOTES[name]))
    return scores


_NOTES = {
    "newsweave (html)": "HTML as given, through clean()",
    "newsweave (plain text)": "page rendered to text by inscriptis, through the plain-text cleaner",
    "trafilatura": "baseline: trafilatura.extract on the HTML",
}


# --- trafilatura_eval --------------------------------------------------------------------


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class SnippetTally:
    pages: int = 0
    with_found: int = 0
    with_total: int = 0
    without_out: int = 0
    without_total: int = 0
    comments_out: int = 0
    comments_found: int = 0
    comments_total: int = 0
    failed: int = 0

    def add(self, record: dict, result: Extraction) -> None:
        body = _squash(result.body)
        # The main text a reader sees is the headline and the body: trafilatura's `with`
        # snippets include headlines, which newsweave keeps in a title region of their own.
        main = _squash(result.title + " \n " + result.body)
        comments = _squash(" \n ".join(result.comments))
        self.pages += 1
        self.failed += result.failed
        for snippet in map(_squash, record.get("with") or []):
            self.with_total += 1
            self.with_found += snippet in main
        for snippet in map(_squash, record.get("without") or []):
            self.without_total += 1
            self.without_out += snippet not in main
        for snippet in map(_squash, record.get("comments") or []):
            self.comments_total += 1
            self.comments_out += snippet not in body
            self.comments_found += snippet in comments

    def metrics(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        return {
            "with_recall": share(self.with_found, self.with_total),
            "without_excluded": share(self.without_out, self.without_total),
            "comments_out_of_body": share(self.comments_out, self.comments_total),
            "comments_in_comment_regions": share(self.comments_found, self.comments_total),
        }


def _trafilatura_pages(path: Path, limit: int | None) -> Iterator[tuple[dict, str]]:
    data_file = path / "evaldata.json"
    if not data_file.is_file():
        raise EvaluationError(f"{data_file}: missing")
    records = json.loads(data_file.read_text(encoding="utf-8"))
    items = sorted(records.items())
    if limit:
        items = items[:limit]
    for _, record in items:
        page = path / record.get("html_file", "")
        if page.is_file():
            yield record, read_html(page)


def evaluate_trafilatura(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    tallies = {(name, scope): SnippetTally() for name in SYSTEMS for scope in ("en", "all")}
    for record, html in _trafilatura_pages(path, limit):
        for name, system in SYSTEMS.items():
            result = _run(system, html)
            tallies[(name, "all")].add(record, result)
            if record.get("lang_guess_en"):
                tallies[(name, "en")].add(record, result)
    if not tallies[(next(iter(SYSTEMS)), "all")].pages:
        raise EvaluationError(f"{path}: no pages found")
    scores = []
    for (name, scope), tally in tallies.items():
        pages = "English pages" if scope == "en" else "all pages"
        scores.append(Score(
            "trafilatura_eval", f"boilerplate and comment removal, snippet shares, {pages}", name,
            tally.metrics(), tally.pages, note=f"{pages}{' (lang_guess_en)' if scope == 'en' else ''}; {_NOTES[name]}",
            details={"failed_pages": tally.failed, "with": tally.with_total,
                     "without": tally.without_total, "comments": tally.comments_total}))
    for score in scores:
        score.note += "; with/without snippets checked against headline + body, comments against the body"
    return scores
