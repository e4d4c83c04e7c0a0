"""The JSON export: one object with documents, mentions, entities, events, relations and
contradictions, exactly as `docs/interfaces.md` describes. Written record by record, so a large
corpus does not have to fit in memory as one JSON tree. Its JSON Schema (draft 2020-12) ships
beside this module as `schema.json`; `schema()` loads it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from contextlib import nullcontext
from importlib.resources import files
from pathlib import Path
from typing import TextIO

from ..records import to_dict

SECTIONS = ("documents", "mentions", "entities", "events", "relations", "contradictions")

# Fields the contract lists for each section, in its order; extra fields follow them.
CONTRACT_FIELDS = {
    "documents": ("id", "name", "path", "title", "source", "url", "published", "language",
                  "duplicate_of", "regions"),
    "mentions": ("doc", "start", "end", "text", "type", "entity", "region", "kind"),
    "entities": ("id", "name", "type", "aliases", "country", "kb_id", "mentions", "documents"),
    "events": ("id", "doc", "type", "mode", "source", "target", "date", "date_precision", "place",
               "sentence", "start", "end", "region", "attribution", "modality", "confidence"),
    "relations": ("source", "target", "polarity", "types", "weight", "events", "documents",
                  "independent_sources", "first", "last"),
    "contradictions": ("about", "entities", "events", "documents", "explanation"),
}


def _ordered(section: str, record) -> dict:
    data = to_dict(record) if not isinstance(record, dict) else record
    head = {key: data.get(key) for key in CONTRACT_FIELDS[section]}
    head.update({key: value for key, value in data.items() if key not in head})
    return head


def _section_records(corpus, section: str) -> Iterable:
    return {
        "documents": corpus.documents,
        "mentions": corpus.mentions,
        "entities": corpus.entities,
        "events": lambda: corpus.events(min_confidence=0.0, comments=True),  # every event, each with its confidence
        "relations": corpus.relations,
        "contradictions": corpus.contradictions,
    }[section]()


def write_json(corpus, out: TextIO | Path | None) -> None:
    context = open(out, "w", encoding="utf-8") if isinstance(out, (str, Path)) else nullcontext(out or sys.stdout)
    with context as stream:
        stream.write("{")
        for number, section in enumerate(SECTIONS):
            stream.write(("," if number else "") + f"\n{json.dumps(section)}: [")
            for index, record in enumerate(_section_records(corpus, section)):
                stream.write(("," if index else "") + "\n  " + json.dumps(_ordered(section, record), ensure_ascii=False))
            stream.write("\n]")
        stream.write("\n}\n")


def schema() -> dict:
    """The JSON Schema of the JSON export (records are `$defs`: document, event, relation…)."""
    return json.loads(files(__package__).joinpath("schema.json").read_text("utf-8"))
