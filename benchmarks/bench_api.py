"""API speed: p95 latency of the summary, graph and evidence routes on a 10,000-document database.

Builds a synthetic database (documents, regions, mentions and events written straight through
`store.Store`, 2,000 actors with a skewed mention distribution), then times the routes in
process (FastAPI TestClient: routing, SQL and JSON, no network) and appends the results to
benchmarks/RESULTS.md under "## API speed".

    .venv/bin/python benchmarks/bench_api.py [--docs 10000] [--actors 2000] [--runs 50] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

from newsweave.document import Document, Event, Mention, Place, Region, Sentence
from newsweave.server import create_app
from newsweave.store import Store, connect
from newsweave.store.crossdoc import replace_entities

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "## API speed"
CACHED = {"/api/summary", "/api/graph", "/api/places"}
TYPES = ["SUPPORT", "AID", "CONSULT", "ASSAULT", "THREATEN", "COOPERATE", "ACCUSE", "AGREE"]
PLACES = [("Tripoli", 32.9, 13.2, "LY"), ("Benghazi", 32.1, 20.1, "LY"), ("Cairo", 30.1, 31.2, "EG"),
          ("Moscow", 55.8, 37.6, "RU"), ("Sirte", 31.2, 16.6, "LY"), ("Ankara", 39.9, 32.9, "TR")]


def actor(rng: random.Random, n: int) -> int:
    """A skewed choice: a few actors are in most stories, as in real news."""
    return min(n - 1, int(rng.paretovariate(1.1)) - 1)


def synthetic_documents(count: int, actors: int, seed: int = 5):
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    for i in range(count):
        a, b, c = actor(rng, actors), actor(rng, actors), rng.randrange(actors)
        names = [f"Actor{a}", f"Actor{b}", f"Actor{c}"]
        day = start + timedelta(days=rng.randrange(3000))
        sentences = [f"{names[0]} {rng.choice(['supported', 'attacked', 'met', 'armed'])} {names[1]} near "
                     f"{rng.choice(PLACES)[0]} on {day.isoformat()}.",
                     f"{names[2]} said the talks with {names[0]} would continue.",
                     "Analysts expect more fighting around the oil terminals this month."]
        title = f"Report {i}: {names[0]} and {names[1]}"
        body = " ".join(sentences)
        comment = f"{names[1]} is lying! posted by reader{i % 97}"
        raw = f"{title}\n\n{body}\n\n{comment}\n\nShare this article"
        b0, c0 = len(title) + 2, len(title) + 2 + len(body) + 2
        doc = Document(id=f"d{i:06d}", name=f"doc{i:06d}.txt", path=f"/synthetic/doc{i:06d}.txt", raw=raw, text=raw,
                       title=title, published=day.isoformat(), published_precision="day", language="en",
                       source=f"outlet{i % 40}")
        doc.regions = [Region("title", 0, len(title)), Region("body", b0, b0 + len(body)),
                       Region("comment", c0, c0 + len(comment), author=f"reader{i % 97}"),
                       Region("boilerplate", c0 + len(comment) + 2, len(raw))]
        offset = b0
        for s in sentences:
            doc.sentences.append(Sentence(offset, offset + len(s), 1))
            offset += len(s) + 1
        for k, name in enumerate(names):
            pos = raw.find(name, b0)
            if pos >= 0:
                doc.mentions.append(Mention(pos, pos + len(name), name, "ORGANIZATION" if k else "COUNTRY", "body",
                                            entity=f"A{[a, b, c][k]}", name=name))
        s0 = doc.sentences[0]
        place = rng.choice(PLACES)
        for src, tgt, typ in ((a, b, rng.choice(TYPES)), (c, a, "CONSULT")):
            if src == tgt:
                continue
            doc.events.append(Event(typ, None, f"A{src}", f"A{tgt}", f"Actor{src}", f"Actor{tgt}", day.isoformat(), "day",
                                    Place(*place), raw[s0.start:s0.end], s0.start, s0.end, "body",
                                    None, rng.choice(["asserted", "reported", "reported", "denied"]), 0.8))
        yield doc


def build(db: Path, docs: int, actors: int) -> float:
    t0 = time.perf_counter()
    conn = connect(db)
    writer = Store(conn)
    batch, mentions, documents = [], [0] * actors, [set() for _ in range(actors)]
    for doc in synthetic_documents(docs, actors):
        for m in doc.mentions:
            n = int(m.entity[1:])
            mentions[n] += 1
            documents[n].add(doc.id)
        batch.append(doc)
        if len(batch) == 500:
            writer.write_documents(batch, "bench")
            batch = []
    if batch:
        writer.write_documents(batch, "bench")
    entities = [{"id": f"A{n}", "name": f"Actor{n}", "type": "COUNTRY" if n % 3 == 0 else "ORGANIZATION",
                 "aliases": [f"Actor{n}"], "country": None, "kb_id": None, "mentions": mentions[n],
                 "documents": len(documents[n]), "comment_mentions": 0} for n in range(actors)]
    replace_entities(conn, entities,
                     {f"A{n}": f"A{n}" for n in range(actors)})
    conn.close()
    return time.perf_counter() - t0


def time_route(client: TestClient, url: str, runs: int) -> dict:
    client.get(url)  # warm caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.text[:200])
    times.sort()
    return {"url": url, "p50": statistics.median(times), "p95": times[max(0, int(round(0.95 * len(times))) - 1)],
            "bytes": len(response.content)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--no-write", action="store_true", help="Print only; do not touch RESULTS.md.")
    parser.add_argument("--db", type=Path, help="Keep the database here and reuse it when it exists.")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        seconds = build(db, args.docs, args.actors) if not db.exists() else 0.0
        client = TestClient(create_app(db, cache_size=0))  # cold: every request computes
        warm = TestClient(create_app(db))  # the server's default: aggregates cached until the DB changes
        top = client.get("/api/graph", params={"limit": 2000}).json()
        edge = top["edges"][0]
        evidence = client.get("/api/graph/edge", params={"a": edge["a"], "b": edge["b"]}).json()["events"][0]
        routes = [
            "/api/summary",
            "/api/graph",  # top 150 actors by mentions, all edges among them
            "/api/graph?min_sources=3&limit=300",
            "/api/graph?since=2019-01&until=2019-12&type=SUPPORT",
            "/api/graph?limit=2000",
            f"/api/graph/edge?a={edge['a']}&b={edge['b']}",
            f"/api/documents/{evidence['doc']}",
            "/api/events?actor=Actor1&limit=50",
            "/api/search?q=oil%20terminals&limit=20",
        ]
        results = [time_route(client, url, args.runs) for url in routes]
        for r in results:
            r["warm_p95"] = time_route(warm, r["url"], args.runs)["p95"] if r["url"].split("?")[0] in CACHED else None
    built = (f"database built in {seconds:.1f} s through `store.Store`" if seconds
             else f"database reused from {args.db}")
    lines = [HEADING, "",
             f"{args.docs:,} synthetic documents, {args.actors:,} actors, {len(top['edges']):,} actor pairs in the graph "
             f"({built}). In-process FastAPI TestClient, "
             f"{args.runs} requests per route after one warm-up; Python {platform.python_version()}, "
             f"{platform.machine()}, shared 2-core machine with load average {load:.1f} at the start "
             "(other jobs running: cold numbers are inflated accordingly). Target: p95 < 100 ms. "
             "Run: `.venv/bin/python benchmarks/bench_api.py`.", "",
             "Cold: the response cache off, every request runs its SQL. Cached: the server's default, where "
             "summary, graph and map answers are kept until the database file changes.", "",
             "| route | cold p50 ms | cold p95 ms | cached p95 ms | response bytes |", "|---|---:|---:|---:|---:|"]
    lines += [f"| `{r['url']}` | {r['p50']:.1f} | {r['p95']:.1f} | "
              f"{'%.1f' % r['warm_p95'] if r['warm_p95'] is not None else '–'} | {r['bytes']:,} |" for r in results]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        old = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Results\n"
        if HEADING in old:
            before, _, after = old.partition(HEADING)
            rest = after.split("\n## ", 1)
            old = before.rstrip() + "\n\n" + text + ("\n## " + rest[1] if len(rest) > 1 else "")
        else:
            old = old.rstrip() + "\n\n" + text
        RESULTS.write_text(old, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
