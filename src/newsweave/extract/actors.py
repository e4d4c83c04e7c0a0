"""Event actors from the dependency parse: who acts and who is acted upon.

Turns a syntactic argument (a subject, an object, a "by"/"with"/"to" phrase) into `Actor`s:
one per conjunct ("Russia, Iran and Turkey"), groups read as acting for their owner ("forces
loyal to X", "X's militia", "the government of X", "Russian troops"), appositions and
metonyms ("the Kremlin") linked through the entity mentions and, when present, the KB.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..annotate.entity_patterns import PERSON_TITLE_WORDS
from ..document import Document, Mention
from ..kb.sectors import MILITARY_NOUNS, MILITARY_SUFFIX, armed_forces
from .lexicon import NOUN_TRIGGERS

# Nouns that name a group or office acting for someone else: the owner is the actor.
GROUP_WORDS = frozenset({
    "force", "troop", "militia", "army", "unit", "soldier", "fighter", "official", "government",
    "ministry", "minister", "delegation", "office", "spokesman", "spokeswoman", "leader",
    "authority", "regime", "navy", "police", "military", "commander", "president", "diplomat",
    "embassy", "ambassador", "administration", "parliament", "cabinet", "officer", "expert",
    "brigade", "battalion", "jet", "aircraft", "warplane", "agent", "guard", "rebel",
    "militant", "group", "airforce", "representative", "envoy", "presidency", "chief", "head",
    "member", "people", "worker", "student", "activist", "partner", "court", "coalition",
    "warship", "ship", "vessel", "gunboat", "helicopter", "tank", "drone", "plane", "bomber",
    "newspaper", "agency", "media", "mission", "peacekeeper", "observer", "inspector",
    # bodies that act as one ("the LetUsSpeak movement urged", "the council voted")
    "movement", "organization", "organisation", "council", "committee", "commission",
    "association", "federation", "alliance", "faction",
})

# Machines act only for an owner ("Israeli drones", "Russia's jets"); alone they are no actor.
EQUIPMENT_WORDS = frozenset({"jet", "aircraft", "warplane", "warship", "ship", "vessel", "gunboat",
                             "helicopter", "tank", "drone", "plane", "bomber", "airforce"})

# People named by what they do: actors even when no one owns them ("rebels", "students").
PEOPLE_WORDS = frozenset({
    "rebel", "demonstrator", "protester", "protestor", "student", "prisoner", "refugee", "hacker",
    "insurgent", "gunman", "terrorist", "jihadist", "civilian", "villager", "resident", "worker",
    "guerrilla", "guerilla", "negotiator", "lawmaker", "legislator", "opposition", "youth",
    "settler", "mercenary", "separatist", "extremist", "islamist", "tribesman", "crowd",
    "authorities", "troops", "militiaman", "policeman", "sailor", "pilot", "party", "union",
    "hostage-taker", "kidnapper", "captor", "assailant", "attacker", "sniper", "smuggler",
    "pirate", "looter", "rioter", "voter", "farmer", "miner", "journalist", "doctor", "monk",
    "migrant", "immigrant", "detainee", "hostage", "captive", "population", "minority",
    "employee", "teacher", "nurse", "driver", "labourer", "laborer", "docker", "striker",
    # the unnamed doers of attacks ("unidentified individuals", "urban commandos")
    "individual", "person", "commando", "assassin", "killer", "hitman", "trafficker", "subversive",
    "saboteur", "criminal", "bandit", "man", "woman",
})

# Heads that only count the people named after "of" ("tens of thousands of students").
QUANTITY_HEADS = frozenset({"tens", "hundreds", "thousands", "dozens", "millions", "scores",
                            "dozen", "hundred", "thousand", "million", "number", "handful",
                            "series", "barrage", "volley", "salvo"})

# Heads that only gather the people named after "of" ("a group of Yoruba leaders").
COLLECTIVE_HEADS = frozenset({"group", "band", "gang", "team", "contingent", "bunch", "handful",
                              "delegation", "crowd"})

# Mention types that can be an actor (a DATE or MONEY cannot act).
ACTOR_MENTION_TYPES = frozenset({"PERSON", "ORGANIZATION", "COUNTRY", "NATIONALITY", "LOCATION",
                                 "FACILITY", "OTHER"})

# Left modifiers kept in an actor phrase ("Russia's defense ministers", "Egyptian air force").
PHRASE_LEFT_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "quantmod", "case",
                              "det", "punct"})

# Pronouns and empty heads that are never an actor on their own.
NON_ACTORS = frozenset({"it", "they", "he", "she", "we", "i", "you", "which", "who", "that",
                        "this", "these", "those", "them", "him", "her", "us", "one", "both",
                        "all", "some", "each", "what"})


# A definite group noun with no owner ("the army", "the group") may stand for the most recent
# organisation of that kind in the same paragraph: head noun -> words its name must contain.
DEFINITE_KINDS: dict[str, frozenset[str]] = {
    "army": frozenset({"army"}),
    "group": frozenset({"group"}),
    "militia": frozenset({"militia", "militias", "brigade", "brigades"}),
    "movement": frozenset({"movement"}),
    "front": frozenset({"front"}),
    "coalition": frozenset({"coalition", "alliance"}),
    "alliance": frozenset({"alliance", "coalition"}),
    "government": frozenset({"government"}),
    "party": frozenset({"party"}),
}
# Prepositions inside an owner phrase that lead to an origin, not the owner ("a batch of drones
# from Turkey" is not Turkey's batch).
NOT_OWNER_INNER_PREPS = frozenset({"from"})


# Object pronouns resolved to a named person ("urged him"), and where they may stand.
OBJECT_PRONOUNS = frozenset({"him", "her"})
PRONOUN_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})

# Titles that name no one on their own: a phrase that is only a title ("Gen", "President") is a
# fragment of a name the parser split off, not an actor.
TITLE_WORDS = frozenset({w.lower() for w in PERSON_TITLE_WORDS}) | frozenset({
    "brig", "cmdr", "prof", "gov", "prime", "deputy", "vice"})

# Nouns of holding whose "of" names what is held: "took control of X" is done to X.
HOLDING_NOUNS = frozenset({"control", "possession", "custody"})

# Mention types of a modifier that stands for a party ("the Russian-Libyan talks", "the Russian
# and Turkish presidents").
PARTY_MODIFIER_TYPES = frozenset({"NATIONALITY", "COUNTRY", "ORGANIZATION"})

# spaCy entity labels of proper nouns that cannot act ("on Monday", "in May").
NON_ACTOR_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                                     "QUANTITY"})


@dataclass
class Actor:
    text: str
    start: int  # document offsets of the phrase
    end: int
    entity: str | None = None
    country: str | None = None
    named: bool = False  # a mention (or a group owned by one) backs it
    type: str | None = None  # the backing mention's type
    locative: bool = False  # a place the event happened to ("lifted a curfew in X"), see events.py


class MentionIndex:
    """Find the mention at a document offset."""

    def __init__(self, doc: Document):
        self.mentions = sorted((m for m in doc.mentions if m.type in ACTOR_MENTION_TYPES),
                               key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def covering(self, start: int, end: int) -> Mention | None:
        """The earliest mention overlapping [start, end): a bisection, not a scan of the document."""
        last = bisect_left(self.starts, end)
        first = bisect_left(self.starts, start - self.longest)
        for mention in self.mentions[first:last]:
            if start < mention.end:
                return mention
        return None


def _kb():
    try:
        from ..kb import knowledge_base  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return knowledge_base()
    except Exception:  # a missing or broken KB must not stop extraction
        return None


def _kb_key(text: str, country: str | None) -> tuple[str | None, str | None]:
    """The KB id and country of a metonym or demonym ("the Kremlin", "Russian"), if known."""
    kb = _kb()
    if kb is None:
        return None, country
    for method in ("metonym", "demonym", "lookup"):
        fn = getattr(kb, method, None)
        try:
            found = fn(text) if fn else None
        except Exception:
            found = None
        if isinstance(found, list):
            found = found[0] if found else None
        if found is None:
            continue
        if isinstance(found, str):
            return found, country
        key = getattr(found, "id", None) or getattr(found, "kb_id", None)
        return key, country or getattr(found, "country", None)
    return None, country


class ActorFinder:
    """Actors of one parsed region; `offset` maps parse offsets to document offsets."""

    def __init__(self, doc: Document, mentions: MentionIndex, offset: int):
        self.doc = doc
        self.mentions = mentions
        self.offset = offset

    def actors(self, token) -> list[Actor]:
        """One actor per conjunct of `token` (the head of an argument)."""
        held = held_things(token)
        if held != [token]:  # "control of the oil terminals": the terminals
            return [a for thing in held for a in self.actors(thing)]
        found: list = []
        heads = [token] if _named_apposition(token) else [token, *_conjuncts(token)]
        for head in heads:
            paired = self.paired(head)
            if paired:
                found.extend(a for a in paired if all(a.text != f.text for f in found))
                continue
            actor = self.actor(head)
            if actor is not None and all(a.text != actor.text and not (a.entity and a.entity == actor.entity)
                                         for a in found):
                found.append(actor)
        return found

    def actor(self, token) -> Actor | None:
        counted = _counted(token)
        if counted is not None:
            actor = self.actor(counted)
            if actor is not None or token.lower_ not in COLLECTIVE_HEADS:
                return actor  # "a group of asylum-seekers" stays the group when they are no actor
        if token.tag_ == "PRP" and token.lower_ in OBJECT_PRONOUNS and token.dep_ in PRONOUN_OBJECT_DEPS:
            referent = self._pronoun_referent(token)
            return self.actor(referent) if referent is not None else None
        own_state = self._own_country(token)
        if own_state is not None:
            return own_state
        if (token.lower_ in NON_ACTORS and not _acronym(token)) or token.pos_ in ("PRON", "NUM", "DET") \
                or token.ent_type_ in NON_ACTOR_ENTITY_LABELS:
            return None
        if any(a.lower_ == "according" for a in token.ancestors):
            return None  # the source of a report, not a party to the event
        if _title_only(token):
            return None  # "Gen" split off "Gen. Hafter"
        group = token.lemma_.lower() in GROUP_WORDS or token.lemma_.lower() in PEOPLE_WORDS
        owner = self._owner(token) if group or token.pos_ == "NOUN" else None
        left, right = _phrase_bounds(token, extend=owner is not None)
        start = self.offset + left.idx
        end = self.offset + right.idx + len(right.text)
        text = self.doc.text[start:end]
        if owner is not None:
            linked = self._linked(text, start, end, owner)  # "Pakistan's army": its armed forces
            return _armed_forces_of(linked) if _military_group(token) else linked
        mention = self._mention_of(token)
        if mention is not None and not _generic(mention):
            return self._linked(text, start, end, mention)
        if group and token.pos_ == "ADJ" and token.dep_ == "amod":
            return None  # "military exercises": a kind of thing, not a party
        if group and token.lemma_.lower() not in EQUIPMENT_WORDS:  # kept as text with a generic key
            referent = self._definite_referent(token, start)
            if referent is not None:
                return self._linked(text, start, end, referent)
            return Actor(text, start, end, f"GROUP:{token.lower_}")
        if token.pos_ == "PROPN" and token.ent_type_ not in NON_ACTOR_ENTITY_LABELS and not self.weapon(token):
            return Actor(text, start, end)
        return None

    def paired(self, token) -> list[Actor]:
        """One actor per coordinated party modifier of a group or event noun: "the Russian and
        Turkish presidents", "the Russian-Libyan talks" name two parties, not one; "Indian and
        Pakistani troops", "military officials from India and Pakistan" the two armed forces."""
        if token.pos_ != "NOUN" or not (token.lemma_.lower() in GROUP_WORDS | PEOPLE_WORDS
                                        or _is_event_noun(token)):
            return []
        own = self._mention_of(token)
        military = _military_group(token)
        found: list = []
        seen: set = set()
        for modifier in party_modifiers(token):
            mention = self._mention_of(modifier)
            if mention is None or mention.type not in PARTY_MODIFIER_TYPES or _generic(mention) \
                    or mention.start in seen or (mention is own and not military):
                continue
            seen.add(mention.start)
            start = self.offset + modifier.idx
            actor = self._linked(modifier.text, start, start + len(modifier.text), mention)
            if military:
                actor = _armed_forces_of(actor)
            if all(not actor.entity or actor.entity != a.entity for a in found):
                found.append(actor)
        return found if len(found) > 1 else []

    def thing(self, token) -> Actor | None:
        """A thing acted upon ("power lines leading into Kabul"), keyed by a named place or party
        inside it when there is one."""
        if token.pos_ not in ("NOUN", "PROPN") or token.lower_ in NON_ACTORS or is_abstract(token):
            return None
        left, right = _phrase_bounds(token, extend=True)
        start = self.offset + left.idx
        end = self.offset + right.idx + len(right.text)
        inside = self.mentions.covering(start, end)
        if inside is not None:
            actor = self._linked(self.doc.text[start:end], start, end, inside)
            actor.named, actor.type = False, "THING"
            return actor
        return Actor(self.doc.text[start:end], start, end, type="THING")

    def weapon(self, token) -> bool:
        """A weapon the knowledge base names ("machineguns", "a car bomb"); platforms can be hit."""
        start = self.offset + token.idx
        return any(m.type == "WEAPON" and m.start <= start < m.end for m in self.doc.mentions)

    def _mention_of(self, token) -> Mention | None:
        start = self.offset + token.idx
        return self.mentions.covering(start, start + len(token.text))

    def _owner(self, token) -> Mention | None:
        """The one a group acts for: "X's", "loyal to X", "of X", "Russian", an apposition."""
        for child in token.children:
            if child.dep_ == "poss" or child.dep_ in ("compound", "amod", "nmod"):
                mention = self._mention_of(child)
                if mention is not None and not _generic(mention):  # "military exercises" have no owner
                    return mention
            if child.dep_ == "amod" and child.lemma_.lower() in ("loyal", "affiliated", "close"):
                for prep in child.children:
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and self._mention_of(obj):
                            return self._mention_of(obj)
            if (child.dep_ in ("prep", "acl") and child.lower_ in ("of", "from", "led", "backed")) or (
                    child.dep_ == "prep" and _owner_preposition(token, child)):
                for obj in _owner_phrase(child):
                    if obj.dep_ in ("pobj", "agent") and self._mention_of(obj):
                        return self._mention_of(obj)
            if child.dep_ == "appos" and self._mention_of(child):
                return self._mention_of(child)
        return None

    def _own_country(self, token) -> Actor | None:
        """ "his country", "her nation": the state of the person named earlier in the sentence
        ("Modi said his country will respond": India)."""
        if token.lemma_.lower() not in ("country", "nation") or not any(
                c.dep_ == "poss" and c.lower_ in ("his", "her") for c in token.children):
            return None
        kb = _kb()
        for candidate in reversed(token.sent[: token.i - token.sent.start]):
            mention = self._mention_of(candidate) if candidate.pos_ == "PROPN" else None
            if mention is not None and mention.type == "PERSON":
                state = kb.country(mention.country) if kb and mention.country else None
                if state is None:
                    return None
                start = self.offset + token.idx
                return Actor(token.text, start, start + len(token.text), state.id, state.country,
                             named=True, type="COUNTRY")
        return None

    def _pronoun_referent(self, token):
        """The person an object "him"/"her" stands for ("called Erdogan and urged him"): the
        nearest person named earlier in the sentence outside its clause's subject (which a
        non-reflexive pronoun cannot be), else the person subject of the previous sentence when
        this clause's subject is another name ("Obama met Netanyahu. Clinton urged him"); "He
        urged him" and "The president urged him" are left alone, their subject may be that person."""
        subjects = _clause_subjects(token)
        clauses = {t.i for s in subjects for c in s.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
        excluded = {t.i for s in subjects for t in s.subtree} - clauses  # "X, who met Y, urged him": Y
        for candidate in reversed(token.sent[: token.i - token.sent.start]):
            if candidate.i not in excluded and self._person_head(candidate):
                return candidate
        if token.sent.start == 0 or not subjects or any(s.pos_ != "PROPN" for s in subjects):
            return None  # "He urged him", "The president urged him": the subject may be that person
        previous = token.doc[token.sent.start - 1].sent
        for subject in (c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")):
            if self._person_head(subject) and all(
                    self._mention_of(subject) != self._mention_of(s) for s in subjects):
                return subject
        return None

    def _person_head(self, token) -> bool:
        """The head word of a person's name ("Erdogan" in "President Recep Tayyip Erdogan")."""
        mention = self._mention_of(token) if token.pos_ == "PROPN" else None
        return mention is not None and mention.type == "PERSON" and token.dep_ not in ("compound", "flat")

    def _definite_referent(self, token, start: int) -> Mention | None:
        """ "The army is receiving support": the most recent organisation whose name holds the
        kind ("Libyan National Army"), earlier in the same paragraph; only for a bare singular
        "the army" (no owner, no other modifier)."""
        kinds = DEFINITE_KINDS.get(token.lemma_.lower())
        if kinds is None or token.tag_ != "NN":
            return None
        lefts = list(token.lefts)
        if len(lefts) != 1 or lefts[0].lower_ != "the" or any(c.dep_ in ("prep", "acl", "appos")
                                                            for c in token.rights):
            return None
        paragraph = self.doc.text.rfind("\n", 0, start) + 1
        mentions = self.mentions.mentions
        for mention in reversed(mentions[:bisect_left(self.mentions.starts, start)]):
            if mention.start < paragraph:
                return None
            if mention.type != "ORGANIZATION" or mention.end > start:
                continue
            words = {w.strip(".,()").lower() for w in f"{mention.name or ''} {mention.text}".split()}
            if words & kinds and not _generic(mention):
                return mention
        return None

    def _linked(self, text: str, start: int, end: int, mention: Mention) -> Actor:
        entity = mention.entity or mention.kb_id
        country = mention.country
        if entity is None or country is None:
            key, country = _kb_key(mention.text, country)
            entity = entity or key
        return Actor(text, start, end, entity, country, named=True, type=mention.type)


# People who act for the state they are in: "officials in India" are India's officials.
STATE_PEOPLE = frozenset({"official", "leader", "authority", "counterpart", "minister", "government",
                          "diplomat", "officer", "commander"})


def _owner_preposition(token, prep) -> bool:
    """ "officials from India and Pakistan", "top officials in India and Pakistan"."""
    return prep.lower_ == "from" or (prep.lower_ == "in" and token.lemma_.lower() in STATE_PEOPLE)


def _military_group(token) -> bool:
    """ "troops", "forces", "military officials": people who act as a state's armed forces."""
    return token.lower_ in MILITARY_NOUNS or token.lemma_.lower() in MILITARY_NOUNS or any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("military", "army") for c in token.children)


def _armed_forces_of(actor: Actor) -> Actor:
    """The armed forces of a state actor ("Indian" in "Indian and Pakistani troops")."""
    kb = _kb()
    state = kb.get(actor.entity) if kb and actor.entity and not actor.entity.endswith(MILITARY_SUFFIX) else None
    if state is None or state.type != "COUNTRY":
        return actor
    forces = armed_forces(kb, state)
    return Actor(actor.text, actor.start, actor.end, forces.id, actor.country, named=True, type="ORGANIZATION")


def held_things(token) -> list:
    """ "took control of the oil terminals": what a holding noun is of (the terminals), else
    [`token`]."""
    if token.lemma_.lower() in HOLDING_NOUNS:
        held = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
        if held:
            return held
    return [token]


def _title_only(token) -> bool:
    """A proper noun that is only a title ("Gen", "President"), with no name in its phrase."""
    if token.pos_ != "PROPN" or token.text.strip(".").lower() not in TITLE_WORDS:
        return False
    return all(c.dep_ in ("det", "punct") for c in token.children)


def party_modifiers(token) -> list:
    """The modifiers of a noun that may each name a party, coordinated ("Russian and Turkish",
    "officials from India and Pakistan") or joined by a hyphen ("Russian-Libyan", "US-Iraqi")."""
    found = []
    people = token.lemma_.lower() in GROUP_WORDS | PEOPLE_WORDS  # not "strikes from both sides"
    for prep in (c for c in token.children if people and c.dep_ == "prep" and _owner_preposition(token, c)):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            found += [obj, *(c for c in obj.children if c.dep_ == "conj")]
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "nmod") or child.i > token.i:
            continue
        group = [child]
        group += [c for c in child.children if c.dep_ == "conj" or (
            c.dep_ in ("amod", "compound", "nmod") and c.i < child.i and _hyphen_between(c, child))]
        for member in sorted(group, key=lambda t: t.i):
            if member not in found:
                found.append(member)
    return found


