"""The fictional example corpus the demo falls back on cleans as its README promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.clean import clean
from newsweave.document import Document

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def load(prefix: str) -> Document:
    path = next(CORPUS.glob(prefix + "_*.txt"))
    return clean(Document(id=prefix, name=path.name, path=str(path), raw=path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("prefix, authors", [("01", ["Peter Albrook", "Jana W"]),
                                             ("05", ["Oskar Lind", "Mira T", "N. Halloran"])])
def test_comments_found_and_out_of_body(prefix, authors):
    doc = load(prefix)
    assert [r.author for r in doc.regions_of("comment")] == authors
    for region in doc.regions_of("comment"):
        assert doc.text[region.start:region.end].splitlines()[-1].strip() not in doc.body_text()


@pytest.mark.parametrize("prefix, noise", [("02", "Flooding closes"), ("02", "Rate it"), ("04", "Share this"),
                                           ("05", "PHOTO:"), ("05", "2,500 $")])
def test_widgets_and_teasers_out_of_body(prefix, noise):
    assert noise not in load(prefix).body_text()


def test_pasted_twice_appears_once():
    assert load("03").body_text().count("Foreign troops with transport helicopters") == 1
