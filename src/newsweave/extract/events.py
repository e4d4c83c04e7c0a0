"""PLOVER events from the parsed sentences: who did what to whom, when, where, as whose claim.

Reads `scratch["parses"]`, `regions`, `mentions`, `timexes`, `places`, `published`.
Adds `events`. Triggers come from `triggers.py` (verbs and event nouns of `lexicon.py`), their
source and target actors from `arguments.py`, the coding of stated intentions from `stance.py`,
the place from `eventplace.py`, attribution and modality from their own modules; this module
assembles them into events with a date and a confidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from datetime import date as Date
from datetime import timedelta
from itertools import combinations

from ..document import Document, Event
from ..aggregate.timeline import NARRATIVE_DAY, ON_OR_BEFORE
from ..kb import knowledge_base
from ..kb.sectors import MILITARY_SUFFIX, armed_forces
from ..settings import Settings
from .actors import Actor, ActorFinder, MentionIndex
from .arguments import find_arguments
from .attribution import Attributor
from .dyad import document_dyad, is_reciprocal, placed, stands_for_dyad
from .eventplace import event_place_of
from .lexicon import (AERIAL_WORDS, MILITARY_OBJECTS, MILITARY_SITES, MUTUAL_FIGHT_WORDS, NOUN_TRIGGERS,
                      SYMMETRIC_TYPES)
from .modality import modality_of
from .stance import coded_stance
from .strongholds import HOLDER_TYPES, holder_of
from .triggers import Found, find_triggers, is_exercise

# Regions whose sentences can hold events (titles repeat the body; boilerplate holds none).
EVENT_REGION_KINDS = ("body", "comment")
# Clauses that describe a participant in passing ("the coalition fighting the Houthis declared a
# truce", "a fire that killed ten"): their events are background, ranked below the main clause's.
BACKGROUND_DEPS = frozenset({"acl", "relcl"})
BACKGROUND_FACTOR = 0.85
# Calendar dates only: "PRESENT_REF" or week values say nothing about the day of an event.
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# A week or its weekend ("last week", "over the weekend"), as the time tagger gives them.
ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
# Confidence by how the event was found (see `_confidence`).
# A light verb with an event noun ("launched an attack") says as much as a verb.
CONFIDENCE = {"verb": 0.9, "light": 0.85, "noun": 0.45, "cameo": 0.55}
MODALITY_FACTOR = {"hypothetical": 0.5, "negated": 0.7, "denied": 0.7, "planned": 0.8}
MISSING_SOURCE, UNNAMED_SOURCE = 0.45, 0.1
MISSING_TARGET, UNNAMED_TARGET = 0.45, 0.1
# Conjunctions and prepositions whose clause only dates the main one.
TEMPORAL_MARKS = frozenset({"after", "before", "since", "until", "following"})
# Standing stances ("has long accused", "historically rejected") are no dated act.
HABITUAL_ADVERBS = frozenset({"long", "historically", "traditionally", "always", "often", "frequently",
                              "routinely", "usually", "repeatedly", "consistently", "habitually"})
HABITUAL_FACTOR = 0.5
# A repeated telling of an event already coded in the document keeps this share of its confidence.
REPEAT_FACTOR = 0.5
# Hostile acts that, with no target named, are aimed at the other party of a two-state conflict.
DYADIC_HOSTILE_TYPES = frozenset({"ASSAULT", "SANCTION", "THREATEN", "MOBILIZE", "REJECT"})
# Acts that show two states at odds (a told one makes a dyad's untargeted hostile acts theirs).
HOSTILE_TYPES = frozenset({"ASSAULT", "THREATEN", "ACCUSE", "SANCTION", "COERCE", "REJECT", "MOBILIZE"})
# Light verbs of acts done to each other ("exchanged fire", "traded accusations").
RECIPROCAL_LIGHT_VERBS = frozenset({"exchange", "trade"})
# Appeals and talks of an outsider with no party named address both parties of a two-state
# conflict ("the UN urged restraint", "Rubio spoke to both").
DYADIC_THIRD_PARTY_TYPES = frozenset({"REQUEST", "CONSULT"})
# Mention types of a party an event can be done to, and of a place whose state it hits.
PARTY_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "NATIONALITY"})
PLACE_TYPES = frozenset({"LOCATION", "FACILITY", "COUNTRY"})
STATE_TYPES = frozenset({"COUNTRY", "NATIONALITY"})
# Statements answering another party: their target is whose words or deeds they answer.
STATEMENT_TYPES = frozenset({"REJECT", "ACCUSE"})
# Types whose place acted on stands for its state (attacks, visits, deliveries, sanctions).
PLACE_STATE_TYPES = frozenset({"ASSAULT", "SANCTION", "THREATEN", "MOBILIZE", "CONSULT", "AID"})
# Modes of COERCE that become a sanction when aimed abroad.
INTERNATIONAL_MODES = frozenset({"ban", "restrict"})
# Words of what a sanction between states closes or bans.
INTERNATIONAL_WORDS = frozenset({"airspace", "border", "visa", "trade", "flight", "aircraft", "airline",
                                 "import", "export", "diplomat", "embassy", "port", "vessel", "carrier",
                                 "treaty", "national", "citizen", "crossing"})


class EventExtractor:
    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.events = []
        doc.scratch.pop("event_dates", None)  # worked out again from this run's time expressions
        mentions = MentionIndex(doc)
        attributor = Attributor()
        dyad = document_dyad(doc)
        implied: list[tuple] = []  # events aimed at the dyad's other party only by inference
        for index, parsed in doc.scratch.get("parses", []):
            region = doc.regions[index]
            if region.kind not in EVENT_REGION_KINDS:
                continue
            finder = ActorFinder(doc, mentions, region.start)
            if region.kind == "comment":
                attributor = Attributor()  # a commenter does not inherit the article's sources
            for sent in parsed.sents:
                doc.events.extend(_sentence_events(doc, region, sent, finder, attributor, dyad, implied))
        if implied and not _dyad_at_odds(doc.events, dyad, {id(item[0]) for item in implied}):
            for event, original, found, source, modality in implied:  # partners are no targets
                event.target = original.entity if original else None
                event.target_text = original.text if original else None
                event.confidence = _confidence(found, source, original, modality, event.region)
        _rank_repeats(doc.events)
        return doc


def _sentence_events(doc, region, sent, finder, attributor, dyad=None, implied=None) -> list[Event]:
    sentence_attribution = attributor.for_sentence(sent)
    events, seen = [], set()
    for found in find_triggers(sent):
        source_actors, target_actors = find_arguments(found, finder)
        source_actors = [a for a in source_actors if not _unlinked_place(a, found)]
        if not source_actors and dyad is not None:
            source_actors = _dyad_subject(found, finder)
        if not source_actors and not target_actors:
            continue
        if found.kind in HOLDER_TYPES:
            target_actors = [_holder_instead(target, sent, finder) for target in target_actors]
        if found.how == "cameo" and not (source_actors and any(t.type != "THING" or t.entity for t in target_actors)):
            continue  # the generated lexicon is too loose to trust without a full dyad
        attribution = attributor.for_trigger(found.head, sentence_attribution)
        noun_head = found.head if found.head != found.token else None
        modality = modality_of(found.token, attributed=attribution is not None, noun_head=noun_head)
        mode = _mode(found, sent)
        kind, modality = coded_stance(found, modality, attribution is not None)
        if kind == "MOBILIZE" and is_exercise(found.token) and len(source_actors) > 1:
            kind = "COOPERATE"  # "French and Egyptian warships launched war games": joint
        if kind != found.kind:  # the statement is coded, so the action's mode does not carry over
            found, mode = Found(found.token, found.head, kind, None, found.how), None
        mutual = _mutual(found)
        if mutual and len(source_actors) == 1:  # "Indian and Pakistani troops exchanged fire"
            source_actors = next((paired for c in found.head.children if c.dep_ == "nsubj"
                                  for paired in [finder.paired(c)] if paired), source_actors)
        target_actors = _refined_targets(found, mode, source_actors, target_actors, sent, finder, dyad)
        for source, target in _dyad_pairs(found.kind, source_actors, target_actors, dyad, mutual):
            kind, event_mode = found.kind, mode
            inferred = None
            if not _party(target) and modality not in ("negated", "hypothetical"):
                inferred = _implied_target(kind, source, target, dyad)
            original, target = target, inferred or target
            if kind == "COERCE" and mode in INTERNATIONAL_MODES and _international(found, source, target):
                kind, event_mode = "SANCTION", None
            key = (kind, source and source.text, target and target.text)
            if key in seen:
                continue
            seen.add(key)
            typed = found if kind == found.kind else Found(found.token, found.head, kind, None, found.how)
            events.append(_event(doc, region, sent, typed, source, target, event_mode,
                                 attribution, modality, finder.offset))
            if inferred is not None and implied is not None:
                implied.append((events[-1], original, typed, source, modality))
    return events


def _unlinked_place(actor: Actor, found: Found) -> bool:
    """A place no state stands for that a relative clause hangs on ("an attack in Kashmir which
    killed 26": the attack killed, not Kashmir), or an event named after a place ("the Pahalgam
    massacre"): where something happened, never who did it."""
    entity = actor.entity or ""
    words = actor.text.lower().split()
    last = words[-1] if words else ""
    return (found.head.dep_ == "relcl" and actor.type in ("LOCATION", "FACILITY") and not actor.country
            and ":" in entity) \
        or (entity.startswith("NATIONALITY:") and (last in NOUN_TRIGGERS or last.rstrip("s") in NOUN_TRIGGERS))


def _dyad_at_odds(events: list[Event], dyad, inferred: set[int]) -> bool:
    """Whether the article itself tells a hostile act between the two states (or their forces):
    only then is a hostile act with no target named aimed at the other one."""
    members = {dyad[0].entity, dyad[1].entity}
    for event in events:
        if id(event) in inferred or event.type not in HOSTILE_TYPES:
            continue
        if {_state_of(event.source), _state_of(event.target)} == members:
            return True
    return False


def _state_of(entity: str | None) -> str | None:
    """The state an entity id stands for: itself, or the state of its armed forces ("IND-MIL")."""
    return entity.removesuffix(MILITARY_SUFFIX) if entity else None


def _mutual(found: Found) -> bool:
    """An act the parties do to each other: "exchanged fire", "traded accusations", "clashed"."""
    if found.head.lemma_.lower() in RECIPROCAL_LIGHT_VERBS:
        return True
    return found.kind == "ASSAULT" and bool({found.token.lemma_.lower(), found.head.lemma_.lower()}
                                            & MUTUAL_FIGHT_WORDS)


def _refined_targets(found: Found, mode, sources: list[Actor], targets: list[Actor], sent, finder, dyad) -> list[Actor]:
    """The parties acted upon as analysts code them: both parties of the dyad for an outsider's
    mediation, appeal or call with no party named, and for people "from both countries"; the
    state of a place struck or visited abroad; the party whose claims are rejected."""
    if dyad is not None and not any(_party(t) for t in targets) and (
            mode == "mediate" or (found.kind in DYADIC_THIRD_PARTY_TYPES and sources
                                  and all(_dyad_partner(s, dyad) is None for s in sources))):
        here = found_actor(found, finder)
        targets = [placed(dyad[0], here), placed(dyad[1], here)]
    if dyad is not None:
        targets = _owned_by_dyad(targets, finder.doc.text, dyad)
        targets = [_counterpart(t, sources, dyad) or t for t in targets]
    if found.kind == "ASSAULT":
        targets = [_forces_of_site(t, sources, sent, finder, dyad) or t for t in targets]
    if found.kind in PLACE_STATE_TYPES:
        targets = [_state_of_place(t, sources) or t for t in targets]
    if found.kind in STATEMENT_TYPES:
        targets = [t if _party(t) else _owner_party(t, sent, finder) or t for t in targets]
    targets = [t if _party(t) or not _head_words(t, sent, finder) & ABSTRACT_TARGET_HEADS
               else _owner(t, sent, finder) or t for t in targets]
    return [t for t in targets if _party(t) or not (_head_words(t, sent, finder) & NEVER_TARGET_HEADS
                                                    or _instrument(t, sent, finder))]


# Heads of phrases that are where an act happened or what it cost, not what it was done to
# ("shelled residential areas", "inflicted heavy casualties").
NOT_TARGET_HEADS = frozenset({
    "area", "neighborhood", "neighbourhood", "region", "outskirt", "outskirts", "street", "road",
    "zone", "district", "locality", "vicinity", "corner", "casualty", "casualties", "loss", "losses",
    "toll", "damage", "airspace", "border", "crossing",
})
# Heads of phrases naming something a party has or holds, not a party: an act on it is an act
# on its owner ("revoked Kashmir's special status", "violated Pakistan's sovereignty"), and
# without an owner there is no party acted upon.
ABSTRACT_TARGET_HEADS = frozenset({
    "status", "sovereignty", "integrity", "autonomy", "independence", "claim", "right", "move",
    "decision", "policy", "position", "stance", "demand", "allegation", "statement", "remark",
    "cause", "interest", "narrative", "version", "account",
})
NEVER_TARGET_HEADS = NOT_TARGET_HEADS | ABSTRACT_TARGET_HEADS
# Words for the other party of a pair ("launched strikes on its neighbour").
COUNTERPART_WORDS = frozenset({"neighbour", "neighbor", "rival", "adversary", "enemy", "foe", "arch-rival", "archrival"})


def _counterpart(target: Actor, sources: list[Actor], dyad) -> Actor | None:
    """ "its neighbour", "its rival" said of one of the article's two states: the other one."""
    words = target.text.lower().split()
    if (target.entity and ":" not in target.entity) or len(words) != 2 or words[0] not in ("its", "their", "the") \
            or words[1] not in COUNTERPART_WORDS:
        return None
    partner = _other_party(sources, dyad)
    return placed(partner, target) if partner is not None else None


def _dyad_pairs(kind: str, sources: list[Actor], targets: list[Actor], dyad, mutual: bool = False):
    """Source-target pairs with "the two countries", "both sides" and "each other" read as the
    document's dyad (dyad.py): a mutual act is one event, either way round."""
    if dyad is not None and any(stands_for_dyad(s) for s in sources):
        like = next(s for s in sources if stands_for_dyad(s))
        sources = [placed(dyad[0], like), placed(dyad[1], like)]
        targets = [t for t in targets if not is_reciprocal(t)]
        if not targets:
            return [(sources[0], sources[1])]
    if dyad is not None and any(stands_for_dyad(t) for t in targets):
        like = next(t for t in targets if stands_for_dyad(t))
        targets = [t for t in targets if t is not like] + [placed(dyad[0], like), placed(dyad[1], like)]
        targets = [t for t in targets if not sources or all(t.entity != s.entity for s in sources)]
    if (kind in SYMMETRIC_TYPES or mutual) and len(sources) > 1 \
            and not any(_party(t) for t in targets):
        return list(combinations(sources, 2))
    if any(is_reciprocal(t) for t in targets):
        if len(sources) >= 2:
            return list(combinations(sources, 2))
        partner = _dyad_partner(sources[0], dyad) if sources and dyad else None
        targets = [placed(partner, t) if is_reciprocal(t) and partner else t for t in targets
                   if partner or not is_reciprocal(t)]
    return list(_pairs(kind, sources, targets))


def _owned_by_dyad(targets: list[Actor], text: str, dyad) -> list[Actor]:
    """ "officials from both countries": the parse leaves the owner out of the phrase, so the
    words after it are read; such people stand for both states."""
    expanded = []
    for target in targets:
        if not stands_for_dyad(target) and stands_for_dyad(target, text[target.end:target.end + 60]):
            expanded += [placed(dyad[0], target), placed(dyad[1], target)]
        else:
            expanded.append(target)
    return expanded


def _dyad_subject(found: Found, finder) -> list[Actor]:
    """The subject phrase when it stands for the dyad ("the two countries agreed"); the parser's
    arguments skip it, as a common noun names no one by itself."""
    for child in found.head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words = list(child.subtree)
            start = finder.offset + words[0].idx
            end = finder.offset + words[-1].idx + len(words[-1].text)
            actor = Actor(text=finder.doc.text[start:end], start=start, end=end)
            if stands_for_dyad(actor):
                return [actor]
    return []


def found_actor(found: Found, finder) -> Actor:
    """A zero-width actor at the trigger, for parties the text names elsewhere (the dyad)."""
    start = finder.offset + found.token.idx
    return Actor(text=found.token.text, start=start, end=start + len(found.token.text))


def _dyad_partner(actor: Actor | None, dyad) -> Actor | None:
    """The other member of the dyad when `actor` is one of them (its state or its forces)."""
    if actor is None or dyad is None:
        return None
    for member, other in (dyad, dyad[::-1]):
        if actor.entity == member.entity or (actor.country and actor.country == member.country):
            return other
    return None


def _other_party(sources: list[Actor], dyad) -> Actor | None:
    """The dyad member facing the first source that belongs to the dyad."""
    return next((p for p in (_dyad_partner(s, dyad) for s in sources) if p is not None), None)


def _party(actor: Actor | None) -> bool:
    """A party an event can be done to: a named person, group or state, or a group of people
    ("civilians"), not a thing, a place or a document ("the treaty", "air defence radars")."""
    if actor is None:
        return False
    return (actor.named and actor.type in PARTY_TYPES) or (actor.entity or "").startswith("GROUP:")


def _phrase_head(actor: Actor, sent, finder):
    """The head token of an actor's phrase in `sent` (the one word whose head lies outside it)."""
    inside = [t for t in sent if actor.start <= finder.offset + t.idx < actor.end]
    return next((t for t in inside if t.head not in inside or t.head == t), None)


def _head_words(actor: Actor, sent, finder) -> set[str]:
    """The head word of an actor's phrase, as lemma and as written ("bases" is lemmatised as
    "basis")."""
    head = _phrase_head(actor, sent, finder)
    return set() if head is None else {head.lemma_.lower(), head.lower_, head.lower_.removesuffix("s")}


def _instrument(actor: Actor, sent, finder) -> bool:
    """A phrase naming what was used, not what was hit ("50 kg of dynamite", "bursts of
    machinegun fire"): its head or what its head counts is a weapon."""
    head = _phrase_head(actor, sent, finder)
    if head is None:
        return False
    counted = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    return any(finder.weapon(t) for t in [head, *counted])


def _forces_of_site(target: Actor, sources: list[Actor], sent, finder, dyad) -> Actor | None:
    """The armed forces holding a military site struck ("Pakistani air bases", "radars" struck
    by India's forces): the state the phrase names, else the other party of the article's two
    states."""
    linked = target.entity and ":" not in target.entity  # a knowledge-base actor, not a phrase
    if (target.entity or "").endswith(MILITARY_SUFFIX) or (linked and target.type in ("PERSON", "ORGANIZATION")):
        return None
    if not _head_words(target, sent, finder) & MILITARY_SITES:
        return None
    kb = knowledge_base()
    partner = _other_party(sources, dyad)
    state = kb.country(target.country) if target.country else None
    if partner is not None and (state is None or state.country not in {m.country for m in dyad}):
        state = kb.get(partner.entity) if partner.entity else None  # "French-made" names no owner
    if state is None or state.type != "COUNTRY" or any(s.country == state.country for s in sources):
        return None
    forces = armed_forces(kb, state)
    return Actor(text=target.text, start=target.start, end=target.end, entity=forces.id,
                 country=state.country, named=True, type="ORGANIZATION")


def _holders(target: Actor, sent, finder, *, of_phrase: bool) -> Iterator[Actor | None]:
    """The actors (or None) that the head of a target's phrase belongs to: its possessive
    ("Kashmir's status") and, with `of_phrase`, what follows its "of" ("the status of Kashmir")."""
    root = _phrase_head(target, sent, finder)
    for child in root.children if root is not None else ():
        if child.dep_ == "poss":
            yield finder.actor(child)
        elif of_phrase and child.dep_ == "prep" and child.lower_ == "of":
            yield from (finder.actor(o) for o in child.children if o.dep_ == "pobj")


def _owner_party(target: Actor, sent, finder) -> Actor | None:
    """The party whose words or deeds are answered ("rejected Pakistan's claims" -> Pakistan)."""
    return next((owner for owner in _holders(target, sent, finder, of_phrase=False) if _party(owner)), None)


def _owner(target: Actor, sent, finder) -> Actor | None:
    """Who holds what an act is on: "Kashmir's status", "the status of Kashmir" -> Kashmir."""
    return next((owner for owner in _holders(target, sent, finder, of_phrase=True)
                 if owner is not None and owner.entity), None)


def _state_of_place(target: Actor, sources: list[Actor]) -> Actor | None:
    """The state a place acted on lies in, when it is another state than the actors' ("struck
    Lahore" -> Pakistan, "sent ministers to New Delhi" -> India); the place stays the event's."""
    countries = {s.country for s in sources if s.country}
    if target.type not in PLACE_TYPES or target.type == "COUNTRY" or not target.country \
            or not countries or target.country in countries:
        return None
    entry = knowledge_base().country(target.country)
    if entry is None:
        return None
    return Actor(text=target.text, start=target.start, end=target.end, entity=entry.id,
                 country=entry.country, named=True, type="COUNTRY", locative=True)


def _implied_target(kind: str, source: Actor | None, target: Actor | None, dyad) -> Actor | None:
    """The party a hostile act with no party named as its target is aimed at: in a two-state
    conflict, the other state ("India launched strikes overnight", "Pakistan extended the ban")."""
    if kind not in DYADIC_HOSTILE_TYPES:
        return None
    partner = _dyad_partner(source, dyad)
    if partner is None or source is None:
        return None
    return Actor(text=partner.text, start=source.start, end=source.end, entity=partner.entity,
                 country=partner.country, named=True, type=partner.type)


def _international(found: Found, source: Actor | None, target: Actor | None) -> bool:
    """A ban or restriction aimed at another state (its aircraft, trade, citizens, border) is a
    sanction (PLOVER SANCTION); one at home (a party banned, a curfew) stays coercion."""
    if target is not None and target.type in STATE_TYPES and target.country and source is not None \
            and source.country and target.country != source.country:
        return True
    words = {t.lemma_.lower() for t in found.head.subtree} | {t.lemma_.lower() for t in found.token.subtree}
    return bool(words & INTERNATIONAL_WORDS)


def _holder_instead(target: Actor, sent, finder) -> Actor:
    """A target named only as someone's stronghold gives way to its holder (strongholds.py)."""
    inside = [t for t in sent if target.start <= finder.offset + t.idx < target.end]
    roots = [t for t in inside if t.head not in inside or t.head == t]
    holder = holder_of(roots[0]) if roots else None
    actor = finder.actor(holder) if holder is not None else None
    return actor if actor is not None and actor.named else target


def _pairs(kind: str, sources: Sequence[Actor | None], targets: Sequence[Actor | None]):
    """Source-target pairs: one event per actor, or per pair of coordinated actors for symmetric types."""
    if kind in SYMMETRIC_TYPES and len(sources) > 1 and not targets:
        yield from combinations(sources, 2)
        return
    for source in sources or [None]:
        for target in targets or [None]:
            if source is None or target is None or not source.entity or source.entity != target.entity:
                yield source, target  # no one acts on themselves


def _mode(found: Found, sent) -> str | None:
    words = {t.lemma_.lower() for t in found.head.subtree} | {found.token.lemma_.lower()}
    if found.kind == "AID" and words & MILITARY_OBJECTS:
        return "military"
    if found.kind == "ASSAULT" and found.mode != "explosives":  # a car bomb is not an air raid
        if words & AERIAL_WORDS or found.token.lemma_.lower() in ("strike", "airstrike", "bomb"):
            if words & AERIAL_WORDS or found.token.lemma_.lower() == "airstrike" or _sentence_aerial(sent):
                return "aerial"
    return found.mode


def _sentence_aerial(sent) -> bool:
    return any(t.lemma_.lower() in AERIAL_WORDS for t in sent)


def _event(doc, region, sent, found, source, target, mode, attribution, modality, offset) -> Event:
    start = offset + sent.start_char
    end = offset + sent.end_char
    sentence = doc.text[start:end]
    stripped = sentence.strip()
    start += len(sentence) - len(sentence.lstrip())
    end = start + len(stripped)
    first, last = sorted((found.head, found.token), key=lambda t: t.i)
    trigger_start = offset + first.idx
    trigger_end = offset + last.idx + len(last.text)
    date, precision = _date(doc, start, end, trigger_start, modality, _clause_words(sent, found, offset))
    return Event(
        type=found.kind, mode=mode,
        source=source.entity if source else None, target=target.entity if target else None,
        source_text=source.text if source else None, target_text=target.text if target else None,
        date=date, date_precision=precision,
        place=event_place_of(doc, start, end, found, offset, [a for a in (source, target) if a and not a.locative]),
        sentence=stripped, start=start, end=end, region=region.kind,
        attribution=attribution, modality=modality,
        confidence=_confidence(found, source, target, modality, region.kind),
        trigger=doc.text[trigger_start:trigger_end], trigger_start=trigger_start,
        trigger_end=trigger_end,
    )


def _confidence(found: Found, source, target, modality: str, region: str) -> float:
    """How likely the event is right as coded, calibrated on annotated real news: a dyad of
    named actors from a verb is trustworthy, a half-empty or nameless one seldom is."""
    score = CONFIDENCE[found.how]
    score -= MISSING_SOURCE if source is None else (0.0 if source.named else UNNAMED_SOURCE)
    score -= MISSING_TARGET if target is None else (0.0 if target.named else UNNAMED_TARGET)
    score *= MODALITY_FACTOR.get(modality, 1.0)
    if found.head.dep_ in BACKGROUND_DEPS or _temporal_background(found.head):
        score *= BACKGROUND_FACTOR
    if _habitual(found.head):
        score *= HABITUAL_FACTOR
    if region == "comment":
        score *= 0.8  # a reader's claim is weaker evidence than the article's
    return round(max(0.05, min(1.0, score)), 2)


def _temporal_background(head) -> bool:
    """An act that only dates another ("five years after crowds burned down its embassy", "since
    hostilities began"): background to the main clause."""
    if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in head.children):
        return True
    return head.dep_ == "pobj" and head.head.lower_ in TEMPORAL_MARKS


