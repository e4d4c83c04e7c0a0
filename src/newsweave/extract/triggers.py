"""Event triggers in a parsed sentence: the verbs, light-verb objects and event nouns that name a
PLOVER event, with its type and mode, before any actor is attached (`find_triggers`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (APPEAL_NOUNS, ATTACK_OPERATION_MODIFIERS, BLAME_WORDS, BLAST_VERBS, BLAST_WORDS,
                      EXERCISE_NOUNS, EXPLOSIVE_WORDS, JUDGING_TYPES,
                      FRAMING_TYPES, LIGHT_VERB_OVERRIDES, LIGHT_VERBS, NOUN_TRIGGERS,
                      OBSTRUCT_VERBS, ON_NOUNS, PHRASAL_TRIGGERS, PREP_OBJECT_TRIGGERS,
                      PROTESTER_VERBS, PROTESTER_WORDS, UNDER_NOUNS, VERB_OBJECT_OVERRIDES,
                      VERB_TRIGGERS, WALKOUT_MODIFIERS, WORKER_WORDS, verb_trigger)
from .modality import CLAIM_NOUNS, DENIAL_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependency labels of a verb's objects.
OBJECT_DEPS = ("dobj", "dative", "attr")
# Participles that describe a state when they modify a noun ("units armed with drones",
# "forces backed by Turkey"): a relation, not an event of that sentence.
STATE_PARTICIPLES = frozenset({"arm", "back", "support", "fund", "equip", "train", "link",
                               "affiliate", "ally", "base", "station", "supply", "finance"})
# Auxiliaries of obligation: "X said Y must do Z" is X's demand on Y (PLOVER REQUEST).
OBLIGATION_AUXILIARIES = frozenset({"must", "should"})
# Measure words whose "of" phrase holds the event ("launched ten days of war games").
MEASURE_WORDS = frozenset({"day", "week", "month", "hour", "series", "round", "wave", "spate",
                           "string", "number", "couple", "dozen", "week-end", "weekend",
                           "state"})  # "declared a state of emergency"
# Verbs whose direct object is what is given, not who receives it ("sent 200 troops to X"):
# only a proper name there is a recipient ("supplied the GNA").
THING_GIVING_VERBS = frozenset({"send", "give", "provide", "deliver", "ship", "donate",
                                "contribute", "airlift", "dispatch", "allocate", "pay", "return",
                                # offers and loans: "offered its troops to X", "pledged aid to X"
                                "offer", "promise", "pledge", "lend", "loan", "grant", "sell"})
# Things sent that are messages, not aid ("sent a letter to Putin", "a letter sent to Putin").
MESSAGE_WORDS = frozenset({"letter", "message", "note", "email", "e-mail", "cable", "telegram",
                           "signal", "invitation", "greeting", "greetings", "condolence", "condolences"})
# Generic event heads named by their modifier ("launched a mediation effort", "a bombing campaign").
EFFORT_WORDS = frozenset({"effort", "campaign", "mission", "operation", "initiative", "process", "bid"})
# Verbs that stop what their object names: stopping talks, mediation or aid reduces relations.
HALTING_VERBS = frozenset({"end", "halt", "suspend", "abandon", "stop", "cancel", "freeze", "terminate"})
HALTED_TYPES = frozenset({"CONSULT", "COOPERATE", "AID"})
# Denying a claim against oneself is a statement (CAMEO 016 "deny responsibility"), which
# CAMEO2PLOVER leaves uncoded: "X rejected accusations that ...".
DENYING_VERBS = frozenset({"reject", "deny", "dismiss", "refute", "rebuff", "rebut"})
# Verbs that press a point: pressing "the need for" something asks for it.
EMPHASIS_VERBS = frozenset({"emphasize", "emphasise", "stress", "underline", "underscore", "reiterate",
                            "highlight"})
# Verbs that, declined or refused, are only a refusal to talk to the press ("declined to comment").
NO_COMMENT_VERBS = frozenset({"comment", "elaborate", "speculate", "disclose", "identify"})
# Verbs that are an event only with something given ("contributed troops", not "contributed to").
OBJECT_REQUIRED_VERBS = frozenset({"contribute", "give", "return"})  # "returned to Honduras" gives nothing
# Types of acts that stay events when judged ("condemned the killing").
JUDGED_TYPES = frozenset({"ASSAULT"})
# Speech verbs whose clause reports the subject's own words ("Iraq said it would allow ...").
# Verbs of talking that, said of two parties together, are talks between them.
CONVERSING_VERBS = frozenset({"speak", "talk", "converse"})
SPEECH_VERBS = frozenset({"say", "announce", "state", "declare", "tell", "add", "indicate",
                          "confirm", "insist", "reiterate", "write", "quote"})

# Verbs whose "in" phrase names the event their subject takes part in ("participated in the
# talks", "engaged in fighting", "acted in coordination with"); "take" only with "part".
PARTICIPATING_VERBS = frozenset({"participate", "engage", "join", "act", "work", "operate"})
# Expressions of condolence ("expressed condolences to X over Y"): statements, with no event.
CONDOLENCE_NOUNS = frozenset({"condolence", "condolences", "sympathy", "sympathies", "sorrow", "grief"})
CONDOLENCE_VERBS = frozenset({"express", "offer", "extend", "send", "convey", "voice", "pass"})
# Preposition + event noun that make an adverbial of another event, not an event of its own
# ("flew strike missions in support of OIR", "died in defence of the island").
ADVERBIAL_EVENT_NOUNS = frozenset({("in", "support"), ("in", "defense"), ("in", "defence"),
                                   ("in", "backing"), ("in", "favour"), ("in", "favor")})
# Event nouns that name an event only with one of these prepositions ("opposition to the plan");
# alone they name a group ("the Algerian opposition").
PREP_REQUIRED_NOUNS = {"opposition": frozenset({"to", "against"})}
# Threat nouns and the verbs that describe something as one ("X is a threat to Y", "X poses a
# threat", "the threat posed by X"): a description, not a threat made (PLOVER THREATEN).
DESCRIBED_THREAT_NOUNS = frozenset({"threat", "menace", "danger"})
STATE_VERBS = frozenset({"be", "pose", "represent", "constitute", "remain", "present", "become",
                         "face", "see", "consider", "view", "regard", "perceive", "counter", "meet",
                         "address", "tackle", "combat", "confront", "assess", "reduce", "eliminate"})
# Verbs that with an object mean "show" ("these actions demonstrate a disregard for X").
SHOWING_VERBS = frozenset({"demonstrate", "manifest"})
# Verbs that with "as" only say what something is ("camps that serve as departure points").
DESCRIBING_AS_VERBS = frozenset({"serve", "function"})
# Words that make a deployment peacekeeping, and where they may stand (object, its phrases, "as").
PEACEKEEPING_WORDS = frozenset({"peacekeeper", "peacekeeping", "peace-keeping", "peacekeepers",
                                "blue-helmet"})
PEACEKEEPING_DEPS = frozenset({"dobj", "nsubjpass", "prep", "oprd"})


@dataclass
class Found:
    """A trigger with its type before actors are attached."""

    token: Token  # the word whose lemma signalled the event
    head: Token  # the verb carrying the arguments (the light verb, or the trigger itself)
    kind: str
    mode: str | None
    how: str  # verb | noun | cameo


def find_triggers(sent) -> list[Found]:
    """The sentence's triggers: verbs first (a light verb consumes its event noun), then event nouns."""
    found: list[Found] = []
    consumed = _condoled(sent)
    for token in sent:
        if token.i in consumed:
            continue
        if token.pos_ in ("VERB", "AUX"):
            if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in STATE_PARTICIPLES:
                continue
            if token.dep_ == "amod" and token.tag_ in ("VBG", "VBN"):
                continue  # "a supporting role", "the attacking side": a description, not an event
            hit = verb_found(token)
            if hit is None:
                continue
            if hit.token != token:
                consumed.add(hit.token.i)
            if not _framed(token):
                found.append(_peacekeeping(hit))
    found = [f for f in found if not _answered_by_means(f, found)]
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
            continue
        hit = _noun_trigger(token)
        if hit is None or _noun_governed(token) or _not_event_noun(token, hit[0]):
            continue
        found.append(_peacekeeping(Found(token, token, hit[0], hit[1], "noun")))
    return found


