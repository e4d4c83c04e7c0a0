"""Events over the example corpus, through the full per-document pipeline."""

from __future__ import annotations

import pytest

from newsweave.pipeline import build_stages
from newsweave.read import read_paths
from newsweave.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_docs(seeds_dir):
    settings = Settings()
    stages = build_stages(settings)
    docs = []
    for doc in read_paths([seeds_dir], settings):
        if isinstance(doc, Exception):
            continue
        for stage in stages:
            doc = stage(doc)
        docs.append(doc)
    return docs


def find(docs, kind, trigger_word, date):
    return [e for d in docs for e in d.events
            if e.type == kind and trigger_word in (e.trigger or "").lower() and e.date == date]


@pytest.mark.parametrize("kind, word, date, mode, actor, attribution", [
    ("CONSULT", "talks", "2017-05-29", "meet", "Sisi", "his office"),
    ("ASSAULT", "bomb", "2017-05-26", "aerial", "Egypt", None),
    ("AID", "deliver", "2019-05-20", "military", "Tripoli", None),
    ("MOBILIZE", "landing", "2017-03-14", "troops", "Russian", "US military sources"),
])
def test_key_events_of_the_seeds(seed_docs, kind, word, date, mode, actor, attribution):
    found = find(seed_docs, kind, word, date)
    assert found, f"no {kind} '{word}' on {date}"
    event = found[0]
    assert event.mode == mode
    assert actor in f"{event.source_text} {event.target_text}"
    assert event.attribution == attribution
    assert event.sentence and event.region == "body"


def test_events_carry_their_region(seed_docs):
    for doc in seed_docs:
        for event in doc.events:
            region = doc.region_at(event.start)
            assert region is not None and region.kind == event.region
            assert doc.text[event.start:event.end] == event.sentence
    assert any(e.region == "comment" for d in seed_docs for e in d.events)
