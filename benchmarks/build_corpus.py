"""Build benchmark corpora (1,000 / 10,000 / 100,000 documents) from the news texts in ../shared/data.

Sources, so that lengths and styles vary as in users' input: scraped conflict news as it comes
(realnews: boilerplate, reader comments, Q&A pages, 100 to 5,000 words), news pages as HTML
(article_extraction_benchmark), all-caps wire messages (MUC-4), ECB+ (tokens rebuilt to text),
re3d documents, WikiEvents, IndiaPoliceEvents. Sampling is deterministic (a seed);
past the number of distinct texts, texts are repeated with light variation (a dateline, one
paragraph dropped, the closing line) so that every document has its own content id, as a crawl
of syndicated news would.

    python benchmarks/build_corpus.py --size 1000 -o benchmarks/corpora/news-1k.jsonl
    python benchmarks/build_corpus.py --size 10000 --format txt -o benchmarks/corpora/news-10k/  # .txt and .html files
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# No space before these tokens, none after the opening ones, when tokens are joined back to text.
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "%", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def detokenize(tokens: list[str]) -> str:
    out: list[str] = []
    for token in tokens:
        if out and token not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out.append(" ")
        out.append(token)
    return "".join(out).replace("``", '"').replace("''", '"')


def ecbplus(data: Path) -> Iterator[dict]:
    for path in sorted((data / "ecbplus" / "ECB+").glob("*/*.xml")):
        sentences: dict[int, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
        if path.name.endswith("ecbplus.xml"):
            sentences.pop(0, None)  # sentence 0 is the source URL
        text = "\n\n".join(detokenize(tokens) for _, tokens in sorted(sentences.items()))
        yield {"text": text, "source": "ecbplus", "title": path.stem}


def muc4(data: Path) -> Iterator[dict]:
    for path in sorted((data / "muc4" / "grit_processed").glob("*.json")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield {"text": record["doctext"], "source": "muc4", "title": record["docid"]}


def re3d(data: Path) -> Iterator[dict]:
    for path in sorted((data / "re3d").glob("*/documents.json")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield {"text": record["text"], "source": "re3d", "title": record.get("title"),
                       "url": record.get("sourceUrl")}


def wikievents(data: Path) -> Iterator[dict]:
    for line in (data / "wikievents" / "dev.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            yield {"text": record.get("text") or detokenize(record["tokens"]), "source": "wikievents",
                   "title": record["doc_id"]}


def india_police_events(data: Path) -> Iterator[dict]:
    for line in (data / "india_police_events" / "docs.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            yield {"text": record["doc_text"], "source": "india_police_events", "title": str(record["doc_id"])}


def realnews(data: Path) -> Iterator[dict]:
    for path in sorted((data / "realnews").glob("*/articles.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield {"text": record["text"], "source": "realnews", "title": record.get("title"),
                       "url": record.get("url"), "published": record.get("published")}


def html_pages(data: Path) -> Iterator[dict]:
    """News pages as a crawler stores them (the page's HTML, boilerplate and all)."""
    folder = data / "article_extraction_benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    for path in sorted((folder / "html").glob("*.html.gz")):
        name = path.name.removesuffix(".html.gz")
        body = truth.get(name, {}).get("articleBody") or ""
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        yield {"html": html, "text": body, "source": "article_extraction_benchmark", "title": name,
               "url": truth.get(name, {}).get("url")}


SOURCES = (realnews, html_pages, ecbplus, muc4, re3d, wikievents, india_police_events)


def base_texts(data: Path) -> list[dict]:
    texts = []
    for source in SOURCES:
        try:
            texts.extend(t for t in source(data) if len(t["text"].split()) >= 20)
        except FileNotFoundError as e:
            print(f"skipping {source.__name__}: {e}", file=sys.stderr)
    return texts


def vary(record: dict, copy: int, rng: random.Random) -> dict:
    """A light variant of `record` for its `copy`-th repeat (copy 0 is the text itself)."""
    if copy == 0:
        return {k: v for k, v in record.items() if not (k == "text" and "html" in record)}
    if "html" in record:  # a page: a dateline at the top of the body, a closing line at its end
        day = date(2017, 1, 1) + timedelta(days=rng.randrange(3000))
        html = re.sub(r"(<body[^>]*>)", rf"\1<p>Updated {day:%B} {day.day}, {day.year}</p>", record["html"], count=1)
        html = html.replace("</body>", f"<p>(Wire copy {copy}.)</p></body>", 1)
        return {k: v for k, v in record.items() if k != "text"} | {
            "html": html, "published": day.isoformat(), "title": f"{record['title']} ({copy})"}
    paragraphs = [p for p in re.split(r"\n\s*\n", record["text"]) if p.strip()]
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    day = date(2017, 1, 1) + timedelta(days=rng.randrange(3000))
    text = f"Updated {day:%B} {day.day}, {day.year}\n\n" + "\n\n".join(paragraphs) + f"\n\n(Wire copy {copy}.)\n"
    return {**record, "text": text, "published": day.isoformat(), "title": f"{record['title']} ({copy})"}


def build(size: int, seed: int, data: Path) -> Iterator[dict]:
    texts = base_texts(data)
    if not texts:
        raise SystemExit(f"no texts found under {data}")
    rng = random.Random(seed)
    order = list(range(len(texts)))
    for index in range(size):
        copy, position = divmod(index, len(texts))
        if position == 0:
            rng.shuffle(order)  # each round of repeats visits the texts in a new order
        yield vary(texts[order[position]], copy, rng)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    words = 0
    if args.format == "jsonl":
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with open(args.output, "w", encoding="utf-8") as f:
            for record in build(args.size, args.seed, args.data):
                words += len(record.get("text", "").split())
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        args.output.mkdir(parents=True, exist_ok=True)
        for i, record in enumerate(build(args.size, args.seed, args.data)):
            suffix, content = ("html", record["html"]) if "html" in record else ("txt", record["text"])
            words += len(record.get("text", "").split())
            (args.output / f"{i:06d}.{suffix}").write_text(content, "utf-8")
    print(f"wrote {args.size} documents, {words} words of text (HTML pages not counted), to {args.output}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
