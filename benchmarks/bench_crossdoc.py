"""Cross-document rebuild: time and peak RSS of what ends every run (near-duplicates, entity
resolution, aggregates) on synthetic databases of 10,000 and 100,000 documents, and of the same
rebuild after 1% new documents are added.

The NLP is not run: documents (regions, sentences, mentions, events) are written straight
through `store.Store` by `bench_api.synthetic_documents`, with a MinHash fingerprint and LSH
bands as the `clean` stage would give them. Each rebuild runs in a fresh process so that its
peak RSS is its own, not the build's. Appends a section to benchmarks/RESULTS.md.

With `--postgresql URL` (a server whose user may create databases), each size is measured on
SQLite and on PostgreSQL side by side (a new database per size), with the API's main routes
timed on both.

With `--from-db`, the documents are those of a real run instead (`run_benchmark.py --keep-db`),
copied `--copies` times under new ids (each copy its own LSH bands, so copies are not
near-duplicates of each other): a database of real mentions and events, `--copies` times the
size, with the same actors.

    .venv/bin/python benchmarks/bench_crossdoc.py [--sizes 10000 100000] [--no-write]
    .venv/bin/python benchmarks/bench_crossdoc.py --sizes 100000 --postgresql postgresql://me@127.0.0.1/postgres
    .venv/bin/python benchmarks/bench_crossdoc.py --from-db /tmp/real10k.db --copies 1 10
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_api import TestClient, synthetic_documents, time_route  # noqa: E402  (TestClient: starlette's, without its warning)
from run_benchmark import append_results  # noqa: E402

from newsweave import crossdoc, runner  # noqa: E402
from newsweave.clean.fingerprint import band_keys, signature  # noqa: E402
from newsweave.server import create_app  # noqa: E402
from newsweave.store import Database, Store, connect, location  # noqa: E402

RESULTS = HERE / "RESULTS.md"
HEADING = "## Cross-document rebuild"
BATCH = 500


def actors_for(docs: int) -> int:
    # More documents name more actors: keep the entity count growing with the corpus.
    return max(2_000, docs // 5)


def write_documents(db: Database, first: int, last: int, actors: int) -> float:
    """Store synthetic documents number `first` to `last - 1` (the generator is deterministic,
    so a later call with a larger `last` adds the next ones)."""
    began = time.perf_counter()
    conn = connect(db)
    writer, batch = Store(conn, band_keys=band_keys), []
    for index, doc in enumerate(synthetic_documents(last, actors)):
        if index < first:
            continue
        doc.fingerprint = signature(doc.body_text())
        batch.append(doc)
        if len(batch) == BATCH:
            writer.write_documents(batch, runner.PIPELINE_VERSION)
            batch = []
    if batch:
        writer.write_documents(batch, runner.PIPELINE_VERSION)
    conn.close()
    return time.perf_counter() - began


# Tables copied with each document (their `doc` column renamed); the rest is rebuilt.
PER_DOCUMENT_TABLES = ("regions", "sentences", "mentions", "timexes", "places", "events", "lsh_bands")


def copy_documents(source: Path, db: Path, copies: range, share: float = 1.0) -> float:
    """Copy the first `share` of `source`'s documents into `db` once per number in `copies`
    (copy k > 0 gets ids suffixed "~k"; its LSH bands too, so copies stay distinct)."""
    began = time.perf_counter()
    conn = connect(db)
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    total = conn.execute("SELECT COUNT(*) FROM src.documents").fetchone()[0]
    last_seq = conn.execute("SELECT seq FROM src.documents ORDER BY seq LIMIT 1 OFFSET ?",
                            (max(0, round(total * share) - 1),)).fetchone()[0]
    columns = {table: [row[1] for row in conn.execute(f"PRAGMA src.table_info({table})")]
               for table in ("documents", *PER_DOCUMENT_TABLES)}
    renamed = {"doc": "doc || :suffix", "id": "id || :suffix", "band": "band || :suffix"}
    for k in copies:
        params = {"suffix": f"~{k}" if k else "", "last": last_seq}
        document_columns = [c for c in columns["documents"] if c != "seq"]
        select = ", ".join("NULL" if c == "duplicate_of" else renamed.get(c, c) for c in document_columns)
        conn.execute("BEGIN")
        conn.execute(f"INSERT INTO documents ({', '.join(document_columns)}) SELECT {select} "
                     "FROM src.documents WHERE seq <= :last ORDER BY seq", params)
        for table in PER_DOCUMENT_TABLES:
            names = columns[table]
            select = ", ".join(renamed.get(c, c) if c in ("doc", "band") or (table, c) == ("events", "id") else c
                               for c in names)
            conn.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {select} FROM src.{table} "
                         "WHERE doc IN (SELECT id FROM src.documents WHERE seq <= :last)", params)
        conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.close()
    return time.perf_counter() - began


def measure(db: Database) -> dict:
    """In this process: the runner's cross-document rebuild, timed step by step."""
    steps: dict[str, float] = {}

    def timed(name, function):
        def call(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                steps[name] = time.perf_counter() - began
        return call

    for name in ("rebuild_duplicates", "resolve_entities", "rebuild_aggregates"):
        setattr(crossdoc, name, timed(name, getattr(crossdoc, name)))
    conn = connect(db)
    counts = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("documents", "mentions", "events")}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    duplicates, entities, aggregates = crossdoc.rebuild_cross_document(Store(conn), version=runner.PIPELINE_VERSION)
    seconds = time.perf_counter() - began
    conn.close()
    return {"seconds": seconds, "steps": steps, "duplicates": duplicates, "entities": entities,
            "aggregates": aggregates, "rss_before": before * 1024,
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, **counts}


