"""How PLOVER codes a stated intention: announcing a cooperative act commits (AGREE), announcing
a hostile one threatens, refusing one rejects (`coded_stance`).
"""

from __future__ import annotations

from .triggers import Found, SPEECH_VERBS, verb_found

# Cooperative types: announcing one ("will visit", "is ready to send troops") is a commitment,
# coded AGREE (CAMEO 03 "express intent to cooperate" -> PLOVER AGREE); refusing one
# ("would not meet demands") is coded REJECT.
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# Hostile types: announcing one ("is prepared to impose martial law") is a threat (CAMEO 13).
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# Words that mark a stated intention of the subject: future auxiliaries and readiness.
INTENT_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
INTENT_HEADS = frozenset({"ready", "prepared", "willing", "poised", "offer"})
# Conjunctions that make an announced action a threat ("will withdraw unless Y ...").
ULTIMATUM_MARKS = frozenset({"unless"})
# Conditions that make a possible hostile action a threat ("may halt mediation if ...").
CONDITION_MARKS = frozenset({"if", "unless"})


def coded_stance(found: Found, modality: str, attributed: bool) -> tuple[str, str]:
    """The type as PLOVER codes a stated intention: "will withdraw unless ..." threatens,
    "will visit", "is ready to send troops" commit (AGREE), "would not meet the demands" refuses
    (REJECT). The statement itself is what happened, so its modality is asserted or reported."""
    said = "reported" if attributed else "asserted"
    verb = found.head
    if found.kind != "THREATEN" and modality in ("planned", "hypothetical") and _ultimatum(verb):
        return "THREATEN", said
    if found.kind in HOSTILE_TYPES and modality in ("planned", "hypothetical") and \
            _ultimatum(verb, CONDITION_MARKS):
        return "THREATEN", said  # "may halt mediation if the talks founder", "would strike if"
    if found.kind == "AGREE" and found.token == verb and _frames_hostile(verb):
        return "THREATEN", modality  # "vowed to crush the rebels" is a threat, not a commitment
    if modality == "negated" and found.kind in COOPERATIVE_TYPES | {"AGREE"} and any(
            c.dep_ == "aux" and c.lower_ in INTENT_AUXILIARIES for c in verb.children):
        return "REJECT", said  # "X will not release the prisoners", "won't accept": a refusal
    if not _intent(verb, attributed):
        return found.kind, modality
    if found.kind in COOPERATIVE_TYPES:
        if modality == "negated":
            return "REJECT", said
        if modality in ("planned", "hypothetical"):
            return "AGREE", said
    if found.kind in HOSTILE_TYPES and modality in ("planned", "hypothetical"):
        return "THREATEN", said
    return found.kind, modality


# Verbs of retribution: vowing them is a threat ("vowed to pursue the attackers", "to punish").
RETRIBUTION_VERBS = frozenset({"pursue", "punish", "avenge", "retaliate", "hunt", "crush", "eliminate",
                               "respond", "teach", "destroy", "wipe", "defeat", "revenge"})


# Nouns of force that, vowed or promised, make a threat ("vowed military action", "promised retaliation").
RETRIBUTION_NOUNS = frozenset({"action", "retaliation", "response", "revenge", "retribution", "reprisal",
                               "strike", "attack", "punishment", "consequence"})


def _frames_hostile(verb) -> bool:
    if any(c.dep_ == "dobj" and c.lemma_.lower() in RETRIBUTION_NOUNS for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            if child.lemma_.lower() in RETRIBUTION_VERBS:
                return True
            hit = verb_found(child)
            if hit is not None and hit.kind in HOSTILE_TYPES:
                return True
    return False


def _ultimatum(verb, marks: frozenset = ULTIMATUM_MARKS) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                          for m in c.children) for c in verb.children)


QUOTE_MARKS = frozenset('"“‘\'«')


def _intent(verb, attributed: bool) -> bool:
    """An intention the actor states: "is prepared to lift", "said it would allow", or an
    attributed "will visit". A narrator's own "will" is a forecast, left as planned."""
    node = verb
    quoted = verb.sent.text.lstrip()[:1] in QUOTE_MARKS  # a quoted sentence is someone's words
    for _ in range(4):
        spoken = attributed or quoted or (node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS)
        for child in node.children:
            if child.dep_ == "aux" and spoken and (child.lower_ in INTENT_AUXILIARIES or child.lower_ == "would"):
                return True
        if node.dep_ == "xcomp" and (node.head.lower_ in INTENT_HEADS or node.head.lemma_.lower() in INTENT_HEADS):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            return False
        node = node.head
    return False
