"""Issue 13: PostgreSQL as a second store behind the same interface. The seed pages run into a
PostgreSQL database export exactly what they export from SQLite; runs are idempotent and
incremental, one writer at a time, readers never blocked; search, the server and the
analyst's corrections work the same."""

from __future__ import annotations

import json
import shutil
import threading

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import newsweave as newsweave_api
from newsweave.cli import app
from newsweave.errors import DatabaseBusy, QueryTimeout
from newsweave.server.app import create_app
from newsweave.store import connect, run_lock
from newsweave.store.time_limit import TimeLimit

pytestmark = pytest.mark.slow
cli = CliRunner()


def newsweave(*args: str) -> str:
    result = cli.invoke(app, [*args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def exported(db) -> dict:
    return json.loads(newsweave("export", "--db", str(db), "--format", "json"))


@pytest.fixture(scope="module")
def two_stores(seeds_dir, postgres_server, tmp_path_factory):
    """The seed pages run into a SQLite file and into a PostgreSQL database."""
    sqlite_db = tmp_path_factory.mktemp("sqlite") / "seeds.db"
    url = postgres_server.new_database()
    for db in (sqlite_db, url):
        newsweave("run", str(seeds_dir), "--db", str(db), "--no-progress")
    return sqlite_db, url


def test_the_seeds_export_the_same_from_both_stores(two_stores):
    sqlite_db, url = two_stores
    from_sqlite, from_postgresql = exported(sqlite_db), exported(url)
    assert from_postgresql["events"], "the seeds have events"
    assert from_postgresql == from_sqlite


def test_every_view_answers_the_same(two_stores):
    sqlite_db, url = two_stores
    for command in (["summary", "--json"], ["events", "--json", "--since", "2017-05"],
                    ["actors", "--json"], ["timeline", "--json", "--until", "2017-05-20"]):
        from_postgresql = json.loads(newsweave(*command, "--db", str(url)))
        from_sqlite = json.loads(newsweave(*command, "--db", str(sqlite_db)))
        if command[0] == "summary":  # where each is, and when each run was
            for summary in (from_postgresql, from_sqlite):
                summary.pop("db", None)
                summary.pop("last_run", None)
        assert from_postgresql == from_sqlite, command
    assert newsweave("brief", "--db", url) == newsweave("brief", "--db", str(sqlite_db)).replace(str(sqlite_db), url)


def test_a_rerun_adds_nothing_and_changes_nothing(two_stores, seeds_dir):
    _, url = two_stores
    before = exported(url)
    report = json.loads(newsweave("run", str(seeds_dir), "--db", url, "--no-progress", "--json"))
    assert report["added"] == 0 and report["unchanged"] == 5
    assert exported(url) == before


def test_search_finds_words_and_marks_them(two_stores):
    _, url = two_stores
    hits = json.loads(newsweave("search", "Haftar", "--db", url, "--json"))
    assert hits and all("[" in hit["snippet"] and "]" in hit["snippet"] for hit in hits)
    assert json.loads(newsweave("search", "zzzunknownword", "--db", url, "--json")) == []


def test_the_server_reads_it(two_stores):
    sqlite_db, url = two_stores
    answers = []
    for db in (sqlite_db, url):
        with TestClient(create_app(db)) as client:
            events = client.get("/api/events", params={"since": "2017-05", "limit": 1000}).json()
            graph = client.get("/api/graph").json()
            found = client.get("/api/search", params={"q": "Russia"}).json()
            answers.append((events, graph))
            assert found["total"] > 0
    assert answers[0] == answers[1]


def test_a_second_run_is_refused_while_one_writes(postgres_server, seeds_dir, tmp_path):
    url = postgres_server.new_database()
    with run_lock(url):
        with pytest.raises(DatabaseBusy, match="another `newsweave run`"):
            with run_lock(url):
                pass
        result = cli.invoke(app, ["run", str(seeds_dir), "--db", url, "--no-progress"])
        assert result.exit_code == 2 and "another `newsweave run`" in " ".join(result.output.split())
    with run_lock(url):  # released with its connection
        pass


def test_readers_are_not_blocked_by_a_writer(postgres_server, tmp_path, seeds_dir):
    url = postgres_server.new_database()
    corpus = tmp_path / "one"
    corpus.mkdir()
    first = sorted(seeds_dir.iterdir())[0]
    shutil.copy(first, corpus / first.name)
    newsweave("run", str(corpus), "--db", url, "--no-progress")
    writer = connect(url)
    writer.execute("BEGIN")
    writer.execute("DELETE FROM documents")  # uncommitted, holding its locks
    try:
        done = []
        reader = threading.Thread(target=lambda: done.append(json.loads(newsweave("summary", "--json", "--db", url))))
        reader.start()
        reader.join(60)
        assert done and done[0]["documents"] == 1  # read at once, and the committed state
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_corrections_are_shared_through_the_database(two_stores):
    """An analyst's merge, made through one connection, is what every reader sees."""
    _, url = two_stores
    entities = json.loads(newsweave("actors", "--json", "--db", url))
    people = [e for e in entities if e["type"] == "PERSON"][:2]
    assert len(people) == 2
    newsweave("merge", people[0]["id"], people[1]["id"], "--db", url)
    after = {e["id"] for e in json.loads(newsweave("actors", "--json", "--db", url))}
    assert people[0]["id"] in after and people[1]["id"] not in after
    assert [c["action"] for c in newsweave_api.corrections(url)] == ["merge"]


def test_a_read_past_its_time_limit_stops(postgres_server):
    conn = connect(postgres_server.new_database())
    limit = TimeLimit()
    limit.watch(conn)
    limit.start(0.2)
    try:
        with pytest.raises(QueryTimeout):
            with limit.enforced():
                conn.execute("SELECT pg_sleep(5)")
        limit.start(5)
        assert conn.execute("SELECT 1").fetchone()[0] == 1  # the connection stays usable
    finally:
        conn.close()

