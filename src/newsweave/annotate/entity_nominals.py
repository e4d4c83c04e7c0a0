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
PLACE_OF_NOUNS = PLACE_NOUNS | frozenset({"vicinity", "site", "outskirts", "governorate", "town",
                                         "enclave", "peninsula", "island"})

# -- re3d-style nominals: people, bodies and places named by a common noun ----------------------
# re3d's guide (an Organisation "may also be indicated by an abstract class (e.g. 'rebels')",
# a Location is "a specific point, area or feature") has its annotators mark such phrases
# whatever their determiner: "a spokesman", "civilians", "a mosque", "bombed-out buildings".

# People named by what they are or do. One of them (singular) is a PERSON ("a police officer",
# "another resident"); several (plural) a group, an ORGANIZATION ("civilians", "officials").
# Matched on the lemma, so "children", "women" and "businessmen" count.
PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "child", "teenager", "youth", "resident", "villager",
    "civilian", "citizen", "refugee", "victim", "survivor", "witness", "journalist", "reporter",
    "correspondent", "photographer", "officer", "policeman", "soldier", "sniper", "gunman",
    "militant", "insurgent", "jihadist", "terrorist", "extremist", "rebel", "fighter",
    "attacker", "assailant", "perpetrator", "bomber", "analyst", "expert", "adviser", "advisor",
    "consultant", "physician", "doctor", "nurse", "medic", "surgeon", "dentist", "teacher",
    "student", "engineer", "librarian", "volunteer", "worker", "employee", "activist",
    "protester", "demonstrator", "detainee", "prisoner", "hostage", "captive", "leader",
    "founder", "member", "supporter", "ally", "partner", "friend", "colleague", "comrade",
    "counterpart", "hero", "mourner", "worshipper", "pilgrim", "patient", "user", "businessman",
    "businesswoman", "farmer", "driver", "pilot", "sailor", "marine", "veteran", "diplomat",
    "negotiator", "lawmaker", "legislator", "politician", "mediator", "observer", "inspector",
    "investigator", "monitor", "settler", "migrant", "smuggler", "enthusiast", "writer",
    "author", "poet", "scholar", "cleric", "preacher", "priest", "tribesman", "militiaman",
    "commando", "paratrooper", "recruit", "conscript", "defector", "deserter", "mercenary",
    "operative", "agent", "spy", "informant", "donor", "developer", "proliferator", "official",
    "sister", "brother", "father", "mother", "son", "daughter", "wife", "husband",
    "neighbour", "neighbor", "people", "minister", "spokesman",
    "spokeswoman", "spokesperson", "commander", "ambassador", "envoy", "governor", "mayor",
    "prosecutor", "secretary", "director", "representative", "chief", "president", "general",
})
# Person nouns that stay a lone PERSON only with a determiner before them: without one they are
# most often a title before a name or a word in a job's description ("chief executive").
DETERMINED_PERSON_NOUNS = frozenset({"general", "chief", "president", "secretary", "director",
                                     "minister", "governor", "mayor", "representative", "agent",
                                     "member", "friend", "partner", "ally", "user", "monitor"})
# Bodies named by a common noun, singular or plural: an ORGANIZATION whatever the determiner
# ("the international community", "a terrorist organization", "ISIL tactical units").
BODY_NOUNS = frozenset({
    "group", "organisation", "organization", "community", "network", "unit", "party", "team",
    "company", "agency", "council", "committee", "movement", "society", "population", "family",
    "nation", "faction", "cell", "crew", "staff", "personnel", "delegation", "mission",
    "caliphate", "business", "firm", "corporation", "charity", "media", "tribe", "clan",
    "squad", "platoon", "detachment", "contingent", "enemy",
})
# "group of buildings", "a number of": a body noun that only counts what follows "of" is no body;
# it still is when people follow ("a group of fighters").
COUNTING_BODY_NOUNS = frozenset({"group", "network", "family", "series", "unit", "team", "cell"})
# Places and installations named by a common noun, with any determiner or none: re3d Location
# ("a mosque", "fighting positions", "the devastated streets", "a VBIED factory").
SITE_NOUNS = frozenset({
    "library", "restaurant", "cafe", "shop", "store", "hotel", "home", "house", "apartment",
    "position", "location", "site", "facility",
    "complex", "centre", "center", "entrance", "frontline", "structure",
    "room", "basement", "shelter", "hideout", "safehouse", "warehouse", "depot", "dam",
    "reservoir", "canal", "river", "lake", "island", "airspace", "territory", "neighbourhood",
    "neighborhood", "suburb", "village", "town", "city", "area", "region", "district", "province",
    "market", "school", "hospital", "clinic", "mosque", "church", "shrine", "temple", "bridge",
    "tunnel", "checkpoint", "prison", "camp", "port", "harbour", "harbor", "refinery", "station",
    "palace", "stadium", "factory", "plant", "embassy", "compound", "building", "headquarters",
    "airport", "airfield", "airbase", "base", "barracks", "outpost", "bunker", "trench",
    "fortification", "stronghold", "oilfield", "well", "pipeline", "mountain",
    "valley", "desert", "coast", "ward", "courtyard", "square", "museum", "campus",
    "capital", "countryside", "outskirts", "homeland",
})
# Site nouns that are places only after a definite determiner or a possessive, or with a
# modifier ("the location", "fighting positions"): "a position on the issue" is abstract.
DETERMINED_SITE_NOUNS = frozenset({"position", "location", "site", "structure", "room", "well",
                                   "area", "plant", "station", "ward",
                                   "square", "entrance", "facility", "complex", "centre", "center"})
# "front line": a place though "line" alone is not.
FRONT_LINE_WORDS = frozenset({"front", "frontline"})
# Ways (roads, streets, routes) are left out: in event text they are what is blocked or cut,
# not where things happen. Site nouns for open places (a LOCATION); the other site nouns are buildings and
# installations (a FACILITY).
AREA_NOUNS = frozenset({
    "position", "location", "site",
    "frontier", "frontline", "line", "territory", "airspace", "river", "lake", "island", "canal",
    "mountain", "valley", "desert", "coast", "area", "region", "district", "province",
    "village", "town", "city", "suburb", "neighbourhood", "neighborhood", "capital",
    "countryside", "outskirts", "homeland", "square", "trench", "oilfield",
})
# Site nouns that are a place only after a definite determiner or a possessive ("the area",
# "its surroundings"): with a mere modifier ("besieged areas") it is most often the object of
# a policy, not a place where something happens. Borders are left out for the same reason.
DEFINITE_SITE_NOUNS = frozenset({"area"})
# Determiners kept in a common-noun mention's span, as re3d's annotators mark it.
KEPT_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "another"})
