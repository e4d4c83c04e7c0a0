"""Name keys for resolution: normalised forms, titles stripped, spelling-variant tests, acronyms.

Everything here is a pure function of one or two names, so the clustering in `clusters.py` and
the ECB+ scorer share it. The heuristics are named data with the reason for each.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..kb import TITLES, normalise

# Name particles that transliterations keep or drop at will ("al-Sarraj" / "Sarraj").
PARTICLES = frozenset({"al", "el", "ad", "ed", "as", "ash", "an", "ar", "az", "at", "ul", "ol"})

# Generation suffixes after a surname ("Arcade Joseph Comeaux Jr"): the surname is the word before.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})

# Titles and ranks written before a name; the KB's list plus abbreviations it lacks.
EXTRA_TITLES = ("gen", "lt gen", "maj gen", "brig gen", "field marshal", "marshal", "former", "late",
                "self styled", "strongman", "warlord", "militia leader", "rebel leader", "mr", "mrs", "dr")
_TITLE_SET = frozenset(TITLES) | frozenset(EXTRA_TITLES)
_MAX_TITLE_WORDS = max(len(t.split()) for t in _TITLE_SET)

# Consonant skeleton rewrites: transliterations disagree on vowels and on these spellings.
SKELETON_REWRITES = (("kh", "h"), ("ph", "f"), ("q", "k"), ("ck", "k"), ("dh", "d"), ("th", "t"),
                     ("ou", "u"), ("y", "i"), ("w", "v"), ("z", "s"))

# Shortest word for which vowel-only differences count as one name (Haftar/Hifter, Serraj).
MIN_VOWEL_VARIANT_LENGTH = 5
# Shortest word for which one edit counts as a spelling variant (Shoigu/Shoygu, Lavrov/Lavrow).
MIN_EDIT_VARIANT_LENGTH = 5

# Words joining the parts of a name that an acronym skips ("Government of National Accord").
ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "des", "al", "el"})

_PAREN_ACRONYM_RE = re.compile(r"^\s*\(\s*([A-Z][A-Za-z.\-]{1,9})\s*\)")
_TRAILING_PAREN_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z.\-]{1,9})\s*\)?\s*$")
_VOWELS = frozenset("aeiou")


def _is_demonym(word: str) -> bool:
    from ..kb import knowledge_base

    return knowledge_base().demonym(word) is not None


def strip_titles(key: str) -> str:
    """Drop leading titles from a normalised key ("field marshal khalifa haftar" -> "khalifa haftar").

    A nationality before a title goes too ("egyptian foreign minister shoukry" -> "shoukry").
    """
    words = key.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(_MAX_TITLE_WORDS, len(words) - 1), 0, -1):
            if " ".join(words[:n]) in _TITLE_SET:
                words = words[n:]
                changed = True
                break
        if not changed and len(words) > 2 and _is_demonym(words[0]) and any(
                " ".join(words[1:1 + n]) in _TITLE_SET for n in range(1, min(_MAX_TITLE_WORDS, len(words) - 2) + 1)):
            words = words[1:]
            changed = True
    return " ".join(words)


@lru_cache(maxsize=1 << 16)  # resolution keys every mention's text: the same names recur
def name_key(text: str) -> str:
    """Normalised, titles and a trailing "(ACRONYM)" stripped: "Gen. Khalifa Hafter's" -> "khalifa hafter"."""
    text = _TRAILING_PAREN_RE.sub("", text)
    return strip_titles(normalise(text))


def name_tokens(key: str) -> list[str]:
    """The words of a name key without particles or suffixes ("fayez al sarraj" -> ["fayez", "sarraj"])."""
    words = [w for w in key.replace("-", " ").split() if w not in PARTICLES]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words or key.split()


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonant skeleton of a word: first letter kept, later vowels and doubles dropped."""
    word = word.lower()
    for old, new in SKELETON_REWRITES:
        word = word.replace(old, new)
    if not word:
        return ""
    out = [word[0]]
    for ch in word[1:]:
        if ch in _VOWELS or ch == "h" or not ch.isalpha():
            continue
        if out[-1] != ch:
            out.append(ch)
    return "".join(out)


def words_match(a: str, b: str) -> bool:
    """One name word spelled two ways: equal, a vowel-only variant, or one edit on a long word."""
    if a == b:
        return True
    if a[0] != b[0] and skeleton(a)[:1] != skeleton(b)[:1]:
        return False
    shorter = min(len(a), len(b))
    # Vowels swapped, not added: "Niger"/"Nigeria" share a skeleton but are two states.
    if shorter >= MIN_VOWEL_VARIANT_LENGTH and abs(len(a) - len(b)) <= 1 and skeleton(a) == skeleton(b):
        return True
    return shorter >= MIN_EDIT_VARIANT_LENGTH and Levenshtein.distance(a, b, score_cutoff=1) <= 1


def is_initial_of(a: str, b: str) -> bool:
    """"v" for "vladimir" (an initial written for a first name)."""
    return len(a) == 1 and b.startswith(a)


def full_names_match(a: list[str], b: list[str]) -> bool:
    """Two multi-word names of one person or body: same length, every word a variant of the other."""
    if len(a) != len(b) or len(a) < 2:
        return False
    return all(words_match(x, y) or is_initial_of(x, y) or is_initial_of(y, x) for x, y in zip(a, b))


def surname_of(tokens: list[str]) -> str | None:
    return tokens[-1] if tokens else None


def acronym_of(words: list[str]) -> str:
    """Initials of the significant words ("libyan national army" -> "lna")."""
    return "".join(w[0] for w in words if w and w not in ACRONYM_SKIP_WORDS)


def acronym_fits(acronym: str, expansion_key: str) -> bool:
    """An acronym for this expansion: its letters are the expansion's initials, maybe skipping words."""
    letters = normalise(acronym).replace(" ", "")
    words = expansion_key.replace("-", " ").split()
    if not letters or len(words) < 2:
        return False
    if acronym_of(words) == letters or "".join(w[0] for w in words) == letters:
        return True
    # Letters in order, each starting a word (lets "HoR" fit "house of representatives").
    position = 0
    for word in words:
        if position < len(letters) and word.startswith(letters[position]):
            position += 1
    return position == len(letters) and letters[0] == words[0][0]


def defined_acronym(text_after: str) -> str | None:
    """The acronym defined right after a name: "Libyan National Army (LNA)" -> "LNA"."""
    found = _PAREN_ACRONYM_RE.match(text_after)
    return found.group(1) if found else None


def trailing_acronym(text: str) -> str | None:
    """An acronym a recognizer left inside the mention: "House of Representatives (HoR" -> "HoR"."""
    found = _TRAILING_PAREN_RE.search(text)
    return found.group(1) if found else None


def looks_like_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= 2
