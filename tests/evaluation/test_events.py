"""The PLOVER, PETRARCH and ConfliBERT event scorers: matching rules and a short real run
through `newsweave run` + export."""

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


def test_require_dyad_counts_only_full_dyads():
    from newsweave.evaluation.events import score_petrarch_record

    record = {"codings": [{"event": "190"}], "config": {"require_dyad": "True"}}
    lone = event("ASSAULT", "attacked", 0.9)
    lone.target_text = None

    class Doc:
        events = [lone]

    assert score_petrarch_record(record, Doc())["ok"] is False
    assert score_petrarch_record({**record, "config": {}}, Doc())["ok"] is True


def test_conll_spans_are_rejoined_with_exact_offsets(tmp_path):
    from newsweave.evaluation.events import read_conll_spans

    path = tmp_path / "train.txt"
    path.write_text("Russia B-S\n's O\nforces I-S\nattacked O\nthe B-T\nrebels I-T\n. O\n\n"
                    "Egypt B-R\nmet O\nLibya B-R\n. O\n")
    [(text, spans), (text2, spans2)] = read_conll_spans(path)
    assert text == "Russia's forces attacked the rebels."
    assert [(tag, text[s:e]) for tag, s, e in spans] == [("S", "Russia's forces"), ("T", "the rebels")]
    assert [(tag, text2[s:e]) for tag, s, e in spans2] == [("R", "Egypt"), ("R", "Libya")]


def test_conflibert_spans_and_penta_class():
    from newsweave.document import Document
    from newsweave.evaluation.events import penta_class, score_conflibert_spans

    text = "Egypt attacked Libya."
    doc = Document(id="t", name="t", path="", raw=text, text=text)
    doc.events = [event("ASSAULT", "attacked", 0.9)]
    assert score_conflibert_spans(text, [("S", 0, 5), ("T", 15, 20)], doc) == {"src": True, "tar": True, "any": True}
    assert score_conflibert_spans(text, [("T", 0, 5)], doc) == {"src": None, "tar": False, "any": True}
    assert penta_class(doc.events) == 4
    assert penta_class([event("CONSULT", "met", 0.9)]) == 1
    assert penta_class([]) == 0