def _habitual(verb) -> bool:
    """ "has long accused", "has historically rejected", "for years": a standing stance, not an act."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(
                o.lemma_.lower() in ("year", "decade") and o.tag_ == "NNS" for o in child.children):
            return True
    return False


def _rank_repeats(events: list[Event]) -> None:
    """The same act told again later in the article (same type, parties and date) is one event:
    the most confident telling keeps its confidence, the repeats fall below the default threshold."""
    best: dict[tuple, Event] = {}
    for event in events:
        parties: tuple[str, ...] = (event.source or (event.source_text or "").lower(), event.target or (event.target_text or "").lower())
        if event.type in SYMMETRIC_TYPES:
            parties = tuple(sorted(parties))
        key = (event.type, event.region, *parties, event.date)
        kept = best.get(key)
        if kept is None or event.confidence > kept.confidence:
            if kept is not None:
                kept.confidence = round(kept.confidence * REPEAT_FACTOR, 2)
            best[key] = event
        else:
            event.confidence = round(event.confidence * REPEAT_FACTOR, 2)


def _clause_words(sent, found: Found, offset: int) -> tuple[set[int], set[int]]:
    """Document offsets of the words of the trigger's own clause (its verb and the words that
    depend on it without another verb in between): a date there is the event's; and of the
    words under another event noun ("the attack on April 22"): a date there is that event's."""
    verbs = {found.head.i, found.token.i}
    own, others = set(), set()
    for token in sent:
        node = token
        for _ in range(12):
            if node.i in verbs:
                own.add(offset + token.idx)
                break
            if node != token and node.pos_ == "NOUN" and node.lemma_.lower() in NOUN_TRIGGERS:
                others.add(offset + token.idx)
                break
            if node.head == node or (node.pos_ in ("VERB", "AUX") and node != token):
                break
            node = node.head
    return own, others


