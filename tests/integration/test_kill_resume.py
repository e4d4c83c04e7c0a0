"""A run killed with SIGKILL and started again ends with the same database as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from stopped_runs import export, make_corpus, newsweave, stored_documents

pytestmark = pytest.mark.slow


def kill_after(db: Path, corpus: Path, documents: int, timeout: float = 120) -> None:
    """Start a run and SIGKILL it once `documents` documents are committed."""
    process = subprocess.Popen(newsweave("run", corpus, "--db", db, "--no-progress"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while stored_documents(db) < documents and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if process.returncode != -signal.SIGKILL:
        pytest.fail(f"the run ended before it could be killed: {process.stderr.read().decode()[-2000:]}")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("kill") / "corpus", 40)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("reference") / "reference.db"
    subprocess.run(newsweave("run", corpus, "--db", db, "--no-progress"), check=True, capture_output=True)
    return export(db)


@pytest.mark.parametrize("kill_points", [(1,), (16, 33)])
def test_killed_run_resumes_to_the_same_database(corpus, reference, database, kill_points):
    """On SQLite and on PostgreSQL: the killed run's transaction is rolled back, its lock gone."""
    db = database
    for documents in kill_points:
        kill_after(db, corpus, documents)
    if isinstance(db, Path):
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    result = subprocess.run(newsweave("run", corpus, "--db", db, "--no-progress"), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert export(db) == reference
    assert len(reference["documents"]) == 40
