"""Issue 13: `--db` takes a SQLite path or a postgresql:// URL. A server that cannot be reached
is a clear error naming the database (never its password), and nothing is created on the way:
no "postgresql:" folder, database or lock file."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app
from newsweave.errors import StoreError
from newsweave.store import display, location

# Port 9 on this machine: nothing listens, the connection is refused at once.
URL = "postgresql://analyst:s3cret@127.0.0.1:9/newsweave"


@pytest.mark.parametrize("command", [["summary"], ["export", "--format", "json"], ["run", "."]])
def test_an_unreachable_server_is_a_clear_error(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*command, "--db", URL])
    assert result.exit_code == 2
    assert "postgresql://analyst:***@127.0.0.1:9/newsweave: cannot connect to the database" in result.output
    assert "s3cret" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_python_api_says_so_too():
    with pytest.raises(StoreError, match="cannot connect"):
        newsweave.open(URL)


def test_a_url_stays_a_url_and_a_path_a_path():
    assert location("postgresql://a@h/db") == "postgresql://a@h/db"
    assert str(location("postgres://a@h/db")) == "postgres://a@h/db"
    assert str(location("data/x.db")) == "data/x.db" and not isinstance(location("data/x.db"), str)
    assert display(URL) == "postgresql://analyst:***@127.0.0.1:9/newsweave"
