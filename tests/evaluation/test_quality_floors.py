"""The quality gate: newsweave keeps the scores pinned in benchmarks/floors.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluation.floors import check, check_dataset, fingerprint, load
from newsweave.settings import Settings

FLOORS = load(Path(__file__).resolve().parents[2] / "benchmarks" / "floors.json")


@pytest.mark.slow
@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_scores_stay_above_their_floors(dataset, shared_data):
    entry = FLOORS[dataset]
    folder = shared_data / dataset
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    checks = check_dataset(entry, folder, Settings())  # fails, never skips, on changed gold data
    failures = [c for c in checks if not c.ok]
    assert not failures, "\n".join(
        f"{c.key}: {c.measured} < floor {c.floor} - margin {c.margin}" for c in failures)


def test_floors_pinned_on_other_gold_data_are_refused(tmp_path):
    """A changed gold file fails the gate before any scoring, instead of skipping it."""
    from newsweave.errors import EvaluationError

    gold = tmp_path / "re3d"
    gold.mkdir()
    (gold / "a.txt").write_text("x")
    entry = {"fingerprint": fingerprint(gold), "floors": {"newsweave | NER typed, exact | F1": 0.5}}
    (gold / "a.txt").write_text("y")
    with pytest.raises(EvaluationError, match="gold data changed"):
        check_dataset(entry, gold, Settings())


def test_check_compares_with_the_margin():
    from newsweave.evaluation import Score

    entry = {"floors": {"newsweave | NER | F1": 0.70}, "margin": 0.01}
    assert check(entry, "x", [Score("x", "NER", "newsweave", {"F1": 0.695}, 10)])[0].ok
    assert not check(entry, "x", [Score("x", "NER", "newsweave", {"F1": 0.68}, 10)])[0].ok
    assert not check(entry, "x", [Score("x", "NER", "baseline", {"F1": 0.99}, 10)])[0].ok


def test_pin_refuses_to_lower_a_floor_silently(tmp_path):
    from newsweave.errors import EvaluationError
    from newsweave.evaluation import Score
    from newsweave.evaluation.floors import pin

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt").write_text("x")
    floors = tmp_path / "floors.json"
    pin(floors, gold, [Score("gold", "T", "newsweave", {"F1": 0.8}, 1)], ["F1"], limit=None)
    with pytest.raises(EvaluationError):
        pin(floors, gold, [Score("gold", "T", "newsweave", {"F1": 0.7}, 1)], ["F1"], limit=None)
    entry = pin(floors, gold, [Score("gold", "T", "newsweave", {"F1": 0.7}, 1)], ["F1"], limit=None,
                allow_lower="a reason")
    assert entry["lowered_because"] == "a reason"


def test_two_rows_under_one_floor_key_are_refused():
    """Rows for different subsets must name them in the task, or one row's floor hides the other's."""
    from newsweave.errors import EvaluationError
    from newsweave.evaluation import Score

    entry = {"floors": {"newsweave | NER | F1": 0.70}, "margin": 0.01}
    rows = [Score("x", "NER", "newsweave", {"F1": 0.9}, 10), Score("x", "NER", "newsweave", {"F1": 0.5}, 99)]
    with pytest.raises(EvaluationError, match="share the floor key"):
        check(entry, "x", rows)
