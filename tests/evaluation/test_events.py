"""The PLOVER and PETRARCH event scorers: matching rules and a short real run."""

from __future__ import annotations

import pytest

from newsweave.document import Event
from newsweave.evaluation.events import actor_match, evaluate_petrarch, evaluate_plover, main_event
from newsweave.settings import Settings


def event(kind: str, trigger: str, confidence: float) -> Event:
    return Event(kind, None, None, None, "Egypt", "Libya", None, None, None, "s", 0, 1, "body",
                 None, "asserted", confidence, trigger=trigger)


def test_main_event_prefers_gold_trigger_word():
    events = [event("ASSAULT", "bombed", 0.9), event("THREATEN", "threatened", 0.5)]
    assert main_event(events, ["threatened", "shell"]).type == "THREATEN"
    assert main_event(events, ["unrelated"]).type == "ASSAULT"
    assert main_event([], ["x"]) is None


@pytest.mark.parametrize("text, gold, expected", [
    ("Burundian militiamen", [{"actorText": "Burundian militiamen", "code": "BDI"}], True),
    ("the militiamen", [{"actorText": "Burundian militiamen", "code": "BDI"}], True),
    ("Rwanda", [{"actorText": "Burundian militiamen", "code": "BDI"}], False),
    (None, [{"actorText": "Burundi", "code": "BDI"}], False),
])
def test_actor_match(text, gold, expected):
    assert actor_match(text, None, gold) is expected


@pytest.mark.slow
def test_plover_scorer_runs(shared_data):
    [score] = evaluate_plover(shared_data / "plover_gsr", Settings(), limit=8)
    assert score.n == 8
    assert 0 <= score.metrics["event_type_accuracy"] <= 1
    assert score.metrics["event_type_accuracy"] > 0  # "agreed" sentences must be coded


@pytest.mark.slow
def test_petrarch_scorer_runs(shared_data):
    [score] = evaluate_petrarch(shared_data / "petrarch_unittest", Settings(), limit=8)
    assert score.n == 8
    assert set(score.metrics) >= {"type_accuracy", "no_event_accuracy"}
