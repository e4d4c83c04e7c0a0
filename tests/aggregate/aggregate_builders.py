"""Builders of hand-made documents (mentions and events) for the aggregate tests."""

from __future__ import annotations

from newsweave.document import Document, Event, Mention, Place, Region

# Made-up actors (fictional, so that entity resolution links none of them to the knowledge
# base): key -> (name, type). Tests speak of actors by name, whatever id resolution gives them.
ACTORS = {
    "ruritania": ("Ruritania", "COUNTRY"), "borduria": ("Borduria", "COUNTRY"),
    "syldavia": ("Syldavia", "COUNTRY"), "zembla": ("Zembla", "COUNTRY"),
    "freedonia": ("Freedonia", "COUNTRY"), "genovia": ("Genovia", "COUNTRY"),
    "north": ("Northern Legion", "ORGANIZATION"), "south": ("Southern Compact", "ORGANIZATION"),
    "kratov": ("Zorin Kratov", "PERSON"), "blom": ("Ilya Blomqvar", "PERSON"),
    "port": ("Port Vanko", "LOCATION"),
    "fund": ("Bordurian Relief Fund", "ORGANIZATION"),  # an aid agency, by its name words
    # Real states and a state's army (their country from the knowledge base).
    "india": ("India", "COUNTRY"), "pakistan": ("Pakistan", "COUNTRY"), "indarmy": ("Indian Army", "ORGANIZATION"),
}


def ev(type_, source, target, *, mode=None, date=None, precision=None, place=None, country=None,
       modality="asserted", attribution=None, region="body", confidence=0.9, trigger=None) -> Event:
    """An event; its trigger word defaults to the type's ("support": backing, not praise)."""
    return Event(type=type_, mode=mode, source=source, target=target, source_text=None, target_text=None,
                 date=date, date_precision=precision,
                 place=Place(place, None, None, country) if place else None,
                 sentence=f"{source} {type_} {target}.", start=0, end=1, region=region,
                 attribution=attribution, modality=modality, confidence=confidence,
                 trigger=trigger or type_.lower())


def doc(doc_id: str, *events: Event, source=None, url=None, text=None, mentions=None, published=None) -> Document:
    """A document whose text names every actor of its events once (article body)."""
    if text is None:
        keys = list(dict.fromkeys(k for e in events for k in (e.source, e.target) if k))
        parts, mentions, position = [], [], 0
        for key in keys:
            name, type_ = ACTORS[key]
            mentions.append(Mention(position, position + len(name), name, type_, "body", entity=key, name=name))
            parts.append(name)
            position += len(name) + 1
        text = " ".join(parts) + "."
    return Document(id=doc_id, name=f"{doc_id}.txt", path=f"{doc_id}.txt", raw=text, text=text,
                    source=source, url=url, published=published, regions=[Region("body", 0, len(text))],
                    mentions=mentions or [], events=list(events))




def entity_names(conn) -> dict[str, str]:
    """Resolved entity id -> name."""
    return {row[0]: row[1] for row in conn.execute("SELECT id, name FROM entities")}


def named(conn, ids) -> tuple:
    names = entity_names(conn)
    return tuple(names.get(i, i) for i in ids)


def text_doc(doc_id: str, text: str, spans: list[tuple[str, str]], *events: Event, kb: dict | None = None) -> Document:
    """A document with its own text: `spans` are (surface text, actor key) found in order."""
    mentions, position = [], 0
    for surface, key in spans:
        start = text.index(surface, position)
        name, type_ = ACTORS.get(key, (surface, "PERSON"))
        kb_id = (kb or {}).get(key)
        mentions.append(Mention(start, start + len(surface), surface, type_, "body", entity=key, name=name,
                                kb_id=kb_id))
        position = start + len(surface)
    return doc(doc_id, *events, text=text, mentions=mentions)
