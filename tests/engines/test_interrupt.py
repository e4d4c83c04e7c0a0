"""Ctrl-C (SIGINT to the whole process group, as a terminal sends it) stops a run cleanly and a
re-run resumes to the same database as an uninterrupted run (issue 6)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stopped_runs import export, make_corpus, newsweave, stored_documents

pytestmark = pytest.mark.slow

# Three batches (settings.batch_size is 16): when the first is stored, the second is still being
# processed (engines keep batches in flight), so the run is stopped between two commits.
DOCUMENTS = 40
FIRST_BATCH = 16
PAUSED_RUN = Path(__file__).with_name("paused_run.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("interrupt") / "corpus", DOCUMENTS)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("reference") / "reference.db"
    subprocess.run(newsweave("run", corpus, "--db", db, "--no-progress"), check=True, capture_output=True)
    return export(db)


def interrupt_after(db: Path, corpus: Path, documents: int, *options: str) -> subprocess.CompletedProcess:
    """Start a run in its own process group, held once `documents` are stored (paused_run.py),
    and send it SIGINT there: the run cannot finish first, however loaded the machine."""
    marker = db.with_name(db.name + ".paused")
    process = subprocess.Popen([sys.executable, str(PAUSED_RUN), marker, str(documents),
                                "run", corpus, "--db", db, "--no-progress", *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    while not marker.exists() and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it stored the first batch"
    os.killpg(process.pid, signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the run did not stop within 120 s of Ctrl-C")
    return subprocess.CompletedProcess(process.args, process.returncode, "", stderr)


@pytest.mark.parametrize("options", [(), ("--workers", "2"), ("--engine", "dask", "--workers", "2")],
                         ids=["in-process", "pool", "dask"])
def test_ctrl_c_stops_cleanly_and_a_rerun_resumes(corpus, reference, tmp_path, options):
    db = tmp_path / "interrupted.db"
    stopped = interrupt_after(db, corpus, FIRST_BATCH, *options)
    assert stopped.returncode == 130, stopped.stderr[-3000:]
    assert "To resume, run again: newsweave run" in stopped.stderr
    assert "Traceback" not in stopped.stderr, stopped.stderr[-3000:]
    assert FIRST_BATCH <= stored_documents(db) < DOCUMENTS
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Resumed in one process whatever the engine: what is stored does not depend on it.
    again = subprocess.run(newsweave("run", corpus, "--db", db, "--no-progress"), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "already stored" in again.stderr
    assert export(db) == reference
