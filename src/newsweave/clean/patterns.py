"""Heuristics of the cleaners as named data: patterns, word lists and thresholds.

Each entry says in one line why it is there. The plain-text segmenter (`plaintext.py`), the
date finder (`pubdate.py`), the repeat finder (`dedup.py`) and the fingerprint read from here,
so tuning happens in one place (as trafilatura keeps its xpaths and settings.cfg apart).
"""

from __future__ import annotations

import re

# --- words -------------------------------------------------------------------------------

# Function words of the languages most scraped news is in. Prose is dense in them; menus,
# credits and counters are not. The union is used for density, English alone for language.
STOPWORDS_EN = frozenset("""
a about above after again against all also am an and any are as at be because been before
being between both but by can could did do does doing down during each few for from further
had has have having he her here hers him his how i if in into is it its itself just me more
most my no nor not now of off on once only or other our out over own same she should so some
such than that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yet said
""".split())

# The same for the other languages newsweave recognises by their words (the language test
# names them in its warning); their union is used for prose density.
STOPWORDS_BY_LANGUAGE = {
    "de": frozenset("""der die das und ist nicht ein eine einen dem den des mit von zu auf für sich im
        auch es als an wie aus bei nach oder aber wird wurde sind war hat haben noch nur vor über um so
        """.split()),
    "fr": frozenset("""le la les l et est un une des du de d à en dans pour que qui sur pas au aux avec
        ce cette il elle sont ont par se ne""".split()),
    "es": frozenset("el la los las y es un una del de en por que con para se su al lo como más pero".split()),
    "it": frozenset("il lo gli e è di che per con non una sono della nel alla".split()),
    "nl": frozenset("de het een en van is dat op te zijn voor met niet aan er".split()),
    "pl": frozenset("i w z na się nie do to że jest o jak po od za ale co przez".split()),
    "pt": frozenset("o os as e um uma do da dos das em no na que não com por para".split()),
}

STOPWORDS_OTHER = frozenset().union(*STOPWORDS_BY_LANGUAGE.values())

STOPWORDS_ANY = STOPWORDS_EN | STOPWORDS_OTHER

# --- thresholds --------------------------------------------------------------------------

# A line of prose has at least this many words (menu items and headings have fewer).
PROSE_MIN_WORDS = 8
# ...and at least this share of function words (names, counters and link lists have fewer).
PROSE_MIN_STOPWORD_RATIO = 0.18
# A line this long is a sample of the page's language (for the function-word coverage test).
LONG_LINE_CHARS = 60
# Below this share of long lines using the function words, the page's language is unknown to
# the lists (Korean, Russian, Indonesian...) and prose is judged by length and punctuation.
STOPWORD_COVERAGE_MIN_SHARE = 0.3
# Chinese and Japanese run words together: this many ideographs count as one word.
IDEOGRAPHS_PER_WORD = 2
# A short line scores this much: many in a row (menus, tag lists) break the main block.
SHORT_LINE_SCORE = -8.0
# A line that a boilerplate pattern matches scores this much.
BOILERPLATE_LINE_SCORE = -30.0
# Body text must reach this many characters before a comment marker may end it (a "Comments"
# link in the page's menu above the article must not end an article that has not begun).
MIN_BODY_CHARS_BEFORE_MARKER = 250
# Comment headers ("Name / date") open a comment section only when at least this many follow.
MIN_COMMENT_HEADS = 2
# A block of prose split from the main one (by an image, a list, a pull quote) joins it when
# it scores at least this share of the main block's score.
EXTRA_BLOCK_MIN_SHARE = 0.25
# ...when what lies between scores no lower than this (a caption, a few list items).
EXTRA_BLOCK_MAX_GAP = 50.0
# A title has this many words at most (longer headline-like lines are leads).
TITLE_MAX_WORDS = 25
# A comment author's name has at most this many words and characters.
AUTHOR_MAX_WORDS = 6
AUTHOR_MAX_CHARS = 48
# A line longer than this is an unwrapped paragraph on its own, never a wrapped fragment.
WRAPPED_LINE_MAX_CHARS = 100
# A line whose letters are mostly in another script than the page's is interface text.
FOREIGN_SCRIPT_MIN_SHARE = 0.5
# English when at least this share of a body's words are English function words.
ENGLISH_MIN_STOPWORD_RATIO = 0.2
# ...counted over at least this many words (fewer: no decision).
LANGUAGE_MIN_WORDS = 20
# A language other than English is named when this share of its words are its function words.
OTHER_LANGUAGE_MIN_STOPWORD_RATIO = 0.2
# Text whose letters are mostly of one non-Latin script is in that script's main language
# (first code point, last code point); at least this many letters are needed to tell.
SCRIPT_MIN_LETTERS = 40
SCRIPTS = {
    "ar": (0x0600, 0x06FF), "ru": (0x0400, 0x04FF), "he": (0x0590, 0x05FF), "el": (0x0370, 0x03FF),
    "hi": (0x0900, 0x097F), "th": (0x0E00, 0x0E7F), "ko": (0xAC00, 0xD7AF), "ja": (0x3040, 0x30FF),
    "zh": (0x4E00, 0x9FFF),
}
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "ar": "Arabic", "ru": "Russian", "he": "Hebrew", "el": "Greek",
    "hi": "Hindi", "th": "Thai", "ko": "Korean", "ja": "Japanese", "zh": "Chinese",
}

