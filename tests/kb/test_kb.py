"""The knowledge base: lookups by variant, title, demonym, seat of government and ISO code."""

import pytest

from newsweave.kb import knowledge_base, normalise, strip_titles


@pytest.fixture(scope="module")
def kb():
    return knowledge_base()


@pytest.mark.parametrize("text, expected", [
    ("Khalifa Haftar", "person:khalifa-haftar"),
    ("Hafter", "person:khalifa-haftar"),
    ("Khalifa Hifter", "person:khalifa-haftar"),
    ("Field Marshal Khalifa Haftar", "person:khalifa-haftar"),
    ("Gen. Hifter", "person:khalifa-haftar"),
    ("Haftar's", "person:khalifa-haftar"),
    ("Fayez al-Serraj", "person:fayez-al-sarraj"),
    ("Aqeela Saleh", "person:aguila-saleh"),
    ("Sergei Lavrov", "person:sergey-lavrov"),
    ("President Vladimir Putin", "person:vladimir-putin"),
    ("Erdoğan", "person:recep-tayyip-erdogan"),
    ("the Libyan National Army", "org:libyan-national-army"),
    ("LNA", "org:libyan-national-army"),
    ("Daesh", "org:islamic-state"),
    ("U.N.", "org:united-nations"),
    ("UN Security Council", "org:un-security-council"),
    ("Asharq al-Awsat", "org:asharq-al-awsat"),
    ("TASS", "org:tass"),
    ("C-130 Hercules", "platform:c-130"),
    ("MiG-29", "platform:mig-29"),
    ("S-400", "weapon:s-400"),
    ("Kornet", "weapon:kornet"),
    ("Libya", "LBY"),
    ("Liberia", "LBR"),
    ("Russian Federation", "RUS"),
    # Syria and Iraq: the conflict's actors and places under the spellings the wires use
    ("Deir al-Zor", "loc:deir-ez-zor"),
    ("Dayr Az Zawr", "loc:deir-ez-zor"),
    ("Tall Afar", "loc:tal-afar"),
    ("Zarqawi", "person:abu-musab-al-zarqawi"),
    ("CJTF-OIR", "org:cjtf-oir"),
    ("Kata'ib Hezbollah", "org:kataib-hezbollah"),
    ("Foreign and Commonwealth Office", "org:fco"),
])
def test_lookup_finds_the_actor_first(kb, text, expected):
    assert kb.lookup(text)[0].id == expected


def test_entry_has_type_country_and_dated_roles(kb):
    haftar = kb.get("person:khalifa-haftar")
    assert (haftar.name, haftar.type, haftar.country) == ("Khalifa Haftar", "PERSON", "LY")
    assert any(country == "LY" and start for _, country, start, _ in haftar.roles)


@pytest.mark.parametrize("code, name", [("LY", "Libya"), ("LBY", "Libya"), ("LR", "Liberia"),
                                        ("LBR", "Liberia"), ("ru", "Russia"), ("EGY", "Egypt")])
def test_country_by_iso_code(kb, code, name):
    assert kb.country(code).name == name


@pytest.mark.parametrize("word, state", [("Russian", "RUS"), ("Libyan", "LBY"), ("Liberian", "LBR"),
                                         ("Egyptian", "EGY"), ("Emirati", "ARE"), ("British", "GBR")])
def test_demonym(kb, word, state):
    assert kb.demonym(word).id == state


@pytest.mark.parametrize("text, state", [("the Kremlin", "RUS"), ("Moscow", "RUS"),
                                         ("the White House", "USA"), ("Cairo", "EGY"),
                                         ("Ankara", "TUR")])
def test_metonym(kb, text, state):
    assert kb.metonym(text).id == state


def test_unknown_text_finds_nothing(kb):
    assert kb.lookup("Xyzzy Plugh") == []
    assert kb.get("person:nobody") is None
    assert kb.demonym("Table") is None


def test_first_names_come_from_the_data(kb):
    assert kb.is_first_name("Sergey")
    assert not kb.is_first_name("Ministry")


@pytest.mark.parametrize("text, key", [("Al-Sarraj's", "al sarraj"), ("U.N.", "un"),
                                       ("Çavuşoğlu", "cavusoglu"), ("the  Kremlin", "kremlin")])
def test_normalise(text, key):
    assert normalise(text) == key


def test_strip_titles_keeps_a_bare_name():
    assert strip_titles("field marshal khalifa haftar") == "khalifa haftar"
    assert strip_titles("president") == "president"


@pytest.mark.parametrize("word", ["Japan", "Iran", "Taiwan", "Sudan", "Oman"])
def test_a_state_name_is_not_its_demonym(kb, word):
    assert kb.demonym(word) is None


@pytest.mark.parametrize("word, expected", [("Todd", True), ("Marcelo", True), ("Jordan", False),
                                            ("Paris", False), ("Monday", False)])
def test_first_names_include_common_given_names_but_not_places(kb, word, expected):
    assert kb.is_first_name(word) is expected


def test_key_prefix_allows_growing_spans_only(kb):
    assert kb.is_key_prefix("islamic")  # "Islamic State"
    assert kb.is_key_prefix("libyan national")
    assert not kb.is_key_prefix("xyzzy")


def test_prepared_cache_gives_the_same_answers(tmp_path, monkeypatch, kb):
    from newsweave.kb import load_prepared

    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    built = load_prepared()  # no cache yet: built from the data, then written
    assert list(tmp_path.glob("kb-*.marshal"))
    cached = load_prepared()
    for text in ("Hafter", "LNA", "Libya", "UN Security Council", "Kornet"):
        assert [e.id for e in cached.lookup(text)] == [e.id for e in built.lookup(text)]
    assert cached.get("person:khalifa-haftar") == kb.get("person:khalifa-haftar")
    assert cached.demonym("Libyan").id == "LBY" and cached.metonym("the Kremlin").id == "RUS"
    assert cached.is_first_name("Sergey") and cached.is_acronym_alias("lna") == kb.is_acronym_alias("lna")


def test_unreadable_cache_is_ignored(tmp_path, monkeypatch):
    from newsweave.kb import cache, load_prepared

    monkeypatch.setenv("NEWSWEAVE_CACHE_DIR", str(tmp_path))
    from newsweave.kb import DATA

    cache.cache_path(DATA).write_bytes(b"not marshal")
    assert load_prepared().lookup("Libya")[0].id == "LBY"


def test_an_airstrike_is_an_event_not_a_weapon(kb):
    assert not [e for e in kb.lookup("airstrikes") if e.type == "WEAPON"]
