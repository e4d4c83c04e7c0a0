"""Issue 13, item 5: the one union-find (entity clusters, sides' member merging, CEAF)."""

from __future__ import annotations

from newsweave.disjoint_sets import DisjointSets


def test_join_keeps_the_root_it_is_told_to():
    sets = DisjointSets("abc")
    assert sets.join("a", "b") and sets.join("b", "c")
    assert {sets.find(x) for x in "abc"} == {"c"}
    assert not sets.join("a", "c")  # already one set


def test_items_never_added_are_their_own_sets():
    sets = DisjointSets()
    assert sets.find("x") == "x"
    sets.join("leader", "army")
    assert sets.find("leader") == "army" and sets.find("x") == "x"
