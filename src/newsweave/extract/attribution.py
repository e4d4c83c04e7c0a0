"""Attribution: who the text credits for a claim ("according to X", "X said", "sources revealed").

`Attributor` walks the sentences of a document in order and remembers the last source named,
so that "According to the same sources" or "The sources added" carry it over as the text does.
Returns None when the article asserts the event in its own voice.
"""

from __future__ import annotations

# Verbs that report what someone said or found: their subject is the source of the claim.
REPORTING_VERBS = frozenset({
    "say", "report", "reveal", "tell", "announce", "claim", "state", "add", "confirm", "allege",
    "note", "disclose", "quote", "write", "declare", "insist", "indicate", "explain", "assert",
    "acknowledge", "admit", "learn", "spot", "detect", "cite", "read", "show", "tweet",
    "refer", "mention", "signal",
})

# Subjects that point back to a source named earlier ("the sources added", "they added").
BACK_REFERENCES = frozenset({"they", "the sources", "the same sources", "sources", "these sources",
                             "the source", "the same source", "he", "she"})

# Speakers inside a quotation: the quote's own attribution names them, not these words.
SPEAKER_PRONOUNS = frozenset({"i", "we", "you", "it", "this", "which", "who"})

# Prepositions that open an attribution phrase ("according to X", "citing X", "quoting X").
ATTRIBUTION_OPENERS = (("according", "to"), ("citing", None), ("quoting", None),
                       ("per", None))
_OPENER_WORDS = frozenset(first for first, _ in ATTRIBUTION_OPENERS)


class Attributor:
    """Attribution of triggers in one document; call in reading order."""

    def __init__(self):
        self.last: str | None = None

    def for_sentence(self, sent) -> str | None:
        """The sentence-wide attribution ("according to", a reporting verb at the root)."""
        found = _according_to(sent)
        if found is None:
            root = sent.root
            if root.lemma_.lower() in REPORTING_VERBS:
                found = _subject_text(root)
            else:
                for token in sent:
                    if (token.lemma_.lower() in REPORTING_VERBS and token.head == root
                            and (token.dep_ == "parataxis" or _as_clause(token))):
                        found = _subject_text(token)
                        break
        found = self._resolve(found)
        if found is not None:
            self.last = found
        return found

    def for_trigger(self, trigger, sentence_attribution: str | None) -> str | None:
        """The attribution of one trigger: a reporting verb above it, else the sentence's."""
        token = trigger
        while token.head != token:
            head = token.head
            if head.lemma_.lower() in REPORTING_VERBS and token.dep_ in ("ccomp", "xcomp", "conj"):
                subject = self._resolve(_subject_text(head))
                if subject is not None:
                    return subject
            token = head
        return sentence_attribution

    def _resolve(self, text: str | None) -> str | None:
        if text is None or text.lower() in SPEAKER_PRONOUNS:
            return None
        if text.lower() in BACK_REFERENCES or text.lower().startswith("the same"):
            return self.last or text
        return text


def _as_clause(verb) -> bool:
    """ "..., as a Libyan diplomat told TASS": an adverbial clause that reports."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _according_to(sent) -> str | None:
    tokens = list(sent)
    for i, token in enumerate(tokens):
        lower = token.lower_
        if lower not in _OPENER_WORDS:
            continue  # most words: spaCy builds `lower_` anew on each access
        for first, second in ATTRIBUTION_OPENERS:
            if lower != first:
                continue
            if second is not None:
                if i + 1 >= len(tokens) or tokens[i + 1].lower_ != second:
                    continue
                holder = tokens[i + 1]
            else:
                holder = token
            objects = [c for c in holder.children if c.dep_ in ("pobj", "dobj")]
            if objects:
                return _span_text(objects[0])
    return None


def _subject_text(verb) -> str | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _span_text(child)
    return None


def _span_text(token) -> str:
    """The noun phrase headed by `token`, without a relative clause or trailing punctuation."""
    left = token.left_edge
    right = token
    for child in token.rights:
        if child.dep_ in ("prep", "compound", "appos", "nummod", "amod") and child.lower_ not in ("on", "in"):
            right = max(right, child.right_edge, key=lambda t: t.i)
    while right.i > token.i and right.is_punct:
        right = right.doc[right.i - 1]
    return token.doc[left.i:right.i + 1].text
