"""PLOVER events from the parsed sentences: who did what to whom, when, where, as whose claim.

Reads `scratch["parses"]`, `regions`, `mentions`, `timexes`, `places`, `published`.
Adds `events`. Triggers are verbs and event nouns from `lexicon.py`; actors come from the
dependency parse (`actors.py`), attribution and modality from their own modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from ..document import Document, Event, Place
from ..settings import Settings
from .actors import Actor, ActorFinder, MentionIndex
from .attribution import Attributor
from .lexicon import (AERIAL_WORDS, FRAMING_TYPES, LIGHT_VERB_OVERRIDES, LIGHT_VERBS,
                      MILITARY_OBJECTS, NOUN_TRIGGERS, SYMMETRIC_TYPES, VERB_TRIGGERS, verb_trigger)
from .modality import DENIAL_VERBS, modality_of

# Regions whose sentences can hold events (titles repeat the body; boilerplate holds none).
EVENT_REGION_KINDS = ("body", "comment")

# Dependency labels of a verb's arguments.
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
OBJECT_DEPS = ("dobj", "dative", "attr")
# Prepositions that introduce the one acted upon ("met with X", "aid to X", "attack on X").
TARGET_PREPS = frozenset({"with", "to", "against", "on", "for", "into", "toward", "towards", "at"})
# Prepositions that place an event ("in eastern Libya", "at the air base", "near the border").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "off"})
# Mention types that name where a talk or attack happened rather than who took part.
PLACE_ONLY_TYPES = frozenset({"LOCATION", "FACILITY"})
# Light verbs whose subject receives what the noun names ("took delivery of", "received aid from").
RECEIVING_VERBS = frozenset({"receive", "take", "get", "obtain", "accept"})
# Types whose giver may be named only as an origin ("shipped arms from Turkey").
ORIGIN_SOURCE_TYPES = frozenset({"AID", "MOBILIZE"})
# Verbs whose object-of-"in" noun is an event the subject took part in ("took part in the strikes").
PARTICIPATION_VERBS = frozenset({"take", "join", "participate", "engage"})

# Calendar dates only: "PRESENT_REF" or week values say nothing about the day of an event.
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Confidence by how the event was found (see `_confidence`).
CONFIDENCE = {"verb": 0.9, "noun": 0.7, "cameo": 0.55}
MODALITY_FACTOR = {"hypothetical": 0.6, "negated": 0.7, "denied": 0.7, "planned": 0.85}


@dataclass
class Found:
    """A trigger with its type before actors are attached."""

    token: object  # the word whose lemma signalled the event
    head: object  # the verb carrying the arguments (the light verb, or the trigger itself)
    kind: str
    mode: str | None
    how: str  # verb | noun | cameo


class EventExtractor:
    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.events = []
        mentions = MentionIndex(doc)
        attributor = Attributor()
        for index, parsed in doc.scratch.get("parses", []):
            region = doc.regions[index]
            if region.kind not in EVENT_REGION_KINDS:
                continue
            finder = ActorFinder(doc, mentions, region.start)
            if region.kind == "comment":
                attributor = Attributor()  # a commenter does not inherit the article's sources
            for sent in parsed.sents:
                doc.events.extend(_sentence_events(doc, region, sent, finder, attributor))
        return doc


def _sentence_events(doc, region, sent, finder, attributor) -> list[Event]:
    sentence_attribution = attributor.for_sentence(sent)
    events, seen = [], set()
    for found in _triggers(sent):
        source_actors, target_actors = _arguments(found, finder)
        if not source_actors and not target_actors:
            continue
        if found.how == "cameo" and not (source_actors and target_actors):
            continue  # the generated lexicon is too loose to trust without a full dyad
        attribution = attributor.for_trigger(found.head, sentence_attribution)
        noun_head = found.head if found.head != found.token else None
        modality = modality_of(found.token, attributed=attribution is not None, noun_head=noun_head)
        mode = _mode(found, sent)
        for source, target in _pairs(found.kind, source_actors, target_actors):
            key = (found.kind, source and source.text, target and target.text)
            if key in seen:
                continue
            seen.add(key)
            events.append(_event(doc, region, sent, found, source, target, mode,
                                 attribution, modality, finder.offset))
    return events


def _triggers(sent) -> list[Found]:
    found: list[Found] = []
    consumed = set()
    for token in sent:
        if token.pos_ == "VERB":
            hit = _verb_found(token)
            if hit is None:
                continue
            if hit.token != token:
                consumed.add(hit.token.i)
            if not _framed(token):
                found.append(hit)
    for token in sent:
        if token.pos_ != "NOUN" or token.i in consumed:
            continue
        hit = NOUN_TRIGGERS.get(token.lemma_.lower())
        if hit is None or _noun_governed(token):
            continue
        found.append(Found(token, token, hit[0], hit[1], "noun"))
    return found


def _verb_found(token) -> Found | None:
    lemma = token.lemma_.lower()
    if lemma in DENIAL_VERBS and any(c.dep_ == "ccomp" for c in token.children):
        return None  # "denied that X attacked": the attack is the event, marked denied
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if lemma in LIGHT_VERBS:
        for obj in objects:
            noun = obj.lemma_.lower()
            hit = LIGHT_VERB_OVERRIDES.get((lemma, noun)) or NOUN_TRIGGERS.get(noun)
            if hit:
                return Found(obj, token, hit[0], hit[1], "noun")
        if lemma not in VERB_TRIGGERS:
            return None
    hit = verb_trigger(lemma, [o.lemma_ for o in objects])
    if hit is None:
        return None
    (kind, mode), curated = hit
    return Found(token, token, kind, mode, "verb" if curated else "cameo")


def _framed(token) -> bool:
    """A verb framed by "agreed to", "threatened to", "demanded that": not its own event."""
    if token.dep_ not in ("xcomp", "ccomp"):
        return False
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in DENIAL_VERBS:
        return False  # coded with modality "denied"
    head = VERB_TRIGGERS.get(token.head.lemma_.lower())
    return head is not None and head[0] in FRAMING_TYPES


def _noun_governed(token) -> bool:
    """An event noun that is the object of a trigger verb ("demanded a truce") is not its own event."""
    head = token.head
    if token.dep_ == "pobj":
        head = head.head
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma in VERB_TRIGGERS or lemma in LIGHT_VERBS:
            return True
    return False


def _arguments(found: Found, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    if found.how == "noun" and found.head == found.token:
        return _noun_arguments(found.token, finder)
    verb = found.head
    sources, targets = _verb_subjects(verb, finder)
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child != found.token:
            targets.extend(finder.actors(child))
            targets.extend(_owned(child, finder))
        elif child.dep_ == "agent":
            sources.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            targets.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
    if not targets:
        targets.extend(_deeper_targets(verb, found, finder))
    if found.token != verb:  # light verb: "held talks with X", "signed a deal with X"
        noun_sources, noun_targets = _noun_arguments(found.token, finder)
        targets.extend(noun_targets)
        if verb.lemma_.lower() in RECEIVING_VERBS:  # "X received support from Y": Y gives to X
            sources, targets = _origins(verb, finder) + [a for a in noun_sources if a.named], sources
    elif not sources and found.kind in ORIGIN_SOURCE_TYPES:
        sources.extend(_origins(verb, finder))
    return _distinct(sources), [t for t in _distinct(targets) if all(t.text != s.text for s in sources)]


def _verb_subjects(verb, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) from the subject: the passive subject is the one acted upon."""
    node = verb
    for _ in range(3):
        sources, targets = [], []
        for child in node.children:
            child = _antecedent(child, node)
            if child.dep_ in SUBJECT_DEPS:
                sources.extend(finder.actors(child))
                if child.lower_ in ("they", "he", "she") and node.dep_ == "ccomp":
                    sources.extend(_reporter(node, finder))
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                # an active conjunct sharing a passive subject ("was met and visited X") acts
                inherited_active = node != verb and verb.tag_ != "VBN"
                (sources if inherited_active else targets).extend(finder.actors(child))
        if sources or targets or node.dep_ not in ("xcomp", "conj", "advcl") or node.head == node:
            return sources, targets
        node = node.head
    return [], []


