"""Measure newsweave's end-to-end throughput against spaCy's own `nlp.pipe` at several corpus
sizes in one invocation, and write the results to RESULTS.md (its block replaced in place).

For each size (default 200, 1,000 and 10,000 documents, built by `build_corpus.py`):
- a full `newsweave run` into a fresh database (`runner.run`, as `newsweave run --workers N`):
  wall time, docs/s, peak memory of this process and its children (RSS summed, and PSS: shared
  pages counted once), and where the time went: the
  start-up (model, gazetteer, knowledge base: once, before the workers fork), each per-document
  stage summed over the workers, the writer, the cross-document rebuild;
- spaCy's `nlp.pipe(n_process=N)` with the same model over the same texts, right after it (the
  model is loaded before the clock starts, as a service would): the ratio of the two throughputs;
- the incremental cost: 1% new documents added to that database, against the full run.
Then `api.analyze_text` on one ~800-word article in this (warm) process: the median wall and CPU
time of N calls.

    python benchmarks/run_benchmark.py --workers 2                       # 200, 1,000, 10,000
    python benchmarks/run_benchmark.py --workers 2 --sizes 200 1000      # a quicker look

Numbers depend on the machine and its load: the block records `nproc`, memory and the load
average before and after; both sides of each ratio run back to back, under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_corpus import DATA, build  # noqa: E402

from newsweave import runner  # noqa: E402
from newsweave.clean import clean  # noqa: E402
from newsweave.read import read_paths  # noqa: E402
from newsweave.settings import Settings  # noqa: E402
from newsweave.engines import local as local_engine  # noqa: E402
from newsweave.store import Store  # noqa: E402

SECTION = "## Throughput and memory"
START_UP, START_UP_FILE = "start-up (model, gazetteer, KB)", "start-up-"
MAIN_PROCESS_PARTS = ("writer (main process)", "cross-document rebuild (main process)")
BEGIN, END = "<!-- run_benchmark.py: begin -->", "<!-- run_benchmark.py: end -->"


class PeakRSS:
    """Samples the memory of this process plus all its descendants; keeps the peaks of their
    summed resident sets (RSS: the pages forked workers share with their parent, the model
    among them, counted once per process) and of their summed proportional sets (PSS: each
    shared page divided among the processes sharing it, so the total is the real footprint)."""

    def __init__(self, interval: float = 0.25):
        import psutil  # installed with distributed; a plain dependency of this script

        self.psutil, self.interval, self.peak, self.peak_pss = psutil, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _totals(self) -> tuple[int, int]:
        me = self.psutil.Process()
        rss = pss = 0
        for process in [me, *me.children(recursive=True)]:
            try:
                memory = process.memory_full_info()
            except self.psutil.Error:
                continue  # a worker that just ended
            rss += memory.rss
            pss += getattr(memory, "pss", memory.rss)  # PSS where the system reports it (Linux)
        return rss, pss

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss, pss = self._totals()
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def write_corpus(size: int, seed: int, path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for record in build(size, seed, DATA):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def pipe_texts(paths: list[Path], settings: Settings) -> list[str]:
    """The texts a user would hand to spaCy: plain texts as they are, a page's extracted text."""
    texts = []
    for doc in read_paths(paths, settings):
        if hasattr(doc, "raw"):
            texts.append(clean(doc).text if doc.format == "html" else doc.raw)
    return texts


