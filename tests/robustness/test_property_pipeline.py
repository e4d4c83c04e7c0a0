"""Issue 7: the whole per-document pipeline on hostile text keeps every span true to the text,
and the JSON export of such documents round-trips (records re-created from it equal the
originals). Slow: it loads the spaCy model once for the module."""

from __future__ import annotations

import io
import json
import random

import pytest
from hypothesis import HealthCheck, given, settings

import newsweave
from newsweave.errors import InputError
from newsweave.export.json import write_json
from newsweave.records import (ContradictionRecord, DocumentRecord, EntityRecord, EventRecord,
                               MentionRecord, PlaceRecord, RegionRecord, RelationRecord)
from newsweave.settings import Settings
from robustness.helpers import loaded_stages, run_with
from robustness.strategies import NASTY, hostile_text, html

pytestmark = pytest.mark.slow

FEW = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))

PROSE = ("TRIPOLI, March 14 (Reuters) - Forces loyal to Khalifa Haftar attacked the Benghazi "
         "Defence Brigades near Sidra on Monday, the Libyan National Army said. ")


def analyzed(text: str, fmt: str):
    try:
        return newsweave.analyze_text(text, format=fmt)
    except InputError as e:  # the documented refusal
        assert e.reason
        return None


def check_spans(doc) -> None:
    n = len(doc.text)
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= n and doc.text[m.start:m.end] == m.text, m
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text, t
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= n and 0 <= s.region < len(doc.regions), s
    for e in doc.events:
        assert doc.text[e.start:e.end] == e.sentence, e
        if e.trigger_start is not None:
            assert doc.text[e.trigger_start:e.trigger_end] == e.trigger, e
    if doc.offsets is not None:
        assert len(doc.offsets) == n + 1


@FEW
@given(before=hostile_text, after=hostile_text)
def test_pipeline_spans_slice_the_text(before, after):
    doc = analyzed(before + PROSE + after + PROSE, "text")
    if doc is not None:
        check_spans(doc)


@FEW
@given(page=html)
def test_pipeline_spans_slice_the_text_of_html(page):
    doc = analyzed(page + "<p>" + PROSE + "</p>", "html")
    if doc is not None:
        check_spans(doc)


# --- JSON export round trip -------------------------------------------------------------------

def _documents(corpus_dir, count: int = 6) -> None:
    rng = random.Random(7)
    for i in range(count):
        noise = "".join(rng.choice(NASTY) for _ in range(8)).replace("\x00", "")
        (corpus_dir / f"hostile_{i}.txt").write_text(noise + "\n\n" + PROSE * (1 + i % 3) + noise, "utf-8")
    (corpus_dir / "hostile.html").write_text("<html><body><div><p>" + PROSE + "</p><p>قوات حفتر "
                                             "&amp; Ѕіdі\u200b</div></body>", "utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in").mkdir()
    _documents(folder / "in")
    settings_ = Settings(db=folder / "hostile.db")
    report = run_with(loaded_stages(), [folder / "in"], settings_)
    assert report.added == 7, report.errors
    with newsweave.open(settings_.db) as opened:
        yield opened


def _event(data: dict) -> EventRecord:
    place = data.pop("place")
    return EventRecord(**data, place=PlaceRecord(**place) if place else None)


RECREATE = {
    "documents": lambda d: DocumentRecord(**{**d, "regions": [RegionRecord(**r) for r in d["regions"]]}),
    "mentions": lambda d: MentionRecord(**d),
    "entities": lambda d: EntityRecord(**d),
    "events": _event,
    "relations": lambda d: RelationRecord(**d),
    "contradictions": lambda d: ContradictionRecord(**d),
}


def test_json_export_round_trips_hostile_documents(corpus):
    out = io.StringIO()
    write_json(corpus, out)
    data = json.loads(out.getvalue())
    originals = {"documents": corpus.documents(), "mentions": corpus.mentions(),
                 "entities": corpus.entities(), "events": corpus.events(min_confidence=0.0),
                 "relations": corpus.relations(), "contradictions": corpus.contradictions()}
    for section, records in originals.items():
        assert [RECREATE[section](dict(item)) for item in data[section]] == records, section
    raw = {d.id: corpus.document(d.id)[1] for d in corpus.documents()}
    for m in data["mentions"]:
        doc = next(d for d in data["documents"] if d["id"] == m["doc"])
        if doc["format"] == "text":
            assert raw[m["doc"]][m["start"]:m["end"]] == m["text"]
    for e in data["events"]:
        assert 0 <= e["start"] <= e["end"] <= len(raw[e["doc"]])
