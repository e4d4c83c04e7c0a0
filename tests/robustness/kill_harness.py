"""Kill harness for test_kill_points.py (not a test module): load the model once, then fork
real `runner.run` processes and SIGKILL them at random moments.

    python kill_harness.py CORPUS WORKDIR CASES KILLS SEED > result.json

For each of CASES databases it kills runs until KILLS runs died by SIGKILL, checking
`PRAGMA integrity_check` after each, then lets a run finish and compares the JSON export with
that of an uninterrupted reference run. Prints one JSON object with what it saw.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # no BLAS threads to inherit across fork
os.environ.setdefault("OMP_NUM_THREADS", "1")

import newsweave  # noqa: E402
from newsweave import runner  # noqa: E402
from newsweave.engines import local  # noqa: E402
from newsweave.export.json import write_json  # noqa: E402
from newsweave.pipeline import build_stages  # noqa: E402
from newsweave.settings import Settings  # noqa: E402

MAX_ATTEMPTS = 10  # runs started per case at most, killed or not


def forked_run(corpus: Path, db: Path, kill_after: float | None) -> tuple[bool, float]:
    """Run in a forked child; SIGKILL it after `kill_after` seconds. (killed?, seconds it ran)."""
    began = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: a real run, then a hard exit (no atexit, no pytest teardown)
        code = 0
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            runner.run([corpus], Settings(db=db, batch_size=2))
        except BaseException:  # noqa: BLE001 - reported through the exit status
            code = 3
        os._exit(code)
    if kill_after is not None:
        deadline = began + kill_after
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return False, time.monotonic() - began
            time.sleep(0.005)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    took = time.monotonic() - began
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return True, took
    if os.WEXITSTATUS(status) != 0:
        raise SystemExit(f"a run failed with status {os.WEXITSTATUS(status)} on {db}")
    return False, took


def integrity(db: Path) -> str:
    if not db.exists():
        return "ok"  # killed before the database was created
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def exported(db: Path) -> dict:
    out = io.StringIO()
    with newsweave.open(db) as corpus:
        write_json(corpus, out)
    return json.loads(out.getvalue())


def main(corpus: Path, work: Path, cases: int, kills: int, seed: int) -> dict:
    stages = build_stages(Settings())
    local.build_stages = lambda _settings: stages
    reference_db = work / "reference.db"
    _, full = forked_run(corpus, reference_db, None)
    reference = exported(reference_db)
    rng = random.Random(seed)
    results = []
    for case in range(cases):
        db = work / f"case{case}.db"
        points, estimate, attempts = [], full, 0
        while sum(p["killed"] for p in points) < kills and attempts < MAX_ATTEMPTS:
            attempts += 1
            offset = rng.uniform(0.0, 0.8 * estimate)  # most of a run's time is before its end
            killed, took = forked_run(corpus, db, offset)
            if not killed:
                estimate = took  # the run finished first: aim inside the shorter re-run
            points.append({"offset": round(offset, 3), "killed": killed, "integrity": integrity(db)})
        forked_run(corpus, db, None)
        results.append({"case": case, "points": points, "integrity": integrity(db),
                        "same_export": exported(db) == reference})
    return {"seed": seed, "full_run_seconds": round(full, 2), "documents": len(reference["documents"]),
            "cases": results}


if __name__ == "__main__":
    corpus_arg, work_arg, cases_arg, kills_arg, seed_arg = sys.argv[1:6]
    print(json.dumps(main(Path(corpus_arg), Path(work_arg), int(cases_arg), int(kills_arg), int(seed_arg))))