def _date(doc: Document, start: int, end: int, trigger_start: int, modality: str,
          clause_words: tuple[AbstractSet[int], AbstractSet[int]] = (frozenset(), frozenset())) -> tuple[str | None, str | None]:
    """The date of the event's own sentence (the expression nearest the trigger), else the latest
    one earlier in its paragraph; else the publication day: the event happened on or before it, which
    is stated as such (ON_OR_BEFORE), never as the day itself. A past event is never dated after
    the article that reports it."""
    dated, story_days = _document_dates(doc)
    own, others = clause_words
    inside = [t for t in dated if start <= t.start < end]
    if modality in ("planned", "hypothetical"):  # "expected to respond to the attack on April 22"
        inside = [t for t in inside if not any(t.start <= w < t.end for w in others)]
    if inside:
        best = min(inside, key=lambda t: (not any(t.start <= w < t.end for w in own),
                                          abs(t.start - trigger_start)))
    else:
        paragraph_start = doc.text.rfind("\n", 0, start) + 1
        earlier = [t for t in dated if paragraph_start <= t.start < start]
        if not earlier:
            past = modality not in ("planned", "hypothetical", "threatened")
            return (past and _narrative_day(story_days, start)) or _publication_bound(doc.published)
        best = max(earlier, key=lambda t: t.start)
    value, precision = _week_day(best.value, doc.published) or (best.value, best.precision)  # type: ignore[arg-type]  # dated: has a value
    if modality in ("planned", "hypothetical") or precision in ("week", "weekend"):
        return value, precision
    return _not_after_publication(value, precision, doc.published)  # type: ignore[arg-type]  # dated: has a value


