"""Run a dataset's gold items through `newsweave run` + export in one go, each item a JSON Lines
document, and hand back per item what the export holds for its document.

Items with the same text are one document to newsweave (a document is its content): they share
one result. Exported events are given as attribute objects (`event.type`, `event.place.name`) so
that scoring rules read them as they read the pipeline's own `Event`s.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from ..settings import Settings
from .through_run import run_and_export, write_jsonl

URL_PREFIX = "gold:"


@dataclass
class Exported:
    """One item's document as exported: its events and mentions, and the export's entities."""
    events: list = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    entities: dict[str, dict] = field(default_factory=dict)

    def country(self, entity_id: str | None) -> str | None:
        """The ISO 3166-1 alpha-2 country of an exported entity, if it has one."""
        return (self.entities.get(entity_id) or {}).get("country") if entity_id else None


def run_items(texts: Sequence[str], settings: Settings, *,
              published: Sequence[str | None] | str | None = None) -> list[Exported]:
    """One `Exported` per text, in order; `published`: one date for all items or one per item."""
    dates = [published] * len(texts) if published is None or isinstance(published, str) else published
    first: dict[str, int] = {}
    for index, text in enumerate(texts):
        first.setdefault(text, index)
    with tempfile.TemporaryDirectory(prefix="newsweave-gold-") as folder:
        records = ({"text": text, "url": f"{URL_PREFIX}{index}", **({"published": date} if date else {})}
                   for text, date, index in ((t, d, i) for i, (t, d) in enumerate(zip(texts, dates)))
                   if first[text] == index)
        export = run_and_export([write_jsonl(records, Path(folder) / "gold.jsonl")], settings)
    entities = {e["id"]: e for e in export["entities"]}
    by_doc: dict[str, Exported] = defaultdict(lambda: Exported(entities=entities))
    for event in export["events"]:
        place = event.get("place")
        by_doc[event["doc"]].events.append(
            SimpleNamespace(**{**event, "place": SimpleNamespace(**place) if place else None}))
    for mention in export["mentions"]:
        by_doc[mention["doc"]].mentions.append(mention)
    index_of = {int(d["url"][len(URL_PREFIX):]): d["id"] for d in export["documents"]
                if (d.get("url") or "").startswith(URL_PREFIX)}
    empty = Exported(entities=entities)
    return [by_doc[index_of[first[text]]] if first[text] in index_of else empty for text in texts]
