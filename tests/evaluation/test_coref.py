"""ECB+ entity coreference scorer: the metrics on textbook cases, reading, clustering (issue 4, item 3)."""

from __future__ import annotations

import pytest

from newsweave.evaluation.coref import (
    DEV_TOPICS,
    b_cubed,
    ceaf_e,
    conll_scores,
    evaluate_ecbplus,
    exact_match_clusters,
    muc,
    read_document,
)
from newsweave.resolve.mentions import BareMention, cluster_mentions, core, kind_of
from newsweave.settings import Settings


def clusters(*groups: str) -> dict[str, str]:
    """"ab", "cd" -> {a: 0, b: 0, c: 1, d: 1}."""
    return {m: str(n) for n, group in enumerate(groups) for m in group}


@pytest.mark.parametrize("key, response, p, r", [
    (("abcd",), ("ab", "cd"), 1.0, 2 / 3),  # Vilain et al.: one link missing of three
    (("ab", "cd"), ("abcd",), 2 / 3, 1.0),
    (("abc", "d"), ("abc", "d"), 1.0, 1.0),
    (("a", "b"), ("a", "b"), 0.0, 0.0),  # singletons carry no links
])
def test_muc(key, response, p, r):
    assert muc(clusters(*key), clusters(*response))[:2] == pytest.approx((p, r))


@pytest.mark.parametrize("key, response, p, r", [
    # Bagga & Baldwin's example: two gold entities wrongly merged.
    (("abcde", "fg"), ("abcdefg",), (5 * 5 / 7 + 2 * 2 / 7) / 7, 1.0),
    (("abcde", "fghij", "kl"), ("abcde", "fghijkl"), (5 + 5 * 5 / 7 + 2 * 2 / 7) / 12, 1.0),
    (("ab",), ("a", "b"), 1.0, 0.5),
])
def test_b_cubed(key, response, p, r):
    assert b_cubed(clusters(*key), clusters(*response))[:2] == pytest.approx((p, r))


@pytest.mark.parametrize("key, response, p, r", [
    (("abc", "d"), ("ab", "cd"), (0.8 + 2 / 3) / 2, (0.8 + 2 / 3) / 2),
    (("abc", "d"), ("abc", "d"), 1.0, 1.0),
    (("abcd",), ("a", "b", "c", "d"), 0.4 / 4, 0.4),  # only one response cluster can align
])
def test_ceaf_e(key, response, p, r):
    assert ceaf_e(clusters(*key), clusters(*response))[:2] == pytest.approx((p, r))


def test_conll_f1_is_the_average():
    scores = conll_scores(clusters("abcd"), clusters("ab", "cd"))
    assert scores["CoNLL F1"] == pytest.approx((scores["MUC F1"] + scores["B3 F1"] + scores["CEAF-e F1"]) / 3)


@pytest.mark.parametrize("text, expected", [
    ("Lindsay Lohan", "name"), ("the actress", "description"), ("she", "pronoun"),
    ("into Promises Treatment Center in Malibu", "name"), ("a rehab facility in Malibu", "description"),
])
def test_mention_kinds(text, expected):
    assert kind_of(core(text)) == expected


def _mentions(*items: tuple[str, int, str, str]) -> list[BareMention]:
    return [BareMention(f"{doc}:{pos}", doc, pos, text, type) for doc, pos, text, type in items]


def test_clustering_names_descriptions_and_pronouns():
    found = cluster_mentions(_mentions(
        ("d1", 1, "Lindsay Lohan", "PERSON"), ("d1", 2, "she", "PERSON"), ("d1", 3, "Promises", "FACILITY"),
        ("d2", 1, "Lohan", "PERSON"), ("d2", 2, "the Promises Treatment Center", "FACILITY"),
        ("d2", 3, "Tara Reid", "PERSON"), ("d2", 4, "her", "PERSON"),
    ))
    assert found["d1:1"] == found["d1:2"] == found["d2:1"]
    assert found["d1:3"] == found["d2:2"]
    assert found["d2:3"] == found["d2:4"] != found["d1:1"]


def test_exact_match_baseline():
    found = exact_match_clusters(_mentions(("d1", 1, "Lohan", "PERSON"), ("d2", 1, "lohan", "PERSON"),
                                           ("d2", 2, "Reid", "PERSON")))
    assert found["d1:1"] == found["d2:1"] != found["d2:2"]


ECB_FILE = """<Document doc_name="9_1ecb.xml" doc_id="DOC1">
<token t_id="1" sentence="0" number="0">Lindsay</token>
<token t_id="2" sentence="0" number="1">Lohan</token>
<token t_id="3" sentence="0" number="2">entered</token>
<token t_id="4" sentence="0" number="3">rehab</token>
<token t_id="5" sentence="1" number="0">She</token>
<token t_id="6" sentence="1" number="1">left</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="1"/><token_anchor t_id="2"/></HUMAN_PART_PER>
<LOC_FAC m_id="2"><token_anchor t_id="4"/></LOC_FAC>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="5"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="9" TAG_DESCRIPTOR="lohan" instance_id="HUM1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><source m_id="4"/><target m_id="9"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_reading_an_ecbplus_file(tmp_path):
    file = tmp_path / "9_1ecb.xml"
    file.write_text(ECB_FILE, encoding="utf-8")
    mentions, gold = read_document(file, "9", {("9", "1ecb", 0)})  # sentence 1 not selected
    assert [(m.text, m.type) for m in mentions] == [("Lindsay Lohan", "PERSON"), ("rehab", "FACILITY")]
    assert gold == {"9_1ecb:1": "HUM1", "9_1ecb:2": "single:9_1ecb:2"}


@pytest.mark.slow
def test_ecbplus_dev_scores(shared_data):
    folder = shared_data / "ecbplus"
    if not folder.is_dir():
        pytest.skip("ECB+ is absent")
    ours, baseline = evaluate_ecbplus(folder, Settings(), limit=2)
    assert ours.n == baseline.n > 0 and ours.note.startswith(f"ECB+ topics {DEV_TOPICS[0]}")
    assert ours.metrics["CoNLL F1"] > baseline.metrics["CoNLL F1"]
