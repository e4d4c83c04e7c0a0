"""Word lists and patterns for entity mentions: named data, each with the reason it exists."""

from __future__ import annotations

import re

# spaCy label -> mention type before corrections. ORDINAL is left out: "first" names nothing.
SPACY_TO_MENTION_TYPE = {
    "PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "COUNTRY", "LOC": "LOCATION",
    "FAC": "FACILITY", "NORP": "NATIONALITY", "DATE": "DATE", "TIME": "DATE", "MONEY": "MONEY",
    "QUANTITY": "QUANTITY", "CARDINAL": "QUANTITY", "PERCENT": "QUANTITY",
    "PRODUCT": "OTHER", "EVENT": "OTHER", "LAW": "OTHER", "WORK_OF_ART": "OTHER",
    "LANGUAGE": "OTHER",
}

# Types whose spaCy spans are names (corrected with the knowledge base); others pass through.
NAME_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", "FACILITY", "NATIONALITY", "OTHER")

# Longest alias, in tokens, tried by the gazetteer scan ("Islamic State of Iraq and the Levant").
MAX_ALIAS_TOKENS = 8

# Knowledge-base kinds that may match lower-case text: generic weapon and platform classes
# ("attack drones", "armored vehicles"); names of people, groups and places need a capital.
LOWERCASE_MATCH_TYPES = ("PLATFORM", "WEAPON")

# Generated (CAMEO/GeoNames) locations matched in free text only when this big: small towns
# share names with common words and surnames.
MIN_MATCHED_CITY_POPULATION = 100_000

# Words that end an organisation's name: spaCy often calls such spans PERSON or GPE.
ORG_SUFFIX_WORDS = frozenset({
    "Ministry", "Party", "Brigade", "Brigades", "Army", "Council", "Forces", "Force", "Front",
    "Movement", "Agency", "Bank", "Company", "Corp", "Corporation", "Inc", "Ltd", "Plc", "Group",
    "Club", "FC", "United", "City", "Rovers", "Association", "Union", "Committee",
    "Commission", "Court", "Parliament", "Government", "Authority", "Office", "Department",
    "Institute", "University", "College", "Foundation", "Federation", "League", "Alliance",
    "Coalition", "Organization", "Organisation", "Guard", "Guards", "Police", "Service",
    "Services", "Network", "News", "Times", "Post", "Herald", "Journal", "Airlines",
    "Airways", "Industries", "Holdings", "Battalion", "Regiment", "Division", "Corps",
    "Militia", "Assembly", "Congress", "Senate", "Cabinet", "Secretariat", "Directorate",
    "Command", "Navy", "Marines", "Exchange", "Motors", "Group", "Television", "Radio",
})
# Words that make a proper-name span a place (not a state or an organisation).
LOCATION_WORDS = frozenset({
    "River", "Mountains", "Mountain", "Sea", "Gulf", "Province", "Region", "Valley", "Desert",
    "Strait", "Lake", "Island", "Islands", "Peninsula", "Governorate", "District", "County",
    "Oblast", "Basin", "Coast", "Plain", "Plateau", "Ocean", "Bay", "Canal", "Oasis",
})
# Words that make a proper-name span a facility (bases, airports, ports and the like).
FACILITY_WORDS = frozenset({
    "Base", "Airbase", "Airport", "Port", "Harbour", "Harbor", "Bridge", "Dam", "Prison",
    "Hospital", "Refinery", "Terminal", "Airfield", "Barracks", "Plant", "Station", "Palace",
    "Embassy", "Stadium", "Camp", "Crossing", "Checkpoint", "Pipeline", "Mosque", "Square",
})
# Verbs of saying: a one-word name that "said" something is a person or an organisation.
SPEECH_VERBS = frozenset({
    "said", "says", "told", "added", "stated", "claimed", "noted", "stressed", "warned",
    "announced", "insisted", "explained", "tweeted", "wrote", "declared", "asserted",
})
# Titles written before a person's name in news text ("Gen.", "Marshal", "Foreign Minister").
PERSON_TITLE_WORDS = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "Gen", "General", "Marshal", "Field", "Col", "Colonel", "Lt",
    "Lieutenant", "Maj", "Major", "Capt", "Captain", "Adm", "Admiral", "Sgt", "Sergeant",
    "President", "Minister", "Premier", "Chancellor", "Secretary", "Speaker", "Ambassador",
    "Envoy", "Spokesman", "Spokeswoman", "King", "Queen", "Prince", "Princess", "Emir",
    "Sheikh", "Sheik", "Sultan", "Ayatollah", "Senator", "Sen", "Rep", "Governor", "Mayor",
    "Judge", "Pope", "Chairman", "Commander", "Coach", "Striker", "Midfielder", "Defender",
    "Goalkeeper", "Sir", "Lord", "Lady", "Dame", "Father", "Rev", "Bishop", "Imam", "Cardinal",
})
# Particles inside Arabic, Dutch, German... names: they continue a person's name.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "da",
                            "di", "der", "den", "la", "le", "du", "dos", "das", "ben"})

# A dateline opening a paragraph: "CAIRO –", "MOSCOW, Jan 12 (Reuters) -", "TRIPOLI (AFP) -".
# The capitalised place is a LOCATION, not the organisation spaCy takes it for.
DATELINE_RE = re.compile(
    r"(?:^|\n)[ \t]*([A-Z][A-Z'\.\-]+(?:[ \t][A-Z][A-Z'\.\-]+){0,3})"
    r"(?=(?:,[^\n–—-]{0,40})?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[–—-])"
)

# Leading words dropped from a mention's span: the article is not part of a name.
LEADING_DETERMINERS = frozenset({"the", "The"})

# Nouns for a state's collective actors: "Iraqi forces", "the Syrian government" act as one
# organisation of that state (linked to it), not as a nationality word before a noun.
STATE_ACTOR_NOUNS = frozenset({
    "forces", "government", "army", "military", "troops", "security forces", "authorities",
    "police", "regime", "navy", "air force", "media", "state media", "news agency", "militia",
    "militias", "soldiers", "coalition", "opposition", "parliament", "ministry", "cabinet",
    "government forces", "armed forces", "special forces", "intelligence", "officials",
    "diplomats", "leadership", "embassy", "delegation", "warplanes", "jets", "rebels",
    "fighters", "defence ministry", "defense ministry", "foreign ministry", "state television",
    "ground forces", "naval forces", "border guards", "presidency",
})
