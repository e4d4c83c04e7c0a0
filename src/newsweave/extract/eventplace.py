"""Where an event happened: the most specific place in a locative phrase of its trigger.

"landed at the air base of Sidi Barrani in the Western Desert" -> Sidi Barrani: naming edges
("of", apposition, compound) keep the place, each further preposition ("in", "near") or owner
("East Timor's capital Dili") reaches a larger one around it. Falls back on the place
resolver's choice for the sentence (`annotate.places.event_place`).
"""

from __future__ import annotations

from bisect import bisect_left

from ..annotate.places import event_place, names_something
from ..document import Document, Place
from .lexicon import NOUN_TRIGGERS

# Prepositions that place an event ("in eastern Libya", "at the air base", "near the border").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "off"})


def event_place_of(doc, start, end, found, offset, actors) -> Place | None:
    """The most specific place in a locative phrase of the trigger ("at the air base of X in
    the Y desert" -> X), else the place resolver's choice for the sentence."""
    own = _own_place(doc, found, offset, actors)
    if own is not None:
        return own
    try:
        return event_place(doc, start, end, found.head)
    except Exception:  # a failing resolver must not lose the event
        return None


# Edges inside a locative phrase that name the same place ("the air base of X", "the town X")
# rather than a larger one around it ("in the Western Desert").
NAMING_DEPS = frozenset({"compound", "appos", "amod", "nmod"})


def place_anchors(found) -> list:
    anchors = [found.token, found.head]
    noun = found.head
    if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ == "VERB":
        anchors.append(noun.head)  # "the landing ... was detected at X": the verb carries the place
    if found.head.pos_ == "VERB":  # "exploded bombs in Kabul": the object carries it
        anchors += [c for c in found.head.children if c.dep_ == "dobj"]
        # "A roadside bombing near Samarra killed ...": an event noun as subject carries it too
        anchors += [c for c in found.head.children if c.dep_ in ("nsubj", "nsubjpass")
                    and c.lemma_.lower() in NOUN_TRIGGERS]
    return list(dict.fromkeys(anchors))


def _own_place(doc, found, offset, actors) -> Place | None:
    """A locative attached to the trigger ("in eastern Libya"), not an origin or an actor's name:
    among the places in the phrase, the one fewest containers away from its head."""
    for head in place_anchors(found):
        best, best_rank = None, 0  # a named place, else a common-noun one ("a village")
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPS:
                continue
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                for rank, token in place_tokens(obj):
                    pos = offset + token.idx
                    if any(a.start <= pos < a.end and a.type != "THING" for a in actors):
                        continue
                    place = _place_at(doc, pos, pos + len(token.text))
                    if place is None:
                        continue
                    named = _is_named(place)
                    # "an attack on a village in the province of Herat": Herat, though further
                    if best is None or (named, -rank) > (_is_named(best), -best_rank):
                        best, best_rank = place, rank
        if best is not None:
            return best
    return None


def _is_named(place: Place) -> bool:
    """A place with a name ("Herat"), not only a common noun ("a village", "the town")."""
    return place.lat is not None or place.country is not None or names_something(place.name or "")


def place_tokens(obj):
    """Tokens of a locative phrase with their rank: naming edges and "of" cost nothing, each
    further preposition ("in the desert", "near the border") one."""
    ranked, frontier = [], [(0, obj)]
    while frontier:
        rank, token = frontier.pop(0)
        ranked.append((rank, token))
        for child in token.children:
            if child.dep_ in NAMING_DEPS:
                frontier.append((rank, child))
            elif child.dep_ == "poss":  # "East Timor's capital Dili": the owner contains it
                frontier.append((rank + 1, child))
            elif child.dep_ == "prep":
                cost = 0 if child.lower_ == "of" else 1
                frontier.extend((rank + cost, o) for o in child.children if o.dep_ == "pobj")
    return sorted(ranked, key=lambda pair: (pair[0], pair[1].pos_ != "PROPN", pair[1].i))


def _place_at(doc: Document, start: int, end: int) -> Place | None:
    places, mentions = _place_index(doc)
    for items in (places, mentions):
        starts = items[0]
        index = bisect_left(starts, start) - 1
        for place in items[1][max(index, 0):index + 4 if index >= 0 else 3]:
            if place.start < end and start < (place.end or place.start + 1):
                return place
    return None


def _place_index(doc: Document):
    """Places and place mentions of a document sorted by start, built once per document."""
    key = "_event_place_index"
    cached = doc.scratch.get(key)
    if cached is not None and cached[0] == (len(doc.places), len(doc.mentions)):
        return cached[1]
    places = sorted((p for p in doc.places if p.start is not None), key=lambda p: p.start or 0)
    mentions = sorted((Place(m.name or m.text, None, None, m.country, m.start, m.end)
                       for m in doc.mentions if m.type in ("COUNTRY", "LOCATION", "FACILITY")),
                      key=lambda p: p.start or 0)  # mentions always have one
    index = (([p.start for p in places], places), ([p.start for p in mentions], mentions))
    doc.scratch[key] = ((len(doc.places), len(doc.mentions)), index)
    return index
