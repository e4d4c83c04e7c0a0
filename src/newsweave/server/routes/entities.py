"""GET /api/entities and /api/entities/{id}: actors with aliases, side, relations, documents."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from ...document import MENTION_TYPES
from ...store import queries
from ...store.filters import check_choice
from ..deps import Page, Reader, as_json, reader, slow_reader
from ..twins import add_twins
from .filters import name_query
from .relations import edge, side_map

router = APIRouter(prefix="/api/entities", tags=["entities"])


@router.get("")
def entities(page: Page = Depends(), name: str | None = name_query("Name or alias (substring)."),
             type: str | None = name_query("PERSON, ORGANIZATION, COUNTRY…"),
             r: Reader = Depends(reader)):
    """Actors and things named in articles, most mentioned first."""
    check_choice("type", type or None, MENTION_TYPES)
    total, items = queries.entities_page(r.conn, limit=page.limit, offset=page.offset, name=name, type=type)
    return as_json(page.wrap(total, items))


add_twins(router, entities, "entities")


@router.get("/{entity_id}")
def entity(entity_id: str, r: Reader = Depends(slow_reader())):
    """One actor: aliases, side, relations (with the events behind them) and the documents naming it."""
    found = queries.entity(r.conn, entity_id)
    if found is None:
        raise HTTPException(404, "no such entity")
    edges = [edge(x) for x in r.corpus.relations(min_sources=1) if entity_id in (x.source, x.target)]
    others = queries.entities_by_id(r.conn, [e["a"] if e["b"] == entity_id else e["b"] for e in edges])
    relations = [{**e, "other": e["a"] if e["b"] == entity_id else e["b"],
                  "other_name": getattr(others.get(e["a"] if e["b"] == entity_id else e["b"]), "name", None)}
                 for e in edges]
    return as_json({
        "entity": found,
        "side": side_map(r.corpus.sides()).get(entity_id),
        "relations": relations,
        "documents": queries.entity_documents(r.conn, entity_id, limit=100),
    })
