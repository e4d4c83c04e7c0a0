"""Analyst corrections to resolution: merge, split and rename, replayed after every resolution.

`newsweave merge A B`, `split ENTITY ALIAS...` and `rename ENTITY NAME` turn into an override
(`merge_override`, ...: checked against the current entities, named by id or by an
unambiguous name or alias); `crossdoc.correct` records it in the store and resolves again, and
`entities.resolve` replays every override in order on its automatic result each time, so they
survive re-runs and new documents. Nothing here reads or writes the database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import NewsweaveError
from ..kb import normalise
from .names import name_key

# Most candidates listed when a name is ambiguous.
MAX_LISTED = 10


@dataclass
class Assignment:
    """One mention's or event actor's entity, with the text it was written as."""

    entity: str | None
    text: str
    type: str | None = None


def find_entity(rows: Sequence, ref: str) -> str:
    """The entity id that `ref` names among `rows` (id, name, type, aliases as JSON): an id,
    else a name, else an alias (each must be unique)."""
    if any(row["id"] == ref for row in rows):
        return ref
    wanted = normalise(ref)
    for matches in (
        [row for row in rows if normalise(row["name"]) == wanted],
        [row for row in rows if wanted in {normalise(a) for a in json.loads(row["aliases"])}],
    ):
        ids = sorted({row["id"] for row in matches})
        if len(ids) == 1:
            return ids[0]
        if ids:
            listed = "; ".join(f"{row['id']} ({row['name']}, {row['type']})" for row in matches[:MAX_LISTED])
            raise NewsweaveError(f"{ref!r} is ambiguous: {len(ids)} entities match: {listed}. Use an id.")
    raise NewsweaveError(f"no entity named {ref!r} (see `newsweave actors`)")


def _entity_names(rows: Sequence, entity: str) -> list[str]:
    for row in rows:
        if row["id"] == entity:
            return [row["name"], *json.loads(row["aliases"])]
    return []


def merge_override(rows: Sequence, a: str, b: str) -> dict:
    """The override making entity `b` part of entity `a` (the entities as `rows`)."""
    keep, absorbed = find_entity(rows, a), find_entity(rows, b)
    if keep == absorbed:
        raise NewsweaveError(f"{a!r} and {b!r} are already one entity ({keep})")
    return {"action": "merge", "entity": keep, "other": absorbed, "names": _entity_names(rows, absorbed)[:5]}


def split_override(rows: Sequence, entity: str, aliases: list[str]) -> dict:
    """The override giving the mentions of `entity` written as `aliases` their own entity."""
    if not aliases:
        raise NewsweaveError("split needs at least one alias (a surface form of the entity's mentions)")
    found = find_entity(rows, entity)
    known = {name_key(n) for n in _entity_names(rows, found)}
    missing = [a for a in aliases if name_key(a) not in known]
    if missing:
        raise NewsweaveError(f"{found} has no mentions written {', '.join(map(repr, missing))}")
    return {"action": "split", "entity": found, "names": list(aliases)}


def rename_override(rows: Sequence, entity: str, name: str) -> dict:
    """The override giving `entity` a new display name."""
    if not name.strip():
        raise NewsweaveError("the new name is empty")
    return {"action": "rename", "entity": find_entity(rows, entity), "name": name.strip()}


def split_id(entity: str, alias: str, taken: set[str]) -> str:
    """A stable id for the part split off: the entity's id and the alias's key."""
    candidate = f"{entity}~{name_key(alias).replace(' ', '-')}"
    return candidate if candidate not in taken or candidate == entity else candidate + "~split"


def apply_overrides(overrides: list[dict], assignments: list[Assignment]) -> dict[str, str]:
    """Replay corrections on the assignments (changed in place); returns entity id -> new name."""
    renamed: dict[str, str] = {}
    for override in overrides:
        present = {a.entity for a in assignments if a.entity is not None}
        if override["action"] == "merge":
            absorbed = override["other"]
            if absorbed not in present:
                absorbed = _by_names(assignments, override["names"], exclude=override["entity"])
            for a in assignments:
                if absorbed and a.entity == absorbed:
                    a.entity = override["entity"]
        elif override["action"] == "split":
            keys = {name_key(n): n for n in override["names"]}
            new_id = split_id(override["entity"], override["names"][0], present)
            for a in assignments:
                if a.entity == override["entity"] and name_key(a.text) in keys:
                    a.entity = new_id
        elif override["action"] == "rename":
            renamed[override["entity"]] = override["name"]
    return renamed


def _by_names(assignments: list[Assignment], names: list[str], *, exclude: str) -> str | None:
    """The entity now written with the absorbed entity's first name (its id changed since)."""
    if not names:
        return None
    wanted = name_key(names[0])
    found = {a.entity for a in assignments if a.entity != exclude and name_key(a.text) == wanted}
    return found.pop() if len(found) == 1 else None
