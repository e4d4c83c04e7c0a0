"""Issue 14, item 7: the JSON export's JSON Schema ships in the package, and the export meets it."""

from __future__ import annotations

import copy
import io
import json

import pytest
from export.export_fakes import FakeCorpus
from export.test_export_hostile import HostileCorpus

from newsweave.export import export
from newsweave.export.json import schema

jsonschema = pytest.importorskip("jsonschema")


def validator():
    return jsonschema.Draft202012Validator(schema())


def exported(corpus) -> dict:
    stream = io.StringIO()
    export(corpus, "json", stream)
    return json.loads(stream.getvalue())


def errors(data) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator().iter_errors(data)]


def test_the_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(schema())
    assert set(schema()["required"]) == {"documents", "mentions", "entities", "events", "relations",
                                         "contradictions"}


@pytest.mark.parametrize("corpus", [FakeCorpus(), HostileCorpus(), FakeCorpus(relations=[])],
                         ids=["fake", "hostile", "no-relations"])
def test_the_json_export_meets_its_schema(corpus):
    assert errors(exported(corpus)) == []


@pytest.mark.parametrize("section, change", [
    ("events", lambda e: e.pop("sentence")),
    ("events", lambda e: e.update(type="BOMBARD")),
    ("events", lambda e: e.update(confidence=1.5)),
    ("entities", lambda e: e.update(country="Egypt")),
    ("relations", lambda r: r.update(polarity="friendly")),
    ("documents", lambda d: d.update(published="29 May 2017")),
])
def test_the_schema_rejects_what_breaks_the_contract(section, change):
    data = copy.deepcopy(exported(FakeCorpus()))
    change(data[section][0])
    assert errors(data), (section, data[section][0])
