"""The NER scorer: reading gold data, span matching and metrics."""

from pathlib import Path

import pytest

from newsweave.evaluation.ner import conll_document, prf, read_conll, read_re3d

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.mark.parametrize("typed, overlap, f1", [
    (True, False, 0.5),   # only "Lavrov" is exact and typed
    (True, True, 0.5),    # "Haftar Army" overlaps gold PER but as ORG
    (False, False, 0.5),
    (False, True, 1.0),
])
def test_prf_modes(typed, overlap, f1):
    gold = [[(0, 6, "PER"), (10, 16, "PER")]]
    pred = [[(0, 6, "PER"), (10, 21, "ORG")]]
    metrics, _ = prf(gold, pred, typed=typed, overlap=overlap)
    assert metrics["F1"] == pytest.approx(f1)


def test_prf_counts_missing_and_spurious():
    metrics, per_type = prf([[(0, 3, "LOC")]], [[(5, 8, "LOC")]], typed=True, overlap=True)
    assert metrics["P"] == 0 and metrics["R"] == 0
    assert per_type["LOC"]["gold"] == 1


def test_conll_document_offsets_and_iob1():
    sentences = [[("EU", "I-ORG"), ("rejects", "O"), ("German", "I-MISC"), ("call", "O")],
                 [("Peter", "I-PER"), ("Blackburn", "I-PER"), ("Paris", "B-LOC"), ("Lyon", "B-LOC")]]
    text, spans = conll_document(sentences)
    assert [(text[s:e], t) for s, e, t in spans] == [
        ("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER"), ("Paris", "LOC"), ("Lyon", "LOC")]


def test_read_conll_groups_by_docstart(tmp_path):
    f = tmp_path / "eng.testa"
    f.write_text("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\n. . O O\n\n"
                 "-DOCSTART- -X- O O\n\nJapan NNP I-NP I-LOC\n\n")
    docs = list(read_conll(f))
    assert [d[0] for d in docs] == ["EU .\n", "Japan\n"]


@pytest.mark.skipif(not (SHARED / "re3d").is_dir(), reason="shared gold data absent")
def test_read_re3d_filters_confidence_and_unscored_types():
    docs = list(read_re3d(SHARED / "re3d"))
    assert len(docs) > 10
    text, spans = docs[0]
    assert spans and all(0 <= s < e <= len(text) for s, e, _ in spans)
    assert not {t for _, sp in docs for _, _, t in sp} & {"DocumentReference", "Coordinate"}


@pytest.mark.skipif(not (SHARED / "re3d").is_dir(), reason="shared gold data absent")
def test_read_re3d_keeps_only_named_sources():
    everything = list(read_re3d(SHARED / "re3d"))
    some = list(read_re3d(SHARED / "re3d", sources=["BBC_Online"]))
    assert 0 < len(some) < len(everything)


def test_score_rows_adds_extra_systems():
    from newsweave.evaluation.ner import score_rows

    gold = [[(0, 3, "Organisation")]]
    rows = score_rows("re3d", gold, [[(0, 3, "Location")]], [[]], "note",
                      extra={"agents": [[(0, 3, "Organisation")]]})
    typed = {r.system: r.metrics["F1"] for r in rows if r.task == "NER typed, exact"}
    assert typed["agents"] == 1.0 and typed["newsweave"] == 0.0