class StageClock:
    """Times the run's parts: the stages in each worker (forked workers inherit the wrapped
    `build_stages`; each writes its totals to a file of `folder`), the writer and the rebuild
    in this process. The code measured is unchanged."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.parent: dict[str, float] = {}
        self._saved: list[tuple[object, str, object]] = []

    def _patch(self, owner, name: str, wrapper) -> None:
        original = getattr(owner, name)
        self._saved.append((owner, name, original))
        setattr(owner, name, wrapper(original))

    def __enter__(self) -> "StageClock":
        folder, parent = self.folder, self.parent

        def timed_build(build_stages):
            def build_timed(settings):
                began = time.perf_counter()
                stages = build_stages(settings)
                # Built once in the main process before it forks the workers, or in each worker.
                (folder / f"{START_UP_FILE}{os.getpid()}.json").write_text(
                    json.dumps({START_UP: time.perf_counter() - began}))
                times: dict[str, float] = {}

                def timed(stage, *, group: bool = False):
                    """A group of stages (`InAnalysedLanguage`) is timed stage by stage inside; a
                    stage's `prepare` (the parser's batched part) counts as that stage's time."""
                    name = getattr(stage, "__name__", type(stage).__name__)
                    if group:
                        stage.stages = [timed(inner) for inner in stage.stages]

                    def clocked(function):
                        def run(arg):
                            began = time.perf_counter()
                            try:
                                return function(arg)
                            finally:
                                if not group:
                                    times[name] = times.get(name, 0.0) + time.perf_counter() - began
                                if function is last:  # each worker's own file (forked ones inherit this code)
                                    (folder / f"{os.getpid()}.json").write_text(json.dumps(times))
                        return run

                    run_stage = clocked(stage)
                    if hasattr(stage, "prepare"):
                        run_stage.prepare = clocked(stage.prepare)
                    return run_stage

                last = stages[-1]
                return [timed(stage, group=hasattr(stage, "stages")) for stage in stages]
            return build_timed

        def timed_in_parent(label):
            def wrapper(function):
                def run(*args, **kwargs):
                    began = time.perf_counter()
                    try:
                        return function(*args, **kwargs)
                    finally:
                        parent[label] = parent.get(label, 0.0) + time.perf_counter() - began
                return run
            return wrapper

        self._patch(local_engine, "build_stages", timed_build)
        self._patch(Store, "write_documents", timed_in_parent(MAIN_PROCESS_PARTS[0]))
        self._patch(runner, "rebuild_cross_document", timed_in_parent(MAIN_PROCESS_PARTS[1]))
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)

    def totals(self) -> tuple[dict[str, float], int]:
        """Seconds per part (worker parts summed over the workers), and the number of workers."""
        totals: dict[str, float] = {}
        files = sorted(self.folder.glob("*.json"))
        for path in files:
            for name, seconds in json.loads(path.read_text()).items():
                totals[name] = totals.get(name, 0.0) + seconds
        workers = sum(1 for path in files if not path.name.startswith(START_UP_FILE))
        return {**totals, **self.parent}, workers


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (a pool, once shut down)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def full_run(paths: list[Path], settings: Settings, clock_folder: Path) -> dict:
    clock_folder.mkdir()
    with StageClock(clock_folder) as clock, PeakRSS() as rss:
        began, cpu = time.monotonic(), cpu_seconds()
        report = runner.run(paths, settings)
        seconds, cpu = time.monotonic() - began, cpu_seconds() - cpu
    parts, workers = clock.totals()
    return {"seconds": seconds, "cpu": cpu, "added": report.added, "failed": report.failed,
            "peak_rss": rss.peak, "peak_pss": rss.peak_pss, "parts": parts, "processes": workers}


def spacy_pipe(texts: list[str], settings: Settings) -> tuple[float, float]:
    """Seconds (wall, CPU) for spaCy's `nlp.pipe` over `texts` with the same model and processes."""
    import spacy

    nlp = spacy.load(settings.spacy_model)
    began, cpu = time.monotonic(), cpu_seconds()
    for _ in nlp.pipe(texts, n_process=settings.workers, batch_size=32):
        pass
    return time.monotonic() - began, cpu_seconds() - cpu


