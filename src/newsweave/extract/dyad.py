"""Who "the two countries", "both sides" and "each other" stand for.

News about a conflict between two states names them once and then writes "the two nuclear-armed
neighbours", "both sides", "the rivals", "expelled each other's diplomats". Such a phrase stands
for the document's dyad: its two most-mentioned states, when the second is mentioned nearly as
often as the first (an article about one state and its many partners has no dyad).
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Document
from ..kb import knowledge_base
from .actors import Actor

# "the two countries", "both sides", "the nuclear-armed neighbours", "the arch-rivals".
DYAD_PHRASE = re.compile(
    r"^(?:the\s+)?(?:(?:two|both)\s+(?:[\w-]+\s+){0,2}(?:countries|nations|sides|neighbou?rs|rivals|"
    r"states|powers|governments|armies|militaries|capitals|adversaries)|"
    r"(?:[\w-]+\s+){0,2}(?:neighbou?rs|rivals|arch-rivals|foes|adversaries))$", re.I)
# "officials from both countries", "the leaders of the two nations": people of the dyad's states.
DYAD_OWNER = re.compile(r"(?:^|\b)(?:of|in|from)\s+(?:both|the\s+two)\s+(?:[\w-]+\s+)?(?:countries|nations|sides|"
                        r"governments|states|neighbou?rs)\b", re.I)
# "each other", "one another", "each other's diplomats".
RECIPROCAL = re.compile(r"\b(?:each\s+other|one\s+another)(?:['’]s?)?\b|^other['’]s\b", re.I)
# Armed-forces words: "both armies" stands for the two states' forces.
ARMY_WORDS = re.compile(r"\b(?:armies|militaries|troops|forces|soldiers)\b", re.I)
# The second state must be mentioned at least this share as often as the first.
DYAD_BALANCE = 0.3
DYAD_MIN_MENTIONS = 2


def document_dyad(doc: Document) -> tuple[Actor, Actor] | None:
    """The document's two main states as actors (text = their names), or None."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for mention in doc.mentions:
        if mention.region != "body" or mention.type != "COUNTRY" or not mention.kb_id:
            continue
        counts[mention.kb_id] += 1
        names.setdefault(mention.kb_id, mention.name or mention.text)
    ranked = counts.most_common(2)
    if len(ranked) < 2 or ranked[1][1] < max(DYAD_MIN_MENTIONS, DYAD_BALANCE * ranked[0][1]):
        return None
    kb = knowledge_base()
    actors = []
    for kb_id, _ in ranked:
        entry = kb.get(kb_id)
        name = entry.name if entry else names[kb_id]
        actors.append(Actor(text=name, start=0, end=0, entity=kb_id, country=entry.country if entry else None,
                            named=True, type="COUNTRY"))
    return actors[0], actors[1]


def stands_for_dyad(actor: Actor, following: str = "") -> bool:
    """ "the two countries", "both sides", or people "from both countries" (`following`: the text
    after the phrase, where the parser may have left the "from" phrase out of it)."""
    text = actor.text.strip()
    return bool(DYAD_PHRASE.match(text) or DYAD_OWNER.search(text) or DYAD_OWNER.match(following.lstrip()))


def is_reciprocal(actor: Actor) -> bool:
    return bool(RECIPROCAL.search(actor.text))


def placed(actor: Actor, like: Actor) -> Actor:
    """The dyad member `actor`, spanning the phrase `like` stood at."""
    return Actor(text=actor.text, start=like.start, end=like.end, entity=actor.entity, country=actor.country,
                 named=True, type=actor.type)
