"""Contradictions of each kind, each explained with the documents it rests on."""

from __future__ import annotations

import pytest

from aggregate.aggregate_builders import doc, ev
from newsweave.store import aggregates
from newsweave.store.aggregates import contradictions

CAMPS = [
    doc("c1", ev("AID", "ruritania", "north")), doc("c2", ev("ASSAULT", "north", "south")),
    doc("c3", ev("AID", "syldavia", "south")), doc("c4", ev("SUPPORT", "borduria", "north")),
]

VISIT = ("CONSULT", "kratov", "ruritania")


@pytest.mark.parametrize("docs, about, cited", [
    # One source says Genovia arms the north, another that it arms the north's enemy.
    (CAMPS + [doc("g1", ev("AID", "genovia", "north")), doc("g2", ev("SUPPORT", "genovia", "south"))],
     "which side Genovia is on", {"g1.txt", "g2.txt"}),
    # An assertion against a denial.
    ([doc("a1", ev("AID", "zembla", "south")), doc("a2", ev("AID", "zembla", "south", modality="denied"))],
     "whether Zembla AID Southern Compact", {"a1.txt", "a2.txt"}),
    # The same pair allied in one source, fighting in another.
    ([doc("p1", ev("SUPPORT", "zembla", "freedonia")), doc("p2", ev("ASSAULT", "zembla", "freedonia"))],
     "whether Freedonia and Zembla are allies or enemies", {"p1.txt", "p2.txt"}),
    # One visit, two dates a week apart, same place.
    ([doc("t1", ev(*VISIT, mode="visit", date="2020-03-01", place="Vanko")),
      doc("t2", ev(*VISIT, mode="visit", date="2020-03-07", place="Vanko"))],
     "when Zorin Kratov CONSULT/visit Ruritania", {"t1.txt", "t2.txt"}),
    # One visit, one day, two countries.
    ([doc("l1", ev(*VISIT, mode="visit", date="2020-03-01", place="Alpha", country="AA")),
      doc("l2", ev(*VISIT, mode="visit", date="2020-03-01", place="Beta", country="BB"))],
     "where Zorin Kratov CONSULT/visit Ruritania", {"l1.txt", "l2.txt"}),
])
def test_each_kind_is_found_and_explained(build, docs, about, cited):
    found = contradictions(build(docs))
    assert [c.about for c in found] == [about]
    assert all(name in found[0].explanation for name in cited)
    assert len(found[0].documents) == 2 and found[0].events


@pytest.mark.parametrize("docs", [
    CAMPS,  # a clean two-camp picture
    [doc("t1", ev(*VISIT, date="2020-03-01", place="Vanko")),
     doc("t2", ev(*VISIT, date="2020-03-02", place="Vanko"))],  # within the merge window
    [doc("t1", ev(*VISIT, date="2020-03-01", place="Vanko")),
     doc("t2", ev(*VISIT, date="2020-05-01", place="Vanko"))],  # months apart: two visits
    [doc("t1", ev(*VISIT, date="2020-03-01", place="Vanko"), ev(*VISIT, date="2020-03-08", place="Vanko"))],
    [doc("a1", ev("AID", "zembla", "south", region="comment")), doc("a2", ev("AID", "zembla", "south",
                                                                             modality="denied"))],
])
def test_no_contradiction_where_sources_agree(build, docs):
    assert contradictions(build(docs)) == []


def test_comment_claims_never_contradict_articles(build):
    conn = build(CAMPS + [doc("g1", ev("AID", "genovia", "north")),
                          doc("g2", ev("SUPPORT", "genovia", "south", region="comment"))])
    assert aggregates.contradictions(conn) == []


