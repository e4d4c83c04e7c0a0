"""Shared test fixtures: where the shared gold data and seeds are, and tiny corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not beside the repository")
    return data


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server (tests/postgres_server.py); skipped without one, but never in CI."""
    from postgres_server import start

    server = start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A fresh, empty database of each kind the store supports: a SQLite file's path, then a
    postgresql:// URL of a new database on the test server."""
    if request.param == "sqlite":
        return tmp_path / "newsweave.db"
    return request.getfixturevalue("postgres_server").new_database()
