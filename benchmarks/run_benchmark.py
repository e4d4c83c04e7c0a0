"""Measure newsweave's throughput and memory on a corpus and append the results to RESULTS.md.

One invocation measures, on the same texts and the same number of cores:
- a full `newsweave run` (a fresh database): wall time, docs/s, words/s, engine start-up time,
  peak RSS of this process and all its children (pool or Dask workers) together;
- the time per stage, in one process on a sample, by wrapping each stage (pipeline.py unchanged);
- spaCy's own `nlp.pipe` with the same model and `n_process` = workers: the floor a pipeline
  built on spaCy can reach, and newsweave's throughput as a fraction of it;
- the incremental cost: 1% new documents added to the database of the full run, against the
  full run.

    python benchmarks/build_corpus.py --size 1000 -o benchmarks/corpora/news-1k.jsonl
    python benchmarks/run_benchmark.py benchmarks/corpora/news-1k.jsonl --workers 2
    python benchmarks/run_benchmark.py benchmarks/corpora/news-10k.jsonl --workers 2 --engine dask

Numbers depend on the machine and its load: each section records `nproc`, memory and the load
average before and after the run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
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
from newsweave.pipeline import build_stages, process_safely  # noqa: E402
from newsweave.read import read_paths  # noqa: E402
from newsweave.settings import Settings  # noqa: E402

SECTION = "## Throughput and memory"


class PeakRSS:
    """Samples the resident memory of this process plus all its descendants; keeps the peak."""

    def __init__(self, interval: float = 0.1):
        import psutil  # installed with distributed; a plain dependency of this script

        self.psutil, self.interval, self.peak = psutil, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _total(self) -> int:
        me = self.psutil.Process()
        total = 0
        for process in [me, *me.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except self.psutil.Error:
                pass  # a worker that just ended
        return total

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._total())
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def corpus_stats(paths: list[Path], settings: Settings) -> tuple[int, int, list[str]]:
    """Documents, words and texts of the corpus as newsweave reads it."""
    texts = [doc.raw for doc in read_paths(paths, settings) if hasattr(doc, "raw")]
    return len(texts), sum(len(t.split()) for t in texts), texts


def full_run(paths: list[Path], settings: Settings) -> dict:
    started: dict[str, float] = {}
    make_engine = runner.make_engine

    def timed_engine(s):
        began = time.monotonic()
        engine = make_engine(s)
        started["seconds"] = time.monotonic() - began
        return engine

    runner.make_engine = timed_engine
    try:
        with PeakRSS() as rss:
            began = time.monotonic()
            report = runner.run(paths, settings)
            seconds = time.monotonic() - began
    finally:
        runner.make_engine = make_engine
    return {"seconds": seconds, "startup": started.get("seconds", 0.0), "added": report.added,
            "failed": report.failed, "peak_rss": rss.peak}


def stage_times(paths: list[Path], settings: Settings, sample: int) -> dict[str, float]:
    """Seconds per stage over the first `sample` documents, in this process."""
    times: dict[str, float] = {}

    def timed(stage):
        name = getattr(stage, "__name__", type(stage).__name__)

        def run_stage(doc):
            began = time.perf_counter()
            try:
                return stage(doc)
            finally:
                times[name] = times.get(name, 0.0) + time.perf_counter() - began
        return run_stage

    stages = [timed(stage) for stage in build_stages(settings)]
    docs = [doc for doc in read_paths(paths, settings) if hasattr(doc, "raw")][:sample]
    for doc in docs:
        process_safely(doc, stages)
    return {"documents": len(docs), **times}


def spacy_pipe(texts: list[str], settings: Settings) -> float:
    """Seconds for spaCy's `nlp.pipe` over `texts` with the same model and processes."""
    import spacy

    nlp = spacy.load(settings.spacy_model)
    began = time.monotonic()
    for _ in nlp.pipe(texts, n_process=settings.workers, batch_size=32):
        pass
    return time.monotonic() - began


def incremental_run(paths: list[Path], settings: Settings, size: int, seed: int, folder: Path) -> dict:
    """Add 1% new documents (new variants of the same texts) to the full run's database."""
    extra = max(1, size // 100)
    new_file = folder / "new.jsonl"
    with open(new_file, "w", encoding="utf-8") as f:
        for index, record in enumerate(build(size + extra, seed, DATA)):
            if index >= size:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    began = time.monotonic()
    report = runner.run([*paths, new_file], settings)
    return {"new": extra, "added": report.added, "seconds": time.monotonic() - began}


def machine() -> dict:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"nproc": os.cpu_count(), "ram_gib": memory / 2**30, "load": os.getloadavg(),
            "python": platform.python_version(), "platform": platform.platform()}


