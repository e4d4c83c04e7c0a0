"""Resolve mentions into entities, one per real actor, and point mentions and events at them.

Clusters the name nodes of the mentions' entity keys and the events' actor keys (`nodes.py`;
`clusters.py`: same name, defined acronyms, spelling variants, partial names, within type
families and never across KB ids or countries); gives each cluster a stable id (its KB id,
else TYPE:name key of its canonical name, whatever the order of the documents); resolves
event actors written as capitals ("Moscow" acting -> Russia) and as descriptions ("the Libyan
general" -> the person); replays the analyst's corrections; and builds the entity records.
`Resolution` is the entry point; it works on records (rows streamed from `Store`), and
`crossdoc.resolve_entities` chooses the documents to resolve again and moves the records in
and out of the store.

Generic actors ("civilians", "28 people", "soldiers": the extractor's GROUP:<noun> keys) are
one entity per document and noun, marked `generic`, never merged across documents. Entities
linked to the KB carry a sector (CAMEO-style: GOV for a state, MIL for armed forces...) and,
for armed forces, the state they belong to.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..annotate.entity_patterns import MIN_MATCHED_CITY_POPULATION, VALUE_TYPES
from ..kb import knowledge_base, sectors
from .backrefs import Person, parse_description, resolve_description, role_kinds
from .clusters import Node, cluster_nodes
from .corrections import Assignment, apply_overrides
from .names import name_key, name_tokens
from .nodes import GENERIC_PREFIX, NameNodes

# Most aliases an entity lists (the rest are rare misspellings and add noise to exports).
MAX_ALIASES = 25
# Types whose unlinked names are looked up in the KB after clustering (actors and places).
LINKABLE_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "FACILITY"})
# Changed rows kept in memory before they are handed on (to be staged in the database).
STAGING_BATCH = 10_000
# Types acting as a state when a capital or seat of government names them ("Moscow said").
METONYM_TYPES = frozenset({"LOCATION", "FACILITY", "ORGANIZATION"})
# Military acts: a state doing them acts through its armed forces ("India struck nine sites"
# is the Indian Armed Forces' act), as the analysts' guideline codes them; (type, mode or None).
MILITARY_ACTS = frozenset({("ASSAULT", None), ("MOBILIZE", None), ("COERCE", "seize")})
# Counting words before a generic group's noun, left out of its name ("at least 28 people").
COUNT_WORDS_RE = re.compile(
    r"^(?:(?:at least|at most|more than|less than|fewer than|over|about|around|nearly|almost|"
    r"some|up to|as many as|dozens of|hundreds of|thousands of|scores of|tens of|several|many|"
    r"most|all|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand)\s+)+", re.IGNORECASE)


@dataclass
class _Stats:
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    texts: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    documents: int = 0
    last_document: str | None = None
    mentions: int = 0
    comment_mentions: int = 0


def _kb_entry(kb_id: str | None):
    return knowledge_base().get(kb_id) if kb_id else None


def _link_to_kb(nodes: dict[str, Node]) -> None:
    """Unlinked names the KB knows under one entry of the same type family get its id."""
    kb = knowledge_base()
    for node in nodes.values():
        if node.kb_id or node.type not in LINKABLE_TYPES:
            continue
        found = set()
        for name in node.names:
            key = name_key(name)
            entries = [e for e in kb.lookup(key) if Node("", e.type).family == node.family
                       and _may_link(name, e)] if key else []
            if entries:
                found.add(entries[0].id)
        if len(found) == 1:
            node.kb_id = found.pop()
            entry = kb.get(node.kb_id)
            node.country = node.country or (entry.country if entry else None)


def _may_link(name: str, entry) -> bool:
    """Whether a name found under a KB alias may stand for that entry: a name (capitalised, not
    "villages"), and for a GeoNames town one as big as those the recognizer links ("Africa" is
    not a town in Tunisia)."""
    if not any(word[:1].isupper() for word in name.split()):
        return False
    return entry.curated or entry.type != "LOCATION" or entry.population >= MIN_MATCHED_CITY_POPULATION


def generic_entity(key: str, doc: str) -> str:
    """The entity of a generic group in one document: "GROUP:civilians@<doc>"."""
    return f"{key}@{doc[:16]}"


def generic_name(text: str) -> str:
    """A generic group's name without its count: "at least 28 people" -> "people"."""
    name = " ".join(text.split())
    return COUNT_WORDS_RE.sub("", name) or name


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


