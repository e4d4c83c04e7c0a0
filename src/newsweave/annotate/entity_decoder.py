"""spaCy's named-entity recogniser decoded with array operations: the same entities, in a
fraction of the time.

spaCy's `ner` reads a text one token at a time with a transition system (Begin, In, Last, Unit,
Out, each with a label): a small network scores the moves from three tokens of the state, and
the best valid move is taken. Its compiled loop checks each of the 74 moves' validity through a
call that takes and releases Python's interpreter lock, so the checks cost more than the
network: about half of the small English pipeline's time on news. Here the states of all the
texts advance together, one token per step: the network's features, its hidden layer (the same
BLIS matrix product as spaCy's), the validity of each kind of move and the choice of the best
valid one are array operations over the states still reading.

It reproduces spaCy's decoding for what newsweave gives it: texts with no entity set before the
recogniser runs, a greedy (not beam) model with an output layer and no unseen moves, three state
features, and `ner` as the pipeline's last component. `EntityDecoder.for_pipeline` returns None
for any other pipeline, which then keeps spaCy's own.
"""

from __future__ import annotations

import numpy as np

# spaCy's BILUO moves (spacy/pipeline/_parser_internals/ner.pyx)
BEGIN, IN, LAST, UNIT, OUT = range(5)
_MOVE_LETTERS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}
MAX_TOKENS_PER_PASS = 50_000  # bounds the features held for one pass (1.5 KiB a token)


