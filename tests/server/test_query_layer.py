"""Issue 13, item 2: one query layer. For any date window the CLI, the Python API and
/api/events list the same events; /api/graph shows the export's relations and counts; an
invalid filter value is an error everywhere (exit status 2, ValueError, 422) naming the value."""

from __future__ import annotations

import io
import json
import re
import sys
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsweave
from newsweave.cli import app
from newsweave.crossdoc import rebuild_aggregates, resolve_entities
from newsweave.export.json import write_json
from newsweave.store import Store, connect
from newsweave.store.filters import in_window

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "aggregate"))
from aggregate_builders import doc, ev  # noqa: E402

with warnings.catch_warnings():  # starlette's TestClient warns about httpx at import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newsweave.server import create_app  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Reports of one pair of actors dated every way a date is stored: partial, vague, undated.
PARTIAL_DATES = [("2016-12-31", "day"), ("2017", "year"), ("2017-05", "month"), ("2017-05-19", "day"),
                 ("2017-05-20", "day"), ("2017-05-22", "on-or-before"), ("2017-05-24", "week"),
                 ("2017-06-03", "weekend"), ("2018-01", "month"), (None, None)]

WINDOWS = [
    {},  # open
    {"since": "2017-05-20"}, {"until": "2017-05-20"}, {"since": "2017-05-19", "until": "2017-05-21"},  # days
    {"since": "2017-05"}, {"until": "2017-05"}, {"since": "2017-05", "until": "2017-06"},  # months
    {"since": "2017"}, {"until": "2016"}, {"since": "2017", "until": "2017"},  # years
    {"since": "2017-05", "until": "2017-05-21"},  # mixed
]


@pytest.fixture(scope="module")
def partial_sqlite_db(tmp_path_factory) -> Path:
    return build_partial(tmp_path_factory.mktemp("partial") / "partial.db")


@pytest.fixture(scope="module")
def partial_postgresql_db(postgres_server) -> str:
    return build_partial(postgres_server.new_database())


@pytest.fixture(params=["sqlite", "postgresql"])
def partial_db(request):
    """The partial dates in a SQLite file, then in a PostgreSQL database: one rule on both."""
    return request.getfixturevalue(f"partial_{request.param}_db")


def build_partial(db):
    conn = connect(db)
    docs = [doc(f"d{i}", ev("ASSAULT" if i % 2 else "AID", "ruritania", "north", date=date, precision=precision),
                url=f"https://p{i}.example/a")
            for i, (date, precision) in enumerate(PARTIAL_DATES)]
    store = Store(conn)
    store.write_documents(docs, "test")
    resolve_entities(store)
    rebuild_aggregates(store)
    conn.close()
    return db


@pytest.fixture(params=["seeds", "partial_sqlite", "partial_postgresql"])
def db(request):
    return request.getfixturevalue(f"{request.param}_db")


def cli(*args) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def cli_events(db: Path, window: dict) -> list[str]:
    options = [x for key, value in window.items() for x in (f"--{key}", value)]
    code, out, err = cli("events", "--db", db, "--json", *options)
    assert code == 0, err
    return [e["id"] for e in json.loads(out)]


def rest_events(client: TestClient, window: dict) -> list[str]:
    page = client.get("/api/events", params={**window, "limit": 1000}).json()
    assert page["total"] == len(page["items"])
    return [e["id"] for e in page["items"]]


@pytest.mark.parametrize("window", WINDOWS, ids=lambda w: "-".join(f"{k}={v}" for k, v in w.items()) or "open")
def test_cli_api_and_rest_list_the_same_events(db, window):
    with newsweave.open(db) as corpus:
        api = [e.id for e in corpus.events(**window)]
        everything = corpus.events()
    assert cli_events(db, window) == api == rest_events(TestClient(create_app(db)), window)
    # ... and they are the events the documented rule keeps, no more, no fewer.
    assert api == [e.id for e in everything if in_window(e.date, e.date_precision, window.get("since"),
                                                          window.get("until"))]


def test_partial_dates_in_day_month_and_year_windows(partial_db):
    with newsweave.open(partial_db) as corpus:
        dates = lambda **window: [e.date for e in corpus.events(**window)]  # noqa: E731
        assert dates(since="2017-05-20") == ["2017", "2017-05", "2017-05-20", "2017-05-22", "2017-05-24",
                                             "2017-06-03", "2018-01"]
        # "on or before 22 May" may be the 20th; the week around the 24th starts on the 21st.
        assert dates(until="2017-05-20") == ["2016-12-31", "2017", "2017-05", "2017-05-19", "2017-05-20",
                                             "2017-05-22"]
        assert dates(since="2018", until="2018") == ["2018-01"]
        assert len(dates()) == len(PARTIAL_DATES)


def test_timeline_uses_the_same_rule(partial_db):
    with newsweave.open(partial_db) as corpus:
        merged = corpus.timeline(since="2017-05-20", until="2017-05-20")
        kept = {e.id for e in corpus.events(since="2017-05-20", until="2017-05-20")}
    assert merged and all(set(t.events) & kept for t in merged)


