"""The spaCy pipeline sped up (issue 15): the indexed attribute ruler finds the same matches as
spaCy's `Matcher`, with the lemmatizer's word lists indexed too the pipeline makes the same
annotations as spaCy's own, and the entity decoder finds the same entities as spaCy's
recogniser, on tricky text and on real news pages."""

from __future__ import annotations

import json

import pytest
import spacy

from newsweave.annotate import entity_decoder, speedups
from newsweave.annotate.entity_decoder import EntityDecoder
from newsweave.annotate.speedups import index_attribute_ruler, index_lemma_lists
from newsweave.settings import Settings

pytestmark = pytest.mark.slow

# Contractions and spellings the ruler's multi-token and REGEX patterns are about, spaces,
# possessives, all-caps and lowercase lines.
TRICKY = (
    "Y'all ain't gonna believe it: he don't know nothin' about the deal.\n\n"
    "The envoy's aides   said they'd met.  I'm sure it's Russia's   move, isn't it?\n"
    "BREAKING: U.S. FORCES STRIKE TARGETS NEAR TRIPOLI , OFFICIALS SAY\n"
    "whether or not they'll come, we've got to wait 'til May 3rd — or until 2025.\n"
    "Gon na wanna gotta lemme ain't aint n't nt n’t \t\n x"
)


def attributes(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    name = Settings().spacy_model
    plain, indexed = spacy.load(name), spacy.load(name)
    assert index_attribute_ruler(indexed)
    assert index_lemma_lists(indexed)
    return plain, indexed


def realnews_texts(shared_data, count: int) -> list[str]:
    path = shared_data / "realnews" / "india-pakistan-may2025" / "articles.jsonl"
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line, _ in zip(f, range(count))]


def test_the_matches_are_the_matchers(pipelines):
    plain, indexed = pipelines
    before = indexed.pipe_names.index("attribute_ruler")
    doc = indexed.make_doc(TRICKY)
    for _, component in indexed.pipeline[:before]:
        doc = component(doc)
    matches = indexed.get_pipe("attribute_ruler").match(doc)
    assert matches == sorted(set(plain.get_pipe("attribute_ruler").match(doc)))
    assert any(end - start > 1 for _, _, start, end in matches)  # "ai n't", "gon na" were tried


def test_the_annotations_are_the_plain_pipelines(pipelines, shared_data):
    plain, indexed = pipelines
    texts = [TRICKY, TRICKY.upper(), TRICKY.lower(), *realnews_texts(shared_data, 15)]
    for text, mine, theirs in zip(texts, indexed.pipe(texts), plain.pipe(texts)):
        assert attributes(mine) == attributes(theirs), text[:60]


def test_lemmas_of_words_not_seen_before_are_the_plain_lemmatizers(pipelines):
    plain, indexed = pipelines
    for nlp in pipelines:
        nlp.get_pipe("lemmatizer").cache.clear()
    text = "The fortifications were abandoned; looters ransacked the armouries, fleeing westwards."
    assert [t.lemma_ for t in indexed(text)] == [t.lemma_ for t in plain(text)]
    assert "fortification" in [t.lemma_ for t in indexed(text)]


def test_the_sped_up_pipeline_can_be_pickled_and_saved(pipelines):
    import pickle

    plain, indexed = pipelines
    copy = pickle.loads(pickle.dumps(indexed))
    assert attributes(copy(TRICKY)) == attributes(plain(TRICKY))
    reloaded = spacy.load(Settings().spacy_model).from_bytes(indexed.to_bytes())
    assert attributes(reloaded(TRICKY)) == attributes(plain(TRICKY))


def test_annotations_hold_when_the_memory_of_seen_tokens_is_emptied(pipelines, monkeypatch):
    plain, indexed = pipelines
    known = indexed.get_pipe("attribute_ruler").match.known
    known.clear()
    monkeypatch.setattr(speedups, "KNOWN_LIMIT", 5)
    assert attributes(indexed(TRICKY)) == attributes(plain(TRICKY))
    assert 0 < len(known) <= 5 < len({t.lower_ for t in plain(TRICKY)})


def test_a_ruler_with_patterns_the_index_does_not_read_keeps_its_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na", "OP": "?"}]], {"LEMMA": "go"})
    ruler.add([[{"TEXT": {"FUZZY": "shoud"}}]], {"LEMMA": "should"})
    original = ruler.match
    assert not index_attribute_ruler(nlp)
    assert ruler.match == original
    assert [t.lemma_ for t in nlp("gon na shoud")] == ["go", "", "should"]  # its matcher still works


