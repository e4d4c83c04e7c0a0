"""Parse and recognise entities in one text, the models loaded once per test module."""

from __future__ import annotations

import pytest

from newsweave.document import Document, Region
from newsweave.settings import Settings


@pytest.fixture(scope="module")
def annotate():
    from newsweave.annotate.entities import EntityRecognizer
    from newsweave.annotate.parse import Parser

    settings = Settings()
    parser, recognizer = Parser(settings), EntityRecognizer(settings)

    def run(text: str) -> Document:
        doc = Document(id="t", name="t", path="t", raw=text, text=text,
                       regions=[Region("body", 0, len(text))])
        return recognizer(parser(doc))

    return run
