"""A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, started on
127.0.0.1 at a free port, stopped and removed at the end of the session; one fresh database per
test. `NEWSWEAVE_TEST_POSTGRESQL` (a URL of a server whose user may create databases) uses a
running server instead.

Without a server (no PostgreSQL binaries, no psycopg) the PostgreSQL cases skip and say why;
with `CI=true` they fail instead, so CI always runs them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

SUPERUSER = "newsweave"


def unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
    pytest.skip(f"no PostgreSQL server for the tests: {reason}")


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A PostgreSQL server the tests may create databases on."""

    def __init__(self, admin_url: str, stop=None):
        self.admin_url = admin_url
        self._stop = stop

    def new_database(self) -> str:
        import psycopg

        name = f"nw_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.admin_url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        if self._stop:
            self._stop()


def start() -> Server:
    """Start a throwaway server (as the `postgres` user when run as root: initdb refuses root)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install -e '.[test]')")
    if os.environ.get("NEWSWEAVE_TEST_POSTGRESQL"):
        return Server(os.environ["NEWSWEAVE_TEST_POSTGRESQL"])
    bindir = _binaries()
    if bindir is None:
        unavailable("initdb not found (Debian: apt-get install postgresql)")
    as_root = os.geteuid() == 0
    if as_root and not shutil.which("runuser"):
        unavailable("running as root without runuser to start the server as another user")
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    folder = Path(tempfile.mkdtemp(prefix="newsweave-pg-"))
    if as_root:
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    try:
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
                        "-E", "UTF8", "--no-sync"], check=True, capture_output=True, timeout=120)
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                        "-o", f"-h 127.0.0.1 -p {port} -k {folder} -F", "start"],
                       check=True, capture_output=True, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        log = (folder / "log").read_text(errors="replace")[-2000:] if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(e, "stderr", b"") or b""
        unavailable(f"the server did not start ({e}; {detail.decode(errors='replace')[-500:]} {log})")

    def stop() -> None:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)

    return Server(f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres", stop)
