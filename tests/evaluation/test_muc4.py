"""The MUC-4 role-filler scorer: head-noun matching, one-to-one, and both cases through `run`."""

from __future__ import annotations

import json

import pytest

from newsweave.evaluation import scorer_for
from newsweave.evaluation.muc4 import head, normalise, score
from newsweave.settings import Settings


def gold(docid: str, **roles) -> dict:
    return {"docid": docid, "text": "", "roles": {r: roles.get(r, []) for r in
                                                   ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")}}


def test_fillers_match_by_head_noun_and_one_to_one():
    messages = [gold("d", Victim=[{"six jesuit priests", "priests"}], Target=[{"power station"}])]
    predicted = {"d": {"Victim": [{normalise("the Jesuit priests")}, {"priests"}],
                       "Target": [{"bridge"}]}}
    result = score(messages, predicted)
    assert result["Victim"]["R"] == 1.0 and result["Victim"]["P"] == 0.5  # the copy is a false positive
    assert result["Target"]["F1"] == 0.0
    assert result["all"]["gold"] == 2 and result["all"]["predicted"] == 3


def test_head_noun_skips_articles_and_post_modifiers():
    assert head(normalise("The members of the FMLN")) == "member"
    assert head("car bombs") == head("bomb") and head("address") == "address"
    assert head(normalise("the farm located near the river")) == "farm"
    assert normalise("a \"santo tomas\" farm's") == "santo tomas farm"


@pytest.mark.slow
def test_both_cases_score_a_message_through_run(tmp_path):
    folder = tmp_path / "muc4"
    (folder / "grit_processed").mkdir(parents=True)
    text = ("guerrillas of the farabundo marti national liberation front attacked the "
            "national guard barracks in san salvador with rifles yesterday.")
    record = {"docid": "TST-1", "doctext": text, "extracts": {
        "PerpInd": [[["guerrillas", 0]]],
        "PerpOrg": [[["farabundo marti national liberation front", 18]]],
        "Target": [[["national guard barracks", 72]]], "Victim": [], "Weapon": [[["rifles", 119]]]}}
    (folder / "grit_processed" / "dev.json").write_text(json.dumps(record) + "\n")
    rows = {row.task: row.metrics for row in scorer_for(folder)(folder, Settings())}
    for role in ("PerpOrg", "PerpInd", "Weapon"):
        assert rows[f"role fillers ({role}), lower case"]["R"] == 1.0
    for task in [t for t in rows if t.endswith("lower case")]:
        assert rows[task.replace("lower case", "upper case")] == rows[task]


def test_predicted_fillers_read_brackets_appositions_and_incidents_only():
    from newsweave.evaluation.muc4 import predicted_fillers

    def event(kind, mode, source_text, target_text, modality="asserted"):
        return {"doc": "1", "type": kind, "mode": mode, "source": None, "target": None, "start": 0,
                "end": 99, "source_text": source_text, "target_text": target_text, "modality": modality}

    export = {"documents": [{"id": "1", "url": "muc4:d"}], "entities": [], "mentions": [
        {"doc": "1", "type": "WEAPON", "start": 10, "end": 16, "text": "rifles", "entity": "weapon:small-arms"},
        {"doc": "1", "type": "WEAPON", "start": 20, "end": 32, "text": "machine guns", "entity": "weapon:small-arms"}],
        "events": [event("ASSAULT", None, "the urban front (FURN)", "his wife, Ana Pérez"),
                   event("COERCE", "arrest", "the police", "two students"),
                   event("ASSAULT", None, "the rebels", "the mayor", modality="planned")]}
    found = predicted_fillers(export)["d"]
    assert {"urban front", "furn"} <= found["PerpInd"][0]
    assert {"his wife", "ana pérez"} <= found["Victim"][0] and len(found["Victim"]) == 1  # not the mayor
    assert len(found["Weapon"]) == 2  # one knowledge-base class, two fillers
    assert "police" not in str(found)  # an arrest is no incident


def test_a_thing_named_after_a_state_is_a_target_not_a_place():
    from newsweave.evaluation.muc4 import predicted_fillers

    export = {"documents": [{"id": "1", "url": "muc4:d"}], "mentions": [],
              "entities": [{"id": "e", "type": "COUNTRY", "name": "China", "aliases": ["PRC"]}],
              "events": [{"doc": "1", "type": "ASSAULT", "mode": None, "source": None, "target": "e",
                          "start": 0, "end": 9, "source_text": None, "target_text": "the embassy of the PRC"}]}
    assert predicted_fillers(export)["d"]["Target"] == [{"embassy of the prc"}]


def test_a_phrase_cut_inside_its_bracket_still_gives_the_bracketed_name():
    from newsweave.evaluation.muc4 import _bracketed

    assert "farc" in _bracketed("members of the armed forces of colombia (farc")