def _document_dates(doc: Document) -> tuple[list, list[tuple[int, str]]]:
    """The document's date expressions that can date an event, and the days its body names
    (position, ISO day; none after publication), worked out once per document."""
    found = doc.scratch.get("event_dates")
    if found is None:
        dated = [t for t in doc.timexes if t.value and t.kind == "DATE"
                 and (ISO_DATE.match(t.value) or ISO_WEEK.match(t.value))]
        days = []
        for timex in dated:
            region = doc.region_at(timex.start)
            if region is None or region.kind != "body" or timex.precision != "day" or not timex.value \
                    or not ISO_DATE.match(timex.value):
                continue
            value, _ = _not_after_publication(timex.value, "day", doc.published)
            if value and len(value) == 10:
                days.append((timex.start, value))
        found = doc.scratch["event_dates"] = (dated, days)
    return found


def _narrative_day(days: list[tuple[int, str]], start: int) -> tuple[str, str] | None:
    """The day the article last named before the event: news tells a story in order, so an undated
    past event belongs to the latest day named in the body before it, else to the day the article
    names most (its main day). Precision NARRATIVE_DAY says the text does not date it itself."""
    before = [value for position, value in days if position < start]
    if before:
        return before[-1], NARRATIVE_DAY
    counts = Counter(value for _, value in days)
    if not counts:
        return None
    return max(counts, key=lambda value: (counts[value], value)), NARRATIVE_DAY


