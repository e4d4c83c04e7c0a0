"""Cluster bare mentions (text, type, document, position) into entities, with no KB links.

Used where mentions come without the recognizer's keys, e.g. the gold mentions of ECB+ in
`evaluation/coref.py`. Documents are first grouped into stories (`stories.py`). Names go through
the same clustering as the store's entities (`clusters.py`: exact keys, spelling variants,
partial names, plus, within one collection, names that begin or end a longer one and longer
forms of a full name); a name written after a role ("lawyer Mark Heller") is that name.
Common-noun descriptions ("the actress", "the bank") join others with the same head word in
their type family and story; then the one name of their story ending in that head ("Marfin
Bank"), else the one name written with that role ("the lawyer" -> "lawyer Mark Heller"), else,
for a singular description of a main actor (not a lawyer, relative or official), the one name
its documents are about. Pronouns join the nearest earlier mention in their document that fits
them ("they": a group or a body, never one person).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..kb import normalise
from .backrefs import ROLE_WORDS
from .clusters import TYPE_FAMILIES, Node, cluster_nodes
from .names import name_key
from .stories import group_documents

# Pronouns and what they may refer back to: "person" (he, she), "thing", or "any" (they, their).
PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself", "she", "her", "hers", "herself"), "person"),
    **dict.fromkeys(("it", "its", "itself"), "thing"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves", "those", "these"), "any"),
    **dict.fromkeys(("who", "whom", "whose"), "person"),
    **dict.fromkeys(("which", "that", "this", "where", "there", "here"), "thing"),
    **dict.fromkeys(("i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
                     "you", "your", "yours", "yourself"), "speaker"),
}
# Words before a description's head that do not change what it names ("the", "a", "this").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
                         "their", "our", "my", "your"})
# A pronoun looks back at most this many mentions for its antecedent (beyond, it is a guess).
PRONOUN_WINDOW = 6
# Lowercase words that are still part of names ("bin", "de"): they do not make a mention a description.
NAME_JOINERS = frozenset({"of", "the", "and", "de", "du", "van", "von", "bin", "al", "el", "la", "le", "&"})

# Shorter words say nothing about which story a document tells ("of", "a", "us").
MIN_STORY_WORD = 3
# Plural nouns without an "s" (they name a group, never one named person).
PLURAL_NOUNS = frozenset({"people", "men", "women", "children", "police", "staff", "crew", "folks",
                          "troops", "forces", "authorities", "officials"})
# Counts: a description that is a number names a group ("two", "dozens").
NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
                          "dozens", "hundred", "hundreds", "thousand", "thousands", "both", "all"})
# Endings of singular nouns that do end in "s" ("actress", "virus", "analysis").
SINGULAR_ENDINGS = ("ss", "us", "is", "ous", "ics")
# Families whose descriptions stand for the story's main named actor ("the actress", "the team", "the
# facility"); things and places are described in too many ways ("the flaw", "the country") to guess.
MAIN_NAME_FAMILIES = frozenset({"person", "org", "fac"})
# People around the main actor, not the actor: who speak for, defend, judge or are related to them.
SIDE_ROLES = frozenset({
    "lawyer", "attorney", "counsel", "prosecutor", "judge", "jury", "juror", "witness",  # the court
    "spokesman", "spokeswoman", "spokesperson", "publicist", "rep", "representative", "agent",
    "manager", "source", "official", "officer", "cop", "policeman", "detective", "investigator",
    "authority", "police", "doctor", "coroner", "neighbor", "neighbour", "friend", "victim",
    "mother", "father", "mom", "mum", "mommy", "dad", "daddy", "parent", "son", "daughter", "child",
    "brother", "sister", "sibling", "wife", "husband", "boyfriend", "girlfriend", "ex-girlfriend",
    "ex-boyfriend", "ex-wife", "ex-husband", "fiance", "fiancee", "family", "relative", "cousin",
    "uncle", "aunt", "grandmother", "grandfather", "stepmom", "stepmother", "stepfather",
})
# Linking a description to the story's main name: its documents must name that name this often,
# and the name must be written this many times as often as the next name of its family there.
LINK_COVERAGE = 0.5
LINK_DOMINANCE = 2.0

# Role nouns written capitalised before a full name, as a title ("Attorney Shawn Holley").
ROLE_TITLES = SIDE_ROLES | {w for w in ROLE_WORDS if " " not in w}


@dataclass
class BareMention:
    id: str
    doc: str
    position: int  # order in the document
    text: str
    type: str  # a MENTION_TYPES name


# Prepositions that start a location or goal mention ("in Malibu", "to a rehab facility") or
# start the modifier after its head ("Promises Treatment Center in Malibu"): not the entity's name.
PREPOSITIONS = frozenset({"in", "at", "into", "to", "from", "on", "for", "by", "near", "between",
                          "inside", "outside", "across", "within", "of", "with"})


def core(text: str) -> str:
    """The mention without a leading preposition and trailing modifiers ("into X in Y , Z" -> "X")."""
    return " ".join(_name_after_role(_trimmed(text)))


def _trimmed(text: str) -> list[str]:
    words = text.split()
    while len(words) > 1 and words[0].lower() in PREPOSITIONS:
        words = words[1:]
    for i, word in enumerate(words[1:], 1):
        if word == "," or (word.lower() in PREPOSITIONS and word.lower() != "of"):
            return words[:i]
    return words


def role_word(text: str) -> str | None:
    """The role a name is written with ("lawyer Mark Heller", "Attorney Shawn Holley" -> "lawyer", "attorney")."""
    words = _trimmed(text)
    name = _name_after_role(words)
    lead = words[:len(words) - len(name)]
    if not lead:
        key = name_key(" ".join(name)).split()
        full = normalise(" ".join(name)).split()
        if len(key) < len(full) and full[len(full) - len(key):] == key:
            lead = full[:len(full) - len(key)]
    lead = [w.lower() for w in lead if w.lower() not in DETERMINERS and w.isalpha()]
    return lead[-1] if lead else None


def _name_after_role(words: list[str]) -> list[str]:
    """A full name after lowercase role words is the name ("lawyer Mark Heller" -> "Mark Heller")."""
    tail = len(words)
    while tail > 0 and words[tail - 1][:1].isupper():
        tail -= 1
    if tail == 0 and len(words) >= 3 and words[0].lower() in ROLE_TITLES:
        return words[1:]  # "Attorney Shawn Holley": a role written as a title
    lead = [w for w in words[:tail] if w.lower() not in DETERMINERS]
    if len(words) - tail < 2 or not lead or not all(
            w[:1].islower() and w.isalpha() and w not in PREPOSITIONS for w in lead):
        return words  # "southern Iran", "the streets of New York": a part of the place, not it
    return words[tail:]


def kind_of(text: str) -> str:
    """"pronoun", "name" (capitalised words) or "description" (a common noun phrase)."""
    words = text.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    content = [w for w in words if w.lower() not in DETERMINERS]
    if content and any(w[:1].isupper() for w in content) and all(
            w[:1].isupper() or w.lower() in NAME_JOINERS or not w[:1].isalpha() for w in content):
        return "name"
    return "description"


def head_word(text: str) -> str:
    """The head of a description: its last word, lowercased, a plural 's' dropped."""
    words = [w.lower() for w in text.split() if w[:1].isalnum()]
    if not words:
        return text.lower()
    head = words[-1].replace("\u2019", "'").removesuffix("'s").rstrip("'")
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return head


def is_plural(text: str) -> bool:
    """A plural description ("the officers", "people"): it names a group, not one named person."""
    words = [w.lower() for w in text.split() if w[:1].isalnum()]
    if not words:
        return False
    last = words[-1].replace("\u2019", "'").removesuffix("'s").rstrip("'")
    if last in PLURAL_NOUNS or last in NUMBER_WORDS or last.replace(",", "").isdigit():
        return True  # "two", "12": a count of people, not one of them
    return len(last) > 3 and last.endswith("s") and not last.endswith(SINGULAR_ENDINGS)


def _fits(pronoun: str, mention: BareMention) -> bool:
    if kind_of(core(mention.text)) == "pronoun":
        return False
    wanted = PRONOUNS[pronoun.lower()]
    family = TYPE_FAMILIES.get(mention.type, "other")
    if wanted == "person":
        return family == "person" and not is_plural(core(mention.text))
    if wanted == "thing":
        return family != "person"
    # "they": a group, or a body; one named or described person is "he" or "she".
    return wanted == "any" and (family != "person" or is_plural(core(mention.text)))


def _family(m: BareMention) -> str:
    return TYPE_FAMILIES.get(m.type, m.type.lower())


def _kinds(mentions: list[BareMention]) -> dict[str, str]:
    """Each mention's kind; a lone capitalised word used elsewhere as a common noun is a description."""
    kinds = {m.id: kind_of(core(m.text)) for m in mentions}
    heads = {(_family(m), head_word(core(m.text))) for m in mentions if kinds[m.id] == "description"}
    for m in mentions:
        text = core(m.text)
        if kinds[m.id] == "name" and len(text.split()) == 1 and (_family(m), head_word(text)) in heads:
            kinds[m.id] = "description"  # "Gun" in a headline is the "gun" of the text
    return kinds


