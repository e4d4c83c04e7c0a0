"""Relations: polarity, symmetric pairs, comments and modality, independent sources."""

from __future__ import annotations

import pytest

from aggregate.aggregate_builders import doc, ev, named
from newsweave.store import aggregates


def _relations(conn):
    return {named(conn, (r.source, r.target)) + (r.polarity,): r for r in aggregates.relations(conn)}


@pytest.mark.parametrize("type_, polarity", [
    ("AID", "cooperative"), ("SUPPORT", "cooperative"), ("ASSAULT", "conflictual"),
    ("SANCTION", "conflictual"), ("THREATEN", "conflictual"),
])
def test_polarity_follows_the_plover_type(build, type_, polarity):
    conn = build([doc("d1", ev(type_, "ruritania", "kratov"))])
    assert list(_relations(conn)) == [("Ruritania", "Zorin Kratov", polarity)]


def test_investigate_makes_no_relation(build):
    assert _relations(build([doc("d1", ev("INVESTIGATE", "ruritania", "kratov"))])) == {}


def test_symmetric_types_give_one_relation_per_pair(build):
    conn = build([doc("d1", ev("CONSULT", "ruritania", "kratov")),
                  doc("d2", ev("CONSULT", "kratov", "ruritania", mode="meet"))])
    relations = aggregates.relations(conn)
    assert len(relations) == 1
    assert relations[0].documents == 2 and relations[0].types == ["CONSULT", "CONSULT/meet"]


def test_directed_types_keep_direction(build):
    conn = build([doc("d1", ev("AID", "ruritania", "kratov", mode="military")),
                  doc("d2", ev("AID", "kratov", "ruritania"))])
    relations = _relations(conn)
    assert set(relations) == {("Ruritania", "Zorin Kratov", "cooperative"),
                              ("Zorin Kratov", "Ruritania", "cooperative")}
    assert relations[("Ruritania", "Zorin Kratov", "cooperative")].types == ["AID/military"]


def test_comment_events_never_count(build):
    conn = build([doc("d1", ev("AID", "zembla", "south", region="comment"),
                      ev("AID", "ruritania", "kratov"))])
    assert set(_relations(conn)) == {("Ruritania", "Zorin Kratov", "cooperative")}
    assert len(aggregates.timeline(conn)) == 1


@pytest.mark.parametrize("modality, weight", [
    ("asserted", 0.9), ("reported", 0.9), ("planned", 0.45), ("denied", None), ("negated", None),
    ("hypothetical", None),
])
def test_modality_decides_what_counts_as_evidence(build, modality, weight):
    relations = _relations(build([doc("d1", ev("AID", "ruritania", "kratov", modality=modality))]))
    if weight is None:
        assert relations == {}
    else:
        assert relations[("Ruritania", "Zorin Kratov", "cooperative")].weight == pytest.approx(weight)


def test_places_are_not_actors(build):
    assert _relations(build([doc("d1", ev("AID", "borduria", "port"))])) == {}


def test_first_and_last_dates(build):
    conn = build([doc("d1", ev("AID", "ruritania", "kratov", date="2017-03-14")),
                  doc("d2", ev("AID", "ruritania", "kratov", date="2019-05"))])
    relation = aggregates.relations(conn)[0]
    assert (relation.first, relation.last, len(relation.events)) == ("2017-03-14", "2019-05", 2)


AID = ("AID", "ruritania", "kratov")


@pytest.mark.parametrize("docs, duplicates, documents, independent", [
    # Unknown publishers: each document is its own source.
    ([doc("d1", ev(*AID)), doc("d2", ev(*AID))], None, 2, 2),
    # A copy of the same text counts once.
    ([doc("d1", ev(*AID)), doc("d2", ev(*AID))], {"d2": "d1"}, 2, 1),
    # Wire copy: two sites crediting the same agency.
    ([doc("d1", ev(*AID), source="Reuters"), doc("d2", ev(*AID), source="reuters")], None, 2, 1),
    # Same site (url host) twice.
    ([doc("d1", ev(*AID), url="https://www.example.com/a"), doc("d2", ev(*AID), url="http://example.com/b")],
     None, 2, 1),
    # Distinct publishers add up.
    ([doc("d1", ev(*AID), url="https://a.example/x"), doc("d2", ev(*AID), url="https://b.example/y"),
      doc("d3", ev(*AID), source="AFP")], None, 3, 3),
    # Two sites repeating one outlet's report: the outlet once.
    ([doc("d1", ev(*AID, attribution="Asharq al-Awsat")), doc("d2", ev(*AID, attribution="Asharq Al-Awsat"))],
     None, 2, 1),
    # An outlet the knowledge base does not know, named by its media word.
    ([doc("d1", ev(*AID, attribution="the Vanko Daily News")), doc("d2", ev(*AID, attribution="Vanko Daily News"))],
     None, 2, 1),
    # A site's own report plus another's citing an outlet: two sources.
    ([doc("d1", ev(*AID)), doc("d2", ev(*AID, attribution="DEBKAfile's military sources"))], None, 2, 2),
    # "informed sources" is not an outlet: each site speaks for itself.
    ([doc("d1", ev(*AID, attribution="informed sources")), doc("d2", ev(*AID, attribution="informed sources"))],
     None, 2, 2),
])
def test_independent_sources(build, docs, duplicates, documents, independent):
    relation = aggregates.relations(build(docs, duplicates))[0]
    assert (relation.documents, relation.independent_sources) == (documents, independent)
