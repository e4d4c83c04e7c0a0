"""The source and target actors of a trigger, read from the dependency parse (`find_arguments`):
subjects, objects, agents and prepositional phrases, with the fall-backs for owners of a
non-actor object, origins of a delivery, purposes, addressees and territories.
"""

from __future__ import annotations

from .actors import Actor, ActorFinder, held_things
from .eventplace import LOCATIVE_PREPS, place_anchors, place_tokens
from .lexicon import EXPLOSIVE_WORDS, FRAMING_TYPES, JUDGING_TYPES, NOUN_TRIGGERS, VERB_TRIGGERS
from .triggers import Found, OBJECT_DEPS, THING_GIVING_VERBS, for_clause, takes_part

# Dependency labels of a verb's arguments.
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
# Prepositions that introduce the one acted upon ("met with X", "aid to X", "attack on X").
TARGET_PREPS = frozenset({"with", "to", "against", "on", "for", "into", "toward", "towards", "at"})
# Mention types that name where a talk or attack happened rather than who took part.
PLACE_ONLY_TYPES = frozenset({"LOCATION", "FACILITY"})
# Light verbs whose subject receives what the noun names ("took delivery of", "received aid from").
RECEIVING_VERBS = frozenset({"receive", "take", "get", "obtain", "accept"})
# Types whose giver may be named only as an origin ("shipped arms from Turkey").
ORIGIN_SOURCE_TYPES = frozenset({"AID", "MOBILIZE"})
# Verbs whose passive form is a stance of its subject ("Israel is opposed to X"): with a "to"
# phrase and no "by" agent, the passive subject acts.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "dedicate", "devote", "resolve"})
# Pronoun subjects of a reported clause that stand for the reporter ("X said it would ...").
REPORTER_PRONOUNS = frozenset({"they", "he", "she", "it"})
# Types whose target may be a thing rather than a party ("blew up power lines", "hit the camp").
THING_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})
# Prepositions of an attack noun that name the thing attacked ("an attack on the bastion").
THING_TARGET_PREPS = frozenset({"against", "on"})
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
# Nouns and verbs of a claim of responsibility: the claimant did what the noun's "for" phrase
# names ("X claimed responsibility for the attack").
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit", "authorship"})
CLAIMING_VERBS = frozenset({"claim", "accept", "assume", "take", "admit", "acknowledge"})
RESPONSIBLE_WORDS = frozenset({"responsible", "guilty"})
# Verbs and nouns whose object (or "of" phrase) is the one held to have done the act in their
# "for" phrase ("arrested X for killing Y", "the trial of X for the murder of Y").
ACCUSING_WORDS = frozenset({"blame", "accuse", "arrest", "charge", "convict", "sentence", "try",
                            "indict", "prosecute", "punish", "detain", "jail", "imprison", "condemn",
                            "trial", "conviction", "indictment", "prosecution", "detention"})
# Prepositions of an explosion that name the thing bombed ("a bomb exploded at the bank",
# "placed bombs in the branches"; "in front of" is read through its "of").
BOMBED_PREPS = frozenset({"at", "outside", "inside", "near", "in"})
# Times that a parser may leave untagged in lower-case text ("on monday", "at dawn").
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "dawn", "dusk", "night", "midnight", "noon", "daybreak", "morning", "evening",
                        "afternoon", "today", "tonight", "yesterday", "weekend"})
# Verbs that let or make someone act: the subject of their clause is the one acted upon
# ("allowed candidate X to participate", "forced Y to withdraw").
CAUSATIVE_VERBS = frozenset({"allow", "permit", "let", "enable", "help", "force", "compel", "order"})
# Types done to a territory: with no other target, the place they happen in is the one acted
# upon ("lifted a curfew in Montenegro", "exploded bombs in Kabul"), as PLOVER codes them.
TERRITORIAL_TYPES = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "THREATEN", "PROTEST",
                               "SANCTION", "AID"})  # "sent troops in Syria": aid to Syria