def _stories(mentions: list[BareMention], kinds: dict[str, str]) -> dict[str, int]:
    """Document -> story, from the words of its names and descriptions (not pronouns)."""
    words: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        words[m.doc] += [] if kinds[m.id] == "pronoun" else [
            w for w in normalise(core(m.text)).split() if len(w) >= MIN_STORY_WORD and w not in DETERMINERS]
    return group_documents(words)


def _name_clusters(mentions: list[BareMention], kinds: dict[str, str], stories: dict[str, int]) -> dict[str, str]:
    """Names and descriptions (not pronouns) -> cluster id, through the name clustering.

    Names are keyed across all documents; descriptions only within their story.
    """
    nodes: dict[str, Node] = {}
    node_of: dict[str, str] = {}
    for m in mentions:
        text, kind, family = core(m.text), kinds[m.id], _family(m)
        if kind == "pronoun":
            continue
        key = (f"{family}|{name_key(text)}" if kind == "name"
               else f"{family}|~{head_word(text)}@{stories[m.doc]}")
        node = nodes.setdefault(key, Node(key, m.type if kind == "name" else "OTHER:" + family, names=Counter()))
        if kind == "name":
            node.names[text] += 1
        node_of[m.id] = key
    roots = cluster_nodes(list(nodes.values()), prefixes=True)
    return {mid: roots[key] for mid, key in node_of.items()}


