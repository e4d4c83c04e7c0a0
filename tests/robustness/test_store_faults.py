"""Issue 7: the database under faults. A full disk and a read-only database give a clear
StoreError naming the database and leave it uncorrupted; a second `newsweave run` on a database
being written refuses (DatabaseBusy, non-zero exit); `summary` and `export` read it meanwhile."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bad_inputs import ARTICLE_ONE, ARTICLE_TWO
from newsweave import runner
from newsweave.clean import clean
from newsweave.errors import StoreError
from newsweave.settings import Settings
from robustness.helpers import run_with

FAST_STAGES = [clean]  # the store sees the same writes; no model needed


def write_corpus(folder: Path, count: int, size: int = 2000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        base = ARTICLE_ONE if i % 2 else ARTICLE_TWO
        filler = " ".join(f"Paragraph {i}-{j} of the field report." for j in range(size // 40))
        (folder / f"doc_{i:03d}.txt").write_text(f"{base}\n{filler}\n", "utf-8")
    return folder


def integrity(db: Path) -> str:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def documents(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A 2 MB tmpfs (root only); skips where it cannot be mounted."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs needs root")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_an_sqlite_too_old_is_a_clear_error(tmp_path, monkeypatch):
    from newsweave.store import connect

    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")
    with pytest.raises(StoreError, match=r"needs SQLite 3\.35\.0 or later; this Python has SQLite 3\.31\.1"):
        connect(tmp_path / "old.db")
    assert not (tmp_path / "old.db").exists()


def test_a_full_disk_is_a_clear_error_and_no_corruption(tiny_tmpfs, tmp_path):
    corpus = write_corpus(tmp_path / "in", 60, size=40_000)
    db = tiny_tmpfs / "full.db"
    with pytest.raises(StoreError) as caught:
        run_with(FAST_STAGES, [corpus], Settings(db=db, batch_size=4))
    assert str(db) in str(caught.value) and "full" in str(caught.value)
    assert integrity(db) == "ok"
    assert 0 < documents(db) < 60  # the batches committed before the disk filled stay whole


def test_a_database_at_its_page_limit_is_a_clear_error(tmp_path, monkeypatch):
    """The same as a full disk, where no tmpfs can be mounted (`PRAGMA max_page_count`)."""
    corpus = write_corpus(tmp_path / "in", 30, size=20_000)
    db = tmp_path / "capped.db"
    run_with(FAST_STAGES, [write_corpus(tmp_path / "first", 1)], Settings(db=db))
    connect = runner.connect

    def capped(path, **kw):
        conn = connect(path, **kw)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        return conn

    monkeypatch.setattr(runner, "connect", capped)
    with pytest.raises(StoreError) as caught:
        run_with(FAST_STAGES, [corpus], Settings(db=db, batch_size=4))
    assert str(db) in str(caught.value) and "full" in str(caught.value)
    monkeypatch.undo()
    assert integrity(db) == "ok"
    run_with(FAST_STAGES, [corpus], Settings(db=db, batch_size=4))  # with room again, it resumes
    assert documents(db) == 31


def test_a_read_only_database_is_a_clear_error(tiny_tmpfs, tmp_path):
    db = tiny_tmpfs / "ro.db"
    run_with(FAST_STAGES, [write_corpus(tmp_path / "first", 2)], Settings(db=db))
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_tmpfs)], check=True)
    try:
        with pytest.raises(StoreError) as caught:
            run_with(FAST_STAGES, [write_corpus(tmp_path / "more", 3)], Settings(db=db))
        assert str(db) in str(caught.value)
        assert "corrupt" not in str(caught.value)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_tmpfs)], check=True)
    assert integrity(db) == "ok" and documents(db) == 2


# --- two real processes ----------------------------------------------------------------------

def newsweave(*args) -> list[str]:
    return [sys.executable, "-m", "newsweave", *map(str, args)]


@pytest.mark.slow
def test_a_second_run_refuses_and_readers_read_while_a_run_writes(tmp_path):
    corpus = write_corpus(tmp_path / "in", 40)
    db = tmp_path / "busy.db"
    first = subprocess.Popen(newsweave("run", corpus, "--db", db, "--no-progress"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while first.poll() is None and time.monotonic() < deadline:
            if db.exists() and documents_or_zero(db) >= 1:
                break
            time.sleep(0.05)
        assert first.poll() is None, f"the run ended too soon: {first.stderr.read()[-2000:]}"
        second = subprocess.run(newsweave("run", corpus, "--db", db, "--no-progress"),
                                capture_output=True, text=True, timeout=120)
        summary = subprocess.run(newsweave("summary", "--db", db), capture_output=True, text=True, timeout=120)
        exported = subprocess.run(newsweave("export", "--db", db, "--format", "json"),
                                  capture_output=True, text=True, timeout=120)
        still_running = first.poll() is None
    finally:
        out, err = first.communicate(timeout=300)
    assert second.returncode != 0
    assert str(db) in second.stderr and "another `newsweave run`" in second.stderr, second.stderr
    assert summary.returncode == 0, summary.stderr
    assert exported.returncode == 0, exported.stderr
    assert isinstance(json.loads(exported.stdout)["documents"], list)
    assert first.returncode == 0, err
    assert integrity(db) == "ok" and documents(db) == 40
    if not still_running:
        pytest.skip("the first run finished before the readers did: concurrency not exercised")


def documents_or_zero(db: Path) -> int:
    try:
        return documents(db)
    except sqlite3.Error:
        return 0
