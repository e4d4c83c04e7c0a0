"""The STIX 2.1 export: the situation as a bundle for threat-intelligence platforms (OpenCTI, MISP).

Actors become `identity` objects, or `threat-actor` for armed groups and armies; event places
become `location`s; relations become `relationship`s of the standard STIX types (custom ones such
as `supports` are dropped by OpenCTI's import) with their time span, a confidence and their
PLOVER types in the description; each document becomes a `report` that refers to the actors,
places and relationships it supports; each evidence sentence of a relation is a `note` on the
relationship and its report, and each dispute between sources a `note` on the actors and the
evidence notes of both sides.
Ids are uuid5 of newsweave's own ids, and timestamps come from the data, so exporting the same
database twice gives the same bundle. Objects are written one by one, not built as one tree.
"""

from __future__ import annotations

import json
import re
import sys
import uuid
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from ..errors import NewsweaveError
from .actors import Actor, actor_graph, date_start, span

# uuid5 namespace of every STIX id newsweave makes: fixed forever, or re-exports change ids.
STIX_NAMESPACE = uuid.UUID("6b1f7c2e-3d4a-5e8f-9a0b-1c2d3e4f5a6b")

# `created`/`modified` of every object, and a report's `published` when its document has no
# date and none of its events has one either (the report's description says so).
FALLBACK_TIMESTAMP = "1970-01-01T00:00:00Z"

# Document URLs kept in external_references: http(s) only, no whitespace or control character
# (a tool that follows the reference must never get javascript:, data: or file:).
SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+\Z", re.IGNORECASE)

# Knowledge-base roles that make an organisation a threat-actor. Their threat_actor_types is
# "unknown": STIX's "nation-state" is for a state's intelligence operators, and OpenCTI files
# such an actor under the state, not as the armed group it is.
ARMED_ROLES = (
    "armed group",                # militias, insurgents, jihadist groups
    "armed coalition",            # "Libya Dawn"
    "private military company",   # "Wagner Group"
    "armed forces",               # a state's or a would-be state's army (LNA, IDF)
)
ARMED_ACTOR_TYPE = "unknown"
# Words in an organisation's name that make it a threat-actor when the KB does not know it.
ARMED_NAME_WORDS = ("militia", "militias", "army", "brigade", "brigades", "battalion", "regiment",
                    "rebels", "insurgents", "armed group", "militant group", "rebel group", "forces")

# Entity type -> STIX identity_class (the 2.1 vocabulary has no "nation": a state is an
# organisation in the national-government sector).
IDENTITY_CLASSES = {"PERSON": "individual", "COUNTRY": "organization", "ORGANIZATION": "organization",
                    "NATIONALITY": "group"}
STATE_SECTORS = ["government-national"]

# Only relationship types of the STIX 2.1 specification, where it allows them: an armed group
# (threat-actor) "targets" the actor it acts against in a conflictual relation; everything else is
# the generic "related-to", its polarity and PLOVER types in the description, which every
# platform keeps.
TARGETING_SOURCES = ("threat-actor", "intrusion-set")
TARGETS = "targets"
RELATED_TO = "related-to"

# Confidence 0-100: mostly independent sources (each halves the doubt), partly the evidence weight.
SOURCES_SHARE = 0.7
WEIGHT_SHARE = 0.3


def _stix():
    try:
        import stix2
    except ImportError as e:
        raise NewsweaveError("the stix export needs the stix2 library: pip install stix2==3.0.2") from e
    return stix2


def stix_id(kind: str, newsweave_id: str) -> str:
    return f"{kind}--{uuid.uuid5(STIX_NAMESPACE, f'{kind}:{newsweave_id}')}"


def _timestamp(date: str) -> str:
    return f"{date_start(date)}T00:00:00Z"


def threat_actor_type(actor: Actor, roles: tuple = ()) -> str | None:
    """The threat_actor_types value when `actor` is an armed group, else None (an identity)."""
    if actor.type != "ORGANIZATION":
        return None
    if any(role in ARMED_ROLES for role in roles):
        return ARMED_ACTOR_TYPE
    name = f" {actor.name.lower()} "
    return ARMED_ACTOR_TYPE if any(f" {word} " in name for word in ARMED_NAME_WORDS) else None


def _kb_roles(actor: Actor) -> tuple:
    if not actor.kb_id:
        return ()
    from ..kb import knowledge_base  # loaded only when an organisation needs it

    entry = knowledge_base().get(actor.kb_id)
    return tuple(role[0] for role in entry.roles) if entry else ()


