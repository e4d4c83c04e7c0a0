"""PLOVER events from the parsed sentences: who did what to whom, when, where, as whose claim.

Reads `scratch["parses"]`, `regions`, `mentions`, `timexes`, `places`, `published`.
Adds `events`. Triggers are verbs and event nouns from `lexicon.py`; actors come from the
dependency parse (`actors.py`), the place from `eventplace.py`, attribution and modality from
their own modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from ..document import Document, Event
from ..settings import Settings
from .actors import Actor, ActorFinder, MentionIndex
from .attribution import Attributor
from .eventplace import LOCATIVE_PREPS, event_place_of, place_anchors, place_tokens
from .lexicon import (AERIAL_WORDS, ATTACK_OPERATION_MODIFIERS, VERB_OBJECT_OVERRIDES,
                      FRAMING_TYPES, LIGHT_VERB_OVERRIDES, LIGHT_VERBS,
                      MILITARY_OBJECTS, NOUN_TRIGGERS, PHRASAL_TRIGGERS, SYMMETRIC_TYPES,
                      UNDER_NOUNS, VERB_TRIGGERS, WALKOUT_MODIFIERS, APPEAL_NOUNS, ON_NOUNS,
                      WORKER_WORDS, OBSTRUCT_VERBS, PREP_OBJECT_TRIGGERS, PROTESTER_WORDS, EXERCISE_NOUNS, PROTESTER_VERBS, BLAME_WORDS,
                      verb_trigger)
from .modality import DENIAL_VERBS, modality_of

# Regions whose sentences can hold events (titles repeat the body; boilerplate holds none).
EVENT_REGION_KINDS = ("body", "comment")

# Dependency labels of a verb's arguments.
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
OBJECT_DEPS = ("dobj", "dative", "attr")
# Prepositions that introduce the one acted upon ("met with X", "aid to X", "attack on X").
TARGET_PREPS = frozenset({"with", "to", "against", "on", "for", "into", "toward", "towards", "at"})
# Mention types that name where a talk or attack happened rather than who took part.
PLACE_ONLY_TYPES = frozenset({"LOCATION", "FACILITY"})
# Light verbs whose subject receives what the noun names ("took delivery of", "received aid from").
RECEIVING_VERBS = frozenset({"receive", "take", "get", "obtain", "accept"})
# Types whose giver may be named only as an origin ("shipped arms from Turkey").
ORIGIN_SOURCE_TYPES = frozenset({"AID", "MOBILIZE"})
# Verbs whose object-of-"in" noun is an event the subject took part in ("took part in the strikes").
PARTICIPATION_VERBS = frozenset({"take", "join", "participate", "engage"})

# Verbs whose passive form is a stance of its subject ("Israel is opposed to X"): with a "to"
# phrase and no "by" agent, the passive subject acts.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "dedicate", "devote", "resolve"})
# Pronoun subjects of a reported clause that stand for the reporter ("X said it would ...").
REPORTER_PRONOUNS = frozenset({"they", "he", "she", "it"})
# Types whose target may be a thing rather than a party ("blew up power lines", "hit the camp").
THING_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# Dependencies followed when looking inside a non-actor object for the party it belongs to
# ("Serbia's suppression", "calls by Belarus's rulers", "a Security Council resolution").
OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod", "prep", "pobj", "appos", "conj"})
# Prepositions not followed there: places, origins and comparisons are not the one acted upon.
NOT_OWNER_PREPS = LOCATIVE_PREPS | {"from", "than", "like", "as", "during", "after", "before", "since"}
# Nouns whose "from X" names their author, the party a refusal answers ("a demand from X").
AUTHORED_NOUNS = frozenset({"call", "demand", "request", "proposal", "plan", "offer", "appeal",
                            "initiative", "resolution", "ultimatum", "invitation", "order",
                            "statement", "warning", "threat", "accusation", "pressure"})
# Prepositions of a verb whose object may hold the party acted upon ("denounced as a crime X's ...").
OBJECT_PREPS = TARGET_PREPS - {"at"} | {"as", "over", "about", "of"}
# Words for what an attack is made with, never its target ("exploded a series of bombs").
WEAPON_WORDS = frozenset({"bomb", "shell", "missile", "rocket", "grenade", "mortar", "bullet",
                          "round", "fire", "shot", "artillery", "explosive", "device", "weapon",
                          "gun", "barrage", "salvo", "volley", "series", "tear", "teargas", "gas"})
# Verbs that let or make someone act: the subject of their clause is the one acted upon
# ("allowed candidate X to participate", "forced Y to withdraw").
CAUSATIVE_VERBS = frozenset({"allow", "permit", "let", "enable", "help", "force", "compel", "order"})

# Participles that describe a state when they modify a noun ("units armed with drones",
# "forces backed by Turkey"): a relation, not an event of that sentence.
STATE_PARTICIPLES = frozenset({"arm", "back", "support", "fund", "equip", "train", "link",
                               "affiliate", "ally", "base", "station", "supply", "finance"})

# Types done to a territory: with no other target, the place they happen in is the one acted
# upon ("lifted a curfew in Montenegro", "exploded bombs in Kabul"), as PLOVER codes them.
TERRITORIAL_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "THREATEN", "PROTEST",
                               "SANCTION", "AID"})  # "sent troops in Syria": aid to Syria
# Mention types a territorial target can have.
TERRITORY_MENTION_TYPES = frozenset({"COUNTRY", "LOCATION"})

# Auxiliaries of obligation: "X said Y must do Z" is X's demand on Y (PLOVER REQUEST).
OBLIGATION_AUXILIARIES = frozenset({"must", "should"})
# Measure words whose "of" phrase holds the event ("launched ten days of war games").
MEASURE_WORDS = frozenset({"day", "week", "month", "hour", "series", "round", "wave", "spate",
                           "string", "number", "couple", "dozen", "week-end", "weekend",
                           "state"})  # "declared a state of emergency"

# Nouns after "on"/"at" that name an ally, not the one acted upon ("fighting on the side of X",
# "acting on behalf of X").
ALLY_NOUNS = frozenset({"side", "behalf"})
# Subjects that only carry what is given: with an origin named ("an aircraft shipped drones
# from Turkey"), the origin gives.
CARRIER_WORDS = frozenset({"aircraft", "plane", "ship", "vessel", "cargo", "flight", "convoy",
                           "truck", "freighter", "airline", "jet", "helicopter"})

# Verbs whose direct object is what is given, not who receives it ("sent 200 troops to X"):
# only a proper name there is a recipient ("supplied the GNA").
THING_GIVING_VERBS = frozenset({"send", "give", "provide", "deliver", "ship", "donate",
                                "contribute", "airlift", "dispatch", "allocate", "pay"})

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
DENYING_VERBS = frozenset({"reject", "deny", "dismiss", "refute", "rebuff"})
CLAIM_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "report", "responsibility",
                         "involvement", "suggestion", "rumor", "rumour"})
# Verbs that, declined or refused, are only a refusal to talk to the press ("declined to comment").
NO_COMMENT_VERBS = frozenset({"comment", "elaborate", "speculate", "disclose", "identify"})
# Clauses that describe a participant in passing ("the coalition fighting the Houthis declared a
# truce", "a fire that killed ten"): their events are background, ranked below the main clause's.
BACKGROUND_DEPS = frozenset({"acl", "relcl"})
BACKGROUND_FACTOR = 0.85

# Nouns whose participle clause speaks for the one who issued them ("issued a statement urging").
STATEMENT_NOUNS = frozenset({"statement", "letter", "message", "communique", "declaration",
                             "note", "resolution", "report", "release", "tweet", "post"})

# Verbs that bring someone to be addressed: their purpose clause speaks to the object
# ("summoned the ambassador to complain", "called the president to congratulate him").
ADDRESSING_VERBS = frozenset({"summon", "call", "phone", "telephone", "meet", "visit", "invite",
                              "contact", "receive", "write"})

# Mention types of an origin that can be the giver of what a carrier brings.
GIVER_TYPES = frozenset({"COUNTRY", "ORGANIZATION"})

# Verbs that are an event only with something given ("contributed troops", not "contributed to").
OBJECT_REQUIRED_VERBS = frozenset({"contribute", "give", "return"})  # "returned to Honduras" gives nothing

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
# Speech verbs whose clause reports the subject's own words ("Iraq said it would allow ...").
SPEECH_VERBS = frozenset({"say", "announce", "state", "declare", "tell", "add", "indicate",
                          "confirm", "insist", "reiterate", "write", "quote"})

# Calendar dates only: "PRESENT_REF" or week values say nothing about the day of an event.
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Confidence by how the event was found (see `_confidence`).
# A light verb with an event noun ("launched an attack") says as much as a verb.
CONFIDENCE = {"verb": 0.9, "light": 0.85, "noun": 0.7, "cameo": 0.55}
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
        if found.how == "cameo" and not (source_actors and any(t.type != "THING" or t.entity for t in target_actors)):
            continue  # the generated lexicon is too loose to trust without a full dyad
        attribution = attributor.for_trigger(found.head, sentence_attribution)
        noun_head = found.head if found.head != found.token else None
        modality = modality_of(found.token, attributed=attribution is not None, noun_head=noun_head)
        mode = _mode(found, sent)
        kind, modality = _stance(found, modality, attribution is not None)
        if kind == "MOBILIZE" and _exercise(found.token) and len(source_actors) > 1:
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


def _triggers(sent) -> list[Found]:
    found: list[Found] = []
    consumed = set()
    for token in sent:
        if token.pos_ in ("VERB", "AUX"):
            if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in STATE_PARTICIPLES:
                continue
            hit = _verb_found(token)
            if hit is None:
                continue
            if hit.token != token:
                consumed.add(hit.token.i)
            if not _framed(token):
                found.append(hit)
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
            continue
        hit = _noun_trigger(token)
        if hit is None or _noun_governed(token):
            continue
        found.append(Found(token, token, hit[0], hit[1], "noun"))
    return found


def _noun_trigger(token):
    """The trigger of an event noun: "a general strike" is a walkout, "strikes" alone attacks."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and lemma != "ceasefire":
        return None
    if lemma == "strike":
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        if modifiers & WALKOUT_MODIFIERS:
            return ("PROTEST", "hunger" if "hunger" in modifiers else "boycott")
    if lemma in EXERCISE_NOUNS or (lemma == "game" and any(c.lower_ == "war" for c in token.children)):
        joint = any(c.lower_ in ("joint", "combined") for c in token.children)
        return ("COOPERATE", None) if joint else ("MOBILIZE", "troops")
    if lemma == "fire" and token.i >= 2 and token.doc[token.i - 1].text == "-" and \
            token.doc[token.i - 2].lower_ == "cease":
        return ("RETREAT", "ceasefire")  # "a cease-fire" split by the tokenizer
    if lemma in EFFORT_WORDS:  # "a mediation effort", "a bombing campaign": the modifier names it
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.lemma_.lower() in NOUN_TRIGGERS:
                return NOUN_TRIGGERS[child.lemma_.lower()]
    if lemma == "operation" and any(c.lower_ in ATTACK_OPERATION_MODIFIERS for c in token.children
                                    if c.dep_ in ("amod", "compound")):
        return ("ASSAULT", None)  # "a military operation against X"; a rescue operation is none
    if lemma in APPEAL_NOUNS and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in token.children):
        return ("REQUEST", None)  # "calls for a ceasefire", "an appeal to X for calm"
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


