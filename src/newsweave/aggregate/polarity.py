"""What each PLOVER event type and modality says about alignment: the named data that relations,
sides and contradictions share. Change a value here, not in the logic."""

from __future__ import annotations

COOPERATIVE = "cooperative"
CONFLICTUAL = "conflictual"

# Polarity of each PLOVER type (PLOVER's own verbal/material cooperation vs conflict split).
# INVESTIGATE says nothing about alignment, so it has no polarity and makes no relation.
POLARITY = {
    "AGREE": COOPERATIVE, "CONSULT": COOPERATIVE, "SUPPORT": COOPERATIVE, "CONCEDE": COOPERATIVE,
    "COOPERATE": COOPERATIVE, "AID": COOPERATIVE, "RETREAT": COOPERATIVE, "REQUEST": COOPERATIVE,
    "ACCUSE": CONFLICTUAL, "REJECT": CONFLICTUAL, "THREATEN": CONFLICTUAL, "PROTEST": CONFLICTUAL,
    "SANCTION": CONFLICTUAL, "MOBILIZE": CONFLICTUAL, "COERCE": CONFLICTUAL, "ASSAULT": CONFLICTUAL,
}

# How strongly one event of a type places two actors on the same (+) or opposite (-) sides.
# Meeting or asking is weak evidence (rivals talk too); arming is strong; open fighting is the
# line that defines a conflict, so one report of it outweighs one report of support.
ALIGNMENT = {
    "SUPPORT": 1.0, "AID": 1.0, "COOPERATE": 0.8, "AGREE": 0.5, "CONCEDE": 0.2, "RETREAT": 0.1,
    "CONSULT": 0.2, "REQUEST": 0.2,
    "ASSAULT": -1.5, "COERCE": -0.8, "SANCTION": -0.7, "THREATEN": -0.6, "MOBILIZE": -0.4,
    "ACCUSE": -0.4, "REJECT": -0.3, "PROTEST": -0.3,
}

# Types whose source and target play the same role: one relation per pair, either way round.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# Types that, cooperative, say "X is on Y's side" (not just talking).
TAKING_SIDES = frozenset({"SUPPORT", "AID", "COOPERATE"})

# Cooperative contact that takes no side: the vocabulary of mediation (talks, deals, requests,
# ceasefires, concessions).
TALKS = frozenset({"CONSULT", "AGREE", "REQUEST", "RETREAT", "CONCEDE"})

# How much an event of each modality counts as evidence for a relation. A denied, negated or
# hypothetical event is not support ("Moscow denied arming Haftar"); a planned one half counts
# (an announced delivery still shows alignment); an unknown modality counts as reported.
MODALITY_WEIGHT = {
    "asserted": 1.0, "reported": 1.0, "unknown": 1.0, "planned": 0.5,
    "hypothetical": 0.0, "denied": 0.0, "negated": 0.0,
}

# Modalities that deny an event: against an asserted report of it, a contradiction.
DENIALS = frozenset({"denied", "negated"})
ASSERTIONS = frozenset({"asserted", "reported"})

# Entity types that can be a party to a relation (places, weapons and platforms cannot).
ACTOR_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY"})


def type_label(type_: str, mode: str | None) -> str:
    """"AID/military": the PLOVER type, mode-qualified when the event has a mode."""
    return f"{type_}/{mode}" if mode else type_


def evidence_weight(confidence: float | None, modality: str | None) -> float:
    return float(confidence if confidence is not None else 0.5) * MODALITY_WEIGHT.get(modality or "unknown", 1.0)


# ---- material ties: what may put an actor on a side ------------------------------------------
# Sides come only from fighting, arming and deploying with or against someone. Talks,
# mediation, praise, accusations, requests, humanitarian or economic aid and sanctions by third
# parties say what an actor thinks, not which camp it fights or arms for.
ALLY, ENEMY = 1, -1

# Coercion by force; bans, restrictions and censorship are measures (sanction-like), not force.
NON_MATERIAL_COERCE_MODES = frozenset({"ban", "restrict", "censor"})

# AID modes that arm or back a party; no mode is unspecified backing ("receiving support from
# Egypt and the UAE"). Humanitarian and economic aid take no side.
MATERIAL_AID_MODES = frozenset({"military", None, ""})

# SUPPORT triggers that mean backing a party ("bolster Haftar", "supported by Turkey"), as
# opposed to praise, thanks, recognition or a signed deal.
BACKING_TRIGGERS = ("support", "back", "bolster", "defend", "prop up", "arm")

# COOPERATE triggers of joint military action (the extractor gives COOPERATE no mode for it).
MILITARY_COOPERATION_TRIGGERS = ("fought alongside", "fight alongside", "fighting alongside", "joint",
                                 "ally", "allied", "alliance", "coordinated strike", "coordinated attack")


def _starts(trigger: str | None, words: tuple[str, ...]) -> bool:
    text = (trigger or "").lower()
    return any(text.startswith(word) for word in words)


def material_tie(type_: str, mode: str | None, trigger: str | None, has_target: bool) -> int:
    """ALLY (fights, arms or backs with), ENEMY (fights, coerces or deploys against) or 0."""
    if type_ == "ASSAULT" or (type_ == "COERCE" and mode not in NON_MATERIAL_COERCE_MODES):
        return ENEMY
    if type_ == "MOBILIZE":
        return ENEMY if has_target else 0
    if type_ == "AID":
        return ALLY if mode in MATERIAL_AID_MODES else 0
    if type_ == "SUPPORT":
        return ALLY if _starts(trigger, BACKING_TRIGGERS) else 0
    if type_ == "COOPERATE":
        return ALLY if mode == "military" or _starts(trigger, MILITARY_COOPERATION_TRIGGERS) else 0
    return 0