def _deeper_targets(verb, found: Found, finder: ActorFinder) -> list[Actor]:
    """Targets one step down: "demanded that X ...", "threatened to cut power to X",
    "threatened action against X"."""
    targets = []
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and found.kind in FRAMING_TYPES:
            for grand in child.children:
                if grand.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
                    targets.extend(finder.actors(grand))
                elif grand.dep_ == "prep" and grand.lower_ in TARGET_PREPS:
                    targets.extend(a for o in grand.children if o.dep_ == "pobj" for a in finder.actors(o))
        elif child.dep_ in OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
            holders = [child] if child.dep_ in OBJECT_DEPS else [o for o in child.children if o.dep_ == "pobj"]
            for holder in holders:
                for prep in holder.children:
                    if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS | {"of"}:
                        for obj in (o for o in prep.children if o.dep_ == "pobj"):
                            targets.extend(finder.actors(obj))
    return targets


def _origins(verb, finder: ActorFinder) -> list[Actor]:
    """ "from Turkey's Samsun": the origin of a delivery, read as its giver (the owner if one is named)."""
    found = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                owners = [c for c in obj.children if c.dep_ == "poss"]
                found.extend(a for o in (owners or [obj]) for a in finder.actors(o))
    return found


def _antecedent(child, verb):
    """The noun a relative pronoun stands for ("the GNA, which is supported by Turkey")."""
    if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        return _Renamed(verb.head, child.dep_)
    return child


class _Renamed:
    """A token seen under another dependency label (a relative clause's antecedent)."""

    def __init__(self, token, dep):
        self._token, self.dep_ = token, dep

    def __getattr__(self, name):
        return getattr(self._token, name)


def _reporter(verb, finder: ActorFinder) -> list[Actor]:
    """ "X said they hit Y": the pronoun stands for the one who said it."""
    head = verb.head
    return [a for c in head.children if c.dep_ in SUBJECT_DEPS for a in finder.actors(c)]