def _verb_found(token) -> Found | None:
    lemma = _verb_lemma(token)
    if lemma in DENIAL_VERBS and any(c.dep_ == "ccomp" for c in token.children):
        return None  # "denied that X attacked": the attack is the event, marked denied
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
        return None  # "rejected accusations": CAMEO 016 "deny responsibility", no PLOVER type
    if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_VERBS
                                              for c in token.children):
        return None  # "declined to comment": no refusal of anything between parties
    if lemma in HALTING_VERBS:  # "ended mediation efforts", "halted talks": CAMEO 164/165/166
        for obj in objects:
            hit = _noun_trigger(obj)
            if hit is not None and hit[0] in HALTED_TYPES:
                return Found(obj, token, "SANCTION", None, "light")
    if lemma in ("call", "phone", "ring") and any(o.dep_ == "dobj" and o.pos_ == "PROPN" for o in objects) \
            and not any(c.dep_ in ("oprd", "ccomp", "attr") for c in token.children):
        return Found(token, token, "CONSULT", "phone", "verb")  # "Netanyahu called Morrison"
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


def _stance(found: Found, modality: str, attributed: bool) -> tuple[str, str]:
    """The type as PLOVER codes a stated intention: "will withdraw unless ..." threatens,
    "will visit", "is ready to send troops" commit (AGREE), "would not meet the demands" refuses
    (REJECT). The statement itself is what happened, so its modality is asserted or reported."""
    said = "reported" if attributed else "asserted"
    verb = found.head
    if found.kind != "THREATEN" and modality in ("planned", "hypothetical") and _ultimatum(verb):
        return "THREATEN", said
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