# --- line patterns -----------------------------------------------------------------------

_I = re.IGNORECASE

# Whole lines that are page furniture, with why each is there.
BOILERPLATE_LINES: dict[str, re.Pattern] = {
    # share counters and donation buttons: "974 $", "2,500 $", "12 Shares"
    "counter": re.compile(r"^[\d.,\s]*[$€£%]?[\d.,\s]*(?:[$€£%]|shares?|views?|likes?)?$", _I),
    # rating and reaction widgets
    "rating": re.compile(r"^(?:rate (?:it|this)|\d(?:[.,]\d)?\s*/\s*5|votes?:?.*|like|dislike)$", _I),
    # comment form and login prompts (WordPress, Disqus)
    "comment form": re.compile(
        r"^(?:leave a (?:reply|comment)|post a comment|add (?:a )?comment|write a comment|"
        r"fill in your details below.*|you are commenting using your .*|connecting to %s|"
        r"notify me of .*|cancel reply|"
        r"(?:your )?email address will not be published.*|required fields are marked.*|"
        r"(?:log ?in|sign ?in|register) to (?:post|comment|reply).*|submit(?: comment)?|"
        r"comment|name\s*\*?|email\s*\*?|website|.*(?:twitter|facebook|google\+) (?:picture|photo)|"
        r"kommentar (?:schreiben|verfassen)|antworten|reply|report|permalink)$", _I),
    # share and follow buttons
    "social": re.compile(
        r"^(?:share(?: this| on| article| it)?:?|tweet|pin it|email|print|whatsapp|telegram|"
        r"(?:share on |follow us on )?(?:facebook|twitter|linkedin|reddit|vk|x)|"
        r"(?:facebook|twitter|linkedin|reddit|pinterest|whatsapp|email|print|telegram)"
        r"(?:\s*[|/·•,]\s*(?:facebook|twitter|linkedin|reddit|pinterest|whatsapp|email|print|telegram))+|"
        r"follow us.*|like this:?|share this:?|teilen|drucken)$", _I),
    # donation and subscription prompts
    "appeal": re.compile(
        r"^(?:do you like this content\?.*|consider (?:helping|supporting) us.*|"
        r"support (?:us|our (?:work|journalism)).*|donate.*|subscribe.*|"
        r"sign up (?:for|to) (?:our|the) newsletter.*|(?:get|join) (?:our|the) newsletter.*|"
        r"newsletter.*|become a (?:member|patron|subscriber).*)$", _I),
    # cookie and consent banners
    "cookies": re.compile(r"^.*\b(?:cookies?|privacy policy|datenschutz)\b.*(?:accept|agree|consent|use|ok|zustimm).*$", _I),
    # breadcrumbs "Home / News / ..." and "Home > World > ..."
    "breadcrumb": re.compile(r"^(?:home|start(?:seite)?|accueil|inicio)\s*(?:[/>»›|]|&gt;).*$", _I),
    # photo captions and credits
    "credit": re.compile(
        r"^(?:.*\b(?:image|photo|picture|foto|bild|credit|source|quelle|getty images|"
        r"reuters|afp|ap photo|shutterstock)\s*[:/©]\s*[\w .,/-]{2,60}|"
        r"\(?(?:photo|image|foto|picture)(?: credit)?\s*[:©].*\)?|©.*|.*\bvia getty images)$", _I),
    # "read more" links, advertisements, skip links, print and font controls
    "interface": re.compile(
        r"^(?:read more|continue reading|weiterlesen|lire la suite|leer más|more|"
        r"advertisement|anzeige|sponsored|skip to (?:main )?content|back to top|"
        r"(?:previous|next)(?: (?:article|post|story))?|top|menu|search(?: for)?:?|close|"
        r"loading\.*|show more|view comments|load more|all rights reserved.*|"
        r"copyright\b.*|tags?:.*|filed under:?.*|categor(?:y|ies):.*|"
        r"(?:related|recommended|popular|trending)(?: (?:articles?|posts?|stories|news|content|topics?))?:?)$",
        _I),
}

