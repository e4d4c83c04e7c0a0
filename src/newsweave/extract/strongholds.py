"""An attack on a place the text calls someone's stronghold is an attack on that actor.

"a large attack on the Libyan capital, Tripoli, the stronghold of the GNA" targets the GNA:
the place is named only as the ground the actor holds. The rule follows appositions from the
place to a stronghold noun and takes the holder in its "of" phrase.
"""

from __future__ import annotations

# Nouns that present a place as an actor's own ground.
STRONGHOLD_NOUNS = frozenset({
    "stronghold", "bastion", "base", "headquarters", "seat", "heartland", "fiefdom", "redoubt",
})

# Event types whose target moves from a held place to its holder (hostile acts against a side).
HOLDER_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})

# How many appositions deep to look ("the capital, Tripoli, the stronghold of X": two).
MAX_APPOSITION_DEPTH = 3


def holder_of(place):
    """The token heading the holder named for `place` ("Y" in "P, the stronghold of Y"), or None."""
    frontier = [place]
    for _ in range(MAX_APPOSITION_DEPTH + 1):
        following = []
        for token in frontier:
            if token.lemma_.lower() in STRONGHOLD_NOUNS:
                for prep in token.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for holder in prep.children:
                            if holder.dep_ == "pobj":
                                return holder
            following.extend(child for child in token.children if child.dep_ == "appos")
        frontier = following
        if not frontier:
            return None
    return None