class EntityDecoder:
    def __init__(self, nlp, move_kinds: np.ndarray, move_labels: np.ndarray, labels: list[str]):
        model = nlp.get_pipe("ner").model
        self.tok2vec = model.get_ref("tok2vec")
        self.lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self.upper_weights, self.upper_bias = upper.get_param("W"), upper.get_param("b")
        self.feature_bias = self.lower.get_param("b").reshape(-1)
        self.pieces = self.lower.get_dim("nP")
        self.ops = model.ops
        # Its own token-to-vector layer, not one listening to a shared layer the parse fills in
        self.reads_words_only = not any(type(node).__name__.endswith("Listener") for node in self.tok2vec.walk())
        self.move_kinds, self.move_labels, self.labels = move_kinds, move_labels, labels
        # Which moves are valid (spacy/pipeline/_parser_internals/ner.pyx, no entity preset)
        # follows from whether an entity is open, whether the buffer's next token continues the
        # sentence, whether the first is a space, and the open entity's label: a table for the
        # first three (a state's `situation`, 3 bits) and one per label.
        labelled = move_labels > 0  # B, I, L and U need a label ("U-" is for preset blocks)
        table = np.zeros((8, len(move_kinds)), dtype=bool)
        for situation in range(8):
            opened, continues, space = bool(situation & 4), bool(situation & 2), bool(situation & 1)
            by_kind = {BEGIN: not opened and continues and not space, IN: opened and continues,
                       LAST: opened, UNIT: not opened and not space, OUT: not opened}
            table[situation] = [by_kind[kind] and (labelled[k] or kind == OUT) for k, kind in enumerate(move_kinds)]
        self.valid_in = table
        continues_entity = (move_kinds == IN) | (move_kinds == LAST)
        self.valid_with_label = np.array([~continues_entity | (move_labels == label) for label in range(len(labels))])

    @classmethod
    def for_pipeline(cls, nlp) -> EntityDecoder | None:
        """The decoder for `nlp`'s recogniser, or None where it would not be spaCy's decoding."""
        from thinc.api import NumpyOps

        if not nlp.pipe_names or nlp.pipe_names[-1] != "ner":
            return None
        ner = nlp.get_pipe("ner")
        model = getattr(ner, "model", None)
        moves = getattr(ner, "moves", None)
        if model is None or moves is None or getattr(ner, "postprocesses", None):
            return None
        if ner.cfg.get("beam_width", 1) != 1 or model.attrs.get("unseen_classes") \
                or not model.attrs.get("has_upper") or not isinstance(model.ops, NumpyOps):
            return None
        if not all(model.has_ref(name) for name in ("tok2vec", "lower", "upper")) \
                or model.get_ref("lower").get_dim("nF") != 3:
            return None
        labels = [""]
        kinds, label_ids = [], []
        for index in range(moves.n_moves):
            letter, _, label = moves.get_class_name(index).partition("-")
            # "U-" (no label) only ever marks a preset blocked token: never valid here
            if letter not in _MOVE_LETTERS or (letter == "O" and label) or (letter in "BIL" and not label):
                return None
            if label not in labels:
                labels.append(label)
            kinds.append(_MOVE_LETTERS[letter])
            label_ids.append(labels.index(label))
        return cls(nlp, np.array(kinds), np.array(label_ids), labels)

    def __call__(self, docs: list, first_features: np.ndarray | None = None) -> bool:
        """Set the entities of `docs` (parsed, no entity set yet); False, doing nothing, when a
        doc already has entity annotation (the caller then runs spaCy's recogniser).
        `first_features`: `features` of the first of `passes(docs)`, computed beforehand."""
        if any(doc.to_array("ENT_IOB").any() for doc in docs):
            return False
        for number, batch in enumerate(self.passes(docs)):
            features = first_features if number == 0 and first_features is not None else self.features(batch)
            self._decode(batch, features)
        for doc in docs:
            if not len(doc):
                doc.set_ents([], default="outside")
        return True

    def passes(self, docs: list) -> list[list]:
        """The non-empty docs, shortest first, in passes of at most MAX_TOKENS_PER_PASS tokens
        (a longer doc alone)."""
        todo = sorted((doc for doc in docs if len(doc)), key=len)
        batches: list[list] = []
        tokens = 0
        for doc in todo:
            if not batches or tokens + len(doc) > MAX_TOKENS_PER_PASS:
                batches.append([])
                tokens = 0
            batches[-1].append(doc)
            tokens += len(doc)
        return batches

    def features(self, docs: list) -> np.ndarray:
        """The network's precomputed features of the tokens of `docs` (row 0: padding; row t + 1:
        token t): they depend only on the tokens' words when `reads_words_only`, so they may be
        computed before, or while, the other components parse."""
        features = self.lower.predict(self.tok2vec.predict(docs))
        return features.reshape(features.shape[0], 3, -1)

    def _decode(self, docs: list, features: np.ndarray) -> None:
        from spacy.tokens import Span

        lengths = np.array([len(doc) for doc in docs])
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        starts_sentence = np.concatenate([doc.to_array("SENT_START") for doc in docs]) == 1
        is_space = np.concatenate([doc.to_array("IS_SPACE") for doc in docs]).astype(bool)
        count = len(docs)
        position = np.zeros(count, dtype=np.int64)  # the state's first buffer token, B(0)
        is_open = np.zeros(count, dtype=bool)
        entity_start = np.zeros(count, dtype=np.int64)
        entity_label = np.zeros(count, dtype=np.int64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        reading = np.arange(count)
        while reading.size:
            at = offsets[reading] + position[reading]  # B(0) in the batch
            opened = is_open[reading]
            # the state's three tokens: B(0), the open entity's first and the token before B(0)
            # (row 0 holds the padding that stands for "none")
            first = features[at + 1, 0]
            entity = features[np.where(opened, offsets[reading] + entity_start[reading] + 1, 0), 1]
            previous = features[np.where(opened, at, 0), 2]
            # summed in spaCy's order, from zero, so that every float is the same
            summed = (((np.zeros_like(first) + first) + entity) + previous) + self.feature_bias
            hidden = summed[:, 0::self.pieces]  # maxout over each hidden unit's pieces (adjacent)
            for piece in range(1, self.pieces):
                hidden = np.maximum(hidden, summed[:, piece::self.pieces])
            hidden = np.ascontiguousarray(hidden)
            scores = self.ops.gemm(hidden, self.upper_weights, trans2=True)
            scores += self.upper_bias
            has_next = lengths[reading] - position[reading] >= 2
            continues = has_next & ~starts_sentence[np.minimum(at + 1, len(starts_sentence) - 1)]
            situation = opened * 4 + continues * 2 + is_space[at]
            valid = self.valid_in[situation] & self.valid_with_label[entity_label[reading]]
            best = np.where(valid, scores, -np.inf).argmax(axis=1)  # the first best, as spaCy's
            kinds, labels = self.move_kinds[best], self.move_labels[best]
            for state, kind, label in zip(reading[kinds != OUT].tolist(), kinds[kinds != OUT].tolist(),
                                          labels[kinds != OUT].tolist()):
                if kind == BEGIN:
                    is_open[state], entity_start[state], entity_label[state] = True, position[state], label
                elif kind == UNIT:
                    found[state].append((int(position[state]), int(position[state]) + 1, label))
                elif kind == LAST:
                    found[state].append((int(entity_start[state]), int(position[state]) + 1, label))
                    is_open[state] = False
            position[reading] += 1
            reading = reading[position[reading] < lengths[reading]]
        for doc, entities in zip(docs, found):
            doc.set_ents([Span(doc, start, end, label=self.labels[label]) for start, end, label in entities],
                         default="outside")