def test_a_pipeline_without_the_components_is_left_alone():
    assert not index_attribute_ruler(spacy.blank("en"))
    assert not index_lemma_lists(spacy.blank("en"))


def test_the_pipeline_newsweave_loads_is_indexed():
    from newsweave.annotate.parse import load_model

    nlp = load_model(Settings().spacy_model)
    assert isinstance(nlp.get_pipe("attribute_ruler").match, speedups.IndexedRulerMatch)
    lists = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, speedups._MemberList) for words in lists.values())


# -- the entity recogniser decoded with array operations ---------------------------------------

def entities(doc) -> list[tuple]:
    return [(t.i, t.ent_iob_, t.ent_type_) for t in doc]


def decoded(nlp, texts: list[str]) -> list:
    docs = list(nlp.pipe(texts, disable=["ner"]))
    assert EntityDecoder.for_pipeline(nlp)(docs)
    return docs


def test_the_decoder_finds_spacys_entities(pipelines, shared_data):
    plain, _ = pipelines
    texts = [TRICKY, TRICKY.upper(), TRICKY.lower(), "", " ", "\n\n", "Moscow", "Putin met Haftar.",
             *realnews_texts(shared_data, 15)]
    for text, mine, theirs in zip(texts, decoded(plain, texts), plain.pipe(texts)):
        assert entities(mine) == entities(theirs), text[:60]
    assert any(doc.ents for doc in decoded(plain, texts))


def test_one_text_or_many_in_several_passes_decode_alike(pipelines, shared_data, monkeypatch):
    plain, _ = pipelines
    texts = realnews_texts(shared_data, 4)
    together = [entities(doc) for doc in decoded(plain, texts)]
    alone = [entities(decoded(plain, [text])[0]) for text in texts]
    monkeypatch.setattr(entity_decoder, "MAX_TOKENS_PER_PASS", 50)
    in_passes = [entities(doc) for doc in decoded(plain, texts)]
    assert together == alone == in_passes == [entities(doc) for doc in plain.pipe(texts)]


def test_texts_with_entities_already_set_are_left_to_spacy(pipelines):
    from spacy.tokens import Span

    from newsweave.annotate.parse import Parser

    plain, _ = pipelines
    doc = plain("Putin met Haftar in Moscow.", disable=["ner"])
    doc.set_ents([Span(doc, 0, 1, label="ORG")], default="unmodified")
    before = entities(doc)
    assert not EntityDecoder.for_pipeline(plain)([doc])
    assert entities(doc) == before
    assert Parser(Settings()).entities is not None


def test_the_decoder_declines_pipelines_it_would_not_decode_as_spacy():
    assert EntityDecoder.for_pipeline(spacy.blank("en")) is None
    name = Settings().spacy_model
    after_ner = spacy.load(name)
    after_ner.add_pipe("sentencizer", last=True)
    assert EntityDecoder.for_pipeline(after_ner) is None
    beam = spacy.load(name)
    beam.get_pipe("ner").cfg["beam_width"] = 4
    assert EntityDecoder.for_pipeline(beam) is None


def test_features_computed_while_the_parse_runs_give_the_same_entities(shared_data, monkeypatch):
    from newsweave.annotate import parse

    texts = [TRICKY, "", *realnews_texts(shared_data, 6)]
    monkeypatch.setattr(parse, "usable_cpus", lambda: 2)
    overlapping = parse.Parser(Settings(workers=1))
    assert overlapping.overlap
    alone = parse.Parser(Settings(workers=2))
    assert not alone.overlap
    expected = [attributes(doc) for doc in spacy.load(Settings().spacy_model).pipe(texts)]
    assert [attributes(doc) for doc in overlapping.parse(texts)] == expected
    assert [attributes(doc) for doc in alone.parse(texts)] == expected
    monkeypatch.setattr(entity_decoder, "MAX_TOKENS_PER_PASS", 200)  # the first of several passes
    assert [attributes(doc) for doc in overlapping.parse(texts)] == expected


def test_a_recogniser_listening_to_a_shared_layer_is_not_run_ahead_of_it():
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    listening = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                 "extra_state_tokens": False, "hidden_width": 16, "maxout_pieces": 2, "use_upper": True,
                 "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96}}
    nlp.add_pipe("ner", config={"model": listening}).add_label("GPE")
    nlp.initialize()
    decoder = EntityDecoder.for_pipeline(nlp)
    assert decoder is not None and not decoder.reads_words_only
    assert EntityDecoder.for_pipeline(spacy.load(Settings().spacy_model)).reads_words_only
