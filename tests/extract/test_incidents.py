"""Violent incidents as a crime report tells them: bombings, claims of responsibility, passive
victims, arson, kidnappings, and the weapons used (never taken for the target)."""

from __future__ import annotations

import pytest

from newsweave.document import Document, Region

pytestmark = pytest.mark.slow


def document(stages, sentence: str) -> Document:
    doc = Document(id="t", name="t", path="", raw=sentence, text=sentence, published="2001-03-02",
                   published_precision="day", regions=[Region("body", 0, len(sentence))])
    for stage in stages:
        doc = stage(doc)
    return doc


def attacks(stages, sentence: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source_text, e.target_text) for e in document(stages, sentence).events
            if e.type in ("ASSAULT", "COERCE")]


@pytest.mark.parametrize("sentence, target", [
    ("A bomb exploded at the offices of a shipping company in Lagos last night.", "offices"),
    ("A car bomb exploded in front of the town hall, wounding two guards.", "town hall"),
    ("A powerful charge exploded near the customs building on Friday.", "customs building"),
])
def test_a_bomb_that_exploded_hit_the_thing_where_it_went_off(stages, sentence, target):
    assert any(kind == "ASSAULT" and target in (t or "") for kind, _, t in attacks(stages, sentence))


@pytest.mark.parametrize("sentence, source", [
    ("The charges were set off by rebel commandos.", "rebel commandos"),
    ("Rebel commandos set off two bombs in the market.", "Rebel commandos"),
])
def test_setting_off_explosives_is_a_bombing(stages, sentence, source):
    assert any(kind == "ASSAULT" and s == source for kind, s, _ in attacks(stages, sentence))


def test_setting_off_on_a_journey_is_no_attack(stages):
    assert attacks(stages, "The delegation set off for the capital on Monday.") == []


@pytest.mark.parametrize("sentence, source, target", [
    ("The People's Army claimed responsibility for the attack on the power station.",
     "People's Army", "power station"),
    ("The urban commandos claimed responsibility for the murder of the judge.", "urban commandos", "judge"),
    ("Police said the rebels were responsible for the bombing of the courthouse.",
     "rebels", "courthouse"),
    ("The police chief said that the rebels are behind the attack on the power station.",
     "rebels", "power station"),
])
def test_who_claims_or_is_blamed_for_an_attack_did_it(stages, sentence, source, target):
    found = attacks(stages, sentence)
    assert any(s and source in s and target in (t or "") for _, s, t in found), found


def test_an_attack_that_is_condemned_still_happened(stages):
    found = attacks(stages, "The bishop condemned the assassination of the mayor of Tumaco.")
    assert any(kind == "ASSAULT" and "mayor" in (t or "") for kind, _, t in found), found


@pytest.mark.parametrize("sentence, source, targets", [
    ("Rebels blew up three buses and two trucks on the highway.", "Rebels", {"three buses", "two trucks"}),
    ("Saboteurs dynamited two electricity towers.", "Saboteurs", {"two electricity towers"}),
    ("Militants sabotaged the pipeline near the port.", "Militants", {"pipeline"}),
])
def test_arson_dynamiting_and_sabotage_hit_things(stages, sentence, source, targets):
    found = attacks(stages, sentence)
    assert {t for _, s, t in found if s == source} >= targets, found


def test_unidentified_individuals_are_attackers(stages):
    found = attacks(stages, "Two journalists were shot dead by unidentified individuals.")
    assert any(s == "unidentified individuals" and "journalists" in (t or "") for _, s, t in found), found


def test_weapons_are_named_and_never_the_target(stages):
    doc = document(stages, "The gunmen attacked the police station with machineguns and dynamite.")
    assert {m.text for m in doc.mentions if m.type == "WEAPON"} >= {"machineguns", "dynamite"}
    targets = {e.target_text for e in doc.events if e.type == "ASSAULT"}
    assert targets == {"police station"}


def test_the_day_of_a_bombing_is_not_its_target(stages):
    found = attacks(stages, "A roadside bombing near the town of Tikrit on Sunday killed a policeman.")
    assert all("Sunday" not in (t or "") for _, _, t in found), found


@pytest.mark.parametrize("sentence, source, target", [
    ("The governor holds the rebels responsible for the assassination of the mayor.", "rebels", "mayor"),
    ("The police arrested two guards for killing the judge.", "two guards", "judge"),
    ("The arrest of three guards for killing the judge surprised no one.", "three guards", "judge"),
    ("The bishop blamed the militia for the killing of the farmers.", "militia", "farmers"),
])
def test_the_one_held_to_account_for_an_attack_did_it(stages, sentence, source, target):
    found = attacks(stages, sentence)
    assert any(s and source in s and target in (t or "") for kind, s, t in found if kind == "ASSAULT"), found


def test_armed_men_are_attackers(stages):
    found = attacks(stages, "The two teachers were murdered by men in uniform.")
    assert any(s == "men" and "teachers" in (t or "") for _, s, t in found), found


@pytest.mark.parametrize("sentence, source, target", [
    ("Unknown persons placed two bombs in several bank branches.", "Unknown persons", "bank branches"),
    ("Two men planted the explosives at the warehouse and fled.", "Two men", "warehouse"),
    ("A car bomb explosion damaged the police headquarters.", None, "police headquarters"),
    ("The bus was badly damaged by a blast.", None, "bus"),
])
def test_planting_explosives_and_blast_damage_are_bombings(stages, sentence, source, target):
    events = [e for e in document(stages, sentence).events if e.type == "ASSAULT"]
    assert any(e.mode == "explosives" and e.source_text == source and target in (e.target_text or "")
               for e in events), [(e.mode, e.source_text, e.target_text) for e in events]


@pytest.mark.parametrize("sentence", ["Rebels exploded a bomb in Kabul.",
                                      "Rebels exploded a series of bombs in the capital Kabul."])
def test_a_bomb_in_a_named_city_hits_the_city_not_a_thing(stages, sentence):
    assert ("ASSAULT", "Rebels", "Kabul") in attacks(stages, sentence)


def test_storm_damage_is_no_bombing(stages):
    assert attacks(stages, "The storm damaged the police headquarters.") == []


def test_who_condemns_an_attack_did_not_make_it(stages):
    found = attacks(stages, "The minister condemned the bombing of the mosque.")
    assert found and all(s != "minister" and s != "The minister" for _, s, _ in found), found
