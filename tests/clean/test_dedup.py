"""Repeated paragraphs: the later copy of a body paragraph is boilerplate, noting what it repeats."""

from __future__ import annotations

from newsweave.clean import clean
from newsweave.document import Document

PARAGRAPHS = [
    "The minister said that the two governments had agreed to expand their cooperation on border security.",
    "Officials from both sides said the agreement would be signed before the end of the year in the capital.",
    "Opposition leaders criticised the plan and said that it had been negotiated in secret without consultation.",
]


def run(text: str) -> Document:
    return clean(Document(id="t", name="t", path="t", raw=text))


def test_article_pasted_twice_with_edits_and_other_line_breaks_appears_once():
    first = "\n\n".join(PARAGRAPHS)
    # the copy joins two paragraphs, splits nothing else, and changes one word
    second = PARAGRAPHS[0].replace("expand", "widen") + " " + PARAGRAPHS[1] + "\n\n" + PARAGRAPHS[2]
    doc = run("Border talks agreed\n\n" + first + "\n\n" + second + "\n")
    body = doc.body_text()
    for paragraph in PARAGRAPHS:
        assert body.count(paragraph[:40]) == 1
    repeats = [r for r in doc.regions if r.note and r.note.startswith("repeats text at")]
    assert repeats and all(r.kind == "boilerplate" for r in repeats)


def test_different_paragraphs_are_all_kept():
    doc = run("Border talks agreed\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    assert len(doc.regions_of("body")) == 3


def test_headline_repeated_as_paragraph_is_not_body():
    doc = run("Border talks agreed\n\nBorder talks agreed\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    assert "Border talks agreed" not in doc.body_text()
    assert doc.title == "Border talks agreed"