def _frames_hostile(verb) -> bool:
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            hit = _verb_found(child)
            if hit is not None and hit.kind in HOSTILE_TYPES:
                return True
    return False


def _exercise(token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in EXERCISE_NOUNS or (lemma == "game" and any(c.lower_ == "war" for c in token.children))


def _ultimatum(verb) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ULTIMATUM_MARKS
                                          for m in c.children) for c in verb.children)


def _intent(verb, attributed: bool) -> bool:
    """An intention the actor states: "is prepared to lift", "said it would allow", or an
    attributed "will visit". A narrator's own "will" is a forecast, left as planned."""
    node = verb
    for _ in range(4):
        spoken = attributed or (node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS)
        for child in node.children:
            if child.dep_ == "aux" and spoken and (child.lower_ in INTENT_AUXILIARIES or child.lower_ == "would"):
                return True
        if node.dep_ == "xcomp" and (node.head.lower_ in INTENT_HEADS or node.head.lemma_.lower() in INTENT_HEADS):
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            return False
        node = node.head
    return False


def _framed(token) -> bool:
    """A verb framed by "agreed to", "threatened to", "demanded that": not its own event."""
    if token.dep_ not in ("xcomp", "ccomp"):
        return False
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in DENIAL_VERBS:
        return False  # coded with modality "denied"
    head = VERB_TRIGGERS.get(_verb_lemma(token.head))
    return head is not None and head[0] in FRAMING_TYPES


