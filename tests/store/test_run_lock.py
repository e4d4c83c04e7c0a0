"""The run lock: one writer per database, refused clearly, on every platform (issue 13)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsweave.errors import DatabaseBusy, StoreError
from newsweave.store import run_lock


def test_a_second_writer_is_refused_until_the_first_is_done(tmp_path):
    db = tmp_path / "x.db"
    with run_lock(db):
        with pytest.raises(DatabaseBusy) as caught:
            with run_lock(db):
                pass
        assert str(db) in str(caught.value) and "another `newsweave run`" in str(caught.value)
    with run_lock(db):  # released
        pass


def test_a_missing_folder_is_an_error_not_created(tmp_path):
    db = tmp_path / "nowhere" / "x.db"
    with pytest.raises(StoreError):
        with run_lock(db):
            pass
    assert not db.parent.exists()


def test_the_package_imports_without_fcntl():
    """Windows has no fcntl: the package, the runner and the store must import without it."""
    code = ("import sys; sys.modules['fcntl'] = None\n"
            "import newsweave, newsweave.runner, newsweave.store, newsweave.crossdoc, newsweave.cli")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
