"""Cluster name nodes into actors: exact keys, acronyms, spelling variants, then partial names.

A node is what the recognizer linked under one entity key (a KB id or TYPE:name) with the
names it was written as. Clustering is union-find over nodes; candidates meet only inside
blocks (type family + a name key, skeleton or surname), so the cost stays near-linear, and
every merge passes a gate: never two different KB ids, two countries or two type families.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..disjoint_sets import DisjointSets
from .names import (acronym_fits, full_names_match, is_initial_of, name_key, name_tokens, skeleton,
                    words_match)

# Mention types that can be one actor under either label (a state named as a place).
TYPE_FAMILIES = {"PERSON": "person", "ORGANIZATION": "org", "COUNTRY": "geo", "LOCATION": "geo",
                 "FACILITY": "fac", "PLATFORM": "platform", "WEAPON": "weapon"}
# Families where spelling variants and partial names are looked for (names, not numbers or dates).
FUZZY_FAMILIES = frozenset({"person", "org", "geo", "fac"})
# Families where a name may be the start of a longer one (places and bodies: "Betty Ford Center").
PREFIX_FAMILIES = frozenset({"org", "fac", "geo", "other"})
# Families where a one-word name may be the end of a longer one (teams, products: "Colts").
SUFFIX_FAMILIES = frozenset({"org", "other"})
# Shortest given name taken as the short form of a longer one ("Fred" for "Frederick").
MIN_SHORT_FORM = 3
# Blocks bigger than this hold a common word, not one actor's spellings: compared no further.
MAX_BLOCK = 60
# A one-word name shorter than this is too weak to merge on a spelling variant ("Lee"/"Li").
MIN_VARIANT_WORD = 5


@dataclass
class Node:
    key: str
    type: str
    kb_id: str | None = None
    country: str | None = None
    names: Counter = field(default_factory=Counter)  # surface form -> mentions

    @property
    def family(self) -> str:
        return TYPE_FAMILIES.get(self.type, self.type.lower())


class Clustering:
    """Union-find over nodes with the merge gate."""

    def __init__(self, nodes: list[Node]):
        self.nodes = {node.key: node for node in nodes}
        self.sets = DisjointSets(self.nodes)
        self.kb = {key: {n.kb_id} - {None} for key, n in self.nodes.items()}
        self.countries = {key: {n.country} - {None} for key, n in self.nodes.items()}

    def root(self, key: str) -> str:
        return self.sets.find(key)

    def can_merge(self, a: str, b: str) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return False
        if self.nodes[ra].family != self.nodes[rb].family:
            return False
        return len(self.kb[ra] | self.kb[rb]) <= 1 and len(self.countries[ra] | self.countries[rb]) <= 1

    def merge(self, a: str, b: str) -> bool:
        if not self.can_merge(a, b):
            return False
        ra, rb = sorted((self.root(a), self.root(b)))  # the smaller key wins: order-independent
        self.sets.join(rb, ra)
        self.kb[ra] |= self.kb.pop(rb)
        self.countries[ra] |= self.countries.pop(rb)
        return True

    def groups(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for key in sorted(self.nodes):
            found[self.root(key)].append(key)
        return found


def _name_keys(node: Node) -> set[str]:
    return {k for k in (name_key(name) for name in node.names) if k}


def _merge_blocks(clustering: Clustering, blocks: dict, compare) -> None:
    for members in blocks.values():
        members = sorted(set(members))
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for i, (a, ta) in enumerate(members):
            for b, tb in members[i + 1:]:
                if compare(ta, tb):
                    clustering.merge(a, b)


def merge_same_kb(clustering: Clustering) -> None:
    """Nodes linked to one KB entry (the recognizer's key and a name linked later)."""
    blocks: dict[str, list] = defaultdict(list)
    for node in clustering.nodes.values():
        if node.kb_id:
            blocks[node.kb_id].append((node.key, ""))
    _merge_blocks(clustering, blocks, lambda a, b: True)


def merge_exact(clustering: Clustering) -> None:
    """Nodes written with the same name (titles stripped) in the same type family."""
    blocks: dict[tuple, list] = defaultdict(list)
    for node in clustering.nodes.values():
        for key in _name_keys(node):
            blocks[(node.family, key)].append((node.key, ""))
    _merge_blocks(clustering, blocks, lambda a, b: True)


def merge_variants(clustering: Clustering) -> None:
    """Spelling and transliteration variants: same skeleton, every word a variant of the other."""
    blocks: dict[tuple, list] = defaultdict(list)
    for node in clustering.nodes.values():
        if node.family not in FUZZY_FAMILIES:
            continue
        for key in _name_keys(node):
            tokens = tuple(name_tokens(key))
            if len(tokens) == 1 and len(tokens[0]) < MIN_VARIANT_WORD:
                continue
            blocks[(node.family, len(tokens), skeleton(tokens[-1]))].append((node.key, tokens))

    def compare(a: tuple, b: tuple) -> bool:
        return words_match(a[0], b[0]) if len(a) == 1 else full_names_match(list(a), list(b))

    _merge_blocks(clustering, blocks, compare)


def merge_partial_names(clustering: Clustering) -> None:
    """A lone surname joins the one full name in the corpus that ends with it (never if several)."""
    full: dict[str, list[tuple[str, str]]] = defaultdict(list)  # surname skeleton -> (node, surname)
    lone: list[tuple[str, str]] = []
    for node in clustering.nodes.values():
        if node.family != "person":
            continue
        for key in _name_keys(node):
            tokens = name_tokens(key)
            if len(tokens) == 1:
                lone.append((node.key, tokens[0]))
            else:
                full[skeleton(tokens[-1])].append((node.key, tokens[-1]))
    for key, surname in sorted(lone):
        candidates = full.get(skeleton(surname), [])
        if len(candidates) > MAX_BLOCK:
            continue
        roots = {clustering.root(other) for other, last in candidates if words_match(surname, last)}
        roots.discard(clustering.root(key))
        if len(roots) == 1:
            clustering.merge(key, roots.pop())


def merge_acronyms(clustering: Clustering, definitions: dict[str, set[str]]) -> None:
    """Acronym nodes join the one expansion the corpus defines for them ("LNA" -> the army)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for node in clustering.nodes.values():
        for key in _name_keys(node):
            by_name[key].append(node.key)
    for acronym, expansions in sorted(definitions.items()):
        fitting = {e for e in expansions if acronym_fits(acronym, e)}
        targets = {clustering.root(n) for e in fitting for n in by_name.get(e, [])}
        if len(targets) != 1:
            continue  # undefined here, or defined two ways: leave it alone
        target = targets.pop()
        for node_key in by_name.get(name_key(acronym), []):
            clustering.merge(node_key, target)


def merge_prefixes(clustering: Clustering) -> None:
    """A shorter name that begins the one longer name of its family ("Promises" -> "Promises Treatment Center")."""
    longer: dict[tuple, list[tuple[str, tuple]]] = defaultdict(list)  # (family, first word) -> names
    names: list[tuple[str, str, tuple]] = []
    for node in clustering.nodes.values():
        if node.family not in PREFIX_FAMILIES:
            continue
        for key in _name_keys(node):
            tokens = tuple(key.split())
            names.append((node.key, node.family, tokens))
            longer[(node.family, tokens[0])].append((node.key, tokens))
    for key, family, tokens in sorted(names):
        if len(tokens[0]) < MIN_VARIANT_WORD - 1:
            continue
        candidates = longer.get((family, tokens[0]), [])
        roots = {clustering.root(other) for other, t in candidates if len(t) > len(tokens) and t[:len(tokens)] == tokens}
        roots.discard(clustering.root(key))
        if len(roots) == 1 and len(candidates) <= MAX_BLOCK:
            clustering.merge(key, roots.pop())


def _given_names_fit(short: list[str], long: list[str]) -> bool:
    """Each given name of the shorter name is, in order, one of the longer's, its initial or its short form."""
    position = 0
    for word in short:
        while position < len(long) and not (
                words_match(word, long[position]) or is_initial_of(word, long[position])
                or (len(word) >= MIN_SHORT_FORM and long[position].startswith(word))):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def merge_longer_full_names(clustering: Clustering) -> None:
    """A full name joins the one longer full name of the same person ("Mark Felt" -> "W. Mark Felt",
    "Fred LaRue" -> "Frederick C. LaRue"): same surname, given names kept in order or shortened."""
    by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for node in clustering.nodes.values():
        if node.family != "person":
            continue
        for key in _name_keys(node):
            tokens = name_tokens(key)
            if len(tokens) >= 2:
                by_surname[skeleton(tokens[-1])].append((node.key, tokens))
    for names in by_surname.values():
        if len(names) > MAX_BLOCK:
            continue
        for key, tokens in sorted(names, key=lambda n: (len(n[1]), n)):
            roots = {clustering.root(other) for other, longer in names
                     if len(longer) > len(tokens) and words_match(tokens[-1], longer[-1])
                     and _given_names_fit(tokens[:-1], longer[:-1])}
            roots.discard(clustering.root(key))
            if len(roots) == 1:
                clustering.merge(key, roots.pop())


def merge_suffixes(clustering: Clustering) -> None:
    """A one-word name that ends the one longer name of its family ("Colts" -> "Indianapolis Colts")."""
    longer: dict[tuple, list[tuple[str, str]]] = defaultdict(list)  # (family, skeleton) -> (node, last word)
    single: list[tuple[str, str, str]] = []
    for node in clustering.nodes.values():
        if node.family not in SUFFIX_FAMILIES:
            continue
        for key in _name_keys(node):
            tokens = key.split()
            if len(tokens) == 1:
                single.append((node.key, node.family, tokens[0]))
            else:
                longer[(node.family, skeleton(tokens[-1]))].append((node.key, tokens[-1]))
    for key, family, word in sorted(single):
        if len(word) < MIN_VARIANT_WORD - 1:
            continue
        candidates = longer.get((family, skeleton(word)), [])
        roots = {clustering.root(other) for other, last in candidates if words_match(word, last)}
        roots.discard(clustering.root(key))
        if len(roots) == 1 and len(candidates) <= MAX_BLOCK:
            clustering.merge(key, roots.pop())


def cluster_nodes(nodes: list[Node], *, acronyms: dict[str, set[str]] | None = None,
                  prefixes: bool = False) -> dict[str, str]:
    """Node key -> cluster root key, after every merging step in order.

    `prefixes`: also merge a name into the one longer name it begins or ends, and a full name into
    the one longer form of it (safe within one story; across a whole corpus without KB links it
    joins "Islamic State" to "Islamic State in Libya").
    """
    clustering = Clustering(nodes)
    merge_same_kb(clustering)
    merge_exact(clustering)
    merge_acronyms(clustering, acronyms or {})
    merge_variants(clustering)
    if prefixes:
        merge_longer_full_names(clustering)
    merge_partial_names(clustering)
    if prefixes:
        merge_prefixes(clustering)
        merge_suffixes(clustering)
    return {key: clustering.root(key) for key in clustering.nodes}