def _noun_governed(token) -> bool:
    """An event noun that is the object of a trigger verb ("demanded a truce") is not its own event."""
    head = token.head
    if token.dep_ == "pobj":
        head = head.head
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and head.pos_ == "VERB":
        lemma = _verb_lemma(head)
        if lemma in VERB_TRIGGERS or lemma in LIGHT_VERBS:
            return True
    return False


def _arguments(found: Found, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    if found.how == "noun" and found.head == found.token:
        sources, targets = _noun_arguments(found.token, finder)
        if not targets:
            targets = _owned_deep(found.token, finder, skip=set(a.start for a in sources))
        if not targets and sources and found.kind in TERRITORIAL_TYPES:
            targets = _territory(found, finder, sources)
        return sources, [t for t in targets if all(t.text != s.text for s in sources)]
    verb = found.head
    if found.token.dep_ == "pobj" and found.token.head.lower_ == "under":
        return _under_arguments(found, finder)
    sources, targets = _verb_subjects(verb, finder)
    giving = verb.lemma_.lower() in THING_GIVING_VERBS
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave money to X"
            targets.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
        elif child.dep_ in OBJECT_DEPS and child != found.token and not (giving and child.pos_ != "PROPN"):
            targets.extend(finder.actors(child))
            targets.extend(_owned(child, finder))
        elif child.dep_ == "agent":
            sources.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS and not _ally_phrase(child):
            targets.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
    if not targets:
        targets.extend(_deeper_targets(verb, found, finder))
    if found.token != verb:  # light verb: "held talks with X", "signed a deal with X"
        noun_sources, noun_targets = _noun_arguments(found.token, finder)
        targets.extend(noun_targets)
        if verb.lemma_.lower() in RECEIVING_VERBS:  # "X received support from Y": Y gives to X
            own = {a.start for a in sources}  # the receiver is not its own giver
            givers = [a for a in noun_sources if a.named and a.start not in own]
            sources, targets = _origins(verb, finder) + givers, sources
    elif found.kind in ORIGIN_SOURCE_TYPES and (not sources or _carried(verb)):
        origins = _origins(verb, finder) or _object_origins(verb, finder)
        if sources:  # a carrier's origin gives only when it can give: a state or an organisation
            origins = [a for a in origins if a.type in GIVER_TYPES]
        sources = origins if origins else sources
    if not targets:
        targets.extend(_object_owners(verb, found, finder, sources))
    if not targets and found.kind == "PROTEST":
        targets.extend(_purpose_targets(verb, finder, sources))
    if not targets and found.token == verb:
        targets.extend(_summoned(verb, finder, sources))
    if found.kind == "RETREAT":  # "withdrew its troops from X": X, not the troops, is the target
        origins = [a for a in _origins(verb, finder) if a.named and all(a.start != s.start for s in sources)]
        if origins and not any(t.named for t in targets):
            targets = origins
    if not targets and sources and found.kind in TERRITORIAL_TYPES and not any(
            c.dep_ == "prep" and _ally_phrase(c) for c in verb.children):
        targets = _territory(found, finder, sources)  # fighting in X on the side of Y: not against X
    return _distinct(sources), [t for t in _distinct(targets) if all(t.text != s.text for s in sources)]


def _territory(found: Found, finder: ActorFinder, sources: list[Actor]) -> list[Actor]:
    """The country or region named in the trigger's locative phrase ("in Montenegro"), for an
    event that names no other target; a framing verb's clause counts ("threatened to ban
    voting in East Jerusalem")."""
    heads = place_anchors(found)
    if found.kind in FRAMING_TYPES:
        heads += [c for h in heads for c in h.children if c.dep_ in ("xcomp", "ccomp")]
        heads += [g for h in heads for g in h.children if g.dep_ == "dobj"]
    skip = {a.country for a in sources if a.country} | {a.entity for a in sources if a.entity}
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "inside", "into", "across", "throughout"):
                continue
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                for _, token in place_tokens(obj):
                    actor = finder.actor(token)
                    if actor is None or not actor.named or actor.type not in TERRITORY_MENTION_TYPES:
                        continue
                    if actor.entity in skip:
                        return []  # acting in one's own country is not acting on it
                    actor.locative = True
                    return [actor]
    return []