# Lines after which the article does not go on: related stories, teasers, comment sections.
END_MARKERS: dict[str, re.Pattern] = {
    # related-article and teaser blocks
    "teasers": re.compile(
        r"^(?:check also|see also|related(?: (?:articles?|posts?|stories|news|content|coverage))?|"
        r"more on this (?:topic|story)|more (?:from|in|stories|news|articles).*|"
        r"you (?:may|might) (?:also )?(?:like|be interested in|enjoy)|read (?:also|next)|"
        r"recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|"
        r"also on .*|das könnte sie auch interessieren|mehr zum thema|weitere artikel|"
        r"lesen sie auch|à lire aussi|about the author)\s*:?\s*$", _I),
}

# Lines that open a comment section: what follows is comments or boilerplate, never body.
COMMENT_MARKERS: dict[str, re.Pattern] = {
    # section headings: "Comments", "12 comments", "3 thoughts on “…”", "Leave a Reply"
    "heading": re.compile(
        r"^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion|kommentare?|"
        r"commentaires?|comentarios?|komentarze?|reacties)(?:\s*\(\d+\))?\s*[:»]?\s*$", _I),
    "thoughts": re.compile(r"^\d+\s+(?:thoughts?|responses?|comments?|replies) (?:on|to)\b.*$", _I),
    "form": re.compile(r"^(?:leave a (?:reply|comment)|post a comment|add (?:a )?comment|"
                       r"write a comment|join the (?:discussion|conversation)|"
                       r"what do you think\??|kommentar schreiben)\s*:?\s*$", _I),
}

# A bulleted or numbered line: lists in dumps, threaded comments "• Name", "1. Name".
BULLET = re.compile(r"^(?P<indent>\s*)(?P<bullet>\d{1,4}[.)]|[•*·‣◦▪–-])\s+(?P<rest>\S.*?)\s*$")

# "Name says:", "Name wrote:", "Name on May 5, 2017 at 3:00 pm said:"
SAYS = re.compile(r"^\s*(?:[•*·‣◦▪-]\s+|\d{1,4}[.)]\s+)?(?P<name>[^\s:].{0,47}?)\s+"
                  r"(?:on (?P<date>.{6,40}?) )?(?:says|said|wrote|schreibt|sagt|a écrit)\s*:\s*$", _I)

# "Posted May 30, 2017 at 7:01 am | Permalink", "Posted by Name on May 5, 2017"
POSTED = re.compile(r"^\s*(?:posted|submitted|commented|written)\b(?: by (?P<name>.{1,47}?))?"
                    r"(?: on| at)?\s*(?P<date>.*?)\s*(?:\|\s*permalink|\|\s*reply)?\s*$", _I)

# Comment author names never look like these (menu items, widget labels).
NOT_AUTHOR = re.compile(r"^(?:home|news|about|contact|login|log in|reply|share|more|menu|search|"
                        r"comments?|related|tags?|categories|archives?|advertisement|\d+)$", _I)

# Titles often end in " | Site" or breadcrumbs " / Section / Site"; these split them.
TITLE_SEPARATORS = (" | ", " / ", " – ", " — ", " - ", " :: ", " » ")
# The site-name part after a separator has at most this many words.
SITE_NAME_MAX_WORDS = 5

# Terminal punctuation of a sentence (quotes and brackets may follow).
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")

# Letters of scripts other than Latin, by Unicode block, for the foreign-interface test.
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "cyrillic": ((0x0400, 0x052F),),
    "greek": ((0x0370, 0x03FF),),
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F)),
    "hebrew": ((0x0590, 0x05FF),),
    "cjk": ((0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF)),
    "devanagari": ((0x0900, 0x097F),),
}

# --- near-duplicates ---------------------------------------------------------------------

# Paragraphs are compared by word shingles of this length.
PARAGRAPH_SHINGLE = 3
# A body paragraph is a repeat when this share of its shingles occurred earlier in the body.
REPEAT_MIN_CONTAINMENT = 0.75
# Paragraphs with fewer shingles than this repeat only when identical (short lines recur).
REPEAT_MIN_SHINGLES = 4

# MinHash over word shingles of this length.
FINGERPRINT_SHINGLE = 3
# Number of permutations in the signature (more: finer similarity, larger rows).
FINGERPRINT_PERMUTATIONS = 128
# LSH bands x rows = permutations; 16 x 8 flags pairs from about 0.7 Jaccard similarity up.
LSH_BANDS = 16
LSH_ROWS = 8
# Two documents are near-duplicates from this estimated Jaccard similarity up.
NEAR_DUPLICATE_SIMILARITY = 0.8
# Seed of the MinHash permutations: fixed so signatures compare across runs and machines.
FINGERPRINT_SEED = 1