def actor_object(stix2, actor: Actor, common: dict):
    roles = _kb_roles(actor) if actor.type == "ORGANIZATION" else ()
    description = "; ".join(p for p in (f"newsweave {actor.type.lower()} {actor.id}",
                                        f"country {actor.country}" if actor.country else "",
                                        f"side {actor.side}" if actor.side else "",
                                        f"{actor.mentions} mentions") if p)
    kind = threat_actor_type(actor, roles)
    if kind is not None:
        return stix2.v21.ThreatActor(id=stix_id("threat-actor", actor.id), name=actor.name,
                                     threat_actor_types=[kind], description=description, **common)
    extra = {"sectors": STATE_SECTORS} if actor.type == "COUNTRY" else {}
    return stix2.v21.Identity(id=stix_id("identity", actor.id), name=actor.name, description=description,
                              identity_class=IDENTITY_CLASSES.get(actor.type, "unknown"), **extra, **common)


def relationship_type(relation, source_ref: str) -> str:
    """`targets` for an armed group's conflictual relation, else `related-to`."""
    if relation.polarity == "conflictual" and source_ref.split("--")[0] in TARGETING_SOURCES:
        return TARGETS
    return RELATED_TO


def confidence(relation) -> int:
    sources = 1 - 0.5 ** max(relation.independent_sources, 0)
    weight = max(float(relation.weight), 0.0)
    return round(100 * (SOURCES_SHARE * sources + WEIGHT_SHARE * weight / (weight + 1)))


def relationship_object(stix2, relation, refs: dict[str, str], common: dict):
    interval = span(relation.first, relation.last)
    times = {"start_time": f"{interval[0]}T00:00:00Z", "stop_time": f"{interval[1]}T23:59:59Z"} if interval else {}
    key = f"{relation.source}|{relation.polarity}|{relation.target}"
    description = (f"{relation.polarity} ({', '.join(relation.types)}): {len(relation.events)} events in "
                   f"{relation.documents} documents from {relation.independent_sources} independent sources, "
                   f"weight {relation.weight:g}")
    return stix2.v21.Relationship(id=stix_id("relationship", key),
                                  relationship_type=relationship_type(relation, refs[relation.source]),
                                  source_ref=refs[relation.source], target_ref=refs[relation.target],
                                  confidence=confidence(relation), description=description, **times, **common)


def location_object(stix2, place, common: dict):
    """A STIX location for an event place, or None when it has neither coordinates nor country."""
    coords = place.lat is not None and place.lon is not None
    if not coords and not place.country:
        return None
    key = f"{place.name}|{place.lat}|{place.lon}|{place.country}"
    fields = {"latitude": place.lat, "longitude": place.lon} if coords else {}
    if place.country:
        fields["country"] = place.country
    return stix2.v21.Location(id=stix_id("location", key), name=place.name, **fields, **common)


def report_object(stix2, document, refs: list[str], dates: list[str], common: dict):
    name = document.title or document.name
    if document.published:
        published, note = _timestamp(document.published), ""
    elif dates:
        published, note = _timestamp(min(dates, key=date_start)), " (undated: published is its earliest event date)"
    else:
        published, note = FALLBACK_TIMESTAMP, " (undated: published is a 1970-01-01 placeholder)"
    reference = {"source_name": document.source or "newsweave", "external_id": document.id}
    if document.url and SAFE_URL.match(document.url):
        reference["url"] = document.url
    return stix2.v21.Report(id=stix_id("report", document.id), name=name, published=published,
                            object_refs=refs, external_references=[reference],
                            description=f"{document.name}{note}", **common)


def evidence_note(stix2, event, relationship_id: str, names: dict[str, str], common: dict):
    """The sentence an event was read from, as a note on its relationship and its document's report."""
    source = names.get(event.source, event.source_text or "?")
    target = names.get(event.target, event.target_text or "?")
    kind = f"{event.type}/{event.mode}" if event.mode else event.type
    return stix2.v21.Note(id=stix_id("note", f"event:{event.id}"), abstract=f"{kind}: {source} -> {target}",
                          content=event.sentence, object_refs=[relationship_id, stix_id("report", event.doc)],
                          external_references=[{"source_name": "newsweave", "external_id": event.id,
                                                "description": f"document {event.doc}, "
                                                               f"characters {event.start}-{event.end}"}],
                          **common)


def dispute_note(stix2, contradiction, refs: list[str], sentences: list[str], common: dict):
    """A contradiction between sources, with each side's sentence, as a note on what it is about."""
    content = "\n".join([contradiction.explanation, *(f"- {s}" for s in sentences)])
    key = f"{contradiction.about}|{','.join(sorted(contradiction.events))}"
    return stix2.v21.Note(id=stix_id("note", f"dispute:{key}"), abstract=f"Disputed: {contradiction.about}",
                          content=content, object_refs=refs, labels=["dispute"], **common)


