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

# Types of values, not of things: never an entity of their own.
VALUE_TYPES = frozenset({"DATE", "MONEY", "QUANTITY"})

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
    "Command", "Navy", "Marines", "Exchange", "Motors", "Television", "Radio",
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
# A title's words before a place or organisation that spaCy ran into a name: "Minister for the
# Middle East Tobias Ellwood" (how many tokens back to look, and for which span types).
TITLE_REACH = 4
TITLED_NAME_TYPES = ("ORGANIZATION", "LOCATION", "COUNTRY")

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
    "diplomats", "leadership", "embassy", "delegation", "rebels",
    "fighters", "defence ministry", "defense ministry", "foreign ministry", "state television",
    "ground forces", "naval forces", "border guards", "presidency", "service members",
    "servicemembers", "personnel", "marines", "special operations forces", "security services",
})

# The longest of those nouns, in tokens: how far the gazetteer scan tries "Iraqi ..." spans.
MAX_STATE_ACTOR_NOUN_TOKENS = max(len(noun.split()) for noun in STATE_ACTOR_NOUNS)

# A dateline in wire format: the place in capitals, then an ISO date ("LONDON 1996-08-22",
# "AKRON , Ohio 1996-08-22"). The place is a LOCATION even in a sports report.
WIRE_DATELINE_RE = re.compile(
    r"(?:^|\n)[ \t]*([A-Z][A-Z'\.\-]+(?:[ \t][A-Z][A-Z'\.\-]+){0,3})"
    r"(?=[ \t]*(?:,[^\n]{0,30})?\s+\d{4}-\d\d-\d\d\b)"
)

# -- sports reports ----------------------------------------------------------------------------
# In a sports report a team named after its city ("Blackburn announced", "BOSTON 6 Oakland 4")
# is an organisation; national teams stay states (the CoNLL convention, and the usual reading).

# A headline naming the sport: "SOCCER - JAPAN GET LUCKY WIN", "Tennis: Seles beats Graf".
SPORTS_HEADLINE_RE = re.compile(
    r"^\s*(?:SOCCER|FOOTBALL|BASEBALL|BASKETBALL|TENNIS|GOLF|CRICKET|RUGBY(?: UNION| LEAGUE)?|"
    r"ATHLETICS|CYCLING|MOTOR ?RACING|MOTORCYCLING|FORMULA ONE|HORSE RACING|BOXING|ICE HOCKEY|"
    r"HOCKEY|NHL|NBA|NFL|SKIING|SWIMMING|BADMINTON|VOLLEYBALL|HANDBALL|SQUASH|ROWING|SAILING|"
    r"YACHTING|TABLE TENNIS|SNOOKER|DARTS|CHESS|WRESTLING|JUDO|GYMNASTICS|TRIATHLON|"
    r"AMERICAN FOOTBALL|AUSTRALIAN RULES|NORDIC SKIING|ALPINE SKIING|SPEED SKATING|"
    r"FIGURE SKATING|BOBSLEIGH|SPORTS?)\b\s*[-:\u2013]",
    re.IGNORECASE,
)
# Words of match reports: a text without a sports headline is a sports report when it has a
# score ("2-1") and at least this many of them.
SPORTS_WORDS = frozenset({
    "league", "cup", "match", "matches", "goal", "goals", "striker", "midfielder", "defender",
    "goalkeeper", "coach", "halftime", "half-time", "innings", "wickets", "wicket", "tournament",
    "championship", "season", "scored", "penalty", "draw", "drew", "beat", "stadium", "club",
    "clubs", "fans", "referee", "playoff", "playoffs", "seeded", "round", "semifinal",
    "semi-final", "quarter-final", "quarterfinal", "final", "title", "champions", "team",
})
MIN_SPORTS_WORDS = 4
SCORE_RE = re.compile(r"\b\d{1,3} ?- ?\d{1,3}\b")
# The names of sports and sections, written as headings ("SOCCER", "HORSE RACING"): spaCy
# takes them for places or organisations; they name nothing.
SPORT_NAMES = frozenset({
    "soccer", "football", "baseball", "basketball", "tennis", "golf", "cricket", "rugby",
    "rugby union", "rugby league", "athletics", "cycling", "motor racing", "motorracing",
    "motorcycling", "formula one", "horse racing", "boxing", "ice hockey", "hockey", "skiing",
    "swimming", "badminton", "volleyball", "handball", "squash", "rowing", "sailing",
    "yachting", "table tennis", "snooker", "darts", "wrestling", "judo", "gymnastics",
    "triathlon", "american football", "alpine skiing", "nordic skiing", "speed skating",
    "figure skating", "bobsleigh", "sport", "sports", "results", "standings", "scoreboard",
    "press digest", "business pages", "front page",
})
# Words of score tables and results that spaCy takes for names ("Qualifier", "Attendance").
SPORTS_TABLE_WORDS = frozenset({
    "Qualifier", "Attendance", "Extras", "Total", "Totals", "Halftime", "Scorers", "Scorer",
    "Winner", "Winners", "Result", "Results", "Standings", "Played", "Won", "Lost", "Drawn",
    "Points", "Pts", "Pct", "PCT", "Round", "Group", "Final", "Semifinal", "Semifinals",
    "Quarterfinals", "Leading", "Fall", "Bowling", "Batting", "Att", "Home", "Away", "Teams",
    "Replay", "Aggregate", "Note", "Bye", "Match", "Matches", "Division", "League",
})
# A team in a results line or table: "Bahia 2 Atletico Paranaense 0", "NEW YORK 72 53 .576 -",
# "Gloria Bistrita ( Romania ) 2 Valletta ( Malta ) 1"; group 1 the team, then its score.
_TEAM_WORD = r"[A-Z][\w'.&]*(?:-[\w'.&]+)*"
_TEAM = rf"{_TEAM_WORD}(?:[ \t]+(?:{_TEAM_WORD}|de|da|do|del|di|la|le|von|van|am|upon))*"
RESULT_TEAM_RE = re.compile(
    r"(?:(?<=\n)|^|(?<=: )|(?<=\d )|(?<=\d\t))[ \t]*"  # a line start, "In Tirana : ", a score
    rf"({_TEAM})(?:[ \t]+\([^()\n]{{1,30}}\))?"  # the team, its country in brackets
    r"[ \t]+\d{1,3}(?=[ \t]|$|\n)",  # its score or the first column of a table
    re.MULTILINE,
)

