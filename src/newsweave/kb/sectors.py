"""Actor sectors: a state, its government and its armed forces are distinct, linked actors.

As CAMEO/PLOVER actor codes do (country + sector: IND GOV, IND MIL), every state has one
armed-forces actor, named as analysts name it ("Indian Armed Forces"), or by its official name
where the knowledge base knows one ("Sudanese Armed Forces", "Israel Defense Forces"):

    armed_forces(kb, india)            # -> Entry(id="IND-MIL", name="Indian Armed Forces", ...)
    state_actor(kb, india, "troops")   # -> the armed forces; "officials" -> India itself
    military_of(kb, "Pakistan Army")   # -> Entry(id="PAK-MIL", ...), or None
    sector(kb, entry)                  # -> ("MIL", "IND") for the armed forces, else the KB role's

Diplomatic actors ("the Indian government", "Indian officials") stay the state itself.
"""

from __future__ import annotations

# The id of a state's synthesized armed-forces entry: the state's id and this suffix.
MILITARY_SUFFIX = "-MIL"

# Nouns after a state's name or adjective that name its armed forces ("Pakistani troops",
# "Indian navy": branches are the same actor); the others (government, officials, media...)
# name the state acting as a government.
MILITARY_NOUNS = frozenset({
    "army", "military", "forces", "force", "troops", "soldiers", "armed forces", "navy",
    "air force", "airforce", "special forces", "ground forces", "naval forces", "marines",
    "special operations forces", "service members", "servicemembers", "security forces",
    "government forces", "army forces", "military forces", "defence forces", "defense forces",
    "armed services", "military personnel",
})

# Nouns for armed people who are not a state's forces: "Pakistani militants" are not Pakistan.
NON_STATE_NOUNS = frozenset({
    "militants", "rebels", "insurgents", "jihadists", "militia", "militias", "militiamen",
    "gunmen", "fighters", "paramilitaries", "separatists", "terrorists", "guerrillas",
})

# Knowledge-base roles that give an organisation its sector (CAMEO actor-type codes).
ROLE_SECTORS = {
    "armed forces": "MIL", "military command": "MIL", "special forces": "MIL",
    "armed group": "REB", "news outlet": "MED",
}


def adjective(kb, state) -> str:
    """How English writes the state as an adjective ("Indian"), else its name."""
    word = kb.adjectives.get(state.id)
    return " ".join(w[:1].upper() + w[1:] for w in word.split()) if word else state.name


def armed_forces(kb, state):
    """The armed forces of `state` (a COUNTRY entry): the knowledge base's own entry when it
    knows "<Adjective> Armed Forces" for that country, else one made here (id "<ISO3>-MIL")."""
    from . import Entry

    name = f"{adjective(kb, state)} Armed Forces"
    ids = kb.by_alias.get(_key(name), [])
    for kb_id in ids:
        entry = kb.get(kb_id)
        if entry is not None and entry.type == "ORGANIZATION" and entry.country == state.country:
            return entry
    kb_id = state.id + MILITARY_SUFFIX
    entry = kb.entries.get(kb_id)
    if entry is None:
        entry = kb.entries[kb_id] = Entry(
            id=kb_id, name=name, type="ORGANIZATION", country=state.country, aliases=(name,),
            roles=(("armed forces", state.country, None, None),), curated=True)
    return entry


def state_actor(kb, state, noun: str):
    """The actor "<state> <noun>" names: its armed forces for a military noun, no actor of the
    state for militants or rebels (None), else the state."""
    if state is None or state.type != "COUNTRY":
        return state
    if noun.lower() in MILITARY_NOUNS:
        return armed_forces(kb, state)
    return None if noun.lower() in NON_STATE_NOUNS else state


def military_of(kb, text: str):
    """The armed forces a phrase names: "Pakistan Army", "Indian Air Force", "armed forces of
    India" (a state's name or adjective with a military noun), else None."""
    key = _key(text)
    words = key.split()
    for cut in range(1, len(words)):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if rest in MILITARY_NOUNS:
            state = _state(kb, head)
        elif head in MILITARY_NOUNS and rest.startswith("of "):
            state = _state(kb, rest[3:])
        else:
            continue
        if state is not None:
            return armed_forces(kb, state)
    return None


def synthesized(kb, kb_id: str):
    """The armed-forces entry an id such as "IND-MIL" stands for, or None."""
    if not kb_id.endswith(MILITARY_SUFFIX):
        return None
    state = kb.get(kb_id[:-len(MILITARY_SUFFIX)])
    return armed_forces(kb, state) if state is not None and state.type == "COUNTRY" else None


def sector(kb, entry) -> tuple[str | None, str | None]:
    """(sector code, id of the state it belongs to) of a knowledge-base entry: ("MIL", "IND") for
    India's armed forces, ("GOV", None) for a state itself, (None, None) when unknown."""
    if entry is None:
        return None, None
    if entry.type == "COUNTRY":
        return "GOV", None
    for role, country, _start, _end in entry.roles:
        code = ROLE_SECTORS.get(role or "")
        if code is not None:
            state = kb.country(country) if code == "MIL" and country else None
            return code, state.id if state is not None else None
    return None, None


def _state(kb, key: str):
    state = kb.demonym(key)
    if state is None:
        state = next((e for e in kb.lookup_exact(key) if e.type == "COUNTRY"), None)
    return state


def _key(text: str) -> str:
    from . import normalise
    return normalise(text)
