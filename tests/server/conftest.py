"""Fixtures for the server tests: the hand-made and seeds databases, and live servers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nwserver_support import LiveServer, build_db  # noqa: E402


@pytest.fixture()
def hand_db(tmp_path) -> Path:
    return build_db(tmp_path / "hand.db")


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, seeds_dir) -> Path:
    import newsweave

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    newsweave.run([seeds_dir], db=db).close()
    return db


@pytest.fixture()
def live_server():
    started: list[LiveServer] = []

    def start(db: Path, *args: str, **kw) -> LiveServer:
        server = LiveServer(db, *args, **kw)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
