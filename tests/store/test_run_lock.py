"""The run lock: one writer per database, a refused run names the holder; portable to Windows
(issue 14: `import fcntl` made the package unusable there)."""

from __future__ import annotations

import fcntl
import importlib.util
import os
import sys
import types

import pytest

from newsweave.errors import DatabaseBusy
from newsweave.store import database


def windows_database_module(monkeypatch):
    """newsweave.store.database as imported on Windows: no fcntl; msvcrt's byte-range lock
    played by flock, remembering where each lock was taken."""
    taken = []

    def locking(fd, mode, nbytes):
        taken.append((os.lseek(fd, 0, os.SEEK_CUR), mode, nbytes))
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    monkeypatch.setitem(sys.modules, "msvcrt", types.SimpleNamespace(LK_NBLCK=2, locking=locking))
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` fails, as on Windows
    monkeypatch.setattr(os, "name", "nt")
    spec = importlib.util.spec_from_file_location("newsweave.store._database_on_windows", database.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.undo()
    return module, taken


@pytest.mark.parametrize("platform", ["posix", "windows"])
def test_a_second_run_on_a_locked_database_is_refused_naming_the_holder(tmp_path, monkeypatch, platform):
    module, taken = (database, None) if platform == "posix" else windows_database_module(monkeypatch)
    db = tmp_path / "news.db"
    with module.run_lock(db):
        with pytest.raises(DatabaseBusy, match=rf"another `newsweave run` is writing to it \(pid {os.getpid()} since "):
            with module.run_lock(db):
                pass
    with module.run_lock(db):  # released when the run ends
        assert (tmp_path / "news.db.lock").read_text().startswith(f"pid {os.getpid()} since ")
    if taken is not None:
        # Windows cannot read a locked byte: the lock lies past the holder line that others read.
        assert taken and all(position > 100 and nbytes == 1 for position, _, nbytes in taken)