# Mention types a territorial target can have.
TERRITORY_MENTION_TYPES = frozenset({"COUNTRY", "LOCATION"})
# Nouns after "on"/"at" that name an ally, not the one acted upon ("fighting on the side of X",
# "acting on behalf of X").
ALLY_NOUNS = frozenset({"side", "behalf"})
# Subjects that only carry what is given: with an origin named ("an aircraft shipped drones
# from Turkey"), the origin gives.
CARRIER_WORDS = frozenset({"aircraft", "plane", "ship", "vessel", "cargo", "flight", "convoy",
                           "truck", "freighter", "airline", "jet", "helicopter"})
# Nouns whose participle clause speaks for the one who issued them ("issued a statement urging").
STATEMENT_NOUNS = frozenset({"statement", "letter", "message", "communique", "declaration",
                             "note", "resolution", "report", "release", "tweet", "post"})
# Verbs that bring someone to be addressed: their purpose clause speaks to the object
# ("summoned the ambassador to complain", "called the president to congratulate him").
ADDRESSING_VERBS = frozenset({"summon", "call", "phone", "telephone", "meet", "visit", "invite",
                              "contact", "receive", "write"})
# Event nouns whose "of" phrase names the one it is done to ("the arrest of X", "the
# extradition of X"), not the one who does it ("the visit of X").
# Acts done to a person: the possessor is the one it was done to ("the priests' assassination"),
# unless an "of" phrase names that one ("Russia's killing of civilians").
VICTIM_NOUNS = frozenset({"assassination", "killing", "murder", "slaying", "abduction", "kidnapping",
                          "execution", "arrest", "detention", "torture", "death"})
PATIENT_NOUNS = frozenset({"arrest", "detention", "extradition", "deportation", "expulsion",
                           "eviction", "release", "killing", "assassination", "abduction",
                           "kidnapping", "torture", "execution", "massacre", "bombing", "shelling",
                           "murder", "slaying",
                           "bombardment", "siege", "blockade", "occupation", "invasion",
                           "repatriation", "rescue", "evacuation"})
# Possessive determiners that mark an object as the subject's own ("its troops").
OWN_DETERMINERS = frozenset({"its", "their", "his", "her", "our"})
# Prepositions that name what a complaint is about ("complained to X over Y's raids").
ACCUSED_PREPS = frozenset({"over", "about", "against", "regarding", "concerning"})
# Participles that work as prepositions ("following the opposition of X", "including attacks"):
# their subject does not do what their object names.
PREPOSITIONAL_PARTICIPLES = frozenset({"following", "including", "regarding", "concerning",
                                       "considering", "excluding", "given", "pending", "barring",
                                       "notwithstanding", "involving"})
# Nouns of a relation one party has with another, and verbs whose subject only has, seeks or
# discusses them ("helped X gather support", "discussed support for Y"), not gives them.
RELATION_NOUNS = frozenset({"support", "backing", "endorsement", "cooperation", "coordination",
                            "assistance", "aid", "opposition", "rejection"})
SEEKING_VERBS = frozenset({"gather", "gain", "win", "garner", "enjoy", "need", "get", "attract",
                           "lose", "discuss", "rally", "build", "drum", "lack", "want", "require",
                           "have", "earn", "secure", "solicit", "court", "mobilize", "mobilise",
                           "muster", "enlist", "obtain", "consider", "study", "review", "debate"})
# Mention types of an origin that can be the giver of what a carrier brings.
GIVER_TYPES = frozenset({"COUNTRY", "ORGANIZATION"})


