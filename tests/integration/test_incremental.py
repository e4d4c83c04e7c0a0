"""Adding documents to a database gives the database one run on all the inputs gives (issue 6):
files already stored are skipped unread, only new pairs are compared for near-duplicates, and
the entities and aggregates come out the same as from one full run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def newsweave(*args) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "newsweave", *map(str, args)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def export(db: Path) -> dict:
    return json.loads(newsweave("export", "--db", db, "--format", "json").stdout)


def run(folder: Path, db: Path) -> str:
    return newsweave("run", folder, "--db", db, "--no-progress").stderr


@pytest.fixture(scope="module")
def final_corpus(tmp_path_factory) -> Path:
    """The example stories, and a re-post of the first (a near-duplicate)."""
    folder = tmp_path_factory.mktemp("final") / "corpus"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*.md"))
    first = (folder / "01_border_talks.txt").read_text("utf-8")
    (folder / "06_repost.txt").write_text(first + "\nRead more stories like this on our site.\n", "utf-8")
    return folder


def test_adding_documents_gives_the_export_of_one_full_run(final_corpus, tmp_path):
    growing = tmp_path / "corpus"  # documents keep their path: one folder for both databases
    growing.mkdir()
    db = tmp_path / "incremental.db"
    files = sorted(final_corpus.iterdir())
    for part in (files[:2], files[2:3], files[3:]):  # the re-post comes with the last part
        for file in part:
            shutil.copy2(file, growing / file.name)
        stderr = run(growing, db)
    assert f"{len(files) - len(files[3:])} already stored" in stderr
    reference = tmp_path / "full.db"
    run(growing, reference)
    exported = export(db)
    assert exported == export(reference)
    assert [doc["name"] for doc in exported["documents"] if doc["duplicate_of"]] == ["06_repost.txt"]


def test_a_changed_file_is_read_again_and_an_unchanged_one_is_not(final_corpus, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(final_corpus, folder)
    db = tmp_path / "db.sqlite"
    run(folder, db)
    touched, changed = folder / "02_draven_visit.txt", folder / "03_airbase.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    changed.write_text(changed.read_text("utf-8") + "\nUpdated: officials confirmed the report.\n", "utf-8")
    stderr = run(folder, db)
    # Every file counts as read; only the changed one is new.
    assert "6 documents read: 1 added, 5 already stored" in stderr
    stored = {doc["name"] for doc in export(db)["documents"]}
    assert "03_airbase.txt" in stored
