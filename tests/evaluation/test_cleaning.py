"""The cleaning scorers: metric arithmetic on hand-built cases, and a small run on the gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluation.cleaning import Extraction, SnippetTally, evaluate_article_extraction, token_prf
from newsweave.settings import Settings

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.mark.parametrize("predicted, gold, expected", [
    ("a b c d", "a b c d", (1.0, 1.0, 1.0)),
    ("a b", "a b c d", (1.0, 0.5, 2 / 3)),
    ("a b c d", "a b", (0.5, 1.0, 2 / 3)),
    ("", "a b", (0.0, 0.0, 0.0)),
    ("x y", "a b", (0.0, 0.0, 0.0)),
])
def test_token_prf(predicted, gold, expected):
    assert token_prf(predicted, gold) == pytest.approx(expected)


def test_snippet_tally():
    tally = SnippetTally()
    record = {"with": ["main  text"], "without": ["menu item", "footer"], "comments": ["nice post", "bad post"]}
    tally.add(record, Extraction("the main text here\nfooter", ["nice post indeed"]))
    assert tally.metrics() == {"with_recall": 1.0, "without_excluded": 0.5,
                               "comments_out_of_body": 1.0, "comments_in_comment_regions": 0.5}


@pytest.mark.slow
def test_article_extraction_on_a_few_pages():
    folder = DATA / "article_extraction_benchmark"
    if not folder.is_dir():
        pytest.skip("shared/data is not beside the repository")
    scores = {s.system: s for s in evaluate_article_extraction(folder, Settings(), limit=3)}
    assert set(scores) == {"newsweave (html)", "newsweave (plain text)", "trafilatura"}
    assert all(s.n == 3 for s in scores.values())
    assert scores["newsweave (plain text)"].metrics["F1"] > 0.5
