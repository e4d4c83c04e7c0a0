"""The parse stage: sentences with exact offsets, only for title, body and comment regions."""

from __future__ import annotations

import pytest

from newsweave.annotate.parse import Parser
from newsweave.document import Document, Region
from newsweave.settings import Settings

pytestmark = pytest.mark.slow

TEXT = "Talks end\n\nThe envoys met on Monday. They agreed to meet again.\n\nShare this!\n\nGreat article.  Thanks."


@pytest.fixture(scope="module")
def parsed() -> Document:
    def span(kind: str, part: str, **extra) -> Region:
        start = TEXT.index(part)
        return Region(kind, start, start + len(part), **extra)

    regions = [
        span("title", "Talks end"),
        span("body", "The envoys met on Monday. They agreed to meet again."),
        span("boilerplate", "Share this!"),
        span("comment", "Great article.  Thanks.", author="Ann"),
    ]
    doc = Document(id="d", name="d.txt", path="d.txt", raw=TEXT, text=TEXT, regions=regions)
    return Parser(Settings())(doc)


def test_sentences_slice_the_text_exactly(parsed):
    texts = [parsed.text[s.start:s.end] for s in parsed.sentences]
    assert "The envoys met on Monday." in texts
    assert "They agreed to meet again." in texts
    assert all(t == t.strip() and t for t in texts)


def test_boilerplate_is_not_parsed(parsed):
    kinds = {parsed.regions[s.region].kind for s in parsed.sentences}
    assert kinds == {"title", "body", "comment"}
    assert not any("Share this" in parsed.text[s.start:s.end] for s in parsed.sentences)


def test_parses_are_kept_for_later_stages(parsed):
    indices = [index for index, _ in parsed.scratch["parses"]]
    assert indices == [0, 1, 3]
