"""Make a loaded spaCy pipeline faster without changing one annotation it makes.

- The attribute ruler (the tag-to-POS map and its exceptions) runs a `Matcher` over every one
  of its patterns at every token: in en_core_web_sm, 179 patterns and about 13% of the
  pipeline's time on news. Its patterns test only a token's tag, lowercase form, dependency
  label and whether it is a space, so which single-token patterns match a token follows from
  those four values: worked out once per distinct combination and kept. The few multi-token
  patterns are checked only where their first token matches. A ruler with any other kind of
  pattern keeps its matcher.
- The rule lemmatizer tests each candidate form for membership in a list of some 57,000 words
  (`form in index`), a scan of about 0.2 ms for each word it has not seen before: the lists are
  given a set for that test.
"""

from __future__ import annotations

import re
from typing import Any, cast

# The token attributes the index reads, in the order of `Doc.to_array`'s columns.
INDEXED_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")

KNOWN_LIMIT = 200_000


# (column, the value it must have or None, IN or None, NOT_IN, REGEX or None)
Condition = tuple[int, Any, "frozenset | None", frozenset, "re.Pattern | None"]


class TokenTest:
    """One token of a pattern as a test of a token's (tag, lowercase form, dependency label,
    is a space) values, read as the `Matcher` reads it: plain values, IN, NOT_IN and REGEX."""

    def __init__(self, conditions: list[Condition]):
        self.conditions = conditions

    @classmethod
    def of(cls, token_spec: dict) -> TokenTest | None:
        """None when the spec tests another attribute or in another way."""
        conditions: list[Condition] = []
        for attribute, spec in token_spec.items():
            if attribute not in INDEXED_ATTRIBUTES:
                return None
            column = INDEXED_ATTRIBUTES.index(attribute)
            if isinstance(spec, (str, bool)):
                conditions.append((column, spec, None, frozenset(), None))
            elif isinstance(spec, dict) and spec and not set(spec) - {"IN", "NOT_IN", "REGEX"}:
                allowed = frozenset(spec["IN"]) if "IN" in spec else None
                regex = re.compile(spec["REGEX"]) if "REGEX" in spec else None
                conditions.append((column, None, allowed, frozenset(spec.get("NOT_IN", ())), regex))
            else:
                return None
        return cls(conditions)

    def __call__(self, values: tuple) -> bool:
        for column, equal, allowed, refused, regex in self.conditions:
            value = values[column]
            if (equal is not None and value != equal) or (allowed is not None and value not in allowed) \
                    or value in refused or (regex is not None and regex.search(value) is None):
                return False
        return True


def _lower_forms(token_spec: dict) -> frozenset[str] | None:
    """The lowercase forms a token spec allows, when it names them (a value or IN)."""
    spec = token_spec.get("LOWER")
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return frozenset(spec["IN"])
    return None


class IndexedRulerMatch:
    """`AttributeRuler.match` for a ruler whose patterns the index understands.

    `rules` holds each pattern as (rule number, its token specs, a test per token)."""

    def __init__(self, ruler, rules: list[tuple[int, list[dict], list[TokenTest]]]):
        self.strings = ruler.vocab.strings
        self.match_ids = [self.strings[str(i)] for i in range(len(ruler.attrs))]
        self.multi = [(i, tests) for i, _, tests in rules if len(tests) > 1]
        # Single-token rules, and the first tokens of multi-token ones (numbered after them): most
        # name the lowercase forms they allow, so a token's form picks the few to test.
        firsts = [(i, specs[0], tests[0]) for i, specs, tests in rules if len(tests) == 1]
        self.single_count = len(firsts)
        firsts += [(n, specs[0], tests[0]) for n, (_, specs, tests) in
                   enumerate((rule for rule in rules if len(rule[2]) > 1))]
        self.by_form: dict[str, list[tuple[int, TokenTest]]] = {}
        self.by_context: list[tuple[int, TokenTest]] = []  # no test of the form
        self.any_form: list[tuple[int, TokenTest]] = []  # a pattern or exclusion of forms
        for number, (_, spec, test) in enumerate(firsts):
            forms = _lower_forms(spec)
            for form in forms or ():
                self.by_form.setdefault(form, []).append((number, test))
            if forms is None:
                (self.any_form if "LOWER" in spec else self.by_context).append((number, test))
        self.firsts = firsts
        # What passed, per distinct (tag, dep, is_space) for the rules that do not test the form,
        # and per distinct (tag, lower, dep, is_space) hashes for all: the single-token rules a
        # token matches and the multi-token rules whose first token it matches.
        self.context_known: dict[tuple, list[int]] = {}
        self.known: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}

    def _values(self, key: tuple) -> tuple:
        tag, lower, dep, is_space = key
        return (self.strings[tag], self.strings[lower], self.strings[dep], bool(is_space))

    def _rules_for(self, key: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
        values = self._values(key)
        context = (key[0], key[2], key[3])
        numbers = self.context_known.get(context)
        if numbers is None:
            numbers = self.context_known[context] = [n for n, test in self.by_context if test(values)]
        candidates = self.by_form.get(values[1], []) + self.any_form
        numbers = sorted(numbers + [number for number, test in candidates if test(values)])
        single = tuple(self.firsts[n][0] for n in numbers if n < self.single_count)
        starts = tuple(self.firsts[n][0] for n in numbers if n >= self.single_count)
        if len(self.known) >= KNOWN_LIMIT:  # a bound on memory over a long run
            self.known.clear()
        self.known[key] = found = (single, starts)
        return found

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(row) for row in doc.to_array(list(INDEXED_ATTRIBUTES)).tolist()]
        matches = set()
        for position, key in enumerate(rows):
            single, starts = self.known.get(key) or self._rules_for(key)
            for i in single:
                matches.add((i, position, position + 1))
            for n in starts:
                i, tests = self.multi[n]
                end = position + len(tests)
                if end <= len(rows) and all(
                        test(self._values(rows[position + k])) for k, test in enumerate(tests[1:], 1)):
                    matches.add((i, position, end))
        return sorted((i, self.match_ids[i], start, end) for i, start, end in matches)


def speed_up(nlp) -> None:
    """Both speed-ups, where the pipeline has the component."""
    index_attribute_ruler(nlp)
    index_lemma_lists(nlp)


class _MemberList(list):
    """A list whose `in` is a set lookup; still a list for whatever else reads or saves it."""

    def __init__(self, items):
        super().__init__(items)
        self.members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self.members


def index_lemma_lists(nlp) -> bool:
    """Give the rule lemmatizer's word lists a set for membership; False when it has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return False
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):  # keyed by the hashes of the parts of speech
        if isinstance(words, list) and not isinstance(words, _MemberList):
            table[key] = _MemberList(words)
    return True


def index_attribute_ruler(nlp) -> bool:
    """Give the pipeline's attribute ruler the indexed `match`; False (ruler unchanged) when it
    has none or a pattern the index does not understand."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    rules = []
    for i, rule in enumerate(ruler.patterns):
        for pattern in rule["patterns"]:
            tests = [TokenTest.of(token_spec) for token_spec in pattern]
            if not pattern or None in tests:
                return False
            rules.append((i, pattern, cast(list[TokenTest], tests)))
    ruler.match = IndexedRulerMatch(ruler, rules)
    return True
