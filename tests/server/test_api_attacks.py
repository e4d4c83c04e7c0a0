"""Issue 12 in process: costly searches, time limits, cross-site writes and inputs that were a 500.

Each test replays one attack from the issue against the API and checks that it is refused or
bounded, with CPU-time or instruction-count bounds that a busy machine cannot break.
"""

from __future__ import annotations

import time
import warnings

import pytest

from newsweave.errors import QueryTimeout
from newsweave.server import create_app
from newsweave.store import connect
from newsweave.store.queries import MAX_SEARCH_TERMS, _fts_query
from newsweave.store.time_limit import TimeLimit

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from nwserver_support import HOSTILE_QUERY, build_search_db  # noqa: E402


@pytest.fixture(scope="module")
def letters_db(tmp_path_factory):
    return build_search_db(tmp_path_factory.mktemp("letters") / "letters.db", docs=5, words=2000)


def test_search_terms_are_counted_once_and_capped():
    terms = _fts_query(HOSTILE_QUERY).split()
    assert len(terms) == MAX_SEARCH_TERMS and len(set(t.lower() for t in terms)) == len(terms)
    assert _fts_query('Haftar haftar HAFTAR "Sidi Barrani" "sidi barrani"') == '"Sidi Barrani" "Haftar"'


def test_a_hostile_search_costs_little_cpu(letters_db):
    # 250 one-letter words over documents that hold them all: about 10 CPU-seconds before the fix
    client = TestClient(create_app(letters_db))
    started = time.process_time()
    response = client.get("/api/search", params={"q": HOSTILE_QUERY})
    spent = time.process_time() - started
    assert response.status_code in (200, 400)
    assert spent < 3.0, f"{spent:.1f} CPU-seconds for one search"


def test_a_statement_past_its_deadline_is_interrupted(letters_db):
    conn = connect(letters_db, readonly=True)
    limit = TimeLimit()
    limit.watch(conn)
    limit.start(0)
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n"
    with pytest.raises(QueryTimeout, match="longer than its limit"), limit.enforced():
        conn.execute(endless).fetchone()
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5  # still usable
    conn.close()


def test_a_search_past_its_time_limit_is_a_400_not_a_stall(letters_db, monkeypatch):
    start = TimeLimit.start
    monkeypatch.setattr(TimeLimit, "start", lambda self, seconds: start(self, 0))
    response = TestClient(create_app(letters_db)).get("/api/search", params={"q": HOSTILE_QUERY})
    assert response.status_code == 400 and "longer than its limit" in response.json()["detail"]


def test_a_lone_surrogate_in_a_correction_is_a_422(hand_db):
    client = TestClient(create_app(hand_db), raise_server_exceptions=False)
    for body in (b'{"entity": "RUS", "name": "\\ud800x"}', b'{"a": "\\udfff", "b": "HAF"}'):
        path = "/api/corrections/rename" if b"name" in body else "/api/corrections/merge"
        response = client.post(path, content=body, headers={"content-type": "application/json"})
        assert response.status_code == 422, response.text
        assert "\\ud800" in response.text or "\\udfff" in response.text  # echoed, escaped


@pytest.mark.parametrize("path,param", [("/api/entities", "name"), ("/api/events", "actor"),
                                        ("/api/graph", "place"), ("/api/timeline", "actor")])
def test_an_overlong_name_is_a_422(hand_db, path, param):
    client = TestClient(create_app(hand_db), raise_server_exceptions=False)
    assert client.get(path, params={param: "x" * 60_000}).status_code == 422


RENAME = {"entity": "RUS", "name": "Renamed by a stranger"}


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:9999"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
    {"Origin": "http://evil.example", "Content-Type": "text/plain"},
], ids=["origin", "null-origin", "other-port", "cross-site", "same-site", "text-plain-form"])
def test_cross_site_writes_are_refused(hand_db, headers):
    client = TestClient(create_app(hand_db))
    content = '{"entity": "RUS", "name": "Renamed by a stranger"}'
    response = client.post("/api/corrections/rename", content=content,
                           headers={"Content-Type": "application/json", **headers})
    assert response.status_code == 403
    assert client.get("/api/entities/RUS").json()["entity"]["name"] == "Russia"


def test_same_origin_and_script_writes_pass_the_origin_check(hand_db):
    client = TestClient(create_app(hand_db))
    page = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/corrections/rename", json=RENAME, headers=page).status_code != 403
    assert client.post("/api/corrections/rename", json=RENAME).status_code != 403  # curl sends no Origin
