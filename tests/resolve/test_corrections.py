"""Analyst corrections (issue 4, item 2): merge, split, rename survive re-runs and new documents."""

from __future__ import annotations

import pytest

from newsweave import api
from newsweave.crossdoc import resolve_entities
from newsweave.errors import NewsweaveError
from newsweave.store import Store, queries

FIRST = "Omar Belqasem met Khalifa Haftar. Hafter then flew to Cairo."
SECOND = "Ali Zaydan criticised Haftar."
LATER = "Omar Belqasem and Ali Zaydan met Haftar again."


def _doc(build, text: str):
    people = {"Omar Belqasem": None, "Ali Zaydan": None, "Khalifa Haftar": "person:khalifa-haftar",
              "Hafter": "person:khalifa-haftar"}
    mentions = [build.mention(text, name, "PERSON", kb=kb) for name, kb in people.items() if name in text]
    if "Haftar" in text and "Khalifa Haftar" not in text:
        mentions.append(build.mention(text, "Haftar", "PERSON", kb="person:khalifa-haftar"))
    return build.document(text, sorted(mentions, key=lambda m: m.start))


@pytest.fixture
def db(build, database):
    path = database  # a SQLite file or a PostgreSQL database: corrections work the same on both
    conn = build.store(path, [_doc(build, FIRST), _doc(build, SECOND)])
    resolve_entities(Store(conn))
    conn.close()
    return path


def _rerun_with_new_document(build, db):
    conn = build.store(db, [_doc(build, LATER)])
    resolve_entities(Store(conn))
    return conn


def _entity_of(conn, surface: str) -> set[str]:
    return {m.entity for m in queries.mentions(conn) if m.text == surface}


def test_merge_survives_a_rerun_with_a_new_document(build, db):
    kept = api.merge(db, "Omar Belqasem", "Ali Zaydan")
    assert kept == "PERSON:omar belqasem"
    conn = _rerun_with_new_document(build, db)
    assert _entity_of(conn, "Ali Zaydan") == {"PERSON:omar belqasem"}
    names = {e.id: e for e in queries.entities(conn)}
    assert "PERSON:ali zaydan" not in names
    assert names["PERSON:omar belqasem"].mentions == 4


def test_split_survives_a_rerun(build, db):
    api.split(db, "person:khalifa-haftar", "Hafter")
    conn = _rerun_with_new_document(build, db)
    (split_off,) = _entity_of(conn, "Hafter")
    assert split_off != "person:khalifa-haftar"
    assert _entity_of(conn, "Haftar") == {"person:khalifa-haftar"}
    entity = next(e for e in queries.entities(conn) if e.id == split_off)
    assert entity.name == "Hafter" and entity.kb_id is None


def test_rename_keeps_the_id_and_survives_a_rerun(build, db):
    api.rename(db, "Haftar", "Field Marshal Haftar")
    conn = _rerun_with_new_document(build, db)
    entity = next(e for e in queries.entities(conn) if e.id == "person:khalifa-haftar")
    assert entity.name == "Field Marshal Haftar"
    assert [c["action"] for c in api.corrections(db)] == ["rename"]


@pytest.mark.parametrize("ref, message", [
    ("Nobody Known", "no entity named"),
    ("Omar", "no entity named"),
])
def test_unknown_names_are_refused(db, ref, message):
    with pytest.raises(NewsweaveError, match=message):
        api.merge(db, ref, "Haftar")


def test_an_ambiguous_name_lists_the_candidates(build, tmp_path):
    text = "Ahmed Mansour met Khaled Mansour."
    path = tmp_path / "a.db"
    conn = build.store(path, [build.document(text, [
        build.mention(text, "Ahmed Mansour", "PERSON"), build.mention(text, "Khaled Mansour", "PERSON")])])
    resolve_entities(Store(conn))
    conn.close()
    api.rename(path, "Ahmed Mansour", "Mansour")  # two entities now share the name
    api.rename(path, "Khaled Mansour", "Mansour")
    with pytest.raises(NewsweaveError, match=r"ambiguous: 2 entities.*PERSON:ahmed mansour.*PERSON:khaled mansour"):
        api.merge(path, "Mansour", "Ahmed Mansour")


def test_split_refuses_an_alias_the_entity_lacks(db):
    with pytest.raises(NewsweaveError, match="no mentions written 'Gaddafi'"):
        api.split(db, "person:khalifa-haftar", "Gaddafi")