def _hyphen_between(left, right) -> bool:
    doc = left.doc
    return right.i == left.i + 2 and doc[left.i + 1].text in ("-", "–", "/")


def _is_event_noun(token) -> bool:
    return token.lemma_.lower() in NOUN_TRIGGERS


def is_abstract(token) -> bool:
    """An abstract noun ("terrorism", "interference", "security", "process"): never a party nor a
    thing acted upon. Read from `data/abstract_nouns.txt` and the usual abstract suffixes, less
    the concrete exceptions listed there."""
    words, suffixes, concrete = _abstract_tables()
    lemma = token.lemma_.lower()
    if lemma in concrete or token.lower_ in concrete:
        return False
    if lemma in words or token.lower_ in words:
        return True
    return token.pos_ == "NOUN" and any(lemma.endswith(s) and len(lemma) > len(s) + 3 for s in suffixes)


@lru_cache(maxsize=1)
def _abstract_tables() -> tuple[frozenset, tuple, frozenset]:
    """(words, suffixes, concrete exceptions) from `data/abstract_nouns.txt`, read once."""
    sections: dict[str, set[str]] = {"words": set(), "suffixes": set(), "concrete": set()}
    current = "words"
    for line in (Path(__file__).parent / "data" / "abstract_nouns.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif line:
            sections.setdefault(current, set()).add(line)
    return (frozenset(sections["words"]), tuple(sorted(sections["suffixes"])),
            frozenset(sections["concrete"]))


def _generic(mention: Mention) -> bool:
    """A mention that is only a common group noun ("troops", "the army") with no entity: the
    recogniser's guess, not a name; kept as a group actor instead."""
    if mention.entity or mention.kb_id:
        return False
    words = mention.text.lower().split()
    words = words[1:] if words and words[0] in ("the", "a", "an") else words
    return len(words) == 1 and (words[0].rstrip("s") in GROUP_WORDS | PEOPLE_WORDS
                                or words[0] in GROUP_WORDS | PEOPLE_WORDS)


def _clause_subjects(token) -> list:
    """The subjects of the clause a pronoun object belongs to, shared along coordinated verbs."""
    node = token.head.head if token.dep_ == "pobj" else token.head
    for _ in range(4):
        found = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if found or node.dep_ not in ("conj", "xcomp") or node.head == node:
            return found
        node = node.head
    return []


def _acronym(token) -> bool:
    """ "US" is the United States, not the pronoun "us"."""
    return token.pos_ == "PROPN" and len(token.text) > 1 and token.text.isupper()


def _named_apposition(token) -> bool:
    """ "Russia's ministers, Lavrov and Shoigu": names after a comma that name the plural group
    before them are one actor with it, not more actors."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in GROUP_WORDS | PEOPLE_WORDS:
        return False
    conj = [c for c in token.children if c.dep_ == "conj"]
    return bool(conj) and conj[0].pos_ == "PROPN" and conj[0].i > 0 and \
        token.doc[conj[0].i - 1].text == "," and not any(c.dep_ == "cc" for c in token.children)


def _owner_phrase(prep) -> list:
    """The words of an "of"/"by" owner phrase, not through places, origins or clauses inside it."""
    found, frontier = [], list(prep.children)
    while frontier:
        node = frontier.pop(0)
        found.append(node)
        frontier.extend(c for c in node.children if c.dep_ not in ("relcl", "advcl")
                        and not (c.dep_ == "prep" and c.lower_ in NOT_OWNER_INNER_PREPS))
    return found


def _counted(token):
    """ "tens of thousands of students" -> "students", "a group of Yoruba leaders" -> "leaders"."""
    if token.lower_ in COLLECTIVE_HEADS and token.pos_ == "NOUN":
        for obj in (o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"):
            if obj.tag_ in ("NNS", "NNPS") or obj.pos_ == "PROPN":
                return _counted(obj) or obj
        return None
    if token.lower_ not in QUANTITY_HEADS and token.pos_ != "NUM":
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _counted(obj) or obj
    return None


def _conjuncts(token) -> list:
    found = []
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
            found.append(child)
            found.extend(_conjuncts(child))
    return found


def _phrase_bounds(token, *, extend: bool):
    """First and last token of the actor phrase headed by `token`."""
    left = token
    for child in token.lefts:
        if child.dep_ in PHRASE_LEFT_DEPS:
            left = min(left, child.left_edge, key=lambda t: t.i)
    while left.i < token.i and (left.dep_ == "det" or left.is_punct or left.is_space):
        left = left.doc[left.i + 1]
    right = token
    if extend:
        for child in token.rights:
            if child.dep_ in ("amod", "prep", "acl") and child.lower_ not in ("in", "on", "at", "with"):
                right = max(right, child.right_edge, key=lambda t: t.i)
    while right.i > token.i and right.is_punct:
        right = right.doc[right.i - 1]
    return left, right
