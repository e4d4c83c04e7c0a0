"""A cheap language test: English when the text is dense in English function words."""

from __future__ import annotations

import re

from . import patterns as P

_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """"en" for English text, None otherwise or when there are too few words to tell."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < P.LANGUAGE_MIN_WORDS:
        return None
    english = sum(1 for word in words if word in P.STOPWORDS_EN)
    return "en" if english / len(words) >= P.ENGLISH_MIN_STOPWORD_RATIO else None