# Verbs of answering an act, which name no act of their own when the means is said.
RESPONSE_VERBS = frozenset({"retaliate", "respond", "react", "reply", "hit"})


def _answered_by_means(response: Found, found: list[Found]) -> bool:
    """ "Pakistan retaliated by shutting its airspace": the act is the closure (its own
    trigger), not a second, unnamed attack."""
    verb = response.token
    if verb.lemma_.lower() not in RESPONSE_VERBS:
        return False
    means = {c for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "by"
             for c in prep.children if c.dep_ == "pcomp"}
    means |= {c for m in means for c in m.children if c.dep_ == "conj"}
    return any(other.token in means for other in found)


def _condoled(sent) -> set[int]:
    """Words of an expression of condolence and of what it is over ("expressed condolences to the
    families of farmers who were killed", "offered his condolences over an attack"): a statement
    (CAMEO 018), so neither the expressing verb nor the loss it mentions is an event."""
    words = set()
    for noun in sent:
        if noun.lemma_.lower() not in CONDOLENCE_NOUNS:
            continue
        objects = [noun] + [c for c in noun.children if c.dep_ == "conj"]
        verb = noun.head
        while verb.dep_ == "conj" and verb.head.lemma_.lower() not in CONDOLENCE_VERBS and verb.head != verb:
            verb = verb.head  # "extends deep condolences and regret"
        if noun.dep_ not in ("dobj", "conj") or verb.lemma_.lower() not in CONDOLENCE_VERBS:
            continue
        words.add(verb.i)
        words.update(t.i for o in objects for t in o.subtree)
        words.update(t.i for c in verb.children if c.dep_ in ("prep", "dative") for t in c.subtree)
    return words


