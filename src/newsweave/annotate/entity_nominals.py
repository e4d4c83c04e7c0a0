"""Nominal mentions: common nouns that refer to a specific actor or place ("the army",
"Syrian government forces", "militants", "the airport", "an ISIL-held building").

ACE calls these NOM mentions. They are actors of events ("police arrested...") even when no
name is given. Only nouns from the lists below count, and only when the phrase is specific:
after a definite or possessive determiner, owned by a state ("Kurdish fighters"), or, for
armed groups, a bare plural ("militants attacked"). A mention is linked to a state when a
demonym or a state's name modifies the noun; otherwise it is not an entity of its own.
Each list has a one-line reason; the phrase is the noun with the modifiers before it, without
the article ("the Syrian people" -> "Syrian people").
"""

from __future__ import annotations

# Organised groups and institutions: a specific one is an ORGANIZATION ("the regime").
GROUP_NOUNS = frozenset({
    "army", "military", "regime", "government", "forces", "force", "troops", "coalition",
    "opposition", "militants", "rebels", "insurgents", "jihadists", "militia", "militias",
    "militiamen", "fighters", "police", "authorities", "navy", "administration", "ministry",
    "parliament", "cabinet", "command", "squadron", "battalion", "brigade", "regiment",
    "alliance", "junta", "gunmen", "soldiers", "guards", "tribesmen", "paramilitaries",
})
# Groups that are an organisation only when a state or people owns them ("the Syrian people",
# "our Kurdish partners"); alone they are too generic ("people", "partners").
OWNED_GROUP_NOUNS = frozenset({
    "people", "partners", "allies", "parties", "counterparts", "leaders", "leadership",
    "worshippers", "communities", "component",
})
# Armed groups named by a bare plural in reports: "militants attacked", "rebels seized".
BARE_PLURAL_GROUPS = frozenset({
    "militants", "rebels", "insurgents", "jihadists", "troops", "militiamen", "gunmen",
    "fighters", "paramilitaries",
})
# Places named by a common noun: "the city", "the town" (a LOCATION).
PLACE_NOUNS = frozenset({
    "city", "town", "village", "area", "region", "province", "district", "territory",
    "capital", "neighbourhood", "neighborhood", "suburb", "outskirts", "countryside",
})
# Buildings and installations: "the airport", "the hospital" (a FACILITY).
FACILITY_NOUNS = frozenset({
    "airport", "airfield", "airbase", "base", "library", "mosque", "hospital", "school",
    "university", "compound", "building", "buildings", "headquarters", "bridge", "checkpoint",
    "prison", "camp", "port", "refinery", "station", "palace", "stadium", "market", "factory",
    "tunnel", "embassy", "church",
})
# Determiners that make a noun phrase definite or specific.
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# Dependency labels of words that stay in the phrase before the noun ("government forces",
# "armed forces", "US-led coalition"); articles, numbers and possessives are left out.
MODIFIER_DEPS = frozenset({"amod", "compound", "npadvmod", "nmod"})
# Modifiers ending in these make a place specific though indefinite: "an ISIL-held building".
CONTROL_PARTICIPLES = ("held", "controlled", "occupied", "run", "led")
# Roles held by one person: "the spokesman", "Russian military spokesman" (a PERSON). The
# phrase keeps only lower-case modifiers, so the state or group before it stays its own mention.
ROLE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "commander", "minister", "president",
    "ambassador", "envoy", "official", "general", "governor", "mayor", "prosecutor",
    "secretary", "chief", "director", "diplomat", "representative",
})
# Place nouns whose "of" names a place: "the village of Tuloul Naser", "the vicinity of Ayn Issa"
# (spaCy often takes such names for people).
PLACE_OF_NOUNS = PLACE_NOUNS | frozenset({"vicinity", "site", "outskirts", "governorate", "town"})