def _purpose_targets(verb, finder: ActorFinder, sources: list[Actor]) -> list[Actor]:
    """A protest's target named in its purpose ("rallied to demand reforms by X's government")."""
    skip = {a.start for a in sources}
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp")):
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and clause.dep_ != "xcomp":
            continue
        for child in clause.children:
            if child.dep_ in ("dobj", "dative"):
                found = finder.actors(child) or _owned_deep(child, finder, skip=skip)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                found = [a for o in child.children if o.dep_ == "pobj" for a in finder.actors(o)]
            else:
                continue
            found = [a for a in found if a.start not in skip]
            if found:
                return found
    return []


def _under_arguments(found: Found, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    """ "X came under attack by Y", "X was placed under arrest": X is acted upon, Y acts."""
    verb = found.head
    sources, targets = [], []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("dobj",):
            targets.extend(finder.actors(child))
        elif child.dep_ == "agent":
            sources.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
    noun_sources, _ = _noun_arguments(found.token, finder)
    sources.extend(noun_sources)
    return _distinct(sources), [t for t in _distinct(targets) if all(t.text != s.text for s in sources)]


def _object_owners(verb, found: Found, finder: ActorFinder, sources: list[Actor]) -> list[Actor]:
    """The party a non-actor object belongs to ("denounced Serbia's crackdown", "rejected calls
    by X", "threatened to break relations with X"); for attacks and seizures the object itself
    ("blew up power lines", "hit militant training camps")."""
    skip = {a.start for a in sources}
    heads = [verb]
    if found.kind in FRAMING_TYPES:  # "threatened to break relations with X"
        heads += [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    objects = []
    for head in heads:
        objects += [c for c in head.children if c.dep_ == "dobj" and c != found.token]
        if head == verb and found.token != verb:
            objects.append(found.token)
        objects += [o for c in head.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
                    and not _ally_phrase(c) for o in c.children if o.dep_ == "pobj"]
    for obj in objects:
        imposed = _imposed_on(obj, finder, skip)  # "lifted sanctions imposed on Eritrea"
        if imposed:
            return imposed
        owners = _owned_deep(obj, finder, skip=skip)
        if owners and found.kind in THING_TARGET_TYPES and not owners[0].named and obj != found.token:
            thing = finder.thing(obj)  # "bombed militant camps": the camps, keyed as the militants'
            if thing is not None:
                thing.entity = owners[0].entity
                return [thing]
        if owners:
            return owners
    if found.kind in THING_TARGET_TYPES:
        for obj in objects:
            if obj != found.token and obj.pos_ == "NOUN" and obj.lemma_.lower() not in WEAPON_WORDS:
                thing = finder.thing(obj)
                if thing is not None:
                    return [thing]
    return []


def _summoned(verb, finder: ActorFinder, sources: list[Actor]) -> list[Actor]:
    """ "France summoned the Chinese ambassador to complain": a purpose clause is addressed to
    the object of the verb it serves."""
    if verb.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    if verb.head.lemma_.lower() not in ADDRESSING_VERBS:
        return []
    skip = {a.start for a in sources}
    return [a for c in verb.head.children if c.dep_ == "dobj" for a in finder.actors(c) if a.start not in skip]


def _imposed_on(token, finder: ActorFinder, skip: set) -> list[Actor]:
    """The party a measure was laid on: "the ban imposed on the LTTE", "sanctions against X"."""
    found = []
    for child in token.children:
        preps = [child] if child.dep_ == "prep" and child.lower_ in ("on", "against") else []
        if child.dep_ == "acl" and child.tag_ == "VBN":
            preps = [p for p in child.children if p.dep_ == "prep" and p.lower_ in ("on", "against")]
        found += [a for p in preps for o in p.children if o.dep_ == "pobj" for a in finder.actors(o)
                  if a.start not in skip]
    return found


def _owned_deep(token, finder: ActorFinder, *, skip: set, depth: int = 5) -> list[Actor]:
    """The nearest actors inside a noun phrase, breadth first, not through places or origins
    (a preposition and its object are two steps)."""
    frontier = [token]
    for _ in range(depth):
        found, following = [], []
        for node in frontier:
            authored = node.lemma_.lower() in AUTHORED_NOUNS
            for child in node.children:
                if child.dep_ not in OWNER_DEPS:
                    continue
                if child.dep_ == "prep" and child.lower_ in NOT_OWNER_PREPS and not (
                        authored and child.lower_ == "from"):
                    continue
                if child.dep_ not in ("prep", "conj"):
                    found.extend(a for a in finder.actors(child)
                                 if (a.named or a.entity) and a.start not in skip
                                 and a.type not in PLACE_ONLY_TYPES)
                following.append(child)
        if found:
            return _distinct(found)
        frontier = following
    return []


def _verb_subjects(verb, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) from the subject: the passive subject is the one acted upon."""
    node = verb
    for _ in range(3):
        sources, targets = [], []
        for child in node.children:
            child = _antecedent(child, node)
            if child.dep_ in SUBJECT_DEPS:
                sources.extend(finder.actors(child))
                if child.lower_ in REPORTER_PRONOUNS and node.dep_ == "ccomp":
                    sources.extend(_reporter(node, finder))
            elif child.dep_ in PASSIVE_SUBJECT_DEPS and _stative(node):
                sources.extend(finder.actors(child))
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                # an active conjunct sharing a passive subject ("was met and visited X") acts
                inherited_active = node != verb and verb.tag_ != "VBN"
                (sources if inherited_active else targets).extend(finder.actors(child))
        if not (sources or targets) and node.dep_ == "acl" and node.head.lemma_.lower() in STATEMENT_NOUNS \
                and node.head.dep_ in ("dobj", "pobj"):
            # "issued a statement urging X": the statement's issuer speaks
            node = node.head.head if node.head.dep_ == "dobj" else node.head.head.head
            continue
        if sources or targets or node.dep_ not in ("xcomp", "conj", "advcl", "acomp") or node.head == node:
            return sources, targets
        node = node.head
    return [], []


def _deeper_targets(verb, found: Found, finder: ActorFinder) -> list[Actor]:
    """Targets one step down: "demanded that X ...", "threatened to cut power to X",
    "threatened action against X"."""
    targets = []
    causative = verb.lemma_.lower() in CAUSATIVE_VERBS
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and causative:
            targets.extend(a for g in child.children if g.dep_ in ("nsubj", "nsubjpass")
                           for a in finder.actors(g))
        elif child.dep_ in ("ccomp", "xcomp") and found.kind in FRAMING_TYPES:
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


def _ally_phrase(prep) -> bool:
    """ "on the side of X", "on behalf of X": X is an ally, not acted upon."""
    return prep.lower_ in ("on", "at") and any(o.dep_ == "pobj" and o.lemma_.lower() in ALLY_NOUNS
                                               for o in prep.children)


def _carried(verb) -> bool:
    """The subject only carries the goods ("an An-124 aircraft shipped drones from Turkey")."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in CARRIER_WORDS for c in verb.children)


def _object_origins(verb, finder: ActorFinder) -> list[Actor]:
    """ "shipped a batch of drones from Turkey": the origin named inside the object."""
    holders = [c for c in verb.children if c.dep_ == "dobj"]
    holders += [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]
    found = []
    for holder in holders:
        for prep in (p for p in holder.children if p.dep_ == "prep" and p.lower_ == "from"):
            found.extend(a for o in prep.children if o.dep_ == "pobj" for a in finder.actors(o) if a.named)
    return found


def _antecedent(child, verb):
    """The noun a relative pronoun stands for ("the GNA, which is supported by Turkey"): the
    parser's head, or the name right before the pronoun when that name lies inside the head's
    phrase (a relative clause attaches to the nearest noun phrase)."""
    if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        return _Renamed(_nearest_name(child, verb.head), child.dep_)
    return child


def _nearest_name(pronoun, head):
    """The proper name just before a relative pronoun ("..., the stronghold of the Government of
    National Accord (GNA), which"), skipping commas and a bracketed abbreviation; else `head`."""
    i = pronoun.i - 1
    doc = pronoun.doc
    while i > head.i and doc[i].is_punct:
        if doc[i].text == ")":  # skip "(GNA)"
            while i > head.i and doc[i].text != "(":
                i -= 1
        i -= 1
    if i <= head.i or doc[i].pos_ != "PROPN":
        return head
    name = doc[i]
    while name.dep_ in ("compound", "flat") or (name.dep_ == "pobj" and name.head.lower_ == "of"
                                                  and name.head.head.pos_ == "PROPN"):
        name = name.head if name.dep_ != "pobj" else name.head.head
    return name if head in name.ancestors else head


class _Renamed:
    """A token seen under another dependency label (a relative clause's antecedent)."""

    def __init__(self, token, dep):
        self._token, self.dep_ = token, dep

    def __getattr__(self, name):
        return getattr(self._token, name)


def _stative(verb) -> bool:
    """ "X is opposed to Y": a stance of X, not something done to X."""
    children = list(verb.children)
    return (verb.lemma_.lower() in STATIVE_PASSIVES and all(c.dep_ != "agent" for c in children)
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in children))


def _reporter(verb, finder: ActorFinder) -> list[Actor]:
    """ "X said they hit Y", "X rejected it and said it would not": the pronoun stands for the
    one who said it (the subject of the saying verb, or of the verb it is coordinated with)."""
    head = verb.head
    for _ in range(3):
        found = [a for c in head.children if c.dep_ in SUBJECT_DEPS for a in finder.actors(c)]
        if found or head.dep_ != "conj":
            return found
        head = head.head
    return []


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
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS and child.lower_ != "at" \
                and not _ally_phrase(child):
            targets.extend(a for o in child.children if o.dep_ == "pobj" for a in finder.actors(o))
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in PARTICIPATION_VERBS:
        verb = head.head  # "X took part in the strikes", "X were engaged in ethnic cleansing against Y"
        subjects, passive = _verb_subjects(verb, finder)
        sources.extend(subjects + passive)
        targets.extend(a for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS - {"in", "at"}
                       for o in c.children if o.dep_ == "pobj" for a in finder.actors(o))
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
