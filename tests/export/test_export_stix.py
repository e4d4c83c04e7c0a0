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


# Issue 14: custom types (supports, cooperates-with) were dropped by OpenCTI's import.
STANDARD_RELATIONSHIP_TYPES = {"related-to", "targets", "attributed-to", "located-at", "derived-from",
                               "duplicate-of", "uses", "part-of"}


@pytest.mark.parametrize("source, target, relationship_type, types, times", [
    ("Egypt", "Libyan National Army", "related-to", "AID, SUPPORT", ("2017-05-29T00:00:00Z", "2017-06-02T23:59:59Z")),
    ("Russia", "Khalifa Haftar", "related-to", "CONSULT", ("2017-05-29T00:00:00Z", "2017-05-29T23:59:59Z")),
    ("Libyan National Army", "Misrata militia", "targets", "ASSAULT", ("2017-05-01T00:00:00Z", "2017-05-31T23:59:59Z")),
    ("Libyan National Army", "Misrata militia", "related-to", "AGREE", None),
])
def test_relationships(bundle, source, target, relationship_type, types, times):
    ids = (_named(bundle, source)["id"], _named(bundle, target)["id"])
    rel = next(o for o in bundle["objects"] if o["type"] == "relationship"
               and (o["source_ref"], o["target_ref"]) == ids and o["relationship_type"] == relationship_type)
    assert 0 <= rel["confidence"] <= 100
    assert f"({types})" in rel["description"]
    assert (rel.get("start_time"), rel.get("stop_time")) == (times or (None, None))


def test_only_standard_relationship_types(bundle):
    kinds = {o["relationship_type"] for o in bundle["objects"] if o["type"] == "relationship"}
    assert kinds <= STANDARD_RELATIONSHIP_TYPES


def test_no_armed_group_is_a_nation_state(bundle):
    actors = [o for o in bundle["objects"] if o["type"] == "threat-actor"]
    assert {o["name"] for o in actors} == {"Libyan National Army", "Misrata militia"}
    assert all("nation-state" not in o["threat_actor_types"] for o in actors)


def test_more_independent_sources_give_more_confidence(bundle):
    rels = {o["description"].split(":")[0]: o["confidence"] for o in bundle["objects"] if o["type"] == "relationship"}
    assert rels["cooperative (AID, SUPPORT)"] > rels["cooperative (CONSULT)"] > rels["cooperative (AGREE)"]


def test_evidence_sentences_are_notes_on_their_relationship_and_report(bundle):
    by_id = {o["id"]: o for o in bundle["objects"]}
    notes = [o for o in bundle["objects"] if o["type"] == "note" and "dispute" not in o.get("labels", [])]
    aid = next(n for n in notes if n["abstract"] == "AID: Egypt -> Libyan National Army")
    assert aid["content"] == "Sentence of d1-0, with “quotes”,\nand a line break."
    assert {by_id[ref]["type"] for ref in aid["object_refs"]} == {"relationship", "report"}
    assert all(ref in by_id for note in notes for ref in note["object_refs"])
    assert "d2-1" not in {n["external_references"][0]["external_id"] for n in notes}  # a reader comment


def test_disputes_are_notes_with_both_sentences(bundle):
    by_id = {o["id"]: o for o in bundle["objects"]}
    dispute = next(o for o in bundle["objects"] if o["type"] == "note" and "dispute" in o.get("labels", []))
    assert dispute["abstract"] == "Disputed: who armed the LNA"
    assert "Sentence of d1-0" in dispute["content"] and "Sentence of d2-0" in dispute["content"]
    kinds = [by_id[ref]["type"] for ref in dispute["object_refs"]]
    assert "identity" in kinds and "threat-actor" in kinds and kinds.count("note") == 2


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