def _peacekeeping(found: Found) -> Found:
    """Troops deployed as peacekeepers are protection provided (CAMEO 074 -> AID), not a show of
    force: "deployed 300 troops to the UN peacekeeping mission", "the deployment of peacekeepers"."""
    if found.kind != "MOBILIZE":
        return found
    words = {t.lemma_.lower() for c in found.token.children if c.dep_ in PEACEKEEPING_DEPS for t in c.subtree}
    if found.token != found.head:
        words |= {t.lemma_.lower() for c in found.head.children if c.dep_ in PEACEKEEPING_DEPS
                  for t in c.subtree}
    return Found(found.token, found.head, "AID", None, found.how) if words & PEACEKEEPING_WORDS else found


def _noun_trigger(token):
    """The trigger of an event noun: "a general strike" is a walkout, "strikes" alone attacks."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and lemma != "ceasefire":
        return None
    if lemma == "strike":
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        if modifiers & WALKOUT_MODIFIERS:
            return ("PROTEST", "hunger" if "hunger" in modifiers else "boycott")
    if is_exercise(token):
        joint = any(c.lower_ in ("joint", "combined") for c in token.children)
        return ("COOPERATE", None) if joint else ("MOBILIZE", "troops")
    if lemma == "fire" and token.i >= 2 and token.doc[token.i - 1].text == "-" and \
            token.doc[token.i - 2].lower_ == "cease":
        # "a cease-fire" split by the tokenizer; declared alone it is a retreat (lexicon.py)
        unilateral = (token.head.lemma_.lower(), "cease-fire") in LIGHT_VERB_OVERRIDES
        return ("RETREAT", "ceasefire") if unilateral else ("AGREE", "ceasefire")
    if lemma in EFFORT_WORDS:  # "a mediation effort", "a bombing campaign": the modifier names it
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.lemma_.lower() in NOUN_TRIGGERS:
                return NOUN_TRIGGERS[child.lemma_.lower()]
    if lemma == "operation" and any(c.lower_ in ATTACK_OPERATION_MODIFIERS for c in token.children
                                    if c.dep_ in ("amod", "compound")):
        return ("ASSAULT", None)  # "a military operation against X"; a rescue operation is none
    if lemma in APPEAL_NOUNS and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in token.children):
        return ("REQUEST", None)  # "calls for a ceasefire", "an appeal to X for calm"
    if lemma == "call" and not (any(c.dep_ == "prep" and c.lower_ in ("with", "to", "between") for c in token.children)
                                or any(c.lower_ in ("phone", "telephone", "video") for c in token.children)):
        return None  # "echoed the call", "a frantic call from his family": no talks between parties
    return NOUN_TRIGGERS.get(lemma)


def _verb_lemma(token) -> str:
    """The verb's lemma, mended when the tagger's lemma is no known verb but a plain
    de-inflection of the word is ("staged" lemmatised as "stag")."""
    lemma = token.lemma_.lower()
    if lemma in VERB_TRIGGERS or lemma in LIGHT_VERBS:
        return lemma
    word = token.lower_
    for cut, add in (("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("s", ""), ("ied", "y")):
        if word.endswith(cut) and len(word) > len(cut) + 2:
            guess = word[: -len(cut)] + add
            if guess in VERB_TRIGGERS or guess in LIGHT_VERBS:
                return guess
    return lemma


# Words that make calling or describing something a condemnation ("called the strikes an act of
# war", "described the attack as unprovoked").
CONDEMNING_WORDS = frozenset({"unprovoked", "regrettable", "war", "aggression", "cowardly", "illegal",
                              "blatant", "heinous", "provocation", "provocative", "violation", "barbaric",
                              "unacceptable", "irresponsible", "reckless", "terrorism", "terrorist",
                              "criminal", "crime", "atrocity", "hostile", "shameful", "baseless", "false"})
CHARACTERISING_VERBS = frozenset({"call", "describe", "term", "brand", "label", "characterize",
                                  "characterise", "dub"})
# Adverbs that make responding an armed reply ("responded forcefully").
FORCE_ADVERBS = frozenset({"forcefully", "strongly", "decisively", "militarily", "firmly", "befittingly",
                           "resolutely", "swiftly", "robustly", "appropriately"})


# Verbs of leaving: asking someone to leave the country is an expulsion.
LEAVING_VERBS = frozenset({"leave", "depart", "quit", "exit"})
# What is given that is only words ("gave contradictory accounts", "gave details").
ACCOUNT_WORDS = frozenset({"account", "detail", "interview", "speech", "answer", "explanation",
                           "assurance", "update", "briefing", "version", "statement", "reason",
                           "impression", "indication", "signal", "sense", "example", "figure",
                           "evidence", "proof", "information", "data", "insight", "view", "opinion"})
# What is given that is no material help ("gave birth", "a free hand", "granted authority").
GRANTED_NON_AID = frozenset({"birth", "choice", "chance", "opportunity", "authority", "hand", "power",
                             "mandate", "coverage", "briefing", "lecture", "talk", "reason", "go-ahead",
                             "nod", "credit", "warning", "time", "boost", "voice", "name", "life"})
# Wars counted ("fought two wars") sum up a history.
WAR_WORDS = frozenset({"war", "conflict", "battle", "round", "skirmish"})
# People sent to talk: sending them is a visit, not aid ("sent delegations to global capitals").
ENVOY_WORDS = frozenset({"delegation", "minister", "envoy", "diplomat", "emissary", "representative",
                         "negotiator", "mediator", "adviser", "advisor", "secretary"})
# Projectiles that, sent or fired into a place, are an attack, not a delivery.
PROJECTILE_WORDS = frozenset({"drone", "missile", "rocket", "shell", "bomb", "projectile", "jet",
                              "warplane", "fighter"})
INTO_PLACE_PREPS = frozenset({"into", "over", "across", "at", "in", "towards", "toward"})


def _questioned(token) -> bool:
    """ "When asked about X", "asked if the deal was coming", "Asked in the Oval office, X said"."""
    children = list(token.children)
    if any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "if", "whether") for c in children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "about" for c in children):
        return True
    if any(c.dep_ in ("ccomp", "advcl") and any(m.lower_ in ("if", "whether", "why", "how", "what", "when")
                                               for m in c.children if m.dep_ in ("mark", "advmod")) for c in children):
        return True
    return token.tag_ == "VBN" and token.dep_ in ("advcl", "ccomp") and not any(c.dep_ == "auxpass" for c in children)


def _projectiles_at_a_place(token) -> bool:
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not any(o.lemma_.lower() in PROJECTILE_WORDS for o in objects):
        return False
    preps = [c for c in token.children if c.dep_ == "prep"] + [c for o in objects for c in o.children if c.dep_ == "prep"]
    return any(p.lower_ in INTO_PLACE_PREPS and not any(o.lower_ == "to" for o in [p]) for p in preps) and \
        not any(p.lower_ == "to" for p in preps)


def _sets_off_explosive(verb) -> bool:
    """ "set off a car bomb", "the charges were set off by X"; not "set off for Cairo"."""
    children = list(verb.children)
    return any(c.dep_ == "prt" and c.lower_ == "off" for c in children) and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EXPLOSIVE_WORDS for c in children)


def _blasted(verb) -> bool:
    """ "a car bomb explosion damaged the bank", "the bus was damaged by a blast"."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(d.lemma_.lower() in BLAST_WORDS | EXPLOSIVE_WORDS for d in doers)


