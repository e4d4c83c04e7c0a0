"""The per-document stages up to event extraction, loaded once per test module."""

from __future__ import annotations

import pytest

from newsweave.settings import Settings


@pytest.fixture(scope="module")
def stages():
    from newsweave.annotate.entities import EntityRecognizer
    from newsweave.annotate.parse import Parser
    from newsweave.annotate.places import PlaceResolver
    from newsweave.annotate.timex import TimeTagger
    from newsweave.extract.events import EventExtractor

    settings = Settings()
    return [Parser(settings), EntityRecognizer(settings), TimeTagger(settings),
            PlaceResolver(settings), EventExtractor(settings)]
