"""Issue 12, items 4 and 8, end to end: `newsweave run` on a corpus holding a link to a private
file, a FIFO, a link to /dev/zero and a WARC with a huge header line. The run ends, reports each
one, and nothing of the private file reaches the database, search or exports."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bad_inputs import ARTICLE_ONE

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs and symlinks")]

NEWSWEAVE = str(Path(sys.executable).with_name("newsweave"))
SECRET = "PRIVATEKEYdonotshare"


def newsweave(*args, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSWEAVE, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def test_a_hostile_corpus_is_refused_file_by_file(tmp_path):
    private = tmp_path / "home"
    private.mkdir()
    (private / "notes.txt").write_text(f"{SECRET} is the key.", "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "article.txt").write_text(ARTICLE_ONE, "utf-8")
    os.symlink(private / "notes.txt", corpus / "leak.txt")
    os.mkfifo(corpus / "x.txt")
    os.symlink("/dev/zero", corpus / "zero.jsonl")
    header = b"WARC/1.0\r\nWARC-Type: resource\r\nX-Junk: " + b"a" * (32 * 1024 * 1024) + b"\r\n\r\n"
    (corpus / "bomb.warc.gz").write_bytes(gzip.compress(header, compresslevel=9))
    db = tmp_path / "hostile.db"

    run = newsweave("run", corpus, "--db", db)  # before the fix: blocked forever on x.txt
    assert run.returncode == 0, run.stderr
    for name, reason in (("leak.txt", "outside the input folders"), ("x.txt", "not a regular file"),
                         ("zero.jsonl", "outside the input folders"), ("bomb.warc.gz", "header")):
        assert any(name in line and reason in line for line in run.stderr.splitlines()), (name, run.stderr)

    exported = newsweave("export", "--db", db, "--format", "json")
    assert exported.returncode == 0 and SECRET not in exported.stdout
    assert [d["name"] for d in json.loads(exported.stdout)["documents"]] == ["article.txt"]
    searched = newsweave("search", SECRET, "--db", db)
    assert SECRET not in searched.stdout and "no article matches" in searched.stderr
