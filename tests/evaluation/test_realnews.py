"""The realnews scorer: what counts as a correct event, a duplicate, a miss."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.evaluation.realnews import GoldEvent, date_matches, load_gold, normalise_name, score_events

TEXT = "India struck Pakistan on Wednesday. The two countries agreed to a ceasefire on Saturday."


def gold_event(quote, kind, sources, targets, date="2025-05-07", tolerance=0, core=True):
    event = GoldEvent(doc="d", index=0, type=kind, quotes=[quote],
                      sources=[{normalise_name(n)} for n in sources],
                      targets=[{normalise_name(n)} for n in targets],
                      date=date, tolerance=tolerance, modality="asserted", core=core)
    start = TEXT.index(quote)
    event.spans = [(start, start + len(quote))]
    return event


def emitted(kind, source, target, date, sentence_of):
    start = TEXT.index(sentence_of)
    return {"gold_doc": "d", "type": kind, "source_text": source, "target_text": target, "date": date,
            "start": start, "end": start + len(sentence_of), "sentence": sentence_of, "modality": "asserted",
            "confidence": 0.9}


STRIKE = "India struck Pakistan on Wednesday."
TRUCE = "The two countries agreed to a ceasefire on Saturday."


def test_a_right_event_matches_and_a_second_copy_is_a_duplicate():
    gold = [gold_event("India struck Pakistan", "ASSAULT", ["India"], ["Pakistan"])]
    right = emitted("ASSAULT", "India", "Pakistan", "2025-05-07", STRIKE)
    result = score_events([right, dict(right)], gold, {})
    assert result["strict_precision"] == 0.5 and result["core_recall"] == 1.0 and result["duplicates"] == 1


def test_a_wrong_date_target_or_type_is_no_match():
    gold = [gold_event("India struck Pakistan", "ASSAULT", ["India"], ["Pakistan"])]
    for event in (emitted("ASSAULT", "India", "Pakistan", "2025-05-09", STRIKE),
                  emitted("ASSAULT", "India", "China", "2025-05-07", STRIKE),
                  emitted("SANCTION", "India", "Pakistan", "2025-05-07", STRIKE)):
        assert score_events([event], gold, {})["strict_precision"] == 0.0
    # the type and place were right for the first two: lenient precision counts them
    assert score_events([emitted("ASSAULT", "India", "China", "2025-05-07", STRIKE)], gold, {})["lenient_precision"] == 1.0


def test_mutual_acts_match_either_way_round():
    gold = [gold_event("agreed to a ceasefire", "AGREE", ["India", "Pakistan"], ["India", "Pakistan"], date="2025-05-10")]
    for source, target in (("India", "Pakistan"), ("Pakistan", "India")):
        assert score_events([emitted("AGREE", source, target, "2025-05-10", TRUCE)], gold, {})["strict_precision"] == 1.0


def test_dates():
    assert date_matches(None, None, 0)  # no gold date: not checked
    assert not date_matches(None, "2025-05-07", 0)
    assert date_matches("2025-05-08", "2025-05-07", 1) and not date_matches("2025-05-09", "2025-05-07", 1)
    assert date_matches("2025-05", "2025-05", 31)
    assert not date_matches("2025-05", "2025-05-07", 1)  # vaguer than the gold allows


def test_names_are_compared_without_articles_or_possessives():
    assert normalise_name("The Indian Army’s") == normalise_name("indian army") == "indian army"


def test_extra_gold_takes_its_articles_from_the_conflict_folder(tmp_path):
    folder = tmp_path / "conflict"
    folder.mkdir()
    (folder / "articles.jsonl").write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", "utf-8")
    gold = {"doc": "a1", "published": "2025-05-11", "actors": [],
            "events": [{"quote": "India struck Pakistan", "type": "ASSAULT", "source": ["India"], "target": ["Pakistan"],
                        "date": "2025-05-07", "date_tol_days": 0, "modality": "asserted", "core": True}],
            "non_events": []}
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(gold) + "\n", "utf-8")
    articles, events, _ = load_gold(folder, extra)
    assert list(articles) == ["a1"] and events[0].spans == [(0, len("India struck Pakistan"))]
    extra.write_text(json.dumps({**gold, "doc": "a2"}) + "\n", "utf-8")
    with pytest.raises(Exception, match="a2"):
        load_gold(folder, extra)


def test_newsweaves_own_gold_quotes_are_in_their_articles(shared_data):
    """The shipped extra gold locates every event by a quote found in its article."""
    shared = shared_data / "realnews"
    own = Path(__file__).resolve().parents[2] / "src" / "newsweave" / "evaluation" / "data" / "realnews"
    for gold_file in sorted(own.glob("*.jsonl")):
        folder = shared / gold_file.stem
        if not folder.is_dir():
            pytest.skip(f"{folder} is absent")
        _, events, _ = load_gold(folder, gold_file)
        assert events and all(event.spans for event in events)