def _person_roles(person_texts: dict[str, set[str]], ids: dict[str, str],
                  nodes: dict[str, Node]) -> dict[str, set[str]]:
    """Per resolved person, the role kinds its mentions and KB entry give it."""
    evidence: dict[str, set[str]] = defaultdict(set)
    for key, texts in person_texts.items():
        evidence[ids[key]] |= texts
        entry = _kb_entry(nodes[key].kb_id)
        if entry:
            evidence[ids[key]].update(role for role, *_ in entry.roles if role)
    return {entity: role_kinds(texts) for entity, texts in evidence.items()}


def _event_actor(key, text, event, ids, nodes, people, forces=frozenset()) -> str | None:
    if key and key.startswith(GENERIC_PREFIX):
        return _the_force(text, forces) or generic_entity(key, event["doc"])
    if key in nodes and nodes[key].type in VALUE_TYPES:
        return None  # a number or a date never acts
    entry = _kb_entry(key)
    if entry is not None and entry.type == "LOCATION" and text and not _may_link(text, entry):
        return None  # "villages" is no town in Florida
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


def _document_forces(resolved) -> frozenset[str]:
    """The armed forces a document names (a state's or any the KB places in the military sector)."""
    kb = knowledge_base()
    return frozenset(entity for entity in {e for _, e in resolved}
                     if sectors.sector(kb, _kb_entry(entity))[0] == "MIL")


def _the_force(text: str | None, forces: frozenset[str]) -> str | None:
    """ "The army" in a document that names one armed force only is that force."""
    words = (text or "").lower().split()
    if len(forces) == 1 and len(words) > 1 and words[0] == "the" \
            and " ".join(words[1:]) in sectors.MILITARY_NOUNS:
        return next(iter(forces))
    return None


def _acting_force(entity: str | None, event) -> str | None:
    """The armed forces of a state that is the source of a military act, else `entity`."""
    entry = _kb_entry(entity)
    if entry is None or entry.type != "COUNTRY":
        return entity
    if (event["type"], None) in MILITARY_ACTS or (event["type"], event["mode"]) in MILITARY_ACTS:
        return sectors.armed_forces(knowledge_base(), entry).id
    return entity


def _add_mention(s: _Stats, m, entity: str) -> None:
    # A KB name only speaks for mentions still on that KB entity (not those split off).
    kb_name_fits = not m["kb_id"] or m["kb_id"] == entity
    s.names[(m["name"] if kb_name_fits else None) or m["text"]] += 1
    s.types[m["type"]] += 1
    s.texts[m["text"]] += 1
    if m["country"]:
        s.countries[m["country"]] += 1
    if m["region"] == "comment":
        s.comment_mentions += 1
    else:
        s.mentions += 1
        if s.last_document != m["doc"]:  # a document's mentions come together
            s.documents += 1
            s.last_document = m["doc"]


def _entity_record(entity: str, s: _Stats, kb_id: str | None, renamed: dict[str, str]) -> dict:
    entry = _kb_entry(kb_id)
    generic = entity.startswith(GENERIC_PREFIX)
    name = renamed.get(entity) or (entry.name if entry else generic_name(_canonical(s.names)) if generic
                                   else _canonical(s.names))
    sector, state = sectors.sector(knowledge_base(), entry)
    return {
        "id": entity,
        "name": name,
        "type": entry.type if entry else min(s.types, key=lambda t: (-s.types[t], t)) if s.types else "OTHER",
        "aliases": [text for text, _ in sorted(s.texts.items(), key=lambda i: (-i[1], i[0]))[:MAX_ALIASES]],
        "country": (entry.country if entry else None) or (
            min(s.countries, key=lambda c: (-s.countries[c], c)) if s.countries else None),
        "kb_id": kb_id,
        "mentions": s.mentions,
        "documents": s.documents,
        "comment_mentions": s.comment_mentions,
        "sector": sector,
        "state": state,
        "generic": generic,
    }


# Per document, its keyed mentions and its events, in document order (`Store.rows_by_document`).
Documents = Callable[[], Iterable[tuple[list, list]]]


