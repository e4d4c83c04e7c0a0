"""A hand-made corpus for the export tests: the Corpus methods over a few records, no database."""

from __future__ import annotations

from newsweave.records import (ContradictionRecord, DocumentRecord, EntityRecord, EventRecord, MentionRecord,
                               PlaceRecord, RegionRecord, RelationRecord)

CAIRO = PlaceRecord("Cairo", 30.06263, 31.24967, "EG")

DOCUMENTS = [
    DocumentRecord("d1", "one.txt", "in/one.txt", "Egypt arms Haftar’s army", "Al-Ahram",
                   "https://example.org/1", "2017-05-29", "en", None,
                   [RegionRecord("title", 0, 24), RegionRecord("body", 25, 300),
                    RegionRecord("comment", 301, 400, author="Reader, A.", posted="2017-05-30T07:01")]),
    DocumentRecord("d2", "feed.jsonl#2", "in/feed.jsonl", None, None, None, None, "en", None,
                   [RegionRecord("body", 0, 200)]),
]
ENTITIES = [
    EntityRecord("EGY", "Egypt", "COUNTRY", ["Egypt", "Egyptian"], "EG", "EGY", 5, 2),
    EntityRecord("RUS", "Russia", "COUNTRY", ["Russia"], "RU", "RUS", 4, 2),
    EntityRecord("org:libyan-national-army", "Libyan National Army", "ORGANIZATION", ["LNA"], "LY",
                 "org:libyan-national-army", 3, 2),
    EntityRecord("ORGANIZATION:misrata militia", "Misrata militia", "ORGANIZATION", ["Misrata militia"], "LY",
                 None, 2, 1),
    EntityRecord("person:khalifa-haftar", "Khalifa Haftar", "PERSON", ["Haftar"], "LY", "person:khalifa-haftar",
                 6, 2),
    EntityRecord("loc:360630", "Cairo", "LOCATION", ["Cairo"], "EG", "loc:360630", 1, 1),
]
MENTIONS = [
    MentionRecord("d1", 0, 5, "Egypt", "COUNTRY", "EGY", "title"),
    MentionRecord("d1", 30, 36, "Haftar", "PERSON", "person:khalifa-haftar", "body"),
]


def _event(event_id, doc, type_, source, target, date, place=None, region="body"):
    return EventRecord(event_id, doc, type_, None, source, target, date, "day" if date else None, place,
                       f"Sentence of {event_id}, with “quotes”,\nand a line break.", 25, 80, region, None,
                       "asserted", 0.8)


EVENTS = [
    _event("d1-0", "d1", "AID", "EGY", "org:libyan-national-army", "2017-05-29", CAIRO),
    _event("d1-1", "d1", "CONSULT", "RUS", "person:khalifa-haftar", "2017-05-29",
           PlaceRecord("Somewhere", None, None, None)),
    _event("d1-2", "d1", "ASSAULT", "org:libyan-national-army", "ORGANIZATION:misrata militia", "2017-05"),
    _event("d2-0", "d2", "SUPPORT", "EGY", "org:libyan-national-army", "2017-06-02"),
    _event("d2-1", "d2", "ACCUSE", "RUS", "EGY", None, region="comment"),
]
RELATIONS = [
    RelationRecord("EGY", "org:libyan-national-army", "cooperative", ["AID", "SUPPORT"], 1.6, ["d1-0", "d2-0"],
                   2, 2, "2017-05-29", "2017-06-02"),
    RelationRecord("RUS", "person:khalifa-haftar", "cooperative", ["CONSULT"], 0.8, ["d1-1"], 1, 1,
                   "2017-05-29", "2017-05-29"),
    RelationRecord("org:libyan-national-army", "ORGANIZATION:misrata militia", "conflictual", ["ASSAULT"], 0.8,
                   ["d1-2"], 1, 1, "2017-05", None),
    RelationRecord("org:libyan-national-army", "ORGANIZATION:misrata militia", "cooperative", ["AGREE"], 0.4,
                   [], 0, 0, None, None),
]
CONTRADICTIONS = [
    ContradictionRecord("who armed the LNA", ["EGY", "org:libyan-national-army"], ["d1-0", "d2-0"], ["d1", "d2"],
                        "one source says Egypt, another denies it"),
]
SIDES = [{"entity": "org:libyan-national-army", "conflict": "libya", "side": "A", "label": "LNA camp",
          "score": 1.0, "evidence": []}]


class FakeCorpus:
    """The read methods of `newsweave.api.Corpus`, over the records above."""

    def __init__(self, *, relations=RELATIONS):
        self._relations = relations

    def documents(self):
        return list(DOCUMENTS)

    def mentions(self):
        return list(MENTIONS)

    def entities(self):
        return list(ENTITIES)

    def events(self, *, min_confidence=None, comments=False):
        # As the API: reader comments only when asked for.
        return [e for e in EVENTS if (min_confidence is None or e.confidence >= min_confidence)
                and (comments or e.region == "body")]

    def relations(self):
        return list(self._relations)

    def contradictions(self):
        return list(CONTRADICTIONS)

    def sides(self):
        return list(SIDES)
