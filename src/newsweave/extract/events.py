"""PLOVER events from the parsed sentences: who did what to whom, when, where, as whose claim.

Reads `scratch["parses"]`, `regions`, `mentions`, `timexes`, `places`, `published`.
Adds `events`. Triggers come from `triggers.py` (verbs and event nouns of `lexicon.py`), their
source and target actors from `arguments.py`, the coding of stated intentions from `stance.py`,
the place from `eventplace.py`, attribution and modality from their own modules; this module
assembles them into events with a date and a confidence.
"""

from __future__ import annotations

import re
from itertools import combinations

from ..document import Document, Event
from ..settings import Settings
from .actors import Actor, ActorFinder, MentionIndex
from .arguments import find_arguments
from .attribution import Attributor
from .eventplace import event_place_of
from .lexicon import AERIAL_WORDS, MILITARY_OBJECTS, SYMMETRIC_TYPES
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
# Confidence by how the event was found (see `_confidence`).
# A light verb with an event noun ("launched an attack") says as much as a verb.
CONFIDENCE = {"verb": 0.9, "light": 0.85, "noun": 0.7, "cameo": 0.55}
MODALITY_FACTOR = {"hypothetical": 0.6, "negated": 0.7, "denied": 0.7, "planned": 0.85}


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
    for found in find_triggers(sent):
        source_actors, target_actors = find_arguments(found, finder)
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
        for source, target in _pairs(found.kind, source_actors, target_actors):
            key = (found.kind, source and source.text, target and target.text)
            if key in seen:
                continue
            seen.add(key)
            events.append(_event(doc, region, sent, found, source, target, mode,
                                 attribution, modality, finder.offset))
    return events


def _holder_instead(target: Actor, sent, finder) -> Actor:
    """A target named only as someone's stronghold gives way to its holder (strongholds.py)."""
    inside = [t for t in sent if target.start <= finder.offset + t.idx < target.end]
    roots = [t for t in inside if t.head not in inside or t.head == t]
    holder = holder_of(roots[0]) if roots else None
    actor = finder.actor(holder) if holder is not None else None
    return actor if actor is not None and actor.named else target


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
    date, precision = _date(doc, start, end, trigger_start)
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
    score = CONFIDENCE[found.how]
    if source is None or target is None:
        score -= 0.15
    if source is not None and not source.named:
        score -= 0.05
    score *= MODALITY_FACTOR.get(modality, 1.0)
    if found.head.dep_ in BACKGROUND_DEPS:
        score *= BACKGROUND_FACTOR
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