def _condemning(token) -> bool:
    """ "called India's strikes 'regrettable'", "described the attack as unprovoked"."""
    for child in token.children:
        if child.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr") or (child.dep_ == "prep" and child.lower_ == "as"):
            if any(t.lemma_.lower() in CONDEMNING_WORDS for t in child.subtree):
                return True
    return False


def verb_found(token) -> Found | None:
    lemma = _verb_lemma(token)
    if lemma == "ask" and _questioned(token):
        return None  # "when asked about the reports, X said": a question put to X, no demand
    if lemma == "ask" and any(c.dep_ == "xcomp" and c.lemma_.lower() in LEAVING_VERBS for c in token.children):
        return Found(token, token, "SANCTION", "expel", "verb")  # "asked the diplomat to leave"
    if lemma in ("accept", "admit") and any(c.dep_ == "ccomp" for c in token.children) \
            and not any(c.dep_ == "xcomp" for c in token.children):
        return None  # "accepted that shells landed": an admission, not an agreement
    if lemma in ("give", "provide", "offer") and any(
            o.lemma_.lower() in ACCOUNT_WORDS for o in token.children if o.dep_ in OBJECT_DEPS):
        return None  # "gave contradictory accounts", "did not provide evidence": words, not aid
    if lemma in ("give", "grant", "provide", "offer", "deliver", "hand") and any(
            o.lemma_.lower() in GRANTED_NON_AID for o in token.children if o.dep_ in OBJECT_DEPS):
        return None  # "gave birth", "giving residents a choice", "granted authority", "delivers coverage"
    if lemma in ("fight", "wage") and any(o.dep_ == "dobj" and o.lemma_.lower() in WAR_WORDS
                                          and any(c.dep_ == "nummod" for c in o.children) for o in token.children):
        return None  # "have fought three wars over Kashmir": a history, not an event
    if lemma in ("send", "dispatch") and any(o.lemma_.lower() in ENVOY_WORDS for o in token.children
                                             if o.dep_ in OBJECT_DEPS):
        return Found(token, token, "CONSULT", "visit", "verb")  # "sent their foreign ministers to Delhi"
    if lemma in ("send", "fire", "launch") and _projectiles_at_a_place(token):
        return Found(token, token, "ASSAULT", "aerial", "verb")  # "sent drones into Kashmir"
    if lemma in CHARACTERISING_VERBS and _condemning(token):
        return Found(token, token, "ACCUSE", "disapprove", "verb")
    if lemma == "respond" and any(c.dep_ == "advmod" and c.lower_ in FORCE_ADVERBS for c in token.children):
        return Found(token, token, "ASSAULT", None, "verb")  # "will respond strongly": an armed reply
    if lemma in DENIAL_VERBS and any(c.dep_ == "ccomp" for c in token.children):
        return None  # "denied that X attacked": the attack is the event, marked denied
    if (lemma == "set" and _sets_off_explosive(token)) or (lemma in BLAST_VERBS and _blasted(token)):
        return Found(token, token, "ASSAULT", "explosives", "verb")
    under = _under_noun(token)
    if under is not None:
        return under
    if token.pos_ == "AUX":
        return None
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    for child in token.children:
        if child.dep_ == "prep":
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                idiom = PREP_OBJECT_TRIGGERS.get((lemma, child.lower_, obj.lemma_.lower()))
                if idiom:
                    return Found(token, token, idiom[0], idiom[1], "verb")
        if child.dep_ in ("prt", "prep") and (lemma, child.lower_) in PHRASAL_TRIGGERS and not _dated(child):
            kind, mode = PHRASAL_TRIGGERS[(lemma, child.lower_)]
            return Found(token, token, kind, mode, "verb")
    if lemma in DENYING_VERBS and any(o.lemma_.lower() in CLAIM_NOUNS for o in objects):
        # "rejected the accusations", "refuted Pakistan's claims": a denial of what another party
        # said is a rejection of that party, as analysts code it (the denied act stays denied)
        return Found(token, token, "REJECT", None, "verb")
    if lemma in EMPHASIS_VERBS and any(o.lemma_.lower() == "need" for o in objects):
        return Found(token, token, "REQUEST", None, "verb")  # "emphasised the need for de-escalation"
    if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_VERBS
                                              for c in token.children):
        return None  # "declined to comment": no refusal of anything between parties
    if lemma in HALTING_VERBS:  # "ended mediation efforts", "halted talks": CAMEO 164/165/166
        for obj in objects:
            hit = _noun_trigger(obj)
            if hit is not None and hit[1] == "visit" and lemma in ("end", "terminate"):
                return None  # "ended a three-day trip": a visit over; a cancelled one is a sanction
            if hit is not None and hit[0] in HALTED_TYPES:
                return Found(obj, token, "SANCTION", None, "light")
    if lemma in ("call", "phone", "ring") and any(o.dep_ == "dobj" and o.pos_ == "PROPN" for o in objects) \
            and not any(c.dep_ in ("oprd", "ccomp", "attr") for c in token.children):
        return Found(token, token, "CONSULT", "phone", "verb")  # "Netanyahu called Morrison"
    if lemma in ("call", "appeal", "press", "push") and any(for_clause(c) for c in token.children):
        return Found(token, token, "REQUEST", None, "verb")  # "called for both sides to exercise restraint"
    if lemma in CONVERSING_VERBS and _parties_together(token):
        return Found(token, token, "CONSULT", "phone", "verb")  # "India and Pakistan spoke on Monday"
    if lemma in SPEECH_VERBS and _obligation(token):
        return Found(token, token, "REQUEST", None, "verb")
    if (lemma in SPEECH_VERBS or lemma == "hold") and _blame(token):
        return Found(token, token, "ACCUSE", "allege", "verb")
    if lemma in PROTESTER_VERBS and any(c.dep_ == "nsubj" and _protesters(c) for c in token.children):
        kind, mode = PROTESTER_VERBS[lemma]
        return Found(token, token, kind, mode, "verb")
    if lemma in LIGHT_VERBS:
        for obj in [o for head in objects for o in (head, *_noun_conjuncts(head), *_measured(head))]:
            noun = obj.lemma_.lower()
            hit = LIGHT_VERB_OVERRIDES.get((lemma, noun)) or _noun_trigger(obj)
            if hit:
                return Found(obj, token, hit[0], hit[1], "light")
        if lemma not in VERB_TRIGGERS:
            override = next((VERB_OBJECT_OVERRIDES[(lemma, w)] for o in objects
                             for w in (o.lemma_.lower(), o.lower_)
                             if (lemma, w) in VERB_OBJECT_OVERRIDES), None)
            return Found(token, token, override[0], override[1], "verb") if override else None
    if lemma in ("allow", "grant") and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                    for m in c.children) for c in token.children):
        return None  # "allowed that Mordor is no pleasant place": a concession of a point, no event
    if lemma in THING_GIVING_VERBS and any(n.lemma_.lower() in MESSAGE_WORDS
                                           for n in objects + ([token.head] if token.dep_ == "acl" else [])):
        return None  # a letter sent is a message, not aid
    if lemma in DESCRIBING_AS_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return None  # "serve as a base": a description, not cooperation
    if lemma in SHOWING_VERBS and (objects or any(c.dep_ == "ccomp" for c in token.children)):
        return None  # "these strikes demonstrate that commitment": a showing, not a protest
    if lemma in ("help", "assist") and any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in token.children):
        return None  # "helped to broker a ceasefire": the helped act is the event
    if lemma == "release" and any(o.lemma_.lower() in MESSAGE_WORDS | {"statement", "video", "report", "footage"}
                                  for o in objects):
        return None  # "released a statement": a statement, not a release of anyone
    if lemma in OBJECT_REQUIRED_VERBS and not objects:
        return None  # "the visit will contribute to peace" gives nothing
    hit = verb_trigger(lemma, [w for o in objects for w in (o.lemma_, o.lower_)])
    if hit is None:
        return None
    (kind, mode), curated = hit
    children = list(token.children)
    if lemma == "protest" and any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in children):
        kind, mode = "ACCUSE", "disapprove"  # "protested that ...", "protested to X": a complaint
    if lemma == "strike" and any(c.dep_ == "nsubj" and c.lemma_.lower() in WORKER_WORDS for c in children):
        kind, mode = "PROTEST", "boycott"  # "teachers struck": a walkout
    if lemma in OBSTRUCT_VERBS and any(c.dep_ == "nsubj" and c.lemma_.lower() in PROTESTER_WORDS for c in children):
        kind, mode = "PROTEST", "obstruct"  # "protesters blocked the highway"
    return Found(token, token, kind, mode, "verb" if curated else "cameo")