def test_an_actor_backing_both_camps_is_placed_by_weight_and_flagged(build):
    """Issue 4's acceptance shape: two sources disagree about which camp a state arms."""
    docs = [
        doc("a1", ev("SUPPORT", "ruritania", "kratov"), ev("AID", "borduria", "kratov"),
            ev("COOPERATE", "zembla", "ruritania", mode="military"),
            ev("COOPERATE", "zembla", "borduria", mode="military"),
            ev("SUPPORT", "zembla", "kratov")),
        doc("b1", ev("AID", "syldavia", "south", mode="military"), ev("AID", "zembla", "south", mode="military")),
        doc("b2", ev("ASSAULT", "kratov", "south")),
    ]
    conn = build(docs)
    camps = {row.name: row.side for row in aggregates.sides(conn)}
    assert camps["Ruritania"] == camps["Borduria"] == camps["Zorin Kratov"] == camps["Zembla"]
    assert camps["Syldavia"] == camps["Southern Compact"] != camps["Zorin Kratov"]
    found = contradictions(conn)
    assert [c.about for c in found] == ["which side Zembla is on"]
    assert "a1.txt" in found[0].explanation and "b1.txt" in found[0].explanation


# ---- issue 11: two independent sources, incompatible facts --------------------------------

BOTH_SIDES = [doc("g1", ev("AID", "genovia", "north", mode="military")), doc("g2", ev("AID", "genovia", "south", mode="military"))]


@pytest.mark.parametrize("docs", [
    # One document, or two documents of one outlet, is not a disagreement between sources.
    CAMPS + [doc("g1", ev("AID", "genovia", "north", mode="military"), ev("AID", "genovia", "south", mode="military"))],
    CAMPS + [doc("g1", *BOTH_SIDES[0].events, source="Vanko Times"), doc("g2", *BOTH_SIDES[1].events, source="Vanko Times")],
    [doc("a1", ev("AID", "zembla", "south"), source="Vanko Times"),
     doc("a2", ev("AID", "zembla", "south", modality="denied"), source="Vanko Times")],
    # Talks are not a material tie: a denied meeting is not a contradiction about sides.
    [doc("a1", ev("CONSULT", "zembla", "south")), doc("a2", ev("CONSULT", "zembla", "south", modality="denied"))],
    # Praise and an attack, or statements on both sides, are not incompatible facts.
    [doc("p1", ev("SUPPORT", "zembla", "freedonia", trigger="praised")), doc("p2", ev("ASSAULT", "zembla", "freedonia"))],
    CAMPS + [doc("g1", ev("CONSULT", "genovia", "north")), doc("g2", ev("CONSULT", "genovia", "south"))],
    # Strikes recur: two dates for an attack at one place are two attacks.
    [doc("t1", ev("ASSAULT", "north", "south", date="2020-03-01", place="Vanko")),
     doc("t2", ev("ASSAULT", "north", "south", date="2020-03-07", place="Vanko"))],
])
def test_no_contradiction_from_one_source_or_statements(build, docs):
    assert contradictions(build(docs)) == []


def test_arming_both_camps_reported_by_two_outlets_is_a_contradiction(build):
    docs = CAMPS + [doc("g1", *BOTH_SIDES[0].events, source="Vanko Times"),
                    doc("g2", *BOTH_SIDES[1].events, source="Zembla Herald")]
    assert [c.about for c in contradictions(build(docs))] == ["which side Genovia is on"]


def test_backing_an_enemy_one_fights_is_a_polarity_question_not_sides(build):
    docs = CAMPS + [doc("g1", ev("AID", "genovia", "north")), doc("g2", ev("SUPPORT", "genovia", "south")),
                    doc("g3", ev("ASSAULT", "genovia", "south"))]
    assert [c.about for c in contradictions(build(docs))] == [
        "whether Genovia and Southern Compact are allies or enemies"]


def test_one_disagreement_per_event(build):
    docs = [doc(f"l{i}", ev(*VISIT, mode="visit", date="2020-03-01", place=place, country=country))
            for i, (place, country) in enumerate([("Alpha", "AA"), ("Beta", "BB"), ("Alpha", "AA"), ("Beta", "BB")])]
    assert len(contradictions(build(docs))) == 1
