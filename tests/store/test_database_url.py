"""Issue 13: a `postgresql://` database is planned, not there yet; `--db` with such a URL is a
clear error naming what is missing, never a file path created on the way."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app
from newsweave.errors import StoreError

URL = "postgresql://analyst@db.example/newsweave"


@pytest.mark.parametrize("command", [["summary"], ["export", "--format", "json"], ["run", "."]])
def test_a_postgresql_url_is_refused_clearly(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*command, "--db", URL])
    assert result.exit_code == 2
    assert "PostgreSQL databases are not supported yet" in result.output
    assert list(tmp_path.iterdir()) == []  # no "postgresql:" folder, database or lock file


def test_the_python_api_refuses_it_too():
    with pytest.raises(StoreError, match="PostgreSQL"):
        newsweave.open(URL)
