"""A run killed with SIGKILL and started again ends with the same database as an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bad_inputs import ARTICLE_ONE, ARTICLE_TWO
from newsweave.errors import StoreError
from newsweave.store import connect

pytestmark = pytest.mark.slow


def make_corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        base = ARTICLE_ONE if i % 2 else ARTICLE_TWO
        (folder / f"article_{i:03d}.txt").write_text(f"{base}\nReport number {i} from the field desk.\n", "utf-8")
    return folder


def newsweave(*args) -> list[str]:
    return [sys.executable, "-m", "newsweave", *map(str, args)]


def stored_documents(db) -> int:
    if isinstance(db, Path):  # read raw: opening it through the store could migrate a half-made file
        if not db.exists():
            return 0
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as raw:
                return raw.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            return 0
    try:
        conn = connect(db, readonly=True)
    except StoreError:  # not created yet
        return 0
    try:
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except Exception:  # the schema is being created
        return 0
    finally:
        conn.close()


def export(db: Path) -> dict:
    result = subprocess.run(newsweave("export", "--db", db, "--format", "json"),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


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
