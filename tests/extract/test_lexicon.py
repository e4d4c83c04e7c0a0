"""The PLOVER trigger lexicon and the CAMEO->PLOVER table shipped with the package."""

from __future__ import annotations

import pytest

from newsweave.document import EVENT_TYPES
from newsweave.extract import lexicon


@pytest.mark.parametrize("table", [lexicon.VERB_TRIGGERS, lexicon.NOUN_TRIGGERS])
def test_every_trigger_has_a_known_type(table):
    assert {kind for kind, _ in table.values()} <= set(EVENT_TYPES)


@pytest.mark.parametrize("code, kind", [
    ("042", "CONSULT"), ("072", "AID"), ("190", "ASSAULT"), ("112", "ACCUSE"), ("0874", "RETREAT"),
    ("163", "COERCE"), ("138", "THREATEN"),
])
def test_cameo_codes_map_to_plover(code, kind):
    assert lexicon.cameo_to_plover(code)[0] == kind


def test_military_aid_mode():
    assert lexicon.cameo_to_plover("072") == ("AID", "military")


def test_cameo_codes_outside_plover_are_not_events():
    assert lexicon.cameo_to_plover("010") is None  # "make statement" is not an event


@pytest.mark.parametrize("lemma, objects, kind", [
    ("bomb", [], "ASSAULT"), ("meet", [], "CONSULT"), ("accuse", [], "ACCUSE"),
    ("go", [], None), ("come", [], None),
])
def test_verb_trigger(lemma, objects, kind):
    found = lexicon.verb_trigger(lemma, objects)
    assert (found[0][0] if found else None) == kind