def test_graph_shows_the_exports_relations_and_counts(db):
    with newsweave.open(db) as corpus:
        out = io.StringIO()
        write_json(corpus, out)
    exported = {(r["source"], r["target"], r["polarity"]): (r["independent_sources"], r["documents"], len(r["events"]))
                for r in json.loads(out.getvalue())["relations"]}
    graph = TestClient(create_app(db)).get("/api/graph", params={"limit": 2000}).json()
    shown = {(e["source"], e["target"], e["polarity"]): (e["independent_sources"], e["documents"], e["events"])
             for e in graph["edges"]}
    assert exported and shown == exported and graph["total_edges"] == len(exported)


def test_graph_window_keeps_relations_with_an_event_in_it(partial_db):
    client = TestClient(create_app(partial_db))
    everything = client.get("/api/graph").json()["edges"]
    in_2018 = client.get("/api/graph", params={"since": "2018"}).json()["edges"]
    assert [e["types"] for e in in_2018] == [["AID"]]  # d8, the only report of 2018, is an AID
    assert {e["id"]: e for e in everything}[in_2018[0]["id"]] == in_2018[0]  # the whole relation's counts
    assert client.get("/api/graph", params={"until": "2015"}).json()["edges"] == []


# (CLI arguments, Corpus method and arguments, REST path and parameters, the bad value)
INVALID = [
    (["events", "--type", "NOTATYPE"], ("events", {"type": "NOTATYPE"}), ("/api/events", {"type": "NOTATYPE"}), "NOTATYPE"),
    (["events", "--since", "2017-13"], ("events", {"since": "2017-13"}), ("/api/events", {"since": "2017-13"}), "2017-13"),
    (["events", "--until", "2017-02-30"], ("events", {"until": "2017-02-30"}), ("/api/events", {"until": "2017-02-30"}),
     "2017-02-30"),
    (["events", "--since", "2018", "--until", "2017"], ("events", {"since": "2018", "until": "2017"}),
     ("/api/events", {"since": "2018", "until": "2017"}), "2018"),
    (["events", "--actor", "Nobody Atall"], ("events", {"actor": "Nobody Atall"}),
     ("/api/events", {"actor": "Nobody Atall"}), "Nobody Atall"),
    (["timeline", "--until", "2017-02-30"], ("timeline", {"until": "2017-02-30"}),
     ("/api/timeline", {"until": "2017-02-30"}), "2017-02-30"),
    (["timeline", "--actor", "Nobody Atall"], ("timeline", {"actor": "Nobody Atall"}),
     ("/api/graph", {"actor": "Nobody Atall"}), "Nobody Atall"),
    (["timeline", "--min-sources", "-1"], ("timeline", {"min_sources": -1}), ("/api/timeline", {"min_sources": -1}), "-1"),
    (["actors", "--type", "NOPE"], ("entities", {"type": "NOPE"}), ("/api/entities", {"type": "NOPE"}), "NOPE"),
    (["search", "x", "--limit", "-1"], ("search", {"text": "x", "limit": -1}), ("/api/search", {"q": "x", "limit": -1}), "-1"),
    (["brief", "--since", "2017-02-30"], ("relations", {"since": "2017-02-30"}), ("/api/places", {"since": "2017-02-30"}),
     "2017-02-30"),
]


@pytest.mark.parametrize("args, call, route, bad", INVALID, ids=[row[-1] + "-" + row[0][0] for row in INVALID])
def test_invalid_values_are_errors_everywhere(seeds_db, args, call, route, bad):
    code, _, err = cli(*args, "--db", seeds_db)
    assert code == 2 and bad in err, err
    method, kwargs = call
    with newsweave.open(seeds_db) as corpus, pytest.raises(ValueError, match=re.escape(bad)):
        getattr(corpus, method)(**kwargs)
    path, params = route
    response = TestClient(create_app(seeds_db)).get(path, params=params)
    assert response.status_code == 422 and bad in response.text, response.text


def test_an_invalid_confidence_threshold_is_an_error(seeds_db):
    code, _, err = cli("events", "--min-confidence", "1.5", "--db", seeds_db)
    assert code == 2 and "1.5" in err
    with pytest.raises(ValueError, match="1.5"):
        newsweave.open(seeds_db, min_confidence=1.5)


def test_timeline_pages_are_cut_from_the_whole_timeline(partial_db):
    """The timeline route pages in the database: its pages, one after another, are the
    Python API's timeline (of one type, when asked), and its total is that timeline's length."""
    with newsweave.open(partial_db) as corpus:
        everything = [t.id for t in corpus.timeline()]
        aid = [t.id for t in corpus.timeline() if t.type == "AID"]
    client = TestClient(create_app(partial_db))
    for params, expected in (({}, everything), ({"type": "AID"}, aid)):
        pages = [client.get("/api/timeline", params={**params, "limit": 3, "offset": offset}).json()
                 for offset in range(0, len(expected) + 3, 3)]
        assert {page["total"] for page in pages} == {len(expected)}
        assert [item["id"] for page in pages for item in page["items"]] == expected
    assert len(aid) < len(everything)
