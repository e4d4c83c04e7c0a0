"""Group linked mentions into entities, one per entity key, with names, aliases and counts.

The recognizer already links mentions to the knowledge base (so spelling variants, titles and
metonyms share a key); this step gathers each key's mentions across documents, picks the
entity's name and type by vote, and counts article mentions apart from reader comments.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from ..store import crossdoc

# Most aliases an entity lists (the rest are rare misspellings and add noise to exports).
MAX_ALIASES = 25


@dataclass
class _Group:
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    texts: Counter = field(default_factory=Counter)
    kb_id: str | None = None
    countries: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)
    mentions: int = 0
    comment_mentions: int = 0


def _kb_entry(kb_id: str | None):
    if not kb_id:
        return None
    try:
        from ..kb import knowledge_base
    except ImportError:
        return None
    return knowledge_base().get(kb_id)


def resolve_entities(conn: sqlite3.Connection) -> int:
    """Rebuild the entities table from the stored mentions; returns the number of entities."""
    groups: dict[str, _Group] = {}
    for row in crossdoc.mention_rows(conn):
        group = groups.setdefault(row["entity_key"], _Group())
        group.names[row["name"] or row["text"]] += 1
        group.types[row["type"]] += 1
        group.texts[row["text"]] += 1
        group.kb_id = group.kb_id or row["kb_id"]
        if row["country"]:
            group.countries[row["country"]] += 1
        if row["region"] == "comment":
            group.comment_mentions += 1
        else:
            group.mentions += 1
            group.documents.add(row["doc"])
    for row in crossdoc.event_actor_keys(conn):
        if row["key"] not in groups:
            group = groups.setdefault(row["key"], _Group())
            group.names[row["text"] or row["key"]] += 1
            group.texts[row["text"] or row["key"]] += 1
            group.kb_id = row["key"] if _kb_entry(row["key"]) else None

    entities = []
    for key, group in groups.items():
        entry = _kb_entry(group.kb_id)
        entities.append({
            "id": key,
            "name": entry.name if entry else group.names.most_common(1)[0][0],
            "type": entry.type if entry else (group.types.most_common(1)[0][0] if group.types else "OTHER"),
            "aliases": [text for text, _ in group.texts.most_common(MAX_ALIASES)],
            "country": (entry.country if entry else None) or (
                group.countries.most_common(1)[0][0] if group.countries else None),
            "kb_id": group.kb_id,
            "mentions": group.mentions,
            "documents": len(group.documents),
            "comment_mentions": group.comment_mentions,
        })
    crossdoc.replace_entities(conn, entities, {key: key for key in groups})
    return len(entities)
