"""Resolve the stored mentions into entities, one per real actor, and point mentions and events at them.

Reads every mention (with the recognizer's entity key and KB link) and every event's actor
keys; clusters the keys (`clusters.py`: same name, defined acronyms, spelling variants,
partial names, within type families and never across KB ids or countries); gives each
cluster a stable id (its KB id, else TYPE:name key of its canonical name, whatever the order
of the documents); resolves event actors written as capitals ("Moscow" acting -> Russia) and
as descriptions ("the Libyan general" -> the person); then replays the analyst's corrections
and writes the entities back. `resolve_entities(conn)` is the entry point the runner calls.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..kb import knowledge_base
from ..store import resolution
from .backrefs import Person, parse_description, resolve_description, role_kinds
from .clusters import Node, cluster_nodes
from .corrections import Assignment, apply_overrides
from .names import defined_acronym, name_key, name_tokens, trailing_acronym

# Most aliases an entity lists (the rest are rare misspellings and add noise to exports).
MAX_ALIASES = 25
# Types whose unlinked names are looked up in the KB after clustering (actors and places).
LINKABLE_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "FACILITY"})
# Types acting as a state when a capital or seat of government names them ("Moscow said").
METONYM_TYPES = frozenset({"LOCATION", "FACILITY", "ORGANIZATION"})


@dataclass
class _Stats:
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    texts: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)
    mentions: int = 0
    comment_mentions: int = 0


def _kb_entry(kb_id: str | None):
    return knowledge_base().get(kb_id) if kb_id else None


def _build_nodes(mentions: list, events: list) -> tuple[dict[str, Node], dict[str, set[str]]]:
    """One node per entity key, and the acronyms the texts define (acronym -> expansion keys)."""
    nodes: dict[str, Node] = {}
    types: dict[str, Counter] = defaultdict(Counter)
    acronyms: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        node = nodes.setdefault(m["entity_key"], Node(m["entity_key"], m["type"]))
        node.names[m["name"] or m["text"]] += 1
        types[node.key][m["type"]] += 1
        node.kb_id = node.kb_id or m["kb_id"]
        node.country = node.country or m["country"]
        acronym = trailing_acronym(m["text"]) or defined_acronym(m["after"] or "")
        if acronym:
            acronyms[acronym].add(name_key(m["text"]))
    for key, counts in types.items():
        nodes[key].type = min(counts, key=lambda t: (-counts[t], t))
    for e in events:
        for key, text in ((e["source_key"], e["source_text"]), (e["target_key"], e["target_text"])):
            if key and key not in nodes:
                entry = _kb_entry(key)
                nodes[key] = Node(key, entry.type if entry else "OTHER", entry.id if entry else None,
                                  entry.country if entry else None, Counter({entry.name if entry else text or key: 1}))
    return nodes, acronyms


def _link_to_kb(nodes: dict[str, Node]) -> None:
    """Unlinked names the KB knows under one entry of the same type family get its id."""
    kb = knowledge_base()
    for node in nodes.values():
        if node.kb_id or node.type not in LINKABLE_TYPES:
            continue
        found = set()
        for name in node.names:
            key = name_key(name)
            entries = [e for e in kb.lookup(key) if Node("", e.type).family == node.family] if key else []
            if entries:
                found.add(entries[0].id)
        if len(found) == 1:
            node.kb_id = found.pop()
            entry = kb.get(node.kb_id)
            node.country = node.country or entry.country


def _canonical(names: Counter) -> str:
    """The fullest name written often: more words first (up to three), then frequency, then spelling."""
    return min(names, key=lambda n: (-min(len(name_tokens(name_key(n))), 3), -names[n], n))


def _cluster_ids(nodes: dict[str, Node], roots: dict[str, str]) -> dict[str, str]:
    """Node key -> stable entity id (the KB id, else TYPE:name key; independent of order)."""
    members: dict[str, list[Node]] = defaultdict(list)
    for key, root in roots.items():
        members[root].append(nodes[key])
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for root in sorted(members, key=lambda r: (not any(n.kb_id for n in members[r]), r)):
        group = members[root]
        kb_ids = sorted({n.kb_id for n in group if n.kb_id})
        names = sum((n.names for n in group), Counter())
        types = Counter(n.type for n in group)
        entity = kb_ids[0] if kb_ids else f"{min(types, key=lambda t: (-types[t], t))}:{name_key(_canonical(names))}"
        if entity in taken:  # two actors with one name (different countries): keep them apart
            entity = f"{entity}~{min(n.key for n in group)}"
        taken.add(entity)
        for node in group:
            ids[node.key] = entity
    return ids


def _metonym_state(entity_id: str | None, names: Counter) -> str | None:
    """The state a capital or seat of government stands for when it acts ("Moscow sent...")."""
    if not entity_id:
        return None
    entry = _kb_entry(entity_id)
    if entry is not None and entry.type not in METONYM_TYPES:
        return None
    kb = knowledge_base()
    for name in ([entry.name] if entry else []) + list(names):
        state = kb.metonym(name)
        if state is not None:
            return state.id
    return None


def _people_by_doc(mentions: list, mention_ids: list[str], nodes: dict[str, Node]) -> dict[str, list[Person]]:
    """Per document, where each resolved person is named, with their country and role kinds."""
    evidence: dict[str, set[str]] = defaultdict(set)
    for m, entity in zip(mentions, mention_ids):
        if m["type"] == "PERSON":
            evidence[entity].add(m["text"])
            entry = _kb_entry(nodes[m["entity_key"]].kb_id)
            if entry:
                evidence[entity].update(role for role, *_ in entry.roles if role)
    roles = {entity: role_kinds(texts) for entity, texts in evidence.items()}
    people: dict[str, list[Person]] = defaultdict(list)
    for m, entity in zip(mentions, mention_ids):
        if m["type"] == "PERSON":
            country = nodes[m["entity_key"]].country or m["country"]
            people[m["doc"]].append(Person(m["start"], entity, country, roles[entity]))
    return people


def _event_actor(key, text, event, ids, nodes, people) -> str | None:
    description = parse_description(text)
    if description is not None:
        found = resolve_description(description, event["end"], people.get(event["doc"], []))
        if found:
            return found
    entity = ids.get(key) if key else None
    # Only the bare name stands for the state: "Moscow" acting, not "Libya's Tripoli" as a destination.
    bare = entity and text and name_key(text) in {name_key(n) for n in nodes[key].names}
    state = _metonym_state(entity, nodes[key].names) if bare and nodes[key].type in METONYM_TYPES else None
    return state or entity


def _stats(mentions: list, assignments: list[Assignment], nodes: dict[str, Node]) -> dict[str, _Stats]:
    stats: dict[str, _Stats] = defaultdict(_Stats)
    for m, a in zip(mentions, assignments):
        s = stats[a.entity]
        # A KB name only speaks for mentions still on that KB entity (not those split off).
        kb_name_fits = not m["kb_id"] or m["kb_id"] == a.entity
        s.names[(m["name"] if kb_name_fits else None) or m["text"]] += 1
        s.types[m["type"]] += 1
        s.texts[m["text"]] += 1
        if m["country"]:
            s.countries[m["country"]] += 1
        if m["region"] == "comment":
            s.comment_mentions += 1
        else:
            s.mentions += 1
            s.documents.add(m["doc"])
    return stats


def _entity_record(entity: str, s: _Stats, kb_id: str | None, renamed: dict[str, str]) -> dict:
    entry = _kb_entry(kb_id)
    name = renamed.get(entity) or (entry.name if entry else _canonical(s.names))
    return {
        "id": entity,
        "name": name,
        "type": entry.type if entry else min(s.types, key=lambda t: (-s.types[t], t)) if s.types else "OTHER",
        "aliases": [text for text, _ in sorted(s.texts.items(), key=lambda i: (-i[1], i[0]))[:MAX_ALIASES]],
        "country": (entry.country if entry else None) or (
            min(s.countries, key=lambda c: (-s.countries[c], c)) if s.countries else None),
        "kb_id": kb_id,
        "mentions": s.mentions,
        "documents": len(s.documents),
        "comment_mentions": s.comment_mentions,
    }


def resolve_entities(conn: sqlite3.Connection) -> int:
    """Rebuild the entities table from the stored mentions; returns the number of entities."""
    mentions = list(resolution.mention_rows(conn))
    events = list(resolution.event_actor_rows(conn))
    nodes, acronyms = _build_nodes(mentions, events)
    _link_to_kb(nodes)
    ids = _cluster_ids(nodes, cluster_nodes(list(nodes.values()), acronyms=acronyms))
    mention_ids = [ids[m["entity_key"]] for m in mentions]
    people = _people_by_doc(mentions, mention_ids, nodes)

    assignments = [Assignment(entity, m["text"], m["type"]) for m, entity in zip(mentions, mention_ids)]
    actors = []
    for e in events:
        for key, text in ((e["source_key"], e["source_text"]), (e["target_key"], e["target_text"])):
            actors.append(Assignment(_event_actor(key, text, e, ids, nodes, people), text or ""))
    renamed = apply_overrides(resolution.overrides(conn), assignments + actors)

    kb_of = {entity: nodes[key].kb_id for key, entity in ids.items() if nodes[key].kb_id}
    kb_of.update({a.entity: a.entity for a in actors if a.entity and _kb_entry(a.entity)})
    stats = _stats(mentions, assignments, nodes)
    for a in actors:
        if a.entity and a.entity not in stats:
            stats[a.entity].names[a.text or a.entity] += 1
            stats[a.entity].texts[a.text or a.entity] += 1
    entities = [_entity_record(entity, s, kb_of.get(entity) if "~" not in entity else None, renamed)
                for entity, s in sorted(stats.items()) if entity]
    # Only rows whose entity changes are written: after new documents, most keep theirs.
    resolution.write_resolution(
        conn, entities,
        [(a.entity, m["doc"], m["idx"]) for m, a in zip(mentions, assignments) if a.entity != m["entity"]],
        [(actors[2 * i].entity, actors[2 * i + 1].entity, e["id"]) for i, e in enumerate(events)
         if (actors[2 * i].entity, actors[2 * i + 1].entity) != (e["source"], e["target"])],
    )
    return len(entities)
