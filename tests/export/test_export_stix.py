"""The STIX 2.1 export: a bundle that the OASIS validator accepts, with stable ids."""

from __future__ import annotations

import io
import json

import pytest
from export.export_fakes import FakeCorpus

from newsweave.export import export

stix2validator = pytest.importorskip("stix2validator")


def _bundle_text(corpus) -> str:
    stream = io.StringIO()
    export(corpus, "stix", stream)
    return stream.getvalue()


def assert_valid_stix(text: str) -> None:
    """Fail on any validator error (warnings, e.g. ids that are uuid5 rather than uuid4, are fine)."""
    results = stix2validator.validate_string(text)
    object_results = getattr(results, "object_results", None) or [results]
    errors = [str(e) for result in object_results for e in (result.errors or [])]
    assert results.is_valid and not errors, errors


@pytest.fixture(scope="module")
def bundle():
    text = _bundle_text(FakeCorpus())
    assert_valid_stix(text)
    return json.loads(text)


def _named(bundle, name):
    return next(o for o in bundle["objects"] if o.get("name") == name)


def test_the_bundle_is_valid_and_stable(bundle):
    assert bundle["type"] == "bundle"
    assert json.loads(_bundle_text(FakeCorpus())) == bundle


def test_no_relations_is_still_valid():
    assert_valid_stix(_bundle_text(FakeCorpus(relations=[])))


@pytest.mark.parametrize("name, stix_type, identity_class", [
    ("Egypt", "identity", "organization"),
    ("Khalifa Haftar", "identity", "individual"),
    ("Libyan National Army", "threat-actor", None),   # the KB's role: armed forces
    ("Misrata militia", "threat-actor", None),        # not in the KB: "militia" in its name
])
def test_actor_objects(bundle, name, stix_type, identity_class):
    obj = _named(bundle, name)
    assert obj["type"] == stix_type and obj.get("identity_class") == identity_class


@pytest.mark.parametrize("source, target, relationship_type, times", [
    ("Egypt", "Libyan National Army", "supports", ("2017-05-29T00:00:00Z", "2017-06-02T23:59:59Z")),
    ("Russia", "Khalifa Haftar", "consults-with", ("2017-05-29T00:00:00Z", "2017-05-29T23:59:59Z")),
    ("Libyan National Army", "Misrata militia", "attacks", ("2017-05-01T00:00:00Z", "2017-05-31T23:59:59Z")),
    ("Libyan National Army", "Misrata militia", "agrees-with", None),
])
def test_relationships(bundle, source, target, relationship_type, times):
    ids = (_named(bundle, source)["id"], _named(bundle, target)["id"])
    rel = next(o for o in bundle["objects"] if o["type"] == "relationship"
               and (o["source_ref"], o["target_ref"]) == ids and o["relationship_type"] == relationship_type)
    assert 0 <= rel["confidence"] <= 100
    assert (rel.get("start_time"), rel.get("stop_time")) == (times or (None, None))


def test_more_independent_sources_give_more_confidence(bundle):
    rels = {o["relationship_type"]: o["confidence"] for o in bundle["objects"] if o["type"] == "relationship"}
    assert rels["supports"] > rels["consults-with"] > rels["agrees-with"]


def test_locations_need_coordinates_or_a_country(bundle):
    locations = [o for o in bundle["objects"] if o["type"] == "location"]
    assert [(o["name"], o["latitude"], o["longitude"], o["country"]) for o in locations] == [
        ("Cairo", 30.06263, 31.24967, "EG")]


def test_one_report_per_document(bundle):
    reports = {o["external_references"][0]["external_id"]: o for o in bundle["objects"] if o["type"] == "report"}
    assert set(reports) == {"d1", "d2"}
    dated, undated = reports["d1"], reports["d2"]
    assert dated["name"] == "Egypt arms Haftar’s army" and dated["published"] == "2017-05-29T00:00:00Z"
    assert dated["external_references"][0]["url"] == "https://example.org/1"
    assert undated["name"] == "feed.jsonl#2" and undated["published"] == "2017-06-02T00:00:00Z"
    assert "earliest event date" in undated["description"]
    by_id = {o["id"]: o for o in bundle["objects"]}
    kinds = {by_id[ref]["type"] for ref in dated["object_refs"]}
    assert kinds == {"identity", "threat-actor", "relationship", "location"}
