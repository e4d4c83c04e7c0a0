"""Cluster bare mentions (text, type, document, position) into entities, with no KB links.

Used where mentions come without the recognizer's keys, e.g. the gold mentions of ECB+ in
`evaluation/coref.py`. Names go through the same clustering as the store's entities
(`clusters.py`: exact keys, spelling variants, partial names); common-noun descriptions
("the actress", "the quake") join others with the same head word in the same type family;
pronouns join the nearest earlier mention in their document that fits their gender/number.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .clusters import TYPE_FAMILIES, Node, cluster_nodes
from .names import name_key

# Pronouns and what they may refer back to: "person" (he, she), "thing", or "any" (they, their).
PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself", "she", "her", "hers", "herself"), "person"),
    **dict.fromkeys(("it", "its", "itself"), "thing"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "any"),
    **dict.fromkeys(("who", "whom", "whose"), "person"),
    **dict.fromkeys(("which",), "thing"),
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
    words = text.split()
    while len(words) > 1 and words[0].lower() in PREPOSITIONS:
        words = words[1:]
    for i, word in enumerate(words[1:], 1):
        if word == "," or (word.lower() in PREPOSITIONS and word.lower() != "of"):
            words = words[:i]
            break
    return " ".join(words)


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


def _fits(pronoun: str, mention: BareMention) -> bool:
    if kind_of(core(mention.text)) == "pronoun":
        return False
    wanted = PRONOUNS[pronoun.lower()]
    family = TYPE_FAMILIES.get(mention.type, "other")
    if wanted == "person":
        return family == "person"
    if wanted == "thing":
        return family != "person"
    return wanted == "any"


def _name_clusters(mentions: list[BareMention], story=lambda m: "") -> dict[str, str]:
    """Names and descriptions (not pronouns) -> cluster id, through the name clustering."""
    nodes: dict[str, Node] = {}
    node_of: dict[str, str] = {}
    heads = {(TYPE_FAMILIES.get(m.type, m.type.lower()), head_word(core(m.text)))
             for m in mentions if kind_of(core(m.text)) == "description"}
    for m in mentions:
        text = core(m.text)
        kind = kind_of(text)
        if kind == "pronoun":
            continue
        if kind == "name" and len(text.split()) == 1 and (TYPE_FAMILIES.get(m.type, m.type.lower()), head_word(text)) in heads:
            kind = "description"  # "Gun" in a headline is the common noun used elsewhere
        family = TYPE_FAMILIES.get(m.type, m.type.lower())
        key = f"{family}|{name_key(text)}" if kind == "name" else f"{family}|~{head_word(text)}|{story(m)}"
        node = nodes.setdefault(key, Node(key, m.type if kind == "name" else "OTHER:" + family, names=Counter()))
        if kind == "name":
            node.names[text] += 1
        node_of[m.id] = key
    roots = cluster_nodes(list(nodes.values()), prefixes=True)
    return {mid: roots[key] for mid, key in node_of.items()}


def _antecedent(m: BareMention, earlier: list[BareMention], cluster: dict[str, str], fits) -> str | None:
    for other in reversed(earlier[-PRONOUN_WINDOW:]):
        if other.id in cluster and fits(m, other):
            return cluster[other.id]
    return None


def _same_family_name(m: BareMention, other: BareMention) -> bool:
    family = TYPE_FAMILIES.get(m.type, m.type.lower())
    return TYPE_FAMILIES.get(other.type, other.type.lower()) == family and kind_of(core(other.text)) == "name"


def _attach_descriptions(mentions: list[BareMention], named: dict[str, str]) -> dict[str, str]:
    """A description joins the one name of its family that ends in its head ("the bank" -> "Marfin Bank")."""
    is_name: dict[str, bool] = defaultdict(bool)
    for m in mentions:
        if m.id in named:
            is_name[named[m.id]] |= kind_of(core(m.text)) == "name"
    by_last: dict[tuple, set[str]] = defaultdict(set)  # (family, last word of a name) -> name clusters
    for m in mentions:
        if m.id in named and is_name[named[m.id]]:
            by_last[(_family(m), head_word(core(m.text)))].add(named[m.id])
    target: dict[str, str] = {}
    for m in mentions:
        cluster = named.get(m.id)
        if cluster is None or is_name[cluster]:
            continue
        same_head = by_last.get((_family(m), head_word(core(m.text))), set())
        if len(same_head) == 1:
            target[cluster] = next(iter(same_head))
    return {mid: target.get(c, c) for mid, c in named.items()}


def _family(m: BareMention) -> str:
    return TYPE_FAMILIES.get(m.type, m.type.lower())


def cluster_mentions(mentions: list[BareMention]) -> dict[str, str]:
    """Mention id -> cluster id."""
    named = _name_clusters(mentions)
    by_doc: dict[str, list[BareMention]] = {}
    for m in sorted(mentions, key=lambda m: (m.doc, m.position)):
        by_doc.setdefault(m.doc, []).append(m)
    named = _attach_descriptions(mentions, named)
    cluster: dict[str, str] = {}
    for doc_mentions in by_doc.values():
        for i, m in enumerate(doc_mentions):
            text = core(m.text)
            kind = kind_of(text)
            if kind == "name":
                cluster[m.id] = named[m.id]
            elif kind == "description":
                cluster[m.id] = named[m.id]
            else:
                found = None
                if PRONOUNS[text.lower()] != "speaker":
                    found = _antecedent(m, doc_mentions[:i], cluster, lambda p, o: _fits(core(p.text), o))
                cluster[m.id] = found or f"pronoun:{m.id}"
    return cluster