def _owned(token, finder: ActorFinder) -> list[Actor]:
    """An actor that owns a non-actor object ("Lebanon's president", "bases of Russia")."""
    return [a for child in token.children if child.dep_ == "poss" for a in finder.actors(child)]


def _noun_arguments(noun, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    sources, targets = [], []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and finder.actor(child)):
            sources.extend(a for a in finder.actors(child) if a.type not in PLACE_ONLY_TYPES)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            sources.extend(a for o in child.children if o.dep_ == "pobj" for a in finder.actors(o))
        elif child.dep_ == "prep" and child.lower_ == "between":
            pair = [a for o in child.children if o.dep_ == "pobj" for a in finder.actors(o)]
            sources.extend(pair[:1])
            targets.extend(pair[1:])
        elif child.dep_ == "prep" and child.lower_ == "of":
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                owner = finder.actor(obj)
                if owner is not None and owner.named:
                    sources.append(owner)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS and child.lower_ != "at":
            targets.extend(a for o in child.children if o.dep_ == "pobj" for a in finder.actors(o))
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in PARTICIPATION_VERBS:
        sources.extend(_verb_subjects(head.head, finder)[0])
    elif noun.dep_ in ("dobj",) and head.pos_ == "VERB":
        sources.extend(_verb_subjects(head, finder)[0])
    return _distinct(sources), [t for t in _distinct(targets) if all(t.text != s.text for s in sources)]


def _distinct(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if all(actor.start != a.start for a in out):
            out.append(actor)
    return out


def _pairs(kind: str, sources: list[Actor], targets: list[Actor]):
    """Source-target pairs: one event per actor, or per pair of coordinated actors for symmetric types."""
    if kind in SYMMETRIC_TYPES and len(sources) > 1 and not targets:
        yield from combinations(sources, 2)
        return
    for source in sources or [None]:
        for target in targets or [None]:
            yield source, target


def _mode(found: Found, sent) -> str | None:
    words = {t.lemma_.lower() for t in found.head.subtree} | {found.token.lemma_.lower()}
    if found.kind == "AID" and words & MILITARY_OBJECTS:
        return "military"
    if found.kind == "ASSAULT":
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
    date, precision = _date(doc, start, end, trigger_start)
    return Event(
        type=found.kind, mode=mode,
        source=source.entity if source else None, target=target.entity if target else None,
        source_text=source.text if source else None, target_text=target.text if target else None,
        date=date, date_precision=precision,
        place=_place(doc, start, end, found, offset, [a for a in (source, target) if a]),
        sentence=stripped, start=start, end=end, region=region.kind,
        attribution=attribution, modality=modality,
        confidence=_confidence(found, source, target, modality, region.kind),
        trigger=doc.text[trigger_start:trigger_end], trigger_start=trigger_start,
        trigger_end=trigger_end,
    )


def _confidence(found: Found, source, target, modality: str, region: str) -> float:
    score = CONFIDENCE[found.how]
    if source is None or target is None:
        score -= 0.15
    if source is not None and not source.named:
        score -= 0.05
    score *= MODALITY_FACTOR.get(modality, 1.0)
    if region == "comment":
        score *= 0.8  # a reader's claim is weaker evidence than the article's
    return round(max(0.05, min(1.0, score)), 2)


def _date(doc: Document, start: int, end: int, trigger_start: int) -> tuple[str | None, str | None]:
    """A resolved time expression in the sentence (nearest the trigger), else the publication date."""
    inside = [t for t in doc.timexes if start <= t.start < end and t.value and t.kind == "DATE"
              and ISO_DATE.match(t.value)]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - trigger_start))
        return best.value, best.precision
    return doc.published, doc.published_precision or _precision(doc.published)


def _precision(value: str | None) -> str | None:
    if not value:
        return None
    return {4: "year", 7: "month"}.get(len(value), "day")


def _place(doc, start, end, found, offset, actors) -> Place | None:
    token = found.head
    try:
        from ..annotate.places import event_place  # type: ignore[attr-defined]
    except ImportError:
        event_place = None
    if event_place is not None:
        try:
            return event_place(doc, start, end, token)
        except Exception:  # a failing resolver must not lose the event
            pass
    return _own_place(doc, found, offset, actors)


def _own_place(doc, found, offset, actors) -> Place | None:
    """A locative attached to the trigger ("in eastern Libya"), not an origin or an actor's name."""
    heads = [found.head, found.token]
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPS:
                continue
            for obj in child.subtree:
                if obj.dep_ != "pobj" and obj != child:
                    continue
                pos = offset + obj.idx
                if any(a.start <= pos < a.end for a in actors):
                    continue
                place = _place_at(doc, pos, pos + len(obj.text))
                if place is not None:
                    return place
    return None


def _place_at(doc: Document, start: int, end: int) -> Place | None:
    for place in doc.places:
        if place.start is not None and place.start < end and start < (place.end or place.start):
            return place
    for mention in doc.mentions:
        if mention.type in ("COUNTRY", "LOCATION", "FACILITY") and mention.start < end and start < mention.end:
            return Place(mention.name or mention.text, None, None, mention.country,
                         mention.start, mention.end)
    return None