def incremental_run(paths: list[Path], settings: Settings, size: int, seed: int, folder: Path) -> dict:
    """Add 1% new documents (the next variants of the same texts) to the full run's database."""
    extra = max(1, size // 100)
    new_file = folder / "new.jsonl"
    with open(new_file, "w", encoding="utf-8") as f:
        for index, record in enumerate(build(size + extra, seed, DATA)):
            if index >= size:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    began = time.monotonic()
    report = runner.run([*paths, new_file], settings)
    return {"new": extra, "added": report.added, "seconds": time.monotonic() - began}


def article_of_about(words: int, seed: int) -> str:
    """The realnews article (else any text) of the corpus builder closest to `words` words."""
    texts = [r["text"] for r in build(2000, seed, DATA) if r.get("source") == "realnews" and "html" not in r]
    texts = texts or [r["text"] for r in build(2000, seed, DATA) if "html" not in r]
    return min(texts, key=lambda t: (abs(len(t.split()) - words), t))


def analyze_text_ms(text: str, calls: int) -> tuple[float, float, float]:
    """Milliseconds of `api.analyze_text(text)` in this process: the median wall time and CPU
    time (all its threads) of `calls` warm calls, and the first call's wall time."""
    from newsweave.api import analyze_text

    began = time.perf_counter()
    analyze_text(text)  # loads the model and builds the stages: the cold call
    first = time.perf_counter() - began
    times, cpu = [], []
    for _ in range(calls):
        began, began_cpu = time.perf_counter(), time.process_time()
        analyze_text(text)
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return 1000 * statistics.median(times), 1000 * statistics.median(cpu), 1000 * first


def machine() -> dict:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"nproc": os.cpu_count(), "ram_gib": memory / 2**30, "load": os.getloadavg(),
            "python": platform.python_version(), "platform": platform.platform()}