# A preposition before a place: "in Tirana", "at Chelsea": the place is not the team.
LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "near", "from", "outside", "around", "into", "across", "throughout", "to",
    "toward", "towards", "of", "visit", "visited", "via", "between", "and",
})

# -- names spaCy missed ------------------------------------------------------------------------

# Capitalised words that start a sentence or a heading without being a name.
NOT_NAME_WORDS = frozenset({
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "We", "They", "I",
    "In", "On", "At", "For", "But", "And", "Or", "If", "When", "While", "After", "Before",
    "As", "By", "With", "From", "To", "Of", "Mr", "Mrs", "Ms", "Dr", "His", "Her", "Their",
    "Our", "Its", "There", "Here", "What", "Who", "Why", "How", "Where", "Not", "No", "Yes",
    "All", "Some", "Many", "Most", "Other", "Such", "Each", "Every", "Both", "One", "Two",
    "Three", "First", "Second", "Third", "Last", "Next", "New", "Old", "Former", "Under",
    "Over", "About", "Also", "Then", "Now", "So", "Today", "Yesterday", "Tomorrow", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Up", "Down", "Off", "Out", "Against", "Despite", "Although", "Because", "Since",
    "Until", "During", "Without", "Within", "Among", "Between", "Through", "Into", "Near",
    "Outside", "Inside", "Around", "Following", "According", "Meanwhile", "However",
})
# Leading words spaCy leaves in a name span at a sentence start ("Near Palmyra", "In Tal Afar").
LEADING_PREPOSITIONS = frozenset({
    "Near", "In", "At", "Outside", "Around", "Across", "From", "Inside", "Throughout", "Into",
    "Toward", "Towards", "Via",
})
# Last words that make a name an event, a competition or a holiday (MISC in CoNLL terms):
# "Davis Cup", "Olympic Games", "Gulf War", "Ramadan".
EVENT_WORDS = frozenset({
    "Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Olympiad",
    "Grand Prix", "Prix", "Classic", "Tournament", "Trophy", "Masters", "Stakes", "Derby",
    "War", "Series", "Marathon", "Rally", "Tour", "Festival", "Summit", "Treaty", "Accord",
    "Accords", "Agreement", "Award", "Awards", "Prize",
})

# Prepositions before a name that make it a place when spaCy took it for a person:
# "in Karabilah", "near Husaybah".
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across", "throughout", "into"})
LEADING_DETERMINERS_LOWER = frozenset({"the"})
# Words, for counting match-report vocabulary.
WORD_RE = re.compile(r"[A-Za-z][a-z-]+")

# -- re3d-style mentions -------------------------------------------------------------------------

# A title standing for its holder, after an article and with no name following: "The Foreign
# Secretary said", "the Minister for Central Asia", "The Secretary of State has authorized".
# Group 1 is the mention (without the article). A title before a name ("Foreign Secretary
# Philip Hammond") is left to the name rules.
_TITLE_HEAD = (r"(?:Minister|Secretary|President|Envoy|Representative|Ambassador|Advis[oe]r|"
               r"Commissioner|Chancellor|Premier|Spokes(?:man|woman|person)|Commander|"
               r"Director|Chairman|Governor|Attorney General|Chief of Staff)")
_TITLE_MODIFIER = (r"(?:Deputy|Under|Assistant|Acting|Special|Foreign|Defen[cs]e|Home|Prime|Vice|"
                   r"Chief|Senior|Interior|Finance|Justice|Trade|Development|Executive|"
                   r"Permanent|High|Supreme)")
TITLE_ROLE_RE = re.compile(
    rf"\b(?:the|The|a|A)[ \t]+((?:{_TITLE_MODIFIER}[ \t]+)*{_TITLE_HEAD}"
    r"(?:-designate|-elect)?"
    r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)?)"
    r"(?![\w-]|[ \t]+[A-Z(])"
)
# Parts of speech and tags a name's first word cannot have at a sentence start ("Losing X",
# "Most people"); plain adjectives can ("Free Syrian Army").
NOT_NAME_POS = frozenset({"VERB", "AUX", "ADV", "DET", "PRON", "ADP", "SCONJ", "NUM"})
NOT_NAME_TAGS = frozenset({"VBG", "JJS", "JJR"})
# Pronouns: a mention that is one is of kind "pronoun".
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "you",
                      "his", "its", "their", "our", "who", "whom"})
# Numbers used as pronouns ("in one of our conversations"): a quantity only before a noun.
PRONOUN_NUMBERS = frozenset({"one"})
# An acronym given in brackets right after a name: "the Syria Recovery Trust Fund (SRTF)".
# It names what the name names, there and wherever it recurs in the region.
BRACKETED_ACRONYM_RE = re.compile(r"[ \t]*\(([A-Z][A-Z0-9&-]{1,9})\)")
