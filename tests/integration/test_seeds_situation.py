"""Issue 4's acceptance on the five seed pages: the situation model an analyst expects.

The seeds describe Russia's support for Khalifa Haftar in Libya's war. A user running
`newsweave summary` on them must see the two blocs with their backers, the sources'
disagreement about Qatar, one actor for Haftar/Hafter, and nothing only a commenter said.
"""

from __future__ import annotations


import pytest

import newsweave

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("situation") / "seeds.db"
    return newsweave.run([seeds_dir], db=db)


def side_of(corpus, name: str):
    sides = {s.name: (s.conflict, s.side) for s in corpus.sides()}
    return sides.get(name)


def test_haftar_and_hafter_are_one_actor(corpus):
    haftars = [e for e in corpus.entities() if "haftar" in e.name.lower() or "hafter" in e.name.lower()]
    assert len([e for e in haftars if e.type == "PERSON"]) == 1
    assert {"Haftar", "Hafter"} <= {a.split("’")[0].split("'")[0] for a in haftars[0].aliases}


def test_backers_stand_on_haftars_side_and_turkey_with_the_gna(corpus):
    haftar = side_of(corpus, "Khalifa Haftar")
    assert haftar is not None
    for backer in ("Russia", "Egypt", "United Arab Emirates"):
        assert side_of(corpus, backer) == haftar, backer
    gna = side_of(corpus, "Government of National Accord")
    assert gna is not None and gna[0] == haftar[0] and gna[1] != haftar[1]
    assert side_of(corpus, "Turkey") == gna


def test_relations_carry_independent_source_counts(corpus):
    russia_haftar = [r for r in corpus.relations()
                     if {r.source, r.target} == {"RUS", "person:khalifa-haftar"}]
    assert russia_haftar and max(r.independent_sources for r in russia_haftar) >= 2


def test_the_disagreement_about_qatar_is_flagged(corpus):
    assert any("Qatar" in c.explanation or "QAT" in c.entities for c in corpus.contradictions())


def test_nothing_said_only_in_comments_reaches_the_situation(corpus):
    comment_only = {e.id for e in corpus.entities() if e.mentions == 0 and e.comment_mentions > 0}
    for relation in corpus.relations():
        assert relation.source not in comment_only and relation.target not in comment_only
    for record in corpus.sides():
        assert record.entity not in comment_only