def render(args, rows: list[dict], article: dict | None, before: dict, after: dict) -> str:
    load = "/".join(f"{x:.2f}" for x in before["load"]), "/".join(f"{x:.2f}" for x in after["load"])
    lines = [
        f"### {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC — `run_benchmark.py --workers {args.workers} "
        f"--sizes {' '.join(map(str, args.sizes))}`, engine {args.engine}",
        "",
        f"Machine: {before['nproc']} CPUs (`nproc`), {before['ram_gib']:.1f} GiB RAM, Python {before['python']}, "
        f"{before['platform']}. Load average (1/5/15 min) before {load[0]}, after {load[1]}.",
        "",
    ]
    if args.note:
        lines += [f"Note: {args.note}", ""]
    lines += ["| documents | words | newsweave run: s, docs/s | `nlp.pipe`: s, docs/s | ratio | CPU s: newsweave, "
              "`nlp.pipe` (ratio) | peak memory: RSS summed, PSS | +1% incremental: s (share of the full run) |",
              "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        run, docs = row["run"], row["documents"]
        if row["pipe"]:
            (wall, cpu) = row["pipe"]
            pipe, ratio = f"{wall:.1f}, {docs / wall:.2f}", f"**{wall / run['seconds']:.2f}**"
            cpus = f"{run['cpu']:.0f}, {cpu:.0f} ({cpu / run['cpu']:.2f})"
        else:
            pipe = ratio = cpus = "—"
        incr = row["incremental"]
        incr = f"+{incr['new']}: {incr['seconds']:.1f} ({incr['seconds'] / run['seconds']:.0%})" if incr else "—"
        lines.append(f"| {docs:,} | {row['words']:,} | {run['seconds']:.1f}, {docs / run['seconds']:.2f} | {pipe} | "
                     f"{ratio} | {cpus} | {run['peak_rss'] / 2**20:,.0f} MiB, {run['peak_pss'] / 2**20:,.0f} MiB | "
                     f"{incr} |")
    lines += ["", "Ratio: `nlp.pipe`'s wall time over newsweave's (1.00: as fast as spaCy alone). CPU: "
                  "seconds of CPU of the main process and its workers, less sensitive than wall time "
                  "to other work on the machine."]
    if article:
        lines += ["", f"`analyze_text` on one {article['words']}-word article in a warm process: median "
                      f"**{article['median_ms']:.0f} ms** over {article['calls']} calls, {article['cpu_ms']:.0f} ms "
                      f"of CPU (the recogniser's network runs on a second CPU while the other components "
                      f"parse; first call, with loading: {article['first_ms']:,.0f} ms)."]
    for row in rows:
        run, docs = row["run"], row["documents"]
        parts = run["parts"]
        total = sum(parts.values()) or 1.0
        lines += ["", f"Where the time of the {docs:,}-document run went ({run['processes']} worker process(es), "
                      f"each part summed over them; wall time {run['seconds']:.1f} s):", "",
                  "| part | s | ms/doc | share |", "|---|---|---|---|"]
        lines += [f"| {name} | {sec:.1f} | {1000 * sec / max(docs, 1):.1f} | {sec / total:.0%} |"
                  for name, sec in parts.items()]
        in_workers = sum(sec for name, sec in parts.items() if name not in (*MAIN_PROCESS_PARTS, START_UP))
        if run["processes"]:
            lines += ["", f"The workers were busy with the stages {in_workers / (run['processes'] * run['seconds']):.0%} "
                          "of the run's wall time."]
    return "\n".join(lines) + "\n"


def replace_block(results: Path, text: str) -> None:
    """Put `text` between this script's markers in the results file (at the top of its section,
    made if missing), replacing what the last run wrote there."""
    block = f"{BEGIN}\n{text}{END}\n"
    current = results.read_text("utf-8") if results.exists() else "# Benchmark results\n"
    if BEGIN in current and END in current:
        start, end = current.index(BEGIN), current.index(END) + len(END) + 1
        results.write_text(current[:start] + block + current[end:], "utf-8")
    elif SECTION in current:
        at = current.index(SECTION) + len(SECTION)
        results.write_text(current[:at] + "\n\n" + block + "\n" + current[at:].lstrip("\n"), "utf-8")
    else:
        results.write_text(current.rstrip("\n") + f"\n\n{SECTION}\n\n{block}", "utf-8")


def append_results(results: Path, text: str, section: str, script: str) -> None:
    """Add `text` at the end of `section` of the results file (made if missing, measured by
    `benchmarks/{script}`), keeping the other sections."""
    current = results.read_text("utf-8") if results.exists() else "# Benchmark results\n"
    if section not in current:
        results.write_text(current.rstrip("\n") + f"\n\n{section}\n\nMeasured by `benchmarks/{script}`; "
                           "see benchmarks/README.md.\n\n" + text, "utf-8")
        return
    start = current.index(section) + len(section)
    end = current.find("\n## ", start)
    end = len(current) if end == -1 else end + 1
    section = current[:end].rstrip("\n") + "\n\n" + text
    results.write_text(section + ("\n" + current[end:] if end < len(current) else ""), "utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", help="Dask scheduler address (else a local cluster).")
    parser.add_argument("--seed", type=int, default=6, help="Seed of the corpora (build_corpus.py).")
    parser.add_argument("--article-calls", type=int, default=20, help="Calls of analyze_text (0: skip).")
    parser.add_argument("--no-spacy", action="store_true", help="Skip the nlp.pipe comparison.")
    parser.add_argument("--no-incremental", action="store_true", help="Skip the 1%% incremental runs.")
    parser.add_argument("--note", help="A remark recorded with the results (e.g. other load on the machine).")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--keep-db", type=Path, help="Copy the largest full run's database here.")
    args = parser.parse_args(argv)

    before = machine()
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsweave-bench-") as tmp:
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            paths = [write_corpus(size, args.seed, folder / f"news-{size}.jsonl")]
            settings = Settings(db=folder / "bench.db", workers=args.workers, engine=args.engine,
                                scheduler=args.scheduler)
            texts = pipe_texts(paths, settings)
            print(f"{size}: {len(texts)} documents; newsweave run…", file=sys.stderr)
            run = full_run(paths, settings, folder / "clock")
            print(f"{size}: nlp.pipe…", file=sys.stderr)
            pipe = None if args.no_spacy else spacy_pipe(texts, settings)
            if args.keep_db and size == max(args.sizes):
                shutil.copyfile(settings.db, args.keep_db)
            incr = None if args.no_incremental else incremental_run(paths, settings, size, args.seed, folder)
            rows.append({"documents": len(texts), "words": sum(len(t.split()) for t in texts),
                         "run": run, "pipe": pipe, "incremental": incr})
    article = None
    if args.article_calls:
        text = article_of_about(800, args.seed)
        median_ms, cpu_ms, first_ms = analyze_text_ms(text, args.article_calls)
        article = {"words": len(text.split()), "median_ms": median_ms, "cpu_ms": cpu_ms, "first_ms": first_ms,
                   "calls": args.article_calls}
    text = render(args, rows, article, before, machine())
    print(text)  # first: the numbers survive a results file that cannot be written
    replace_block(args.results, text)


if __name__ == "__main__":
    main()
