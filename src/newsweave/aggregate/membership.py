"""Membership: a leader and the organisation he commands or speaks for, so that support for one
counts for both when sides are drawn ("Haftar's LNA", "Commander of the Libyan National Army
Marshal Khalifa Haftar", the knowledge base's "commander LNA" role).

Links are person -> organisation, each with the reason found and its evidence. They are used
by `sides` (member and organisation stand on one side) and by `contradictions`; relations stay
as the articles state them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Text links join a person and an organisation named one right after the other.
LINKED_TYPES = ("PERSON", "ORGANIZATION")
# Text between a person and the organisation after it: "Haftar's LNA", "Haftar’s forces, the LNA".
POSSESSIVE_GAP_RE = re.compile(r"^\s*['’]s\s*$")

# Text just before an organisation, then the leader named right after it: "Commander of the
# Libyan National Army Marshal Khalifa Haftar", "head of the GNA, Fayez al-Sarraj".
LEADER_OF_RE = re.compile(
    r"\b(?:commander|leader|head|chief|chairman|founder|president|prime minister|spokes(?:man|woman|person)"
    r"|commander-in-chief)\s+of\s+(?:the\s+)?$", re.IGNORECASE)

# What may stand between that organisation and the leader's name: a comma, a title or a rank.
TITLE_GAP_RE = re.compile(
    r"^[\s,]*(?:(?:field\s+)?marshal|general|gen\.?|colonel|col\.?|commander|mr\.?|prime minister|"
    r"president|sheikh|dr\.?)?[\s,]*$", re.IGNORECASE)


# KB roles that make a person speak for his state (a link to the country when the role names
# no organisation): what a president or foreign minister does, his state does.
STATE_OFFICES = ("president", "prime minister", "foreign minister", "defence minister",
                 "defense minister", "king", "emir", "crown prince", "sultan", "chancellor",
                 "supreme leader")


def _kb():
    try:
        from ..kb import knowledge_base
    except ImportError:
        return None
    return knowledge_base()


def home_country(row) -> str | None:
    """An actor's country code: the resolved one, else, for an organisation, the state its
    name starts with ("Indian Army", "Pakistan Air Force": a state's forces and offices)."""
    if row["country"] or row["type"] != "ORGANIZATION":
        return row["country"]
    kb = _kb()
    first = (row["name"] or "").split(" ", 1)[0]
    if kb is None or not first:
        return None
    state = kb.demonym(first) or next((e for e in kb.lookup(first) if e.type == "COUNTRY"), None)
    return state.country if state else None


def _kb_role_links(entities: dict) -> list[dict]:
    """Person -> organisation from KB roles such as "commander LNA" (the role's last words
    name the organisation), when both are actors of this corpus."""
    kb = _kb()
    if kb is None:
        return []
    by_kb_id = {row["kb_id"]: entity for entity, row in entities.items() if row["kb_id"]}
    links = []
    for entity, row in entities.items():
        entry = kb.get(row["kb_id"]) if row["type"] == "PERSON" and row["kb_id"] else None
        for role in (entry.roles if entry else ()):
            organisation, reason = _role_organisation(kb, role, by_kb_id), "kb-role"
            if organisation is None and role[1] and role[0].lower() in STATE_OFFICES:
                state = kb.country(role[1])
                organisation, reason = (by_kb_id.get(state.id) if state else None), "kb-office"
            if organisation and organisation != entity:
                links.append({"member": entity, "organisation": organisation, "reason": reason,
                              "evidence": ["@".join(part or "" for part in role)]})
    return links


def _role_organisation(kb, role: tuple, by_kb_id: dict) -> str | None:
    """The corpus entity of the organisation a role's last words name ("commander LNA")."""
    words = role[0].split()
    for i in range(1, len(words)):
        found = [e for e in kb.lookup(" ".join(words[i:])) if e.type == "ORGANIZATION"]
        if found and found[0].id in by_kb_id:
            return by_kb_id[found[0].id]
    return None


def _text_links(adjacent_mentions: Iterable, entities: dict) -> list[dict]:
    """Person -> organisation from adjacent mentions in article text."""
    links: dict[tuple, dict] = {}
    for row in adjacent_mentions:
        first, second = (row["prev_entity"], row["prev_type"]), (row["entity"], row["type"])
        pair = reason = None
        if first[1] == "PERSON" and second[1] == "ORGANIZATION" and POSSESSIVE_GAP_RE.match(row["gap"] or ""):
            pair, reason = (first[0], second[0]), "possessive"
        elif (first[1] == "ORGANIZATION" and second[1] == "PERSON" and TITLE_GAP_RE.match(row["gap"] or "")
              and LEADER_OF_RE.search(row["before"] or "")):
            pair, reason = (second[0], first[0]), "leader-of"
        if pair is None or pair[0] == pair[1] or pair[0] not in entities or pair[1] not in entities:
            continue
        link = links.setdefault(pair, {"member": pair[0], "organisation": pair[1], "reason": reason,
                                       "evidence": []})
        if row["doc"] not in link["evidence"]:
            link["evidence"].append(row["doc"])
    return list(links.values())


def find_memberships(adjacent_mentions: Iterable, entities: dict) -> list[dict]:
    """All person -> organisation links, one per pair (KB roles first, then the text's), from
    the entities and each article mention of one of `LINKED_TYPES` right after one of the other
    (`Store.adjacent_body_mentions`)."""
    found: dict[tuple, dict] = {}
    for link in _kb_role_links(entities) + _text_links(adjacent_mentions, entities):
        found.setdefault((link["member"], link["organisation"]), link)
    return sorted(found.values(), key=lambda link: (link["organisation"], link["member"]))