def render(args, corpus: dict, run: dict, stages: dict, pipe: float | None, incr: dict | None,
           before: dict, after: dict) -> str:
    docs, words = corpus["documents"], corpus["words"]
    rate = docs / run["seconds"]
    lines = [
        f"### {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC — {Path(args.corpus[0]).name}, "
        f"engine {args.engine}, {args.workers} worker(s)",
        "",
        f"Machine: {before['nproc']} CPUs (`nproc`), {before['ram_gib']:.1f} GiB RAM, Python "
        f"{before['python']}, {before['platform']}. Load average (1/5/15 min) before "
        f"{'/'.join(f'{x:.2f}' for x in before['load'])}, after {'/'.join(f'{x:.2f}' for x in after['load'])}.",
        "",
    ]
    if args.note:
        lines += [f"Note: {args.note}", ""]
    lines += [
        "| measure | value |",
        "|---|---|",
        f"| documents / words | {docs:,} / {words:,} |",
        f"| full run: wall time (engine start-up) | {run['seconds']:.1f} s ({run['startup']:.1f} s) |",
        f"| full run: docs/s, words/s | {rate:.2f}, {words / run['seconds']:,.0f} |",
        f"| full run: peak RSS, run + children | {run['peak_rss'] / 2**20:,.0f} MiB |",
        f"| documents added / failed | {run['added']} / {run['failed']} |",
    ]
    if pipe is not None:
        pipe_rate = docs / pipe
        lines += [f"| spaCy `nlp.pipe` alone (n_process={args.workers}): docs/s | {pipe_rate:.2f} ({pipe:.1f} s) |",
                  f"| newsweave / `nlp.pipe` throughput | {rate / pipe_rate:.2f} |"]
    if incr is not None:
        lines += [f"| incremental: +{incr['new']} new documents (1%) into the full run's DB | "
                  f"{incr['seconds']:.1f} s ({incr['seconds'] / run['seconds']:.0%} of the full run; "
                  f"{incr['added']} added) |"]
    if stages:
        measured = stages.pop("documents")
        total = sum(stages.values()) or 1.0
        lines += ["", f"Time per stage (one process, first {measured} documents):", "",
                  "| stage | s | ms/doc | share |", "|---|---|---|---|"]
        lines += [f"| {name} | {sec:.1f} | {1000 * sec / max(measured, 1):.1f} | {sec / total:.0%} |"
                  for name, sec in stages.items()]
    return "\n".join(lines) + "\n"


def append_results(results: Path, text: str, section: str = SECTION, script: str = "run_benchmark.py") -> None:
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
    parser.add_argument("corpus", nargs="+", help="Corpus files or folders (from build_corpus.py).")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", help="Dask scheduler address (else a local cluster).")
    parser.add_argument("--stage-sample", type=int, default=200, help="Documents for the per-stage times (0: skip).")
    parser.add_argument("--no-spacy", action="store_true", help="Skip the nlp.pipe comparison.")
    parser.add_argument("--no-incremental", action="store_true", help="Skip the 1%% incremental run.")
    parser.add_argument("--seed", type=int, default=6, help="The seed the corpus was built with.")
    parser.add_argument("--note", help="A remark recorded with the results (e.g. other load on the machine).")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--keep-db", type=Path, help="Copy the full run's database here (before the incremental run).")
    args = parser.parse_args(argv)

    paths = [Path(p) for p in args.corpus]
    before = machine()
    with tempfile.TemporaryDirectory(prefix="newsweave-bench-") as tmp:
        folder = Path(tmp)
        settings = Settings(db=folder / "bench.db", workers=args.workers, engine=args.engine,
                            scheduler=args.scheduler)
        documents, words, texts = corpus_stats(paths, settings)
        print(f"{documents} documents, {words} words; full run…", file=sys.stderr)
        run = full_run(paths, settings)
        if args.keep_db:
            shutil.copyfile(settings.db, args.keep_db)
        incr = None if args.no_incremental else incremental_run(paths, settings, documents, args.seed, folder)
        stages = stage_times(paths, settings.but(workers=1), args.stage_sample) if args.stage_sample else {}
        print("spaCy nlp.pipe…", file=sys.stderr)
        pipe = None if args.no_spacy else spacy_pipe(texts, settings)
    after = machine()
    text = render(args, {"documents": documents, "words": words}, run, stages, pipe, incr, before, after)
    print(text)  # first: the numbers survive a results file that cannot be written
    append_results(args.results, text)


if __name__ == "__main__":
    main()
