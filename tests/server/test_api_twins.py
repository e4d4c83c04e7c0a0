"""Every list route has `.json` and `.csv` twins (issue 14, Datasette's habit): the same filters
and paging, the JSON the same answer, the CSV the same rows with names beside ids."""

from __future__ import annotations

import csv
import io
import warnings

import pytest

with warnings.catch_warnings():  # starlette's TestClient warns about httpx at import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newsweave.server import create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROUTES = [
    ("/api/events", {"actor": "RUS"}),
    ("/api/events", {"type": "AID", "limit": 1, "offset": 1}),
    ("/api/entities", {"type": "COUNTRY"}),
    ("/api/relations", {"min_sources": 1, "limit": 1}),
    ("/api/documents", {"since": "2018"}),
]


@pytest.fixture()
def client(hand_db):
    return TestClient(create_app(hand_db))


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize(("route", "params"), ROUTES)
def test_the_json_twin_is_the_route_and_the_csv_twin_has_its_rows(client, route, params):
    answer = client.get(route, params=params).json()
    assert client.get(f"{route}.json", params=params).json() == answer
    rows = csv_rows(client.get(f"{route}.csv", params=params))
    assert answer["items"], "the filters keep something to compare"
    ids = "source" if route.endswith("relations") else "id"
    assert [row[ids] for row in rows] == [item[ids] for item in answer["items"]]


def test_csv_rows_carry_names_beside_ids_and_lists_joined(client):
    relations = client.get("/api/relations").json()["items"]
    rows = csv_rows(client.get("/api/relations.csv"))
    assert [(r["source"], r["source_name"], r["target"], r["target_name"], r["types"]) for r in rows] == [
        (x["source"], x["source_name"], x["target"], x["target_name"], ";".join(x["types"])) for x in relations]
    assert relations[0]["source_name"] == "Russia"
    events = client.get("/api/events", params={"actor": "RUS"}).json()["items"]
    rows = csv_rows(client.get("/api/events.csv", params={"actor": "RUS"}))
    assert [(r["source_name"], r["target_name"], r["place_name"]) for r in rows] == [
        (e["source_name"] or "", e["target_name"] or "", (e["place"] or {}).get("name") or "") for e in events]


def test_a_bad_filter_fails_on_the_csv_twin_too(client):
    response = client.get("/api/events.csv", params={"type": "BOGUS"})
    assert response.status_code == 422 and "BOGUS" in response.text