class Resolution:
    """The corpus's name nodes clustered into entities, with what resolving a document reads:
    each key's entity, node and (for people) roles."""

    def __init__(self, name_nodes: NameNodes):
        nodes, acronyms, person_texts = name_nodes.build()
        _link_to_kb(nodes)
        self.nodes = nodes
        self.ids = _cluster_ids(nodes, cluster_nodes(list(nodes.values()), acronyms=acronyms))
        self.roles = _person_roles(person_texts, self.ids, nodes)

    def inputs(self) -> dict[str, str]:
        """Per node key, a digest of all that resolving a mention or an event actor with that
        key reads: a document none of whose keys' digests changed resolves as before."""
        digests = {}
        for key, node in self.nodes.items():
            entity = self.ids[key]
            metonym = _metonym_state(entity, node.names) if node.type in METONYM_TYPES else None
            read = [entity, node.type, node.country, sorted({name_key(n) for n in node.names}), metonym,
                    sorted(self.roles.get(entity, ()))]
            digests[key] = hashlib.blake2b(json.dumps(read, ensure_ascii=False).encode(), digest_size=8).hexdigest()
        return digests

    def _automatic(self, documents: Documents):
        """Per document, its mentions and events with their entities before the analyst's
        corrections: [(mention, entity)], [(event, source, target)]."""
        ids, nodes = self.ids, self.nodes
        for mentions, events in documents():
            resolved = [(m, ids[m["entity_key"]]) for m in mentions]
            people: dict[str, list] = {}
            for m, entity in resolved:
                if m["type"] == "PERSON":
                    country = nodes[m["entity_key"]].country or m["country"]
                    people.setdefault(m["doc"], []).append(Person(m["start"], entity, country, self.roles[entity]))
            forces = _document_forces(resolved)
            yield resolved, [(e, _acting_force(_event_actor(e["source_key"], e["source_text"], e, ids, nodes,
                                                             people, forces), e),
                              _event_actor(e["target_key"], e["target_text"], e, ids, nodes, people, forces))
                             for e in events]

    def _corrections(self, overrides: list[dict], documents: Documents) -> tuple[dict[tuple, str | None], dict[str, str]]:
        """The analyst's corrections replayed: (automatic entity, text) -> corrected entity for the
        written forms they move, and entity -> new name. They act on distinct (entity, text) pairs,
        so one pass collects those and nothing per mention is kept."""
        if not overrides:
            return {}, {}
        pairs: dict[tuple, Assignment] = {}
        for mentions, events in self._automatic(documents):
            for m, entity in mentions:
                pairs.setdefault((entity, m["text"]), Assignment(entity, m["text"], m["type"]))
            for e, source, target in events:
                for entity, text in ((source, e["source_text"] or ""), (target, e["target_text"] or "")):
                    pairs.setdefault((entity, text), Assignment(entity, text))
        renamed = apply_overrides(overrides, list(pairs.values()))
        return {pair: a.entity for pair, a in pairs.items() if a.entity != pair[0]}, renamed

    def assign(self, documents: Documents, overrides: list[dict],
               changed: Callable[[list[tuple], list[tuple]], None]) -> dict[str, str]:
        """Resolve the mentions and events of `documents` (read one at a time; twice when there
        are `overrides`: replayed over every document, so `documents` must then give them all).
        Hands each batch of mentions whose entity changes ((entity, doc, idx)) and of events
        whose actors change ((source, target, id)) to `changed`; returns the entities renamed."""
        corrected, renamed = self._corrections(overrides, documents)
        changed_mentions: list[tuple] = []
        changed_events: list[tuple] = []
        for mentions, events in self._automatic(documents):
            for m, entity in mentions:
                entity = corrected.get((entity, m["text"]), entity)
                if entity != m["entity"]:
                    changed_mentions.append((entity, m["doc"], m["idx"]))
            for e, source, target in events:
                source = corrected.get((source, e["source_text"] or ""), source)
                target = corrected.get((target, e["target_text"] or ""), target)
                if (source, target) != (e["source"], e["target"]):
                    changed_events.append((source, target, e["id"]))
            if len(changed_mentions) + len(changed_events) >= STAGING_BATCH:
                changed(changed_mentions, changed_events)
                changed_mentions, changed_events = [], []
        changed(changed_mentions, changed_events)
        return renamed

    def entities(self, mentions: Iterable, actors: Iterable, renamed: dict[str, str],
                 only: set[str] | None = None) -> list[dict]:
        """The entity records (`only`: of these entities), from every keyed mention of theirs
        with its entity (grouped by document) and every event's actors with their texts (in
        document order), as assigned."""
        stats: dict[str, _Stats] = defaultdict(_Stats)
        for m in mentions:
            _add_mention(stats[m["entity"]], m, m["entity"])
        kb_of = {entity: self.nodes[key].kb_id for key, entity in self.ids.items() if self.nodes[key].kb_id}
        first_actor_text: dict[str, str] = {}  # for entities named only as event actors
        for e in actors:
            for entity, text in ((e["source"], e["source_text"]), (e["target"], e["target_text"])):
                if entity:
                    first_actor_text.setdefault(entity, text or "")
                    if _kb_entry(entity):
                        kb_of[entity] = entity
        for entity, text in first_actor_text.items():
            if entity not in stats:
                stats[entity].names[text or entity] += 1
                stats[entity].texts[text or entity] += 1
        return [_entity_record(entity, s, kb_of.get(entity) if "~" not in entity else None, renamed)
                for entity, s in sorted(stats.items()) if entity and (only is None or entity in only)]
