"""A cheap offline language test: the script of the letters, then the density of each known
language's function words. newsweave's annotators read English; a document in another language
is named in a warning and not analysed (`document.is_analysed_language`)."""

from __future__ import annotations

import re

from ..document import is_analysed_language
from . import patterns as P

_WORD = re.compile(r"[^\W\d_]+")
_BEFORE_SCRIPTS = re.compile("[\x00-%s]+" % chr(min(first for first, _ in P.SCRIPTS.values()) - 1))


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code ("en", "fr", "ar"…), or None when there is too little text to tell or
    the language is not one the lists know."""
    script = _script_language(text)
    if script is not None:
        return script
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < P.LANGUAGE_MIN_WORDS:
        return None
    english = _share(words, P.STOPWORDS_EN)
    other, share = max(((code, _share(words, stopwords)) for code, stopwords in P.STOPWORDS_BY_LANGUAGE.items()),
                       key=lambda pair: pair[1])
    if english >= P.ENGLISH_MIN_STOPWORD_RATIO and english >= share:
        return "en"
    return other if share >= P.OTHER_LANGUAGE_MIN_STOPWORD_RATIO else None


def language_name(code: str) -> str:
    return P.LANGUAGE_NAMES.get(code, code)


def language_warning(code: str | None) -> str | None:
    """The warning for a document detected in language `code`; None for one that is analysed."""
    if code is None or is_analysed_language(code):
        return None
    return (f"written in {language_name(code)} ({code}), not English: stored but not analysed "
            "(no model for this language), so no actors or events are taken from it")


def _share(words: list[str], stopwords: frozenset[str]) -> float:
    return sum(1 for word in words if word in stopwords) / len(words)


def _script_language(text: str) -> str | None:
    """The language of the non-Latin script most letters are in, if most are in one."""
    counts = dict.fromkeys(P.SCRIPTS, 0)
    letters = sum(map(str.isalpha, text))
    for char in _BEFORE_SCRIPTS.sub("", text):  # the scripts' blocks all lie above Latin's
        if not char.isalpha():
            continue
        point = ord(char)
        for code, (first, last) in P.SCRIPTS.items():
            if first <= point <= last:
                counts[code] += 1
                break
    if letters < P.SCRIPT_MIN_LETTERS:
        return None
    if counts["ja"]:  # Japanese mixes kana with Chinese characters
        counts["ja"] += counts.pop("zh")
    code, count = max(counts.items(), key=lambda pair: pair[1])
    return code if count > letters / 2 else None