def find_arguments(found: Found, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) of a trigger: an event noun's own phrase, else its verb's arguments."""
    if found.how == "noun" and found.head == found.token:
        sources, targets = _noun_arguments(found.token, finder)
        if not targets:
            targets = _owned_deep(found.token, finder, skip=set(a.start for a in sources))
        if not sources and found.kind == "CONSULT" and found.token.dep_ == "pobj" and \
                found.token.head.lower_ == "for" and found.token.head.head.pos_ in ("VERB", "AUX"):
            sources = _verb_subjects(found.token.head.head, finder)[0]  # "flew to Cairo for talks"
        if not sources:
            sources = _claimants(found.token, finder)
        if not targets and found.kind in THING_TARGET_TYPES:
            targets = _noun_things(found.token, finder)
        if not targets and sources and found.kind in TERRITORIAL_TYPES:
            targets = _territory(found, finder, sources)
        return sources, [t for t in targets if all(t.text != s.text for s in sources)]
    verb = found.head
    if found.token.dep_ == "pobj" and found.token.head.lower_ == "under":
        return _under_arguments(found, finder)
    sources, targets = _verb_subjects(verb, finder)
    giving = verb.lemma_.lower() in THING_GIVING_VERBS
    # with a "to" recipient, a giving verb's object is only what is given ("donated USD1 million to X")
    given_to = giving and any(c.dep_ in ("dative", "prep") and c.lower_ == "to" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave money to X"
            targets.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
        elif child.dep_ == "dative" and child != found.token:  # "offered the rebels an amnesty"
            targets.extend(finder.actors(child))
        elif child.dep_ in OBJECT_DEPS and child != found.token and not (
                giving and (child.pos_ != "PROPN" or given_to)):
            targets.extend(finder.actors(child))
            targets.extend(_owned(child, finder))
        elif child.dep_ == "agent":
            sources.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS and not _ally_phrase(child):
            targets.extend(a for obj in child.children if obj.dep_ == "pobj" for a in finder.actors(obj)
                           if not (child.lower_ == "with" and _weapon(obj, finder)))  # "attacked X with rifles"
    if found.kind == "MOBILIZE" and found.token == verb:
        targets = _mobilized_against(verb, finder, targets)
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
        if origins and not any(t.named and not _own(t, finder) for t in targets):
            targets = origins
    if not targets and found.kind in THING_TARGET_TYPES and found.token == verb:
        # "the convoy was ambushed by X": a thing attacked, named as the passive subject
        targets = [t for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS
                   for t in [finder.thing(c)] if t is not None and not _weapon(c, finder)]
    if not targets and found.mode == "explosives" and found.token == verb:
        targets = _bombed(verb, finder)
    if found.kind == "ACCUSE":  # "complained to the UN over Israeli raids": the accused, not the addressee
        accused = _accused(verb, finder, sources)
        if accused:
            targets = accused
    if not targets and sources and found.kind in TERRITORIAL_TYPES and not any(
            c.dep_ == "prep" and _ally_phrase(c) for c in verb.children):
        targets = _territory(found, finder, sources)  # fighting in X on the side of Y: not against X
    if not sources and found.token == verb:
        sources = _claimants(verb, finder)  # "arrested X for killing Y"
    targets = [t for t in _distinct(targets) if all(t.text != s.text for s in sources)]
    others = [t for t in targets if not _own(t, finder)]
    return _distinct(sources), (others or targets)


def _weapon(token, finder: ActorFinder) -> bool:
    """What an attack is made with ("rifles", "the bombs"): never the one it is made on."""
    return token.lemma_.lower() in WEAPON_WORDS | EXPLOSIVE_WORDS or finder.weapon(token)


def _claimants(token, finder: ActorFinder) -> list[Actor]:
    """The one who claims or is held to have done an act named in a "for" phrase: "X
    claimed responsibility for the attack", "X is responsible for / behind the attack", "holds X
    responsible for", "blamed X for", "arrested X for killing", "the arrest of X for killing"."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp"):
        return []
    holder = prep.head
    lemma = holder.lemma_.lower()
    if prep.lower_ == "behind" and prep.dep_ == "prep" and lemma == "be":
        return _verb_subjects(holder, finder)[0]
    if prep.lower_ != "for":
        return []
    if lemma in RESPONSIBLE_WORDS:  # "X (is | held) responsible for"
        own = [a for c in holder.children if c.dep_ in SUBJECT_DEPS for a in finder.actors(c)]
        held = [a for c in holder.head.children if c.dep_ == "dobj" for a in finder.actors(c)]
        if holder.dep_ == "amod":  # "holds the rebels responsible for"
            held = finder.actors(holder.head)
        return own or held or _verb_subjects(holder.head, finder)[0]
    if lemma in RESPONSIBILITY_NOUNS and holder.dep_ == "dobj" and holder.head.lemma_.lower() in CLAIMING_VERBS:
        return _verb_subjects(holder.head, finder)[0]
    if lemma in ACCUSING_WORDS and holder.pos_ == "VERB":
        return [a for c in holder.children if c.dep_ in ("dobj", "nsubjpass") for a in finder.actors(c)]
    if lemma in ACCUSING_WORDS and holder.pos_ == "NOUN":
        return [a for p in holder.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" for a in finder.actors(o)]
    accuser = holder.head.head if holder.dep_ == "pobj" and holder.head.lower_ == "of" else holder.head
    if holder.dep_ in ("dobj", "nsubjpass", "pobj") and accuser.lemma_.lower() in ACCUSING_WORDS:
        # the "for" phrase hangs on the accused
        return finder.actors(holder)
    return []


def _noun_things(noun, finder: ActorFinder) -> list[Actor]:
    """The thing an attack noun is made on ("the attack on the barracks", "the bombing of the
    embassy")."""
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        if prep.lower_ in THING_TARGET_PREPS or (prep.lower_ == "of" and noun.lemma_.lower() in PATIENT_NOUNS):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and not _weapon(o, finder)):
                things = _things(obj, finder)
                if things:
                    return things
    return []


