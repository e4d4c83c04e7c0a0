"""Actor mentions as analysts code them (issue 11): armed forces apart from their state, names
apart from common nouns, no numbers or sentence-initial words as actors."""

import pytest

pytestmark = pytest.mark.slow


def by_text(doc) -> dict:
    return {m.text: m for m in doc.mentions}


@pytest.mark.parametrize("text, surface, entity", [
    ("The Indian army said it had hit nine sites.", "Indian army", "IND-MIL"),
    ("Pakistani troops fired across the border.", "Pakistani troops", "PAK-MIL"),
    ("The Indian Air Force said it had destroyed a radar.", "Indian Air Force", "IND-MIL"),
    ("Rebels have been battling the Sudanese army forces near El Fasher.", "Sudanese army forces",
     "org:sudanese-armed-forces"),
    ("The armed forces of India hit nine sites.", "armed forces of India", "IND-MIL"),
    ("Indian officials said they would respond.", "Indian officials", "IND"),
    ("Pakistani militants attacked the tourists.", "Pakistani militants", None),
    ("The Indian government said it would respond.", "Indian government", "IND"),
])
def test_armed_forces_and_state(annotate, text, surface, entity):
    assert by_text(annotate(text))[surface].entity == entity


@pytest.mark.parametrize("text, surface, kind", [
    ("The Indian army said it had hit nine sites.", "Indian army", "nominal"),
    ("The Pakistan Army said it had hit nine sites.", "Pakistan Army", "name"),
    ("Militants attacked the village, a spokesman said.", "spokesman", "nominal"),
    ("Narendra Modi met Shehbaz Sharif.", "Narendra Modi", "name"),
])
def test_mention_kind(annotate, text, surface, kind):
    assert by_text(annotate(text))[surface].kind == kind


def test_a_number_is_no_entity(annotate):
    doc = annotate("The strikes killed 28 people in Muzaffarabad.")
    assert all(m.entity is None for m in doc.mentions if m.type in ("QUANTITY", "DATE", "MONEY"))
    assert not any("28" in (m.entity or "") for m in doc.mentions)


def test_a_sentence_initial_gerund_is_no_person(annotate):
    doc = annotate("Losing Zamzam puts pressure on the army.")
    assert not any(m.text.startswith("Losing") for m in doc.mentions)
    assert not any(m.type == "PERSON" for m in doc.mentions)