def _notes(corpus, graph, actor_refs, relation_refs, creator_id, stix2, common):
    """Evidence notes (one per event behind a relationship), then one note per dispute."""
    events = {event.id: event for event in corpus.events()}
    names = {actor_id: actor.name for actor_id, actor in graph.actors.items()}
    evidence: dict[str, str] = {}
    for relation in graph.relations:
        for event_id in relation.events:
            event = events.get(event_id)
            if event is not None and event_id not in evidence:
                note = evidence_note(stix2, event, relation_refs[id(relation)], names, common)
                evidence[event_id] = note.id
                yield note
    for contradiction in corpus.contradictions():
        refs = [actor_refs[e] for e in contradiction.entities if e in actor_refs]
        refs += [evidence[e] for e in contradiction.events if e in evidence]
        sentences = [events[e].sentence for e in contradiction.events if e in events]
        yield dispute_note(stix2, contradiction, refs or [creator_id], sentences, common)


def _document_refs(corpus, graph, actor_refs, relation_refs, stix2, common):
    """Per document, the STIX ids it supports and its event dates; and the locations seen."""
    event_relations: dict[str, list[str]] = {}
    for relation in graph.relations:
        for event_id in relation.events:
            event_relations.setdefault(event_id, []).append(relation_refs[id(relation)])
    per_doc: dict[str, dict[str, None]] = {}
    dates: dict[str, list[str]] = {}
    locations: dict[str, object] = {}
    for event in corpus.events():  # article text: reader comments are not the report's evidence
        refs = per_doc.setdefault(event.doc, {})
        for actor_id in (event.source, event.target):
            if actor_id in actor_refs:
                refs[actor_refs[actor_id]] = None
        refs.update(dict.fromkeys(event_relations.get(event.id, ())))
        if event.place is not None:
            location = location_object(stix2, event.place, common)
            if location is not None:
                locations.setdefault(location.id, location)
                refs[location.id] = None
        if event.date:
            dates.setdefault(event.doc, []).append(event.date)
    return per_doc, dates, locations


def _as_of(documents) -> str:
    dated = [d.published for d in documents if d.published]
    return _timestamp(max(dated, key=date_start)) if dated else FALLBACK_TIMESTAMP


def stix_objects(corpus):
    """The bundle's objects in order: creator, actors, locations, relationships, reports, notes."""
    stix2 = _stix()
    documents = list(corpus.documents())
    creator = stix2.v21.Identity(id=stix_id("identity", "newsweave"), name="newsweave", identity_class="system",
                                 created=FALLBACK_TIMESTAMP, modified=FALLBACK_TIMESTAMP)
    as_of = _as_of(documents)
    # One timestamp from the data for every object, so re-exports are byte-identical.
    common = {"created": as_of, "modified": as_of, "created_by_ref": creator.id}
    graph = actor_graph(corpus)
    graph = _with_event_actors(corpus, graph)
    actors = [actor_object(stix2, actor, common) for actor in graph.actors.values()]
    actor_refs = {actor_id: obj.id for actor_id, obj in zip(graph.actors, actors)}
    relationships = [relationship_object(stix2, r, actor_refs, common) for r in graph.relations]
    relation_refs = {id(r): obj.id for r, obj in zip(graph.relations, relationships)}
    per_doc, dates, locations = _document_refs(corpus, graph, actor_refs, relation_refs, stix2, common)
    yield creator
    yield from actors
    yield from locations.values()
    yield from relationships
    for document in documents:
        # A report must refer to something: a document with no facts refers to newsweave itself.
        refs = list(per_doc.get(document.id, {})) or [creator.id]
        yield report_object(stix2, document, refs, dates.get(document.id, []), common)
    yield from _notes(corpus, graph, actor_refs, relation_refs, creator.id, stix2, common)


# Entity types that act in events and so get a STIX object even outside any relation.
ACTOR_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "NATIONALITY")


def _with_event_actors(corpus, graph):
    """Add the actors of article events that are in no relation, so reports can refer to them."""
    in_events = {actor_id for event in corpus.events()
                 for actor_id in (event.source, event.target) if actor_id}
    for entity in corpus.entities():
        if entity.id in in_events and entity.id not in graph.actors and entity.type in ACTOR_TYPES:
            graph.actors[entity.id] = Actor(entity.id, entity.name, entity.type, entity.country,
                                            entity.kb_id, entity.mentions)
    return graph


def write_stix(corpus, out: TextIO | Path | str | None) -> None:
    objects = stix_objects(corpus)
    first = next(objects)  # fail before the output is opened (e.g. stix2 missing)
    bundle_id = stix_id("bundle", ",".join(sorted(d.id for d in corpus.documents())))
    context = open(out, "w", encoding="utf-8") if isinstance(out, (str, Path)) else nullcontext(out or sys.stdout)
    with context as stream:
        stream.write('{"type": "bundle", "id": ' + json.dumps(bundle_id) + ', "objects": [\n')
        stream.write("  " + first.serialize())
        for obj in objects:
            stream.write(",\n  " + obj.serialize())
        stream.write("\n]}\n")
