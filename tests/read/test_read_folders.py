"""Folders: read recursively in sorted order, hidden files skipped, foreign files reported (never
skipped silently, issue 14), loops survived."""

from __future__ import annotations

import os

import pytest

from newsweave.document import Document
from newsweave.errors import UnsupportedFormat
from newsweave.read import read_paths
from newsweave.settings import Settings


def _tree(root):
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("alpha")
    (root / "b" / "c.html").write_text("<p>gamma</p>")
    (root / "b" / "notes.md").write_text("skipped")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "d.txt").write_text("hidden")
    (root / ".e.txt").write_text("hidden too")
    (root / "z.TXT").write_text("zeta")
    return root


def documents(items):
    return [i for i in items if isinstance(i, Document)]


def test_recursive_sorted_skipping_hidden_and_reporting_foreign(tmp_path):
    root = _tree(tmp_path / "in")
    items = list(read_paths([root], Settings()))
    docs = documents(items)
    assert [i.raw for i in docs] == ["alpha", "<p>gamma</p>", "zeta"]
    assert docs[1].path == os.path.join(str(root), "b", "c.html")
    refused = [i for i in items if not isinstance(i, Document)]
    assert [(type(i), i.path) for i in refused] == [(UnsupportedFormat, os.path.join(str(root), "b", "notes.md"))]
    assert "unsupported file type, not read (newsweave reads" in refused[0].reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_does_not_hang(tmp_path):
    root = _tree(tmp_path / "in")
    os.symlink(root, root / "b" / "loop")
    items = list(read_paths([root], Settings()))
    assert [i.raw for i in documents(items)] == ["alpha", "<p>gamma</p>", "zeta"]


def test_rereading_gives_same_ids(tmp_path):
    root = _tree(tmp_path / "in")
    first = [d.id for d in documents(read_paths([root], Settings()))]
    assert first == [d.id for d in documents(read_paths([root], Settings()))]
