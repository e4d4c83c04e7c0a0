"""POST /api/corrections/{merge,split,rename}: the only write routes, over the library's own
correction functions (the same as the CLI's). They refuse when this version lacks them."""

from __future__ import annotations

import inspect
from typing import Annotated

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from ... import api
from ...errors import NewsweaveError
from ..deps import as_json

router = APIRouter(prefix="/api/corrections", tags=["corrections"])

# An entity's id, name or alias: printable text (a NUL or control character is refused with 422).
NAME_PATTERN = r"^[^\x00-\x1f\x7f]+$"
Name = Field(..., min_length=1, max_length=300, pattern=NAME_PATTERN)


class Merge(BaseModel):
    a: str = Name  # kept entity
    b: str = Name  # merged into a


class Split(BaseModel):
    entity: str = Name
    aliases: list[Annotated[str, Field(min_length=1, max_length=300, pattern=NAME_PATTERN)]] = Field(
        ..., min_length=1, max_length=100)  # the names that become their own actor


class Rename(BaseModel):
    entity: str = Name
    name: str = Name


def _apply(request: Request, name: str, *args):
    fn = getattr(api, name, None)
    if fn is None:
        import newsweave

        fn = getattr(newsweave, name, None)
    if fn is None or not callable(fn):
        raise HTTPException(501, f"this version of newsweave has no `{name}` correction yet")
    try:
        result = fn(request.app.state.db, *args)
    except NewsweaveError as e:
        raise HTTPException(400, str(e)) from e
    except (KeyError, ValueError, LookupError) as e:
        raise HTTPException(400, f"{name}: {e}") from e
    if inspect.isgenerator(result):
        result = list(result)
    try:
        return as_json({"ok": True, "result": result})
    except TypeError:
        return as_json({"ok": True, "result": str(result)})


@router.get("")
def corrections(request: Request):
    """The corrections recorded so far, in the order they are applied."""
    fn = getattr(api, "corrections", None)
    return as_json({"items": fn(request.app.state.db) if fn else []})


@router.post("/merge")
def merge(body: Merge, request: Request):
    """Merge actor `b` into actor `a` (same as `newsweave merge`)."""
    return _apply(request, "merge", body.a, body.b)


@router.post("/split")
def split(body: Split, request: Request):
    """Split the given aliases off `entity` into an actor of their own."""
    return _apply(request, "split", body.entity, *body.aliases)


@router.post("/rename")
def rename(body: Rename, request: Request):
    """Give `entity` a new display name."""
    return _apply(request, "rename", body.entity, body.name)
