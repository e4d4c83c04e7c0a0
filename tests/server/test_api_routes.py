"""In-process REST API tests (FastAPI TestClient) on a hand-made database."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():  # starlette's TestClient warns about httpx at import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newsweave.server import create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture()
def client(hand_db):
    return TestClient(create_app(hand_db))


def test_summary_counts_articles_not_comments(client):
    data = client.get("/api/summary").json()
    assert data["documents"] == 3
    assert data["events"] == 3 and data["comment_events"] == 1
    assert data["event_types"] == {"AID": 2, "THREATEN": 1}
    assert data["dates"] == {"first": "2017-03-13", "last": "2020-01-17"}


def test_documents_are_paginated_with_totals_and_regions(client):
    page = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 1)
    assert [d["id"] for d in page["items"]] == ["doc2", "doc3"]
    assert [r["kind"] for r in page["items"][0]["regions"]] == ["title", "body", "comment", "boilerplate"]


def test_one_document_has_its_text_regions_and_events(client):
    doc = client.get("/api/documents/doc1").json()
    body = next(r for r in doc["regions"] if r["kind"] == "body")
    event = doc["events"][0]
    assert doc["text"][event["start"]:event["end"]] == event["sentence"]
    assert doc["text"][body["start"]:body["end"]].startswith("Russia sent military advisers")
    assert client.get("/api/documents/nope").status_code == 404


@pytest.mark.parametrize("params, expected", [
    ({}, 3),
    ({"actor": "Haftar"}, 2),
    ({"type": "threaten"}, 1),
    ({"since": "2019"}, 2),
    ({"until": "2019-05"}, 2),
    ({"since": "2018", "until": "2019"}, 1),
    ({"comments": "true"}, 4),
])
def test_event_filters(client, params, expected):
    assert client.get("/api/events", params=params).json()["total"] == expected


def test_bad_dates_are_refused(client):
    assert client.get("/api/events", params={"since": "last week"}).status_code == 422
    # Issue 14: the API's rule, so a month 13 is refused here rather than an error in Corpus.timeline.
    assert client.get("/api/timeline", params={"since": "2017-13"}).status_code == 422


def test_timeline_is_in_date_order(client):
    dates = [e["date"] for e in client.get("/api/timeline").json()["items"]]
    assert dates == sorted(dates)


def test_graph_edges_are_the_relations_with_polarity_and_sources(client):
    graph = client.get("/api/graph").json()
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    aid = edges[("RUS", "HAF")]
    assert aid["polarity"] == "cooperative" and aid["independent_sources"] == 2 and aid["types"] == ["AID/military"]
    assert edges[("EGY", "RUS")]["polarity"] == "conflictual"
    assert {n["id"] for n in graph["nodes"]} == {"RUS", "HAF", "EGY"}


def test_graph_filters_server_side(client):
    assert [(e["a"], e["b"]) for e in client.get("/api/graph", params={"min_sources": 2}).json()["edges"]] == [("RUS", "HAF")]
    assert client.get("/api/graph", params={"type": "THREATEN"}).json()["edges"][0]["types"] == ["THREATEN"]
    assert len(client.get("/api/graph", params={"since": "2019-01", "until": "2019-12"}).json()["edges"]) == 1
    top = client.get("/api/graph", params={"limit": 2}).json()
    assert [n["id"] for n in top["nodes"]] == ["RUS", "HAF"] and top["total_nodes"] == 3


def test_edge_evidence_lists_events_with_their_documents(client):
    data = client.get("/api/graph/edge", params={"a": "RUS", "b": "HAF"}).json()
    assert [e["doc"] for e in data["events"]] == ["doc1", "doc2"]
    assert data["documents"]["doc2"]["published"] == "2019-05-29"
    assert data["events"][1]["attribution"] == "informed sources"


def test_entity_page_has_aliases_relations_and_documents(client):
    data = client.get("/api/entities/HAF").json()
    assert data["entity"]["aliases"] == ["Haftar", "Hafter"]
    assert data["relations"][0]["other"] == "RUS" and data["relations"][0]["other_name"] == "Russia"
    assert {d["doc"] for d in data["documents"]} == {"doc1", "doc2"}
    assert client.get("/api/entities/NOPE").status_code == 404


def test_entities_search_and_paging(client):
    assert client.get("/api/entities", params={"name": "Hafter"}).json()["items"][0]["id"] == "HAF"
    assert client.get("/api/entities", params={"limit": 1}).json()["total"] == 3


def test_search_finds_sidi_barrani(client):
    page = client.get("/api/search", params={"q": "Sidi Barrani"}).json()
    assert page["total"] == 1 and page["items"][0]["doc"] == "doc1"
    assert client.get("/api/search").status_code == 422


def test_places_for_the_map(client):
    names = {p["name"] for p in client.get("/api/places").json()["items"]}
    assert names == {"Sidi Barrani", "Cairo"}


@pytest.mark.parametrize("route", ["/api/relations", "/api/contradictions", "/api/sides", "/api/corrections"])
def test_aggregate_routes_answer_json(client, route):
    response = client.get(route)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")


def test_pagination_limits_are_checked(client):
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422


def test_openapi_schema_lists_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/events", "/api/graph",
                  "/api/graph/edge", "/api/relations", "/api/sides", "/api/contradictions", "/api/timeline",
                  "/api/search", "/api/summary", "/api/places", "/api/corrections/merge"):
        assert route in paths
    assert client.get("/docs").status_code == 200


def _resolved_client(db) -> TestClient:
    """A client on `db` after the real resolver ran (corrections re-resolve, so ids must be its own)."""
    from newsweave.crossdoc import resolve_entities
    from newsweave.store import Store, connect

    conn = connect(db)
    resolve_entities(Store(conn))
    conn.close()
    return TestClient(create_app(db))


def _entity_id(client, name: str) -> str:
    return client.get("/api/entities", params={"name": name}).json()["items"][0]["id"]


def test_rename_and_merge_through_the_api(hand_db):
    client = _resolved_client(hand_db)
    haftar = _entity_id(client, "Haftar")
    renamed = client.post("/api/corrections/rename", json={"entity": haftar, "name": "Field Marshal Haftar"})
    assert renamed.status_code == 200, renamed.text
    assert client.get(f"/api/entities/{haftar}").json()["entity"]["name"] == "Field Marshal Haftar"
    russia, egypt = _entity_id(client, "Russia"), _entity_id(client, "Egypt")
    merged = client.post("/api/corrections/merge", json={"a": russia, "b": egypt})
    assert merged.status_code == 200, merged.text
    assert client.get(f"/api/entities/{egypt}").status_code == 404 or russia == egypt
    assert len(client.get("/api/corrections").json()["items"]) == 2


def test_corrections_refuse_unknown_entities(client):
    response = client.post("/api/corrections/rename", json={"entity": "no-such-actor", "name": "x"})
    assert response.status_code == 400


def test_corrections_validate_bodies(client):
    assert client.post("/api/corrections/merge", json={"a": "RUS"}).status_code == 422
    assert client.post("/api/corrections/split", json={"entity": "HAF", "aliases": []}).status_code == 422


def test_cached_graph_follows_database_changes(hand_db):
    client = _resolved_client(hand_db)
    haftar = _entity_id(client, "Haftar")
    names = lambda: {n["id"]: n["name"] for n in client.get("/api/graph").json()["nodes"]}  # noqa: E731
    assert names()[haftar] == "Khalifa Haftar"
    assert client.get("/api/summary").json() == client.get("/api/summary").json()
    assert client.post("/api/corrections/rename", json={"entity": haftar, "name": "Marshal Haftar"}).status_code == 200
    assert names()[haftar] == "Marshal Haftar"


def test_timeline_merges_reports_after_a_real_aggregation(hand_db):
    from newsweave.crossdoc import rebuild_aggregates
    from newsweave.store import Store, connect

    conn = connect(hand_db)
    rebuild_aggregates(Store(conn))
    conn.close()
    client = TestClient(create_app(hand_db))
    items = client.get("/api/timeline").json()["items"]
    assert items and all("reports" in x and x["doc"] and x["end"] > x["start"] for x in items)
    raw = client.get("/api/timeline", params={"merged": "false"}).json()
    assert raw["total"] == 3


def test_events_below_the_confidence_threshold_are_stored_but_not_shown(hand_db):
    """Issue 11: the event lists, graph and summary use events at or above 0.5."""
    from newsweave.store import connect

    conn = connect(hand_db)
    conn.execute("UPDATE events SET confidence = 0.2 WHERE type = 'THREATEN'")
    conn.close()
    client = TestClient(create_app(hand_db))
    assert client.get("/api/events").json()["total"] == 2
    assert all("THREATEN" not in e["types"] for e in client.get("/api/graph").json()["edges"])
    summary = client.get("/api/summary").json()
    assert summary["event_types"] == {"AID": 2}
    assert (summary["events"], summary["confident_events"]) == (3, 2)
