"""Descriptions that refer back to a person in the same document ("the Libyan general").

A description is a role noun, maybe with a nationality and a few harmless modifiers, and
nothing else. It resolves to the most recent person named earlier in the document whose
country matches the nationality and whose known role fits; when the role word says little
("the leader") or no candidate's role is known, only a single fitting candidate is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kb import knowledge_base, normalise

# Role words -> the kind of role they name. "generic" words fit anyone, so they need one candidate.
ROLE_WORDS = {
    "general": "military", "marshal": "military", "field marshal": "military",
    "commander": "military", "strongman": "military", "warlord": "military",
    "colonel": "military", "officer": "military", "military leader": "military",
    "military commander": "military", "army chief": "military",
    "president": "head", "head of state": "head", "king": "head", "emir": "head",
    "prime minister": "government", "premier": "government", "pm": "government",
    "foreign minister": "foreign", "top diplomat": "foreign", "diplomat": "foreign",
    "defence minister": "defence", "defense minister": "defence",
    "leader": "generic", "politician": "generic", "official": "generic", "statesman": "generic",
}
# Words that may precede the role without changing who is meant ("the veteran Libyan general").
MODIFIERS = frozenset({"former", "veteran", "renegade", "rogue", "ageing", "aging", "elderly",
                       "powerful", "eastern", "eastern based", "east based", "self styled",
                       "top", "senior", "controversial", "embattled", "influential"})
# Evidence of a person's role kind from titles and KB role names (substring -> kind).
ROLE_EVIDENCE = (
    ("field marshal", "military"), ("marshal", "military"), ("general", "military"),
    ("gen", "military"), ("commander", "military"), ("army", "military"), ("colonel", "military"),
    ("vice president", "government"), ("president", "head"), ("king", "head"), ("emir", "head"),
    ("prime minister", "government"), ("premier", "government"),
    ("foreign minister", "foreign"), ("secretary of state", "foreign"),
    ("defence minister", "defence"), ("defense minister", "defence"),
)


@dataclass
class Person:
    """A person named in a document: where, who, and what is known of country and role."""

    position: int
    entity: str
    country: str | None = None
    roles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Description:
    country: str | None  # ISO2 of the nationality word, when there is one
    role: str  # a ROLE_WORDS kind


def parse_description(text: str | None) -> Description | None:
    """A description of a person ("the Libyan general"), or None for anything else."""
    if not text:
        return None
    words = normalise(text).split()
    role = None
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]) in ROLE_WORDS:
            role, words = ROLE_WORDS[" ".join(words[-n:])], words[:-n]
            break
    if role is None:
        return None
    country = None
    while words and words[0] in MODIFIERS:
        words = words[1:]
    if words:
        state = knowledge_base().demonym(" ".join(words)) if len(words) <= 2 else None
        if state is None:
            state = knowledge_base().demonym(words[-1])
            if state is None or any(w not in MODIFIERS for w in words[:-1]):
                return None
        country = state.country
    return Description(country, role)


def role_kinds(texts) -> set[str]:
    """Role kinds in titles or KB role names ("Gen. Haftar", "commander LNA")."""
    kinds = set()
    for text in texts:
        lowered = " " + normalise(text) + " "
        for needle, kind in ROLE_EVIDENCE:
            if f" {needle} " in lowered:
                kinds.add(kind)
    return kinds


def resolve_description(description: Description, position: int, people: list[Person]) -> str | None:
    """The person a description at `position` refers back to, or None when unsure."""
    before = sorted((p for p in people if p.position < position), key=lambda p: -p.position)
    seen: dict[str, Person] = {}
    for person in before:  # most recent sighting of each entity, nearest first
        seen.setdefault(person.entity, person)
    candidates = [p for p in seen.values()
                  if description.country is None or p.country == description.country]
    if not candidates:
        return None
    if description.role == "generic":
        return candidates[0].entity if len(candidates) == 1 else None
    fitting = [p for p in candidates if description.role in p.roles]
    if fitting:
        return fitting[0].entity
    if description.country and len(candidates) == 1 and not candidates[0].roles:
        return candidates[0].entity  # the only person of that nationality, role unknown
    return None
