"""The five seed pages, checked the way a user would: article in, comments and widgets out."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.clean import clean
from newsweave.document import Document

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def load(prefix: str) -> Document:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside the repository")
    path = next(SEEDS.glob(prefix + "_*.txt"))
    return clean(Document(id=prefix, name=path.name, path=str(path), raw=path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("prefix, inside, outside", [
    ("000", ["General Sisi on Monday held talks in Cairo", "training camps that serve as departure points",
             "The Egyptian presidency said the meetings earlier"],
     ["We could see this coming", "George R King", "Leave a Reply", "commenting using", "it seems cia"]),
    ("001", ["Vladimir Putin's conversation with Recep Tayyip Erdogan",
             "According to Asharq al-Awsat, a C-130 Hercules", "telephone conversation between Vladimir Putin and Recep Erdogan"],
     ["Rate it", "Add comment", "Сообщите", "Выделенный"]),
    ("002", ["Informed sources revealed that the commander", "Russia attempts to establish air and naval bases"],
     ["Check Also", "Parallel government", "Home / Normal", "Monday , 4 March 2024"]),
    ("003", ["The landing of Russian elite units", "More recently, the Libyan general visited Cairo",
             "He has picked Tobruk as the next Russian air and naval base"],
     ["Comments »", "Leave a Reply", "Russian special Ops forces"]),
    ("004", ["expressed his personal gratitude", "The conference is aimed at establishing a stable ceasefire"],
     ["IMAGE:", "2,500", "Do you like this content", "More on this topic", "Mustafa", "Time for the US Military",
      "torki rats", "pampered"]),
])
def test_body_holds_the_article_and_nothing_else(prefix, inside, outside):
    body = load(prefix).body_text()
    for sentence in inside:
        assert sentence in body
    for noise in outside:
        assert noise not in body


def test_article_pasted_twice_appears_once():
    body = load("003").body_text()
    for sentence in ["The landing of Russian elite units", "Officials in Washington, Moscow and Cairo declined",
                     "According to DEBKAfile’s military sources", "DEBKAfile first picked up on this development",
                     "Although Haftar’s troops are engaged in battle"]:
        assert body.count(sentence) == 1, sentence


@pytest.mark.parametrize("prefix, authors", [
    ("000", ["George R King", "George R King", "George R King"]),
    ("004", ["Mustafa Mehmet", "Avi Schwartz", "FlorianGeyer", "Wayne Nicholson", "J Ramirez", "Assad must stay",
             "d’Artagnan", "Assad must stay", "Ivan Freely", "Assad must stay"]),
])
def test_comment_regions_have_authors(prefix, authors):
    doc = load(prefix)
    assert [r.author for r in doc.regions_of("comment")] == authors


def test_comment_times():
    doc = load("000")
    assert [r.posted for r in doc.regions_of("comment")] == ["2017-05-30T07:01", "2017-05-30T07:07", "2017-05-30T07:33"]


@pytest.mark.parametrize("prefix, published, precision", [
    ("000", "2017-05-29", "day"),
    ("001", None, None),
    ("002", "2024-03-04", "day"),
    ("003", "2017-03-14", "day"),
    ("004", "2020-07", "month"),
])
def test_publication_dates(prefix, published, precision):
    doc = load(prefix)
    assert (doc.published, doc.published_precision) == (published, precision)


@pytest.mark.parametrize("prefix, title", [
    ("000", "Egypt and Russia discuss fight against ‘terror’"),
    ("001", "Moscow will support Haftar"),
    ("002", "Haftar and Russia agreement … Where it goes?"),
    ("003", "Russian elite units land on Egypt-Libya border"),
    ("004", "Libya’s Haftar Sends Personal Message To Putin, Plans To Visit Moscow"),
])
def test_titles(prefix, title):
    assert load(prefix).title == title


def test_regions_are_exact_sorted_and_disjoint():
    for prefix in ["000", "001", "002", "003", "004"]:
        doc = load(prefix)
        for before, after in zip(doc.regions, doc.regions[1:]):
            assert before.end <= after.start
        assert all(doc.text[r.start:r.end].strip() for r in doc.regions)
