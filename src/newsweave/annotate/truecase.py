"""Restore letter case in all-caps or all-lowercase text (wire copy, headlines, MUC messages)
so that the spaCy model, trained on mixed case, reads it as well as ordinary prose.

Only letter case changes, one character for one character, so every offset into the cased text
is an offset into the original. A line is recased only when it is mostly upper case or has no
capital at all; ordinary mixed-case lines are left as they are.

Word case comes from what ships offline: the knowledge base (states, demonyms, places, actors,
given names, acronyms) says what is a name, spaCy's lemmatizer tables (WordNet's lemmas, with
the lemmatizer's suffix rules for inflected forms) say what is a common English word; a word in
neither is taken for a name.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from ..kb import KnowledgeBase, knowledge_base, normalise

# Lines (paragraphs) are judged and recased one at a time: a page may mix an all-caps headline
# with prose; a sentence is too short a unit ("COL. ISAACS SAID" would be cut at "COL.").
_SEGMENT_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*\s")
_WORD_RE = re.compile(r"[^\W\d_]+")
# A line is "mostly upper case" when this share of its cased letters are capitals.
UPPER_SHARE = 0.8
MIN_WORDS = 3  # shorter fragments ("AP", "US and UK") say too little about their case
# Lower-case words inside a name ("Frente Farabundo Marti para la Liberacion Nacional").
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "de", "del", "la", "las", "los", "para", "y",
                            "da", "do", "dos", "di", "du", "des", "al", "bin", "ibn", "van", "von"})
# A common noun (never a verb, adjective or adverb) that is also a place is capitalised only
# for a big place (Lima, Boston; not Bank, Drama or Plantation), or a given name (John).
BIG_PLACE = 100_000
MAX_NAME_WORDS = 8
# Month and weekday names, always capitalised (WordNet lists them among common nouns).
CALENDAR_NAMES = frozenset(n.lower() for n in (*calendar.month_name[1:], *calendar.day_name))
MAX_CACHED_WORDS = 200_000
GUESSED_NAME = "guessed name"  # the style of a word known neither as a name nor as a common word
POS = ("noun", "verb", "adj", "adv")  # the parts of speech of spaCy's English lemmatizer tables


def needs_truecasing(text: str) -> bool:
    """Mostly capitals, or no capital at all, over at least MIN_WORDS words."""
    words = _WORD_RE.findall(text)
    if len(words) < MIN_WORDS:
        return False
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    return upper == 0 or upper >= UPPER_SHARE * (upper + lower)


def _recase(word: str, style: str) -> str:
    """`word` in `style` (lower, upper, title), character for character."""
    out = []
    for i, ch in enumerate(word):
        new = ch.upper() if style == "upper" or (style == "title" and i == 0) else ch.lower()
        out.append(new if len(new) == 1 else ch)  # "ß".upper() is "SS": keep the length
    return "".join(out)


class Truecaser:
    def __init__(self, nlp, kb: KnowledgeBase | None = None):
        self.kb = kb or knowledge_base()
        lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        tables = {name: lookups.get_table(name) if lookups and lookups.has_table(name) else {}
                  for name in ("lemma_index", "lemma_exc", "lemma_rules")}
        # The tables are keyed by the hash of the part of speech (Table hashes a str key).
        self.index = {pos: set(tables["lemma_index"].get(pos, ())) for pos in POS}
        self.exceptions = {pos: set(tables["lemma_exc"].get(pos, {})) for pos in POS}
        self.rules = {pos: list(tables["lemma_rules"].get(pos, ())) for pos in POS}
        self.countries = frozenset(self.kb.by_code.values())
        self.stop_words = frozenset(nlp.Defaults.stop_words)
        # spaCy's spelling norms ("armoured" -> "armored"): British forms WordNet lacks.
        norms = nlp.vocab.lookups
        self.norms = norms.get_table("lexeme_norm") if norms.has_table("lexeme_norm") else {}
        self._styles: dict[str, str] = {}

    def __call__(self, text: str, *, guess_names: bool = True) -> str:
        """`text` with the case of its mostly-caps and all-lowercase lines restored. Without
        `guess_names`, a word known neither as a name nor as a common word stays lower case
        (reader comments: slang and typos, rather than the names of wire copy)."""
        parts, last = [], 0
        for match in _SEGMENT_RE.finditer(text):
            if needs_truecasing(match.group(0)):
                parts.append(text[last:match.start()])
                parts.append(self.recase_line(match.group(0), guess_names=guess_names))
                last = match.end()
        parts.append(text[last:])
        return "".join(parts) if last else text

    def recase_line(self, line: str, *, guess_names: bool = True) -> str:
        words = list(_WORD_RE.finditer(line))
        styles: list[str] = []
        i = 0
        while i < len(words):
            span = self._name_at(line, words, i)
            if span > 1:
                for j in range(i, i + span):
                    styles.append(self._name_word_style(words[j].group(0), first=j == i))
                i += span
                continue
            style = self.word_style(words[i].group(0).lower())
            styles.append(style if style != GUESSED_NAME else "title" if guess_names else "lower")
            i += 1
        for j, word in enumerate(words):  # a sentence starts with a capital
            before = line[words[j - 1].end():word.start()] if j else ""
            if styles[j] == "lower" and (j == 0 or _SENTENCE_END_RE.search(before)):
                styles[j] = "title"
        out, last = [], 0
        for word, style in zip(words, styles):
            out.append(line[last:word.start()])
            out.append(_recase(word.group(0), style))
            last = word.end()
        out.append(line[last:])
        return "".join(out)

    def _name_at(self, line: str, words: list, i: int) -> int:
        """How many words from `i` make the longest knowledge-base name (0 if none)."""
        best = 0
        if words[i].group(0).lower() in self.stop_words:
            return 0  # "the" before a name is cased as a word ("the Guatemalan army")
        for n in range(2, min(MAX_NAME_WORDS, len(words) - i) + 1):
            gap = line[words[i + n - 2].end():words[i + n - 1].start()]
            if gap.strip(" -.'’") or "\n" in gap:
                break  # a name does not run over a comma or a line break
            key = normalise(line[words[i].start():words[i + n - 1].end()])
            if key in self.kb.by_alias and self._is_name(key):
                best = n
            elif not self.kb.is_key_prefix(key):
                break
        return best

    def _is_name(self, key: str) -> bool:
        """A knowledge-base alias worth capitalising: not a thing the knowledge base names in
        lower case ("armoured vehicles"), nor a small place made of common words ("forest lake")."""
        entry = self.kb.get(self.kb.by_alias[key][0])
        if entry is None or entry.name[:1].islower():
            return False
        return (not all(self.is_common(w) for w in key.split())
                or entry.population == 0 or entry.population >= BIG_PLACE)

    @staticmethod
    def _name_word_style(word: str, *, first: bool) -> str:
        return "lower" if not first and word.lower() in NAME_PARTICLES else "title"

    def word_style(self, word: str) -> str:
        """How to case one lower-cased word outside a multi-word name."""
        style = self._styles.get(word)
        if style is None:
            if len(self._styles) >= MAX_CACHED_WORDS:
                self._styles.clear()  # a long run meets many names: keep memory bounded
            style = self._styles[word] = self._word_style(word)
        return style

    def _word_style(self, word: str) -> str:
        if word == "i":
            return "upper"
        if len(word) == 1:
            return "lower"
        if word in self.stop_words:
            return "lower"
        if word in self.kb.demonyms or word in CALENDAR_NAMES or self._is_country(word):
            return "title"
        if self.is_common(word):
            noun_only = not any(self._is_form_of(word, pos) for pos in ("verb", "adj", "adv"))
            return "title" if noun_only and (word in self.kb.first_names or self._is_big_place(word)) else "lower"
        if word in self.kb.acronyms:
            return "upper"
        if word in self.kb.first_names or word in self.kb.by_alias:
            return "title"
        if not any(ch in "aeiouy" for ch in word) and len(word) <= 5:
            return "upper"  # "fmln", "urng": unpronounceable, an acronym
        return GUESSED_NAME  # an unknown word is most likely a name ("cerezo", "apopa")

    def _is_country(self, word: str) -> bool:
        return any(i in self.countries for i in self.kb.by_alias.get(word, ()))

    def _is_big_place(self, word: str) -> bool:
        for kb_id in self.kb.by_alias.get(word, ()):
            entry = self.kb.get(kb_id)
            if entry is not None and entry.type == "LOCATION" and entry.population >= BIG_PLACE:
                return True
        return False

    def is_common(self, word: str) -> bool:
        if word in self.stop_words or any(self._is_form_of(word, pos) for pos in self.index):
            return True
        norm = self.norms.get(word)
        return bool(norm and norm != word and self.is_common(norm))

    def _is_form_of(self, word: str, pos: str) -> bool:
        """`word` is a lemma of `pos` or an inflection of one (spaCy's rule lemmatizer)."""
        lemmas = self.index.get(pos, ())
        if word in lemmas or word in self.exceptions.get(pos, ()):
            return True
        return any(word.endswith(old) and word[:len(word) - len(old)] + new in lemmas
                   for old, new in self.rules.get(pos, ()))


@lru_cache(maxsize=2)
def truecaser_for(nlp) -> Truecaser:
    return Truecaser(nlp)