def for_clause(clause) -> bool:
    """A clause "for X to do Y" (the parse marks "for" on the clause's verb)."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def _parties_together(verb) -> bool:
    """An intransitive "spoke"/"talked" whose subject is two parties ("India and Pakistan",
    "officials from both countries", "the two sides"): they spoke with each other, not to the press."""
    if any(c.dep_ in ("prep", "dobj", "ccomp", "xcomp") and c.lower_ not in ("on", "via", "over", "by", "for", "at", "in")
           for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "xcomp":  # "officers ... were reported to have spoken"
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        if any(c.dep_ == "conj" or c.lower_ in ("both", "two") for c in subject.children):
            return True
        owners = [o for p in subject.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                  for o in p.children if o.dep_ == "pobj"]
        if any(c.dep_ == "conj" or c.lower_ in ("both", "two") for o in owners for c in o.children):
            return True
    return False


def _dated(prep) -> bool:
    """ "called Morrison on Wednesday": a preposition of time, not a phrasal verb's particle."""
    return prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")
                                       for o in prep.children)


def _protesters(token) -> bool:
    """ "protesters", "thousands of demonstrators"."""
    for _ in range(3):
        if token.lemma_.lower() in PROTESTER_WORDS:
            return True
        inner = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]
        if not inner:
            return False
        token = inner[0]
    return False


