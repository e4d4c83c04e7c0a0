"""Folders: read recursively in sorted order, hidden and foreign files skipped, loops survived."""

from __future__ import annotations

import os

import pytest

from newsweave.document import Document
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


def test_recursive_sorted_skipping_hidden_and_foreign(tmp_path):
    root = _tree(tmp_path / "in")
    items = list(read_paths([root], Settings()))
    assert all(isinstance(i, Document) for i in items)
    assert [i.raw for i in items] == ["alpha", "<p>gamma</p>", "zeta"]
    assert items[1].path == os.path.join(str(root), "b", "c.html")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_does_not_hang(tmp_path):
    root = _tree(tmp_path / "in")
    os.symlink(root, root / "b" / "loop")
    items = list(read_paths([root], Settings()))
    assert [i.raw for i in items] == ["alpha", "<p>gamma</p>", "zeta"]


def test_rereading_gives_same_ids(tmp_path):
    root = _tree(tmp_path / "in")
    first = [d.id for d in read_paths([root], Settings())]
    assert first == [d.id for d in read_paths([root], Settings())]
