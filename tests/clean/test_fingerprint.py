"""Near-duplicate fingerprints: signatures, LSH band keys and similarity."""

from __future__ import annotations

from newsweave.clean import band_keys, clean, similarity
from newsweave.clean.fingerprint import near_duplicates, signature
from newsweave.document import Document

TEXT = ("The minister said that the two governments had agreed to expand their cooperation on border "
        "security and to hold further talks next month in the capital with the regional leaders. " * 3)


def test_signature_is_stable_list_of_ints():
    sig = signature(TEXT)
    assert sig == signature(TEXT)
    assert len(sig) == 128 and all(isinstance(value, int) for value in sig)
    assert signature("") is None


def test_near_copy_is_similar_and_shares_a_band():
    edited = TEXT.replace("next month", "next week")
    a, b = signature(TEXT), signature(edited)
    assert similarity(a, b) > 0.6
    assert set(band_keys(a)) & set(band_keys(b))


def test_unrelated_texts_differ():
    other = signature("Heavy rain closed the coastal highway on Thursday after the river burst its banks near the port town.")
    assert similarity(signature(TEXT), other) < 0.2
    assert not near_duplicates(signature(TEXT), other)
    assert not set(band_keys(signature(TEXT))) & set(band_keys(other))


def test_clean_sets_fingerprint_and_language():
    doc = clean(Document(id="t", name="t", path="t", raw="Talks\n\n" + TEXT))
    assert doc.fingerprint == signature(doc.body_text())
    assert doc.language == "en"


def test_other_languages_are_named_and_warned_about():
    german = ("Der Minister sagte, dass die beiden Regierungen sich auf eine engere Zusammenarbeit an der "
              "Grenze geeinigt hätten und im nächsten Monat weitere Gespräche in der Hauptstadt führen wollen.")
    doc = clean(Document(id="t", name="t", path="t", raw="Gespräche\n\n" + german + "\n\n" + german.replace("Monat", "Jahr")))
    assert doc.language == "de"
    assert any(w.startswith("written in German (de), not English") for w in doc.warnings)
