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
    assert head(normalise("The members of the FMLN")) == "members"
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