def measure_in_child(db: Database) -> dict:
    result = subprocess.run([sys.executable, __file__, "--measure", str(db)], check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench(size: int, folder: Path) -> dict:
    return bench_on(folder / f"crossdoc-{size}.db", size)


def new_postgresql_database(admin_url: str) -> str:
    """A new, empty database on the server of `admin_url`; its URL."""
    import psycopg

    name = f"newsweave_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def database_bytes(db: Database) -> int:
    if isinstance(db, Path):
        return db.stat().st_size
    conn = connect(db, readonly=True)
    try:
        return conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    finally:
        conn.close()


# The API's main reads (cache off: each request runs its SQL), timed on the rebuilt database.
API_ROUTES = ("/api/summary", "/api/graph", "/api/events?actor=Actor1&limit=50",
              "/api/timeline?limit=50", "/api/search?q=oil%20terminals&limit=20")
API_RUNS = 20


def time_api(db: Database) -> dict[str, float]:
    """p95 milliseconds per route in `API_ROUTES`."""
    client = TestClient(create_app(db, cache_size=0))
    return {url: time_route(client, url, API_RUNS)["p95"] for url in API_ROUTES}


def bench_on(db: Database, size: int) -> dict:
    """Build `size` synthetic documents in `db`, rebuild, add 1%, rebuild, time the API."""
    actors, extra = actors_for(size), max(1, size // 100)
    print(f"{size:,} documents into {'PostgreSQL' if isinstance(db, str) else 'SQLite'}: building…", file=sys.stderr)
    built = write_documents(db, 0, size, actors)
    print("  full rebuild…", file=sys.stderr)
    full = measure_in_child(db)
    write_documents(db, size, size + extra, actors)
    print(f"  rebuild after +{extra:,} documents…", file=sys.stderr)
    incremental = measure_in_child(db)
    return {"size": size, "actors": actors, "extra": extra, "built": built, "full": full,
            "incremental": incremental, "db_bytes": database_bytes(db),
            "store": "PostgreSQL" if isinstance(db, str) else "SQLite", "api": time_api(db)}


def bench_copies(source: Path, copies: int, folder: Path) -> dict:
    db = folder / f"copies-{copies}.db"
    print(f"{copies} cop{'y' if copies == 1 else 'ies'} of {source}: building…", file=sys.stderr)
    built = copy_documents(source, db, range(copies))
    print("  full rebuild…", file=sys.stderr)
    full = measure_in_child(db)
    copy_documents(source, db, range(copies, copies + 1), share=0.01 * copies)
    print("  rebuild after +1% documents…", file=sys.stderr)
    incremental = measure_in_child(db)
    return {"size": full["documents"], "actors": None, "extra": incremental["documents"] - full["documents"],
            "built": built, "full": full, "incremental": incremental, "db_bytes": db.stat().st_size}


def render(results: list[dict], load: tuple, note: str | None, source: Path | None = None,
           argv: list[str] | None = None) -> str:
    mib = 2 ** 20
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    kind = f"copies of the documents of a real run ({source.name})" if source else "synthetic documents"
    lines = [f"### {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC — {kind}", "",
             f"Machine: {os.cpu_count()} CPUs (`nproc`), {memory:.1f} GiB RAM, Python "
             f"{platform.python_version()}, {platform.platform()}. Load average at the start "
             f"{'/'.join(f'{x:.2f}' for x in load)}. Run: `.venv/bin/python benchmarks/bench_crossdoc.py{''.join(' ' + a for a in argv or [])}`.", ""]
    if note:
        lines += [f"Note: {note}", ""]
    lines += ["| store | documents (actors) | mentions / events | rebuild | duplicates / entities / aggregates s "
              "| peak RSS (before rebuild) | +1% documents: rebuild | entities / relations / timeline |",
              "|---|---|---|---:|---|---:|---:|---|"]
    for r in results:
        full, incr = r["full"], r["incremental"]
        actors = f"{r['actors']:,}" if r["actors"] else "real actors"
        steps = " / ".join(f"{full['steps'].get(name, 0):.1f}"
                           for name in ("rebuild_duplicates", "resolve_entities", "rebuild_aggregates"))
        lines.append(
            f"| {r.get('store', 'SQLite')} | {r['size']:,} ({actors}) | {full['mentions']:,} / {full['events']:,} | "
            f"{full['seconds']:.1f} s | {steps} | {full['peak_rss'] / mib:,.0f} MiB "
            f"({full['rss_before'] / mib:,.0f}) | {incr['seconds']:.1f} s ({incr['peak_rss'] / mib:,.0f} MiB) | "
            f"{full['entities']:,} / {full['aggregates']['relations']:,} / {full['aggregates']['timeline']:,} |")
    timed_api = [r for r in results if r.get("api")]
    if timed_api:
        lines += ["", f"The API on the rebuilt database (in-process TestClient, response cache off, p95 of {API_RUNS} "
                  "requests in ms). PostgreSQL's peak RSS above is newsweave's process; the server's own memory "
                  "is not in it.", "",
                  "| store | documents | " + " | ".join(f"`{url}`" for url in API_ROUTES) + " |",
                  "|---|---:|" + "---:|" * len(API_ROUTES)]
        lines += [f"| {r['store']} | {r['size']:,} | " + " | ".join(f"{r['api'][url]:.0f}" for url in API_ROUTES) + " |"
                  for r in timed_api]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--note", help="A remark recorded with the results.")
    parser.add_argument("--no-write", action="store_true", help="Print only; do not touch RESULTS.md.")
    parser.add_argument("--from-db", type=Path, help="Copy the documents of this database (a real run) instead.")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10], help="With --from-db: copies per database.")
    parser.add_argument("--postgresql", metavar="URL",
                        help="Also measure on PostgreSQL: a server URL whose user may create databases.")
    parser.add_argument("--measure", type=str, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(location(args.measure))))
        return 0
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="newsweave-crossdoc-") as tmp:
        results = []
        for size in args.copies if args.from_db else args.sizes:
            results.append(bench_copies(args.from_db, size, Path(tmp)) if args.from_db else bench(size, Path(tmp)))
            print(json.dumps(results[-1]), file=sys.stderr)
            if args.postgresql and not args.from_db:
                results.append(bench_on(new_postgresql_database(args.postgresql), size))
                print(json.dumps(results[-1]), file=sys.stderr)
    text = render(results, load, args.note, args.from_db, sys.argv[1:] if argv is None else argv)
    print(text)
    if not args.no_write:
        append_results(RESULTS, text, HEADING, "bench_crossdoc.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
