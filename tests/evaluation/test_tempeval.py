"""The TempEval-3 scorer: TimeML reading, span matching, and the scores it reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import EvaluationError
from newsweave.evaluation.timex import _match, evaluate_tempeval, read_timeml
from newsweave.settings import Settings

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tempeval3"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2017-03-14" temporalFunction="false" functionInDocument="CREATION_TIME">20170314</TIMEX3></DCT>
<TEXT>
The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2017-03-13">Monday</TIMEX3> &amp; talked for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "tempeval3" / "TBAQ-cleaned" / "TimeBank"
    folder.mkdir(parents=True)
    (folder / "X1.tml").write_text(TML, encoding="utf-8")
    return tmp_path / "tempeval3"


def test_read_timeml_offsets_and_dct(dataset: Path):
    gold = read_timeml(next(dataset.rglob("*.tml")))
    assert gold.dct == "2017-03-14"
    assert [(gold.text[t.start:t.end], t.value) for t in gold.timexes] == [("Monday", "2017-03-13"), ("three years", "P3Y")]
    assert "&" in gold.text and "<" not in gold.text  # entities decoded, tags gone, DCT excluded


@pytest.mark.parametrize(
    ("gold", "found", "strict", "pairs"),
    [
        ([(0, 5)], [(0, 5)], True, [(0, 0)]),
        ([(0, 5)], [(0, 7)], True, []),
        ([(0, 5)], [(3, 9)], False, [(0, 0)]),
        ([(0, 5), (6, 9)], [(0, 9)], False, [(0, 0)]),  # one-to-one: a long span matches once
        ([(0, 5)], [(5, 9)], False, []),
    ],
)
def test_match(gold, found, strict, pairs):
    assert _match(gold, found, strict) == pairs


def test_missing_dataset_is_an_evaluation_error(tmp_path: Path):
    with pytest.raises(EvaluationError):
        evaluate_tempeval(tmp_path, Settings())


@pytest.mark.slow
def test_scores_on_a_small_dataset(dataset: Path):
    ours, baseline = evaluate_tempeval(dataset, Settings())
    assert (ours.system, baseline.system) == ("newsweave", "spacy+dateparser")
    assert ours.n == 2
    assert ours.metrics["value_accuracy_matched"] == 1.0
    assert ours.metrics["overlap_R"] == 1.0
    assert set(ours.metrics) == set(baseline.metrics)


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="shared TempEval-3 data not present")
def test_real_data_beats_the_baseline_on_values():
    ours, baseline = evaluate_tempeval(SHARED, Settings(), limit=10)
    assert ours.n > 0
    assert ours.metrics["value_accuracy_all_gold"] > baseline.metrics["value_accuracy_all_gold"]
