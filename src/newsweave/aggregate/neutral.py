"""Neutral actors: international organisations (UN, IMF, EU, AU…) and non-governmental ones
(aid groups, Red Cross, MSF…) take no side in a conflict unless they fight or arm someone.

Known from the knowledge base's roles ("international organization", CAMEO's IGO…/NGO… codes),
else from words of the actor's name ("World Food Programme", "Norwegian Refugee Council").
"""

from __future__ import annotations

import re

# KB role text that makes an organisation intergovernmental or non-governmental.
NEUTRAL_ROLE_RE = re.compile(
    r"^(?:igo|ngo)|international organi[sz]ation|\bun (?:organ|agency|body|mission)\b|humanitarian|"
    r"\bngo\b|charity|relief|aid agency", re.IGNORECASE)

# Name words of an organisation the KB does not know that mark it intergovernmental, a fund, a
# bank, an aid agency or a rights group.
NEUTRAL_NAME_RE = re.compile(
    r"\b(?:united nations|un|fund|bank|red cross|red crescent|programme|program|agency|relief|"
    r"refugees?|rescue|human rights|amnesty|doctors|m[ée]decins|charity|foundation|unicef|unhcr|"
    r"world health|food programme)\b", re.IGNORECASE)


def _kb():
    try:
        from ..kb import knowledge_base
    except ImportError:  # the knowledge base is optional for the aggregate steps
        return None
    return knowledge_base()


def is_neutral(name: str, type_: str, kb_id: str | None) -> bool:
    """Whether an actor is an IGO or NGO (by its KB roles, else by its name)."""
    if type_ != "ORGANIZATION":
        return False
    kb = _kb() if kb_id else None
    entry = kb.get(kb_id) if kb else None
    if entry is not None and entry.roles:
        return any(NEUTRAL_ROLE_RE.search(role[0] or "") for role in entry.roles)
    return bool(NEUTRAL_NAME_RE.search(name or ""))


def neutral_actors(entities: dict) -> set[str]:
    """Entity ids (of `entities`: id -> row with name, type, kb_id) that are IGOs or NGOs."""
    return {entity for entity, row in entities.items() if is_neutral(row["name"], row["type"], row["kb_id"])}
