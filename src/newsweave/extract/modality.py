"""Modality of an event: asserted, reported, planned, denied, hypothetical or negated.

Read from the trigger's own auxiliaries and negation and from the words that govern it
("denied that", "is planning to", "if"). Word lists are named data below.
"""

from __future__ import annotations

# Governing verbs that deny what they frame ("denied that X armed Y").
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})
# Nouns of a claim against someone: what their "that" clause says is denied with them
# ("denied charges that his government had helped the rebels").
CLAIM_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "report", "responsibility",
                         "involvement", "suggestion", "rumor", "rumour"})

# Auxiliaries and governing words of a future or intended event.
PLAN_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
PLAN_VERBS = frozenset({"plan", "intend", "prepare", "set", "expect", "schedule", "aim", "seek",
                        "mean", "want", "hope", "decide", "agree", "promise", "pledge", "vow",
                        "ready", "going", "propose", "consider", "attempt", "try", "threaten"})
PLAN_ADJECTIVES = frozenset({"ready", "prepared", "set", "due", "poised", "willing", "likely"})

# Auxiliaries and markers of a possible or conditional event.
HYPOTHETICAL_AUXILIARIES = frozenset({"could", "may", "might", "would", "should", "can", "must"})
HYPOTHETICAL_MARKERS = frozenset({"if", "unless", "whether", "possible", "possibly", "perhaps",
                                  "maybe", "reportedly_if"})

# Nouns whose infinitive clause is only a possibility ("ways to battle terrorism", "the ability to
# defend Raqqah"); any other noun's infinitive is an aim ("efforts to destroy X", "a plan to").
POSSIBILITY_NOUNS = frozenset({"way", "means", "ability", "capacity", "capability", "chance",
                               "opportunity", "option", "right", "power", "need", "necessity",
                               "possibility", "potential", "freedom", "authority", "mandate",
                               "responsibility", "duty", "obligation", "time", "place", "tool",
                               "resource", "resources", "method", "methods", "measure", "measures",
                               "step", "steps", "work"})

# Verbs that press or bring someone to do something ("urged X to talk", "getting the two sides to
# talk"): the act they aim at is not told done. "get" only as an aim itself (non-finite).
URGING_VERBS = frozenset({"encourage", "persuade", "push", "press", "convince", "urge", "ask", "invite"})
# Nouns of an aim: "the goal was to get them to talk".
AIM_NOUNS = frozenset({"aim", "goal", "purpose", "objective", "intention", "mission", "task", "idea", "plan"})

# Negation words on the trigger or its argument ("did not", "never", "no agreements").
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


def modality_of(trigger, *, attributed: bool, noun_head=None) -> str:
    """The modality of the event signalled by `trigger` (a spaCy token)."""
    verb = noun_head if noun_head is not None else trigger
    if _governed_by(verb, DENIAL_VERBS, deps=("ccomp",)) or _denied_claim(verb):
        return "denied"
    if _negated(trigger) or (noun_head is not None and _negated(noun_head)):
        return "negated"
    if _hypothetical(verb) or _asked(verb):
        return "hypothetical"
    if _planned(verb):
        return "planned"
    purpose = _purpose(verb)
    if purpose:
        return purpose
    return "reported" if attributed else "asserted"


def _negated(token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ in ("nsubjpass", "dobj") and any(
                c.dep_ == "det" and c.lower_ == "no" for c in child.children):
            return True
    return False


def _hypothetical(token) -> bool:
    node = _clause_verb(token)
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_AUXILIARIES:
                return True
            if child.dep_ in ("mark", "advmod", "amod") and child.lower_ in HYPOTHETICAL_MARKERS:
                return True
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head == node:
            break
        node = node.head
    return False


def _asked(token) -> bool:
    """A direct question ("Where did India hit?", "Will India strike again?") asserts nothing."""
    return token.sent.text.rstrip(" \"'’”").endswith("?")


def _clause_verb(token):
    """The verb whose clause holds a noun in a prepositional phrase ("whether they had acted in
    coordination with X": `acted`), else the token itself."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.dep_ == "prep" \
            and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head
    return token


def _planned(token) -> bool:
    node = token
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in PLAN_AUXILIARIES:
                return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in PLAN_VERBS | PLAN_ADJECTIVES:
            return True
        if node.dep_ == "xcomp" and node.head.lower_ in PLAN_ADJECTIVES:
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            break
        node = node.head
    return False


def _purpose(token) -> str | None:
    """An infinitive that names an aim, not a deed: "met X to discuss Y" and "stands by Iraq to
    defeat Daesh" (a purpose: planned), "efforts to destroy X" (planned), "ways to battle
    terrorism" (a possibility: hypothetical). "continued to receive" stays as it is."""
    node = token
    for _ in range(3):
        infinitive = node.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
        if infinitive and node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            return "hypothetical" if node.head.lemma_.lower() in POSSIBILITY_NOUNS else "planned"
        if infinitive and node.dep_ == "advcl":
            return "planned"
        if infinitive and node.dep_ in ("ccomp", "xcomp") and _urging(node.head):
            return "planned"
        if infinitive and node.dep_ == "xcomp" and node.head.lemma_ == "be" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in AIM_NOUNS for c in node.head.children):
            return "planned"
        if infinitive and node.dep_ == "xcomp" and node.head.pos_ == "ADJ":
            return "hypothetical"  # "it is important to unite", "able to attack"
        if node.dep_ not in ("conj", "xcomp") or node.head == node:
            return None
        node = node.head
    return None


def _urging(verb) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in URGING_VERBS or (lemma == "get" and verb.tag_ in ("VB", "VBG"))


def _denied_claim(token) -> bool:
    """ "rejected accusations that X attacked Y": the clause of a denied claim."""
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        head = node.head
        if node.dep_ in ("acl", "ccomp", "relcl") and head.lemma_.lower() in CLAIM_NOUNS:
            return head.dep_ == "dobj" and head.head.lemma_.lower() in DENIAL_VERBS
        node = head
    return False


def _governed_by(token, lemmas: frozenset, *, deps: tuple[str, ...]) -> bool:
    node = token
    for _ in range(4):
        if node.head == node:
            return False
        if node.dep_ in deps and node.head.lemma_.lower() in lemmas:
            return True
        node = node.head
    return False