def _week_day(value: str, published: str | None) -> tuple[str, str] | None:
    """A week ("last week": 2025-W19) as its middle day, precision "week" (the current week only
    up to publication); a weekend as its Saturday, precision "weekend"."""
    match = ISO_WEEK.match(value)
    if not match:
        return None
    try:
        monday = Date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None
    if match.group(3):
        return (monday + timedelta(days=5)).isoformat(), "weekend"
    last = monday + timedelta(days=6)
    if published:
        try:
            last = min(last, Date.fromisoformat(published[:10]))
        except ValueError:
            pass
    return (monday + (last - monday) / 2).isoformat(), "week"


def _publication_bound(published: str | None) -> tuple[str | None, str | None]:
    """On or before the publication day; a page dated only by month or year gives that."""
    if not published:
        return None, None
    if len(published) >= 10:
        return published[:10], ON_OR_BEFORE
    return published, _precision(published)


def _not_after_publication(value: str, precision: str | None, published: str | None) -> tuple[str | None, str | None]:
    """A date after the article moved back a year when only its year was guessed ("on March 27" in
    an April article), else dropped."""
    if not published or value[:len(published)] <= published[:len(value)]:
        return value, precision
    if len(value) >= 7:
        earlier = f"{int(value[:4]) - 1}{value[4:]}"
        if earlier[:len(published)] <= published[:len(earlier)]:
            return earlier, precision
    return None, None


def _precision(value: str | None) -> str | None:
    if not value:
        return None
    return {4: "year", 7: "month"}.get(len(value), "day")