def _attach_descriptions(mentions: list[BareMention], kinds: dict[str, str],
                         named: dict[str, str], stories: dict[str, int]) -> dict[str, str]:
    """A description joins the one name of its family and story that ends in its head ("the bank" -> "Marfin Bank")."""
    by_last: dict[tuple, set[str]] = defaultdict(set)  # (story, family, last word of a name) -> name clusters
    for m in mentions:
        if kinds[m.id] == "name":
            by_last[(stories[m.doc], _family(m), head_word(core(m.text)))].add(named[m.id])
    target: dict[str, str] = {}
    for m in mentions:
        if kinds[m.id] == "description":
            same_head = by_last.get((stories[m.doc], _family(m), head_word(core(m.text))), set())
            if len(same_head) == 1:
                target[named[m.id]] = next(iter(same_head))
    return {mid: target.get(c, c) for mid, c in named.items()}


def _link_to_main_names(mentions: list[BareMention], kinds: dict[str, str],
                        cluster: dict[str, str], stories: dict[str, int]) -> dict[str, str]:
    """A singular description cluster joins the one name it stands for ("the actress" -> Tara Reid).

    Either the story writes exactly one name of the family with that role ("lawyer Mark Heller" for
    "the lawyer"), or the description is not a side role and its documents are about one name: of
    its family, named in most of them, and written there clearly more often than any other.
    """
    name_clusters = {cluster[m.id] for m in mentions if kinds[m.id] == "name"}
    named_in: dict[tuple, Counter] = defaultdict(Counter)  # (doc, family) -> name cluster -> mentions
    with_role: dict[tuple, set[str]] = defaultdict(set)  # (story, family, role) -> name clusters
    for m in mentions:
        if kinds[m.id] == "name":
            named_in[(m.doc, _family(m))][cluster[m.id]] += 1
            role = role_word(m.text)
            if role:
                with_role[(stories[m.doc], _family(m), role)].add(cluster[m.id])
    members: dict[str, list[BareMention]] = defaultdict(list)
    for m in mentions:
        if kinds[m.id] == "description" and cluster[m.id] not in name_clusters:
            members[cluster[m.id]].append(m)
    target: dict[str, str] = {}
    for cid, group in members.items():
        family = _family(group[0])
        if any(is_plural(core(m.text)) for m in group):
            continue
        roles = {frozenset(with_role.get((stories[m.doc], family, head_word(core(m.text))), ())) for m in group}
        if len(roles) == 1 and len(written := next(iter(roles))) == 1:
            target[cid] = next(iter(written))
            continue
        if family not in MAIN_NAME_FAMILIES or any(head_word(core(m.text)) in SIDE_ROLES for m in group):
            continue
        docs = {m.doc for m in group}
        salience: Counter = Counter()
        covered: Counter = Counter()
        for doc in docs:
            found = named_in.get((doc, family), Counter())
            salience.update(found)
            covered.update(found.keys())
        if not salience:
            continue
        ranked = salience.most_common(2)
        top, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if covered[top] >= LINK_COVERAGE * len(docs) and count >= LINK_DOMINANCE * runner_up:
            target[cid] = top
    return {mid: target.get(c, c) for mid, c in cluster.items()}


def _antecedent(pronoun: BareMention, earlier: list[BareMention], cluster: dict[str, str]) -> str | None:
    """The cluster of the nearest earlier non-pronoun mention the pronoun can stand for."""
    if PRONOUNS[core(pronoun.text).lower()] == "speaker":
        return None  # "I", "we": the speaker of a quote, rarely named just before
    for other in reversed(earlier[-PRONOUN_WINDOW:]):
        if other.id in cluster and _fits(core(pronoun.text), other):
            return cluster[other.id]
    return None


def cluster_mentions(mentions: list[BareMention]) -> dict[str, str]:
    """Mention id -> cluster id."""
    kinds = _kinds(mentions)
    stories = _stories(mentions, kinds)
    cluster = _attach_descriptions(mentions, kinds, _name_clusters(mentions, kinds, stories), stories)
    cluster = _link_to_main_names(mentions, kinds, cluster, stories)
    by_doc: dict[str, list[BareMention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (m.doc, m.position)):
        by_doc[m.doc].append(m)
    for doc_mentions in by_doc.values():
        for i, m in enumerate(doc_mentions):
            if kinds[m.id] == "pronoun":
                cluster[m.id] = _antecedent(m, doc_mentions[:i], cluster) or f"pronoun:{m.id}"
    return cluster
