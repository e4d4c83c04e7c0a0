"""Case-robust reading: all-caps and all-lowercase text is read as its mixed-case form is."""

from __future__ import annotations

import pytest

from newsweave.document import Document, Region
from newsweave.settings import Settings

pytestmark = pytest.mark.slow

MIXED = [
    "Guerrillas of the Farabundo Marti National Liberation Front attacked the army barracks in "
    "San Miguel yesterday.",
    "Rebels of the Revolutionary Armed Forces of Colombia kidnapped two engineers in Medellin on Monday.",
    "Russian warplanes bombed rebel positions near Idlib, the Syrian Observatory for Human Rights said.",
    "Turkey sent armoured vehicles to Libya in January, officials in Tripoli said.",
]


@pytest.fixture(scope="module")
def stages():
    from newsweave.annotate.entities import EntityRecognizer
    from newsweave.annotate.parse import Parser
    from newsweave.annotate.places import PlaceResolver
    from newsweave.annotate.timex import TimeTagger
    from newsweave.extract.events import EventExtractor

    settings = Settings()
    return [Parser(settings), EntityRecognizer(settings), TimeTagger(settings),
            PlaceResolver(settings), EventExtractor(settings)]


@pytest.fixture(scope="module")
def truecaser(stages):
    return stages[0].truecase


def analyse(stages, text: str) -> Document:
    doc = Document(id="t", name="t", path="", raw=text, text=text, published="1990-01-05",
                   published_precision="day", regions=[Region("body", 0, len(text))])
    for stage in stages:
        doc = stage(doc)
    return doc


def facts(doc: Document):
    mentions = [(m.start, m.end, m.type, m.entity) for m in doc.mentions]
    events = [(e.type, e.mode, e.source, e.target, e.start, e.end, e.place and e.place.name)
              for e in doc.events]
    return mentions, events


@pytest.mark.parametrize("sentence", MIXED)
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_caps_and_lowercase_yield_the_facts_of_mixed_case(stages, sentence, case):
    mixed = analyse(stages, sentence)
    other = analyse(stages, case(sentence))
    assert mixed.events, "the mixed-case sentence must state an event for the test to mean anything"
    assert facts(other) == facts(mixed)


def test_stored_text_stays_the_original(stages):
    text = MIXED[0].upper()
    doc = analyse(stages, text)
    assert doc.text == text
    assert all(m.text.isupper() for m in doc.mentions if any(ch.isalpha() for ch in m.text))
    assert [text[s.start:s.end] for s in doc.sentences] == [text]
    assert doc.events[0].sentence == text


def test_truecasing_changes_only_letter_case(truecaser):
    text = "GUERRILLAS OF THE FMLN ATTACKED SAN MIGUEL. COL. RENE PONCE SAID 3 SOLDIERS DIED.\nStraße"
    cased = truecaser(text)
    assert len(cased) == len(text) and cased.lower() == text.lower()
    assert "the FMLN attacked San Miguel" in cased
    assert cased.startswith("Guerrillas")


def test_mixed_case_text_is_left_alone(truecaser):
    text = "The UN envoy met GNA officials in Tripoli.\nShare this page. ALL RIGHTS RESERVED"
    assert truecaser(text) == text


def test_only_mostly_caps_or_caseless_lines_are_recased(truecaser):
    text = "Talks resumed in Geneva on Monday.\nTURKISH TROOPS ENTERED THE TOWN OF AFRIN"
    first, second = truecaser(text).split("\n")
    assert first == "Talks resumed in Geneva on Monday."
    assert second.startswith("Turkish troops entered the town of Afrin")


def test_unknown_words_are_guessed_names_except_in_comments(truecaser):
    text = "guerrillas kidnapped mayor ortegon in apopa"
    assert truecaser(text) == "Guerrillas kidnapped mayor Ortegon in Apopa"
    assert truecaser(text, guess_names=False) == "Guerrillas kidnapped mayor ortegon in Apopa"  # a known place
