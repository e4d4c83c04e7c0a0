"""The name nodes entity resolution clusters, folded from the stored mentions and events.

One node per entity key: the names it was written as (and how often, in order of first use),
its mention types, its first KB link and country; besides, the acronyms the texts define and
the texts of each key's PERSON mentions. Event actors never named by a mention get a node from
their first event. Everything is folded in document order and kept between runs (`to_json`),
so a run that only adds documents folds in just those: the nodes are the same as from folding
the whole corpus again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..kb import knowledge_base
from .clusters import Node
from .names import defined_acronym, name_key, trailing_acronym

# The extractor's key for a group named by a common noun ("GROUP:civilians"): a generic actor.
GENERIC_PREFIX = "GROUP:"
# Changes when what is folded, or how, changes: a kept state of another format is folded anew.
FORMAT = 1


class NameNodes:
    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}  # by first mention; `type` is the first mention's
        self.types: dict[str, Counter] = defaultdict(Counter)
        self.acronyms: dict[str, set[str]] = defaultdict(set)  # acronym -> expansion keys
        self.person_texts: dict[str, set[str]] = defaultdict(set)
        self.actor_texts: dict[str, str | None] = {}  # event actor key -> text of its first event

    def add_mentions(self, mentions: Iterable) -> None:
        """Fold in keyed mentions (entity_key, text, name, type, kb_id, country, and `after`: the
        text right after the mention), in document order."""
        for m in mentions:
            node = self.nodes.get(m["entity_key"])
            if node is None:
                node = self.nodes[m["entity_key"]] = Node(m["entity_key"], m["type"])
            node.names[m["name"] or m["text"]] += 1
            self.types[node.key][m["type"]] += 1
            node.kb_id = node.kb_id or m["kb_id"]
            node.country = node.country or m["country"]
            acronym = trailing_acronym(m["text"]) or defined_acronym(m["after"] or "")
            if acronym:
                self.acronyms[acronym].add(name_key(m["text"]))
            if m["type"] == "PERSON":
                self.person_texts[node.key].add(m["text"])

    def add_event_actors(self, events: Iterable) -> None:
        """Fold in events' actor keys and texts (source_key, source_text, target_key, target_text)."""
        for e in events:
            for key, text in ((e["source_key"], e["source_text"]), (e["target_key"], e["target_text"])):
                if key and key not in self.actor_texts and not key.startswith(GENERIC_PREFIX):
                    self.actor_texts[key] = text

    def build(self) -> tuple[dict[str, Node], dict[str, set[str]], dict[str, set[str]]]:
        """The nodes to cluster (new objects: resolution links and changes them), the acronyms
        the texts define and per key the texts its PERSON mentions are written as."""
        nodes: dict[str, Node] = {}
        for key, node in self.nodes.items():
            counts = self.types[key]
            nodes[key] = Node(key, min(counts, key=lambda t: (-counts[t], t)), node.kb_id, node.country,
                              Counter(node.names))
        for key, text in self.actor_texts.items():
            if key not in nodes:
                entry = knowledge_base().get(key)
                nodes[key] = Node(key, entry.type if entry else "OTHER", entry.id if entry else None,
                                  entry.country if entry else None,
                                  Counter({entry.name if entry else text or key: 1}))
        return nodes, self.acronyms, self.person_texts

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "nodes": [[n.key, n.type, n.kb_id, n.country, list(n.names.items()), list(self.types[n.key].items())]
                      for n in self.nodes.values()],
            "acronyms": [[acronym, sorted(keys)] for acronym, keys in self.acronyms.items()],
            "person_texts": [[key, sorted(texts)] for key, texts in self.person_texts.items()],
            "actor_texts": list(self.actor_texts.items()),
        }

    @classmethod
    def from_json(cls, data: dict) -> NameNodes | None:
        """The nodes kept by `to_json`; None for another format."""
        if data.get("format") != FORMAT:
            return None
        state = cls()
        for key, type_, kb_id, country, names, types in data["nodes"]:
            state.nodes[key] = Node(key, type_, kb_id, country, Counter(dict(names)))
            state.types[key] = Counter(dict(types))
        for acronym, keys in data["acronyms"]:
            state.acronyms[acronym] = set(keys)
        for key, texts in data["person_texts"]:
            state.person_texts[key] = set(texts)
        state.actor_texts = dict(data["actor_texts"])
        return state
