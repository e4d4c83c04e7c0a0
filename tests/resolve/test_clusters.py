"""Name clustering steps used inside one story collection: longer full names and name endings."""

from __future__ import annotations

from collections import Counter

import pytest

from newsweave.resolve.clusters import Node, cluster_nodes


def _cluster(names: list[tuple[str, str]]) -> dict[str, str]:
    nodes = [Node(name, type, names=Counter({name: 1})) for name, type in names]
    return cluster_nodes(nodes, prefixes=True)


@pytest.mark.parametrize("short, long", [
    ("Mark Felt", "W. Mark Felt"), ("Fred LaRue", "Frederick C. LaRue"), ("Fred LaRue", "Frederick Cheney LaRue"),
])
def test_a_full_name_joins_its_one_longer_form(short, long):
    found = _cluster([(short, "PERSON"), (long, "PERSON")])
    assert found[short] == found[long]


def test_a_full_name_with_two_longer_forms_is_left_alone():
    found = _cluster([("Mark Felt", "PERSON"), ("W. Mark Felt", "PERSON"), ("Mark Anthony Felt", "PERSON")])
    assert found["Mark Felt"] not in (found["W. Mark Felt"], found["Mark Anthony Felt"])


def test_different_given_names_stay_apart():
    found = _cluster([("Mark Felt", "PERSON"), ("Joan Mary Felt", "PERSON")])
    assert found["Mark Felt"] != found["Joan Mary Felt"]


@pytest.mark.parametrize("others, merged", [
    ([("Indianapolis Colts", "ORGANIZATION")], True),
    ([("Indianapolis Colts", "ORGANIZATION"), ("Baltimore Colts", "ORGANIZATION")], False),  # which one?
    ([("Indianapolis Colts", "PERSON")], False),  # another family
])
def test_a_one_word_name_joins_the_one_name_it_ends(others, merged):
    found = _cluster([("Colts", "ORGANIZATION"), *others])
    assert (found["Colts"] == found[others[0][0]]) is merged