def _things(token, finder: ActorFinder) -> list[Actor]:
    """The things named by a noun and its conjuncts ("a radio station and a drugstore")."""
    found = []
    for noun in [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN")]:
        thing = None if _time(noun) else finder.thing(noun)
        if thing is not None and (noun is token or not _weapon(noun, finder)):
            found.append(thing)
    return found


def _time(token) -> bool:
    """ "on Sunday", "at dawn": when, not what."""
    return token.ent_type_ in ("DATE", "TIME") or token.lower_ in TIME_WORDS


def _bombed(verb, finder: ActorFinder) -> list[Actor]:
    """The thing an explosion hit: "a bomb exploded at the bank", "in front of the embassy",
    "placed bombs in bank branches" (not a named place: that is the territory)."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "in" and objects and objects[0].lower_ == "front":  # "in front of X"
            objects = [o for p in objects[0].children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]
        elif prep.lower_ not in BOMBED_PREPS:
            continue
        for obj in objects:
            if _time(obj) or (prep.lower_ == "in" and _names_territory(obj, finder)):
                continue  # "in the capital Kabul": the territory, read by `_territory`
            thing = finder.thing(obj)
            if thing is not None:
                return [thing]
    return []


def _names_territory(obj, finder: ActorFinder) -> bool:
    return any(rank == 0 and actor is not None and actor.named and actor.type in TERRITORY_MENTION_TYPES
               for rank, token in place_tokens(obj) for actor in [finder.actor(token)])


def _mobilized_against(verb, finder: ActorFinder, targets: list[Actor]) -> list[Actor]:
    """ "mobilized reservists for a war against Iraq", "deployed troops to the border with X": the
    units moved are the source's own; the one they face is named by a "to"/"against" phrase or
    inside a purpose ("for a possible war against X"). The units stay when nothing else is named."""
    units = {t.start for c in verb.children if c.dep_ in OBJECT_DEPS for t in finder.actors(c)}
    faced = [t for t in targets if t.start not in units]
    if faced:
        return faced
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "near")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            found = [a for p in obj.children if p.dep_ == "prep" and p.lower_ in ("against", "with", "on")
                     for o in p.children if o.dep_ == "pobj" for a in finder.actors(o)]
            if found:
                return found
    return targets


def _own(actor: Actor, finder: ActorFinder) -> bool:
    """ "its troops", "their peacekeeping force": the subject's own instrument, not the party acted
    upon when another party is named ("offered its troops to X", "withdrew its force from X")."""
    first = actor.text.split()[0].lower() if actor.text else ""
    return first in OWN_DETERMINERS


def _accused(verb, finder: ActorFinder, sources: list[Actor]) -> list[Actor]:
    """The party a complaint is about when it is made to someone else: "complained to X over Y's
    raids", "protested to X about Y"."""
    children = list(verb.children)
    if not any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in children):
        return []
    skip = {a.start for a in sources}
    for prep in (c for c in children if c.dep_ == "prep" and c.lower_ in ACCUSED_PREPS):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            found = [a for a in finder.actors(obj) if a.start not in skip] or \
                _owned_deep(obj, finder, skip=skip)
            if found:
                return found
    return []


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
    sources: list = []
    targets: list = []
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
    objects = [held for obj in objects for held in held_things(obj)]
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
        if found.token != verb:  # "launched an attack against a military base"
            objects += [o for c in found.token.children if c.dep_ == "prep" and c.lower_ in THING_TARGET_PREPS
                        for o in c.children if o.dep_ == "pobj"]
        for obj in objects:
            if obj != found.token and obj.pos_ == "NOUN" and obj.lemma_.lower() not in WEAPON_WORDS \
                    and obj.lemma_.lower() not in NOUN_TRIGGERS:  # "reimposed blockades in X": X
                things = _things(obj, finder)
                if things:
                    return things
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
        found: list = []
        following: list = []
        for node in frontier:
            authored = node.lemma_.lower() in AUTHORED_NOUNS or node.lemma_.lower() in NOUN_TRIGGERS
            for child in node.children:
                if authored and child.dep_ == "acl" and child.tag_ == "VBN":  # "a resolution proposed by X"
                    found.extend(a for g in child.children if g.dep_ == "agent" for o in g.children
                                 if o.dep_ == "pobj" for a in finder.actors(o)
                                 if (a.named or a.entity) and a.start not in skip and a.type not in PLACE_ONLY_TYPES)
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


