"""Issue 11 through `newsweave.run` and the JSON export: an army and its state are two linked
actors, a generic group ("28 people") is one entity per document, and mentions say whether they
are names or common-noun descriptions."""

from __future__ import annotations

import csv
import io
import json

import pytest

import newsweave
from newsweave.export.csv import write_csv
from newsweave.export.json import write_json

pytestmark = pytest.mark.slow

ARTICLES = [
    {"title": "Strikes across the border", "published": "2025-05-07",
     "text": "Indian army strikes hit nine sites in Pakistan on Wednesday, killing 28 people, "
             "Pakistani officials said.\n\nThe Indian government said the strikes were a response "
             "to the attack in Pahalgam. Pakistani troops fired artillery along the Line of Control."},
    {"title": "Ceasefire", "published": "2025-05-10",
     "text": "The Pakistan Army shelled villages in Kashmir on Saturday, killing 28 people, local "
             "officials said.\n\nIndia and Pakistan agreed to a ceasefire on Saturday."},
]


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("actors")
    path = folder / "news.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    with newsweave.run([str(path)], db=folder / "t.db") as corpus:
        stream = io.StringIO()
        write_json(corpus, stream)
        write_csv(corpus, folder / "csv")
    data = json.loads(stream.getvalue())
    data["csv"] = folder / "csv"
    return data


def test_an_army_and_its_state_are_two_linked_entities(export):
    entities = {e["id"]: e for e in export["entities"]}
    forces, state = entities["IND-MIL"], entities["IND"]
    assert forces["name"] == "Indian Armed Forces" and forces["type"] == "ORGANIZATION"
    assert (forces["sector"], forces["state"], forces["country"]) == ("MIL", "IND", "IN")
    assert "Indian army" in forces["aliases"] and "Indian army" not in state["aliases"]
    assert "Indian government" in state["aliases"]
    assert {"Pakistan Army", "Pakistani troops"} <= set(entities["PAK-MIL"]["aliases"])
    sources = {e["source"] for e in export["events"] if e["type"] == "ASSAULT"}
    assert {"IND-MIL", "PAK-MIL"} <= sources and not sources & {"IND", "PAK"}


def test_28_people_is_not_merged_across_documents(export):
    generic = [e for e in export["entities"] if e["generic"]]
    people = [e for e in generic if e["name"] == "people"]
    assert len(people) == 2 and all(e["documents"] <= 1 for e in people)
    victims = {e["target"] for e in export["events"] if e["target_text"] == "28 people"}
    assert len(victims) == 2 and all(entity in {e["id"] for e in people} for entity in victims)
    assert not any(e["type"] == "QUANTITY" or e["name"].startswith("28") for e in export["entities"])


def test_mentions_say_name_or_nominal(export):
    kinds = {m["text"]: m["kind"] for m in export["mentions"]}
    assert kinds["Pakistan Army"] == "name" and kinds["Indian army"] == "nominal"
    assert set(kinds.values()) <= {"name", "nominal", "pronoun"}
    assert not any(e["name"] == "The Villages" for e in export["entities"])


def test_the_csv_export_has_the_new_columns(export):
    with open(export["csv"] / "mentions.csv", encoding="utf-8") as f:
        mentions = list(csv.DictReader(f))
    with open(export["csv"] / "entities.csv", encoding="utf-8") as f:
        entities = {row["id"]: row for row in csv.DictReader(f)}
    assert {m["kind"] for m in mentions} >= {"name", "nominal"}
    assert (entities["PAK-MIL"]["sector"], entities["PAK-MIL"]["state"]) == ("MIL", "PAK")
