"""Clustering bare mentions: stories, descriptions linked to a story's main name, role words before names."""

from __future__ import annotations

import pytest

from newsweave.resolve.mentions import BareMention, cluster_mentions, core, is_plural, kind_of, role_word
from newsweave.resolve.stories import group_documents


def _mentions(*items: tuple[str, int, str, str]) -> list[BareMention]:
    return [BareMention(f"{doc}:{pos}", doc, pos, text, type) for doc, pos, text, type in items]


def test_documents_sharing_names_are_one_story():
    stories = group_documents({
        "a1": ["lohan", "lindsay", "promises", "malibu", "~actress"], "a2": ["lohan", "lindsay", "malibu"],
        "b1": ["reid", "tara", "~actress", "betty", "ford"], "b2": ["reid", "tara", "betty", "ford"],
    })
    assert stories["a1"] == stories["a2"] != stories["b1"] == stories["b2"]


def test_a_lone_document_joins_the_story_it_resembles():
    stories = group_documents({
        "a1": ["lohan", "lindsay", "promises"], "a2": ["lohan", "lindsay", "promises", "malibu"],
        "a3": ["lohan", "court", "judge", "sentence", "beverly", "hills", "appeal", "probation"],
        "b1": ["reid", "tara"], "b2": ["reid", "tara", "ford"],
    })
    assert stories["a3"] == stories["a1"]


def _two_stories(*extra) -> dict[str, str]:
    """Two stories about two actresses, each calling its own "the actress"."""
    return cluster_mentions(_mentions(
        ("a1", 1, "Lindsay Lohan", "PERSON"), ("a1", 2, "the actress", "PERSON"), ("a1", 3, "Lohan", "PERSON"),
        ("a1", 4, "Promises", "FACILITY"), ("a2", 1, "Lindsay Lohan", "PERSON"), ("a2", 2, "actress", "PERSON"),
        ("a2", 4, "Promises", "FACILITY"),
        ("b1", 1, "Tara Reid", "PERSON"), ("b1", 2, "the actress", "PERSON"), ("b1", 3, "Reid", "PERSON"),
        ("b1", 4, "Betty Ford Center", "FACILITY"), ("b2", 1, "Tara Reid", "PERSON"), ("b2", 2, "Reid", "PERSON"),
        ("b2", 4, "Betty Ford Center", "FACILITY"), *extra,
    ))


def test_a_description_joins_the_main_name_of_its_own_story():
    found = _two_stories()
    assert found["a1:2"] == found["a2:2"] == found["a1:1"]
    assert found["b1:2"] == found["b1:1"] != found["a1:2"]


@pytest.mark.parametrize("text", ["her lawyer", "the officers", "her mother"])
def test_side_roles_and_groups_are_not_the_main_name(text):
    found = _two_stories(("a2", 3, text, "PERSON"))
    assert found["a2:3"] != found["a2:1"]


def test_a_description_with_two_names_in_view_is_left_alone():
    found = cluster_mentions(_mentions(
        ("d1", 1, "Jane Doe", "PERSON"), ("d1", 2, "Mary Roe", "PERSON"), ("d1", 3, "the singer", "PERSON")))
    assert found["d1:3"] not in (found["d1:1"], found["d1:2"])


@pytest.mark.parametrize("text, expected", [
    ("lawyer Mark Heller", "Mark Heller"), ("defensive tackle Jamal Williams", "Jamal Williams"),
    ("Attorney Shawn Holley", "Shawn Holley"),  # a role written as a title
    ("southern Iran", "southern Iran"),  # one word after the modifier: a part of the place
    ("the streets of New York", "the streets of New York"), ("a Los Angeles hospital", "a Los Angeles hospital"),
])
def test_a_full_name_after_role_words_is_the_name(text, expected):
    assert core(text) == expected


@pytest.mark.parametrize("text", ["that", "where", "there", "those"])
def test_relative_and_place_words_are_pronouns(text):
    assert kind_of(text) == "pronoun"


@pytest.mark.parametrize("text, plural", [
    ("the officers", True), ("people", True), ("police", True), ("the actress", False), ("the virus", False),
    ("boss", False), ("two", True), ("12", True),
])
def test_plural_descriptions(text, plural):
    assert is_plural(text) is plural


@pytest.mark.parametrize("text, role", [
    ("lawyer Mark Heller", "lawyer"), ("Attorney Shawn Holley", "attorney"), ("Lindsay Lohan", None),
])
def test_the_role_a_name_is_written_with(text, role):
    assert role_word(text) == role


def test_a_side_role_joins_the_one_name_written_with_it():
    found = _two_stories(("a1", 5, "lawyer Mark Heller", "PERSON"), ("a2", 3, "the lawyer", "PERSON"))
    assert found["a2:3"] == found["a1:5"] != found["a1:1"]


def test_they_does_not_stand_for_one_person():
    found = cluster_mentions(_mentions(
        ("d1", 1, "the officers", "PERSON"), ("d1", 2, "Tara Reid", "PERSON"), ("d1", 3, "they", "PERSON")))
    assert found["d1:3"] == found["d1:1"]