def _blame(verb) -> bool:
    """ "X said Y was responsible for the attack", "X held Y accountable"."""
    clauses = [verb] if verb.lemma_.lower() == "hold" else [c for c in verb.children if c.dep_ == "ccomp"]
    for clause in clauses:
        for child in clause.children:
            if child.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "advcl") and child.lower_ in BLAME_WORDS:
                return any(c.dep_ in ("nsubj", "dobj") and c.pos_ != "PRON" for c in clause.children)
            if child.dep_ == "prep" and child.lower_ == "behind" and clause.lemma_ == "be":
                return any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children)
    return False


def _obligation(verb) -> bool:
    """ "X said Y must ensure security": a clause of obligation with its own named subject."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        children = list(clause.children)
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUXILIARIES for c in children) and any(
                c.dep_ == "nsubj" and c.pos_ != "PRON" for c in children):
            return True
    return False


def _measured(token) -> list:
    """ "ten days of war games" -> "games"."""
    if token.lemma_.lower() not in MEASURE_WORDS:
        return []
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children if o.dep_ == "pobj"]


def _noun_conjuncts(token) -> list:
    """Coordinated nouns of an object ("artillery, mortar and rocket fire")."""
    found = []
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ == "NOUN":
            found.append(child)
            found.extend(_noun_conjuncts(child))
    return found


def _under_noun(token) -> Found | None:
    """ "came under attack", "was put under investigation": the noun is the event (the subject
    suffers it); "went on strike": the noun is the event (the subject does it)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "on":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in ON_NOUNS:
                    hit = _noun_trigger(obj)
                    if hit is None or hit[0] == "ASSAULT":
                        hit = ON_NOUNS[obj.lemma_.lower()]
                    return Found(obj, token, hit[0], hit[1], "noun")
        if child.dep_ == "prep" and child.lower_ == "under":
            for obj in child.children:
                lemma = obj.lemma_.lower()
                if obj.dep_ == "pobj" and lemma in UNDER_NOUNS and lemma in NOUN_TRIGGERS:
                    kind, mode = NOUN_TRIGGERS[lemma]
                    return Found(obj, token, kind, mode, "noun")
    return None


