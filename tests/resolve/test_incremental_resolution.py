"""Resolution after documents are added reads only the documents it may change (issue 15): the
new ones and those naming a key whose entity, node or roles changed. Its result is the one
resolving everything at once gives, also when new documents move old mentions to another entity."""

from __future__ import annotations

import pytest

from newsweave.crossdoc import resolve_entities
from newsweave.store import Store, connect


def resolved(conn) -> dict:
    """Everything resolution writes: the entities, each mention's and each event's entities."""
    return {
        "entities": [tuple(row) for row in conn.execute("SELECT * FROM entities ORDER BY id")],
        "mentions": [tuple(row) for row in conn.execute("SELECT doc, idx, entity FROM mentions ORDER BY doc, idx")],
        "events": [tuple(row) for row in conn.execute("SELECT id, source, target FROM events ORDER BY id")],
    }


def texts_as_documents(build, texts: list[tuple[str, list[tuple[str, str]]]]) -> list:
    """Documents from (text, [(surface, type)]), each surface its first occurrence; an event
    from the first named actor to the second where there are two."""
    docs = []
    for text, named in texts:
        mentions = [build.mention(text, surface, type) for surface, type in named]
        events = [build.event(text, named[0][0], mentions[0].entity, named[1][0], mentions[1].entity)] \
            if len(named) > 1 else []
        docs.append(build.document(text, mentions, events))
    return docs


BATCHES = [
    [("Belenko left early for Tripoli.", [("Belenko", "PERSON"), ("Tripoli", "LOCATION")]),
     ("Officials in Benghazi met the Zorvan Brigade.", [("Benghazi", "LOCATION"), ("Zorvan Brigade", "ORGANIZATION")]),
     ("Markov met Belenko in Sirte.", [("Markov", "PERSON"), ("Belenko", "PERSON")])],
    # "Belenko" now has one full name: the earlier lone "Belenko"s join it
    [("Viktor Belenko arrived in Misrata.", [("Viktor Belenko", "PERSON"), ("Misrata", "LOCATION")]),
     ("The Zorvan Brigade (ZB) denied it.", [("Zorvan Brigade", "ORGANIZATION")])],
    # two full names: the lone "Belenko"s are left alone again; "ZB" joins the brigade it abbreviates
    [("Sergei Belenko met Ivan Markov.", [("Sergei Belenko", "PERSON"), ("Ivan Markov", "PERSON")]),
     ("ZB fighters attacked the Benghazi port.", [("ZB", "ORGANIZATION"), ("Benghazi", "LOCATION")])],
    [("Nothing new was said in Benghazi.", [("Benghazi", "LOCATION")])],
]


@pytest.fixture
def chosen(monkeypatch) -> list[int]:
    """How many documents each resolution chose to read again (none recorded: it read all)."""
    counts: list[int] = []
    select = Store.select_documents

    def spy(store, keys, after_seq):
        counts.append(select(store, keys, after_seq))
        return counts[-1]
    monkeypatch.setattr(Store, "select_documents", spy)
    return counts


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request, tmp_path):
    """Makes fresh databases of each kind the store supports."""
    if request.param == "sqlite":
        names = iter(range(100))
        return lambda: tmp_path / f"{next(names)}.db"
    return request.getfixturevalue("postgres_server").new_database


def test_resolving_after_each_batch_gives_what_resolving_once_gives(build, new_database, chosen):
    batches = [texts_as_documents(build, batch) for batch in BATCHES]
    conn = connect(new_database())
    store = Store(conn)
    for number, batch in enumerate(batches):
        store.write_documents(batch, "test")
        resolve_entities(store)
        reference = build.store(new_database(), [doc for done in batches[:number + 1] for doc in done])
        resolve_entities(Store(reference))
        assert resolved(conn) == resolved(reference), f"after batch {number + 1}"
    # The first resolution read everything; later ones the new documents and those they changed.
    assert len(chosen) == len(batches) - 1
    assert chosen[0] >= len(batches[1]) + 2  # the two old documents naming "Belenko"
    assert chosen[-1] < sum(map(len, batches))
    lone = conn.execute("SELECT entity FROM mentions WHERE text = 'Belenko'").fetchall()
    assert {row[0] for row in lone} == {"PERSON:belenko"}  # ambiguous again after batch 3


def test_a_replaced_document_has_everything_read_again(build, tmp_path, chosen):
    batches = [texts_as_documents(build, batch) for batch in BATCHES[:2]]
    conn = build.store(tmp_path / "t.db", batches[0])
    store = Store(conn)
    resolve_entities(store)
    store.write_documents(batches[0][:1] + batches[1], "test")  # the first rewritten: a new seq
    resolve_entities(store)
    assert chosen == []
    reference = build.store(tmp_path / "once.db", batches[0][1:] + batches[0][:1] + batches[1])
    resolve_entities(Store(reference))
    assert resolved(conn) == resolved(reference)


def test_nothing_added_reads_no_document_and_changes_nothing(build, tmp_path, chosen):
    conn = build.store(tmp_path / "t.db", texts_as_documents(build, BATCHES[0] + BATCHES[1]))
    resolve_entities(Store(conn))
    before = resolved(conn)
    resolve_entities(Store(conn))
    assert chosen == [0]
    assert resolved(conn) == before
