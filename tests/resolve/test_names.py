"""Name keys, spelling variants, acronyms and descriptions: the pure pieces of resolution."""

from __future__ import annotations

import pytest

from newsweave.resolve.backrefs import parse_description
from newsweave.resolve.names import acronym_fits, defined_acronym, name_key, trailing_acronym, words_match


@pytest.mark.parametrize("text, key", [
    ("Gen. Khalifa Hafter's", "khalifa hafter"),
    ("Field Marshal Khalifa Haftar", "khalifa haftar"),
    ("Egyptian foreign minister Shoukry", "shoukry"),
    ("President Putin", "putin"),
    ("House of Representatives (HoR", "house of representatives"),
    ("Marshal", "marshal"),  # a title alone is kept: there is nothing else
])
def test_name_key_strips_titles(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize("a, b, same", [
    ("haftar", "hafter", True), ("haftar", "hifter", True), ("sarraj", "serraj", True),
    ("shoigu", "shoygu", True), ("libya", "liberia", False), ("niger", "nigeria", False),
    ("ahmed", "khaled", False), ("lee", "li", False), ("mali", "male", False),
    # One letter mistyped in a long word is the same name; two letters make another.
    ("erdogan", "erdogam", True), ("erdogan", "erdoan", True), ("erdogan", "erdozam", False),
    ("burhan", "burham", True), ("burhan", "burman", True), ("burhan", "burmah", False),
])
def test_spelling_variants(a, b, same):
    assert words_match(a, b) is same


@pytest.mark.parametrize("acronym, expansion, fits", [
    ("LNA", "libyan national army", True), ("GNA", "government of national accord", True),
    ("HoR", "house of representatives", True), ("UAE", "united arab emirates", True),
    ("LNA", "government of national accord", False), ("CDF", "coastal force", False),
])
def test_acronym_fits(acronym, expansion, fits):
    assert acronym_fits(acronym, expansion) is fits


def test_acronyms_found_after_and_inside_mentions():
    assert defined_acronym(" (LNA) militia") == "LNA"
    assert defined_acronym(" said (on Monday)") is None
    assert trailing_acronym("House of Representatives (HoR") == "HoR"


@pytest.mark.parametrize("text, country, role", [
    ("the Libyan general", "LY", "military"), ("The Russian president", "RU", "head"),
    ("the veteran Libyan commander", "LY", "military"), ("the leader", None, "generic"),
])
def test_descriptions(text, country, role):
    found = parse_description(text)
    assert (found.country, found.role) == (country, role)


@pytest.mark.parametrize("text", ["Libyan forces", "the general assembly", "Haftar", "the Libyan people"])
def test_not_descriptions(text):
    assert parse_description(text) is None