def _framed(token) -> bool:
    """A verb framed by "agreed to", "threatened to", "demanded that": not its own event."""
    if token.dep_ not in ("xcomp", "ccomp"):
        return False
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in DENIAL_VERBS:
        return False  # coded with modality "denied"
    head = VERB_TRIGGERS.get(_verb_lemma(token.head))
    return head is not None and head[0] in FRAMING_TYPES


def _not_event_noun(token, kind: str) -> bool:
    """An event noun used in no event sense: "in support of X" (an adverbial of another event),
    "a support role" (a modifier), "X is a threat to Y" / "the threat posed by X" (a description),
    "the Algerian opposition" (a group, unless it is opposition to something)."""
    lemma = token.lemma_.lower()
    head = token.head
    if token.dep_ == "pobj" and (head.lower_, lemma) in ADVERBIAL_EVENT_NOUNS:
        return True
    if token.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in NOUN_TRIGGERS \
            and head.lemma_.lower() not in EFFORT_WORDS:
        return True
    if lemma in PREP_REQUIRED_NOUNS and not any(
            c.dep_ == "prep" and c.lower_ in PREP_REQUIRED_NOUNS[lemma] for c in token.children):
        return True
    if kind == "THREATEN" and lemma in DESCRIBED_THREAT_NOUNS:
        if token.dep_ in ("attr", "dobj", "oprd") and head.lemma_.lower() in STATE_VERBS:
            return True
        if token.dep_ == "pobj" and head.lower_ == "as":
            return True  # "seen as a threat"
        if any(c.dep_ == "acl" and c.lemma_.lower() in STATE_VERBS for c in token.children):
            return True  # "the threat posed by X"
    return False


def _noun_governed(token) -> bool:
    """An event noun that is the object of a trigger verb ("demanded a truce") is not its own event."""
    head = token.head
    if token.dep_ == "pobj":
        if head.lower_ == "in" and takes_part(head.head):
            return False  # "X took part in the strikes": the strikes are the event, X's
        head = head.head
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ == "VERB":
        lemma = _verb_lemma(head)
        if lemma in VERB_TRIGGERS and VERB_TRIGGERS[lemma][0] in JUDGING_TYPES \
                and NOUN_TRIGGERS.get(token.lemma_.lower(), ("",))[0] in JUDGED_TYPES:
            return False  # "condemned the murder of X": the murder happened, and is an event too
        if lemma in VERB_TRIGGERS or lemma in LIGHT_VERBS:
            return True
    return False


def takes_part(verb) -> bool:
    """ "took part in", "participated in", "acted in": a verb whose "in" phrase names the event."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in verb.children)
    return lemma in PARTICIPATING_VERBS


def is_exercise(token) -> bool:
    """ "exercises", "drills", "war games"."""
    lemma = token.lemma_.lower()
    return lemma in EXERCISE_NOUNS or (lemma == "game" and any(c.lower_ == "war" for c in token.children))
