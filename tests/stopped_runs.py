"""What the tests that stop a run (SIGKILL, Ctrl-C) share: the command line in a subprocess, the
count of documents a run has committed so far, the export, and the corpus of the two test
articles."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from bad_inputs import ARTICLE_ONE, ARTICLE_TWO
from newsweave.errors import StoreError
from newsweave.store import connect


def newsweave(*args) -> list[str]:
    return [sys.executable, "-m", "newsweave", *map(str, args)]


def make_corpus(folder: Path, count: int) -> Path:
    """`count` articles: the two test articles in turn, each with its own closing line."""
    folder.mkdir()
    for i in range(count):
        base = ARTICLE_ONE if i % 2 else ARTICLE_TWO
        (folder / f"article_{i:03d}.txt").write_text(f"{base}\nReport number {i} from the field desk.\n", "utf-8")
    return folder


def stored_documents(db) -> int:
    """Documents committed in `db` (a SQLite path or a PostgreSQL URL) while a run writes it."""
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


def export(db) -> dict:
    result = subprocess.run(newsweave("export", "--db", db, "--format", "json"),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)
