"""A state, its government and its armed forces are distinct, linked actors (issue 11)."""

import pytest

from newsweave.kb import knowledge_base, sectors


@pytest.mark.parametrize("text, kb_id, name", [
    ("Indian army", "IND-MIL", "Indian Armed Forces"),
    ("Indian Air Force", "IND-MIL", "Indian Armed Forces"),
    ("Pakistan Army", "PAK-MIL", "Pakistani Armed Forces"),
    ("armed forces of India", "IND-MIL", "Indian Armed Forces"),
    ("Sudanese military", "org:sudanese-armed-forces", "Sudanese Armed Forces"),
    ("Israeli forces", "org:idf", "Israel Defense Forces"),
    ("Chadian troops", "TCD-MIL", "Chadian Armed Forces"),
])
def test_a_states_military_nouns_name_its_armed_forces(text, kb_id, name):
    entry = knowledge_base().lookup(text)[0]
    assert (entry.id, entry.name, entry.type) == (kb_id, name, "ORGANIZATION")


def test_the_armed_forces_are_linked_to_their_state():
    kb = knowledge_base()
    forces = kb.get("PAK-MIL")
    assert forces.country == "PK"
    assert sectors.sector(kb, forces) == ("MIL", "PAK")
    assert sectors.sector(kb, kb.get("PAK")) == ("GOV", None)
    assert sectors.sector(kb, kb.get("org:sudanese-armed-forces")) == ("MIL", "SDN")


@pytest.mark.parametrize("noun", ["government", "officials", "foreign ministry", "media"])
def test_diplomatic_actors_stay_the_state(noun):
    kb = knowledge_base()
    assert sectors.state_actor(kb, kb.get("IND"), noun).id == "IND"
    assert kb.lookup(f"Indian {noun}") == [] or kb.lookup(f"Indian {noun}")[0].id != "IND-MIL"


def test_a_continent_is_not_a_town():
    assert knowledge_base().lookup("Africa")[0].id == "loc:africa"