# Passive verbs whose subject does what their infinitive says ("were reported to have spoken").
RAISING_VERBS = frozenset({"report", "say", "believe", "think", "allege", "understand", "know",
                           "suspect", "claim", "expect", "rumour", "rumor"})


# Prepositions whose gerund shares the subject of the verb they hang on ("responded by
# expelling", "retaliated after shelling").
MEANS_PREPOSITIONS = frozenset({"by", "after", "before", "without", "while"})


def _verb_subjects(verb, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) from the subject: the passive subject is the one acted upon."""
    node = verb
    for _ in range(3):
        sources: list[Actor] = []
        targets: list[Actor] = []
        for child in node.children:
            child = _antecedent(child, node)
            if child.dep_ in SUBJECT_DEPS:
                sources.extend(finder.actors(child))
                if child.lower_ in REPORTER_PRONOUNS and node.dep_ == "ccomp":
                    sources.extend(_reporter(node, finder))
            elif child.dep_ in PASSIVE_SUBJECT_DEPS and (_stative(node) or (
                    node != verb and node.lemma_.lower() in RAISING_VERBS)):
                sources.extend(finder.actors(child))  # "X were reported to have spoken": X spoke
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                # an active conjunct sharing a passive subject ("was met and visited X") acts
                inherited_active = node != verb and verb.tag_ != "VBN" and verb.dep_ == "conj"
                (sources if inherited_active else targets).extend(finder.actors(child))
        if not (sources or targets) and node.dep_ == "acl" and node.head.lemma_.lower() in STATEMENT_NOUNS \
                and node.head.dep_ in ("dobj", "pobj"):
            # "issued a statement urging X": the statement's issuer speaks
            node = node.head.head if node.head.dep_ == "dobj" else node.head.head.head
            continue
        if not (sources or targets) and node.dep_ == "pcomp" and node.head.lower_ in MEANS_PREPOSITIONS \
                and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "Iran responded by expelling X": Iran expels
            continue
        if sources or targets or node.dep_ not in ("xcomp", "conj", "advcl", "acomp") or node.head == node:
            return sources, targets
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.head.lemma_ == "be" and any(
                c.dep_ in SUBJECT_DEPS and c.i > node.i for c in node.head.children):
            return [], []  # "supporting X is a key step for Y": the copula's subject does not support
        node = node.head
    return [], []


def _deeper_targets(verb, found: Found, finder: ActorFinder) -> list[Actor]:
    """Targets one step down: "demanded that X ...", "threatened to cut power to X",
    "threatened action against X"."""
    targets: list = []
    causative = verb.lemma_.lower() in CAUSATIVE_VERBS
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and causative:
            targets.extend(a for g in child.children if g.dep_ in ("nsubj", "nsubjpass")
                           for a in finder.actors(g))
        elif (child.dep_ in ("ccomp", "xcomp") or for_clause(child)) and found.kind in FRAMING_TYPES:
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
    found: list = []
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
    found: list = []
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
        if found:
            return found
        if head.dep_ == "pcomp" and head.head.dep_ == "prep":  # "X was quoted as saying it would"
            head = head.head.head
            return [a for c in head.children if c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
                    for a in finder.actors(c)]
        if head.dep_ != "conj":
            return found
        head = head.head
    return []


def _owned(token, finder: ActorFinder) -> list[Actor]:
    """An actor that owns a non-actor object ("Lebanon's president", "bases of Russia")."""
    return [a for child in token.children if child.dep_ == "poss" for a in finder.actors(child)]


def _noun_arguments(noun, finder: ActorFinder) -> tuple[list[Actor], list[Actor]]:
    sources, targets = [], []
    paired = finder.paired(noun)  # "the Russian-Libyan talks": both parties, one event between them
    sources.extend(paired)
    for child in noun.children:
        if paired and child.dep_ in ("amod", "compound", "nmod"):
            continue
        if child.dep_ == "poss" and noun.lemma_.lower() in VICTIM_NOUNS and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            targets.extend(finder.actors(child))  # "the priests' assassination", "his arrest"
        elif child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and finder.actor(child)):
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
                if owner is not None and owner.named:  # "the arrest of X" is done to X
                    (targets if noun.lemma_.lower() in PATIENT_NOUNS else sources).append(owner)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS and child.lower_ != "at" \
                and not _ally_phrase(child):
            targets.extend(a for o in child.children if o.dep_ == "pobj" for a in finder.actors(o))
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and takes_part(head.head):
        verb = head.head  # "X took part in the strikes", "X were engaged in ethnic cleansing against Y"
        subjects, passive = _verb_subjects(verb, finder)
        sources.extend(subjects + passive)
        targets.extend(a for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS - {"in", "at"}
                       for o in c.children if o.dep_ == "pobj" for a in finder.actors(o))
    elif noun.dep_ in ("dobj",) and head.pos_ == "VERB" and _voiced_by_subject(noun, head):
        sources.extend(_verb_subjects(head, finder)[0])
    return _distinct(sources), [t for t in _distinct(targets) if all(t.text != s.text for s in sources)]


def _voiced_by_subject(noun, verb) -> bool:
    """ "X expressed support for Y", "X launched an attack": the verb's subject does what the noun
    names. Not for a verb that judges it ("X condemned the attack"), a preposition-like
    participle ("following Algerian opposition") nor, for a
    relation noun, a verb that only has or seeks it ("helped X gather support", "discussed
    support for Y")."""
    if verb.lower_ in PREPOSITIONAL_PARTICIPLES:
        return False
    if VERB_TRIGGERS.get(verb.lemma_.lower(), ("",))[0] in JUDGING_TYPES:
        return False  # "X condemned the attack": someone else's
    return not (noun.lemma_.lower() in RELATION_NOUNS and verb.lemma_.lower() in SEEKING_VERBS)


def _distinct(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if all(actor.start != a.start for a in out):
            out.append(actor)
    return out
