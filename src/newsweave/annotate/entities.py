"""Entity mentions: spaCy's NER corrected and completed by the knowledge base of actors.

Reads `scratch["parses"]` (one spaCy doc per region). Adds `mentions`, sorted by position and
never overlapping. Three sources are merged, longest span first:
- the knowledge base scanned over the tokens (states, people, groups, outlets, places,
  weapons and platforms, including generic classes such as "attack drones");
- demonyms ("Libyan" -> NATIONALITY, linked to the state) and datelines ("CAIRO –");
- spaCy's entities, retyped with the knowledge base and the rules in `entity_patterns`
  (a name after a title or before "said" is a person, "... Ministry" an organisation,
  a GPE that is not a state a LOCATION, "... Air Base" a FACILITY).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, Mention
from ..kb import Entry, KnowledgeBase, knowledge_base, normalise, sectors
from ..settings import Settings
from . import entity_nominals as N
from . import entity_patterns as P

# Which source wins when two candidates cover exactly the same span.
# A nominal phrase ("Assad regime") outranks spaCy's reading of the same words as a name.
_SOURCE_PRIORITY = {"dateline": 0, "kb": 1, "demonym": 1, "nominal": 1.5, "spacy": 2, "names": 3,
                    "sports": 0}


@dataclass(slots=True)
class Candidate:
    start: int  # character offsets in the region's parse
    end: int
    type: str
    source: str  # kb | demonym | dateline | spacy | names | sports | nominal
    entry: Entry | None = None


class EntityRecognizer:
    def __init__(self, settings: Settings, kb: KnowledgeBase | None = None):
        self.settings = settings
        self.kb = kb or knowledge_base()

    def __call__(self, doc: Document) -> Document:
        doc.mentions = []
        for index, parsed in doc.scratch.get("parses", []):
            region = doc.regions[index]
            for cand in self.candidates(parsed, doc.scratch["parsed_texts"][index]):
                start, end = region.start + cand.start, region.start + cand.end
                doc.mentions.append(self.mention(doc.text[start:end], start, end, cand, region.kind))
        doc.mentions.sort(key=lambda m: m.start)
        return doc

    def candidates(self, parsed, text: str) -> list[Candidate]:
        """Non-overlapping candidates for one parsed region whose text (`parsed.text`) is `text`."""
        sports = is_sports_report(text)
        found = self.datelines(parsed, text) + self.gazetteer(parsed, text) \
            + self.spacy_entities(parsed, sports) + self.nominals(parsed) + self.titled_roles(text)
        if sports:
            found = self.sports_teams(parsed, text, found)
        found.sort(key=lambda c: (-(c.end - c.start), _SOURCE_PRIORITY[c.source], c.start))
        taken: list[Candidate] = []
        occupied = bytearray(len(text) + 1)
        for cand in found + self.capitalised_names(parsed):  # names only where nothing else is
            if any(occupied[cand.start:cand.end]):
                continue
            occupied[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
            taken.append(cand)
        self.bracketed_acronyms(text, taken)
        self.consistent_names(text, taken, sports)
        if sports:
            self.cities_as_teams(parsed, taken)
        return sorted(taken, key=lambda c: c.start)

    def bracketed_acronyms(self, text: str, taken: list[Candidate]) -> None:
        """ "The Syria Recovery Trust Fund (SRTF)": the acronym in brackets after a name has the
        name's type and entry, there and where it recurs; unknown or mistyped occurrences are
        made so (a known acronym keeps its own entry)."""
        ends = {c.end: c for c in taken if c.type in ("ORGANIZATION", "PERSON", "LOCATION",
                                                      "FACILITY", "OTHER")}
        if not ends or "(" not in text:
            return
        named: dict[str, Candidate] = {}
        for match in P.BRACKETED_ACRONYM_RE.finditer(text):
            name = ends.get(match.start())
            if name is not None and not self.kb.lookup(match.group(1)):
                named.setdefault(match.group(1), name)
        if not named:
            return
        by_span = {(c.start, c.end): c for c in taken}
        occupied = bytearray(len(text) + 1)
        for c in taken:
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        for acronym, name in named.items():
            for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
                start, end = match.span()
                cand = by_span.get((start, end))
                if cand is not None and cand.entry is None and cand.source in ("spacy", "names"):
                    cand.type, cand.entry = name.type, name.entry
                elif cand is None and not any(occupied[start:end]):
                    occupied[start:end] = b"\x01" * (end - start)
                    taken.append(Candidate(start, end, name.type, "names", name.entry))

    def consistent_names(self, text: str, taken: list[Candidate], sports: bool) -> None:
        """One name, one type within a region: a word of a person's full name used alone
        ("Joseph Votel ... Votel said") is that person, though spaCy took it for an organisation
        or a place; outside sport, an unlinked name read as a place somewhere ("the city of
        Husaybah", "in Karabilah") is that place where spaCy took it for a person or a group."""
        surnames: set[str] = set()
        places: set[str] = set()
        for cand in taken:
            words = text[cand.start:cand.end].split()
            if cand.type == "PERSON" and len(words) > 1 and cand.source != "nominal":
                surnames.update(w for w in words if w[:1].isupper() and not _is_initial(w)
                                and w.rstrip(".") not in P.PERSON_TITLE_WORDS)
            elif cand.type == "LOCATION" and cand.source in ("spacy", "names", "kb", "dateline"):
                places.add(" ".join(words))
        if not surnames and not places:
            return
        for cand in taken:
            if cand.entry is not None or cand.source not in ("spacy", "names"):
                continue
            name = " ".join(text[cand.start:cand.end].split())
            if cand.type in ("ORGANIZATION", "LOCATION", "COUNTRY", "OTHER") and name in surnames \
                    and name not in places:
                cand.type = "PERSON"
            elif not sports and cand.type in ("PERSON", "ORGANIZATION") and name in places:
                cand.type = "LOCATION"

    def mention(self, text: str, start: int, end: int, cand: Candidate, region: str) -> Mention:
        entry = cand.entry
        entity: str | None
        if entry is not None:
            kb_id, name, country = entry.id, entry.name, entry.country
            entity = kb_id
        else:
            kb_id, country = None, None
            name = _clean_name(text)
            # an unowned nominal ("the army") is an actor in its sentence, not an entity; nor is
            # a number, a date or a sum: "28" in one article is not "28" in another
            entity = None if cand.source == "nominal" or cand.type in P.VALUE_TYPES \
                else f"{cand.type}:{normalise(name)}"
        return Mention(start, end, text, cand.type, region, entity=entity, kb_id=kb_id,
                       name=name, country=country, kind=mention_kind(text, cand.source, cand.type))

    # -- sources ----------------------------------------------------------------------

    def datelines(self, parsed, text: str | None = None) -> list[Candidate]:
        text = parsed.text if text is None else text
        found, seen = [], set()
        matches = [*P.DATELINE_RE.finditer(text), *P.WIRE_DATELINE_RE.finditer(text)]
        for match in matches:
            start, end = match.span(1)
            if start in seen:
                continue
            seen.add(start)
            entries = [e for e in self.kb.lookup(match.group(1)) if e.type in ("LOCATION", "COUNTRY")]
            if match.re is P.DATELINE_RE and not entries:
                continue  # "SOCCER - ...", "BP - ...": a headline's topic, not a known place
            found.append(Candidate(start, end, entries[0].type if entries else "LOCATION",
                                   "dateline", entries[0] if entries else None))
        return found

    def gazetteer(self, parsed, text: str | None = None) -> list[Candidate]:
        """Longest knowledge-base alias starting at each token. Spans are tried only as long
        as their key still begins some alias (`longest_alias_span`), so the scan is near-linear."""
        text = parsed.text if text is None else text  # Doc.text joins every token: build it once
        tokens = list(parsed)
        found = []
        for i, first in enumerate(tokens):
            if first.is_punct or first.is_space or first.text in P.LEADING_DETERMINERS:
                continue
            for n in range(self.longest_alias_span(text, tokens, i), 0, -1):
                last = tokens[i + n - 1]
                if last.is_punct or last.is_space or last.tag_ == "POS":
                    continue  # a name ends on a word: not on "." or "\n", nor a possessive "'s"
                span_text = text[first.idx:last.idx + len(last.text)]
                cand = self.match(span_text, tokens[i:i + n])
                if cand is not None:
                    cand.start, cand.end = first.idx, last.idx + len(last.text)
                    found.append(cand)
                    break
        return found

    def longest_alias_span(self, text: str, tokens, i: int) -> int:
        """How many tokens from `i` can still match: a span whose key begins no alias,
        demonym or seat of government cannot grow into one (keys only grow at the end), except
        "Iraqi forces"-style state actors, tried up to their longest noun."""
        limit = min(P.MAX_ALIAS_TOKENS, len(tokens) - i)
        start = tokens[i].idx
        longest = 0
        for n in range(1, limit + 1):
            last = tokens[i + n - 1]
            key = normalise(text[start:last.idx + len(last.text)])
            if key in ("", "the"):
                longest = n  # "the" is dropped once a word follows: no prefix to test yet
                continue
            if not self.kb.is_key_prefix(key):
                break
            longest = n
        first_key = normalise(tokens[i].text)
        if first_key in self.kb.demonyms or first_key in self.kb.by_alias:
            longest = max(longest, min(limit, 1 + P.MAX_STATE_ACTOR_NOUN_TOKENS))
        return longest

    def match(self, text: str, tokens) -> Candidate | None:
        key = normalise(text)
        if not key:
            return None
        capitalised = text[:1].isupper() or text[:1].isdigit()
        if len(tokens) == 1 and capitalised:
            nation = self.kb.demonym(text)
            if nation is not None and tokens[0].pos_ in ("ADJ", "PROPN", "NOUN"):
                return Candidate(0, 0, "NATIONALITY", "demonym", nation)
        if len(tokens) > 1 and capitalised and tokens[1].text.islower():
            nation = self.kb.demonym(tokens[0].text) or self.state_named(tokens[0])
            rest = " ".join(t.lower_ for t in tokens[1:])
            actor = sectors.state_actor(self.kb, nation, rest) if rest in P.STATE_ACTOR_NOUNS else None
            if actor is not None:
                return Candidate(0, 0, "ORGANIZATION", "kb", actor)
        ids = self.kb.by_alias.get(key)
        if not ids:
            seat = self.kb.metonym(text) if capitalised else None
            # "the Kremlin", "the White House": the state's government, acting as an organisation
            return Candidate(0, 0, "ORGANIZATION", "kb", seat) if seat is not None else None
        if self.kb.is_acronym_alias(key) and not text.replace(".", "").isupper():
            return None  # "AP" the agency, not "ap"; "US" the state, not "us"
        for kb_id in ids:
            entry = self.kb.get(kb_id)
            if entry is not None and self.acceptable(entry, text, tokens, capitalised):
                return Candidate(0, 0, entry.type, "kb", entry)
        return None

    def state_named(self, token) -> Entry | None:
        """The state a one-word name stands for ("U.S.", "UK", "Iraq"), for "U.S. forces"."""
        if token.pos_ != "PROPN":
            return None
        entries = self.kb.lookup(token.text)
        if not entries or entries[0].type != "COUNTRY":
            return None
        if self.kb.is_acronym_alias(normalise(token.text)) and not token.text.replace(".", "").isupper():
            return None  # "us", not "US"
        return entries[0]

    def acceptable(self, entry: Entry, text: str, tokens, capitalised: bool) -> bool:
        if not capitalised:
            return entry.type in P.LOWERCASE_MATCH_TYPES and text.islower()
        if entry.type in P.LOWERCASE_MATCH_TYPES and text[:1].isupper() and not entry.name[:1].isupper():
            return tokens[0].is_sent_start  # "Drones hit..." but not a title-cased name
        if not entry.curated and entry.type == "LOCATION":
            if entry.population < P.MIN_MATCHED_CITY_POPULATION:
                return False
            return all(t.pos_ == "PROPN" for t in tokens if t.is_alpha and t.text[:1].isupper())
        if entry.type == "PERSON" and len(tokens) > 1 and (
                tokens[0].text.rstrip(".") in P.PERSON_TITLE_WORDS or self.kb.demonym(tokens[0].text)):
            return False  # leave "Russian" and "Foreign Minister" out of the person's span
        if not entry.curated and entry.type == "PERSON":
            return len(tokens) > 1 and all(t.text[:1].isupper() or t.lower_ in P.NAME_PARTICLES
                                           for t in tokens if t.is_alpha)
        return True

    def spacy_entities(self, parsed, sports: bool = False) -> list[Candidate]:
        found: list = []
        for ent in parsed.ents:
            kind = P.SPACY_TO_MENTION_TYPE.get(ent.label_)
            if kind is None:
                continue
            if ent.label_ == "CARDINAL" and len(ent) == 1 and ent[0].lower_ in P.PRONOUN_NUMBERS \
                    and ent[0].dep_ != "nummod":
                continue  # "in one of our conversations": a pronoun, not a quantity
            if kind in P.NAME_TYPES and not_a_name(ent, sports):
                continue  # "SOCCER", "PRESS DIGEST", "Qualifier"
            start_token = ent.start
            while start_token < ent.end - 1 and parsed[start_token].text in P.LEADING_DETERMINERS:
                start_token += 1  # "the Pentagon" -> "Pentagon"
            locative = False
            if kind in P.NAME_TYPES and start_token < ent.end - 1 \
                    and parsed[start_token].text in P.LEADING_PREPOSITIONS:
                start_token += 1  # "Near Palmyra" at a sentence start -> "Palmyra", a place
                locative = True
            end_token = ent.end
            if kind in ("PERSON", "ORGANIZATION") and start_token < ent.end - 1 \
                    and _common_sentence_start(parsed[start_token], self.kb):
                start_token += 1  # "Losing Zamzam puts pressure": the gerund is no part of a name
                if kind == "PERSON" and ent.end - start_token == 1 \
                        and not self.looks_like_person(parsed[start_token:ent.end]):
                    continue  # what is left is one word nothing shows to be a person
            if kind in P.NAME_TYPES:
                start_token = self.split_prefix(parsed, start_token, ent.end, found, kind)
                while end_token - start_token > 1 and not any(
                        ch.isalpha() for ch in parsed[end_token - 1].text):
                    end_token -= 1  # "Liverpool 2-1", "Attendance 8,000": the score is no name
            span = parsed[start_token:end_token]
            entry = None
            cut = self.person_after_title(parsed, span) if kind in P.TITLED_NAME_TYPES else None
            if cut is not None:  # "Minister for the [Middle East] [Tobias Ellwood]"
                person = parsed[cut:end_token]
                found.append(Candidate(person.start_char, person.end_char, "PERSON", "spacy"))
                span = parsed[start_token:cut]
            if kind in P.NAME_TYPES:
                kind, entry = self.retype(span, kind)
                if kind in ("PERSON", "ORGANIZATION") and entry is None:
                    kind, entry = self.place_by_context(span, kind, locative)
            if kind is not None:
                found.append(Candidate(span.start_char, span.end_char, kind, "spacy", entry))
        return found

    def person_after_title(self, parsed, span) -> int | None:
        """Where a person's name starts inside a place or organisation span that follows a
        title ("Minister for the Middle East Tobias Ellwood"): a known first name followed by
        capitalised words only, with a title just before the span."""
        before = [t.text.rstrip(".") for t in parsed[max(0, span.start - P.TITLE_REACH):span.start]]
        if len(span) < 3 or not any(w in P.PERSON_TITLE_WORDS for w in before):
            return None
        for j in range(span.start + 1, span.end - 1):
            if self.kb.is_first_name(parsed[j].text) and all(
                    t.is_alpha and t.text[:1].isupper() for t in parsed[j:span.end]):
                return j
        return None

    def place_by_context(self, span, kind: str, locative: bool) -> tuple[str, Entry | None]:
        """A name after "in"/"near" that spaCy took for a person or organisation: "in Karabilah"."""
        before = span.doc[span.start - 1] if span.start > 0 else None
        noun = span.doc[span.start - 2] if span.start > 1 else None
        if before is not None and before.lower_ == "of" and noun is not None \
                and noun.lower_ in N.PLACE_OF_NOUNS:
            locative = True  # "the village of Tuloul Naser", "the vicinity of Ayn Issa"
        if not locative and (before is None or before.lower_ not in P.PLACE_PREPOSITIONS):
            return kind, None
        places = [e for e in self.kb.lookup(span.text) if e.type in ("LOCATION", "COUNTRY")]
        if places:
            return places[0].type, places[0]
        if any(t.text.isupper() and len(t.text) > 1 for t in span) or self.kb.lookup(span.text):
            return kind, None  # "in NATO", "in Hamas": known or acronyms, not places
        if kind == "PERSON" and (locative or not self.kb.is_first_name(span[0].text)):
            return "LOCATION", None
        if kind == "ORGANIZATION" and len(span) == 1 and span.text not in P.ORG_SUFFIX_WORDS:
            return "LOCATION", None  # "near Husaybah"
        return kind, None

    # -- nominal mentions ---------------------------------------------------------------

    def titled_roles(self, text: str) -> list[Candidate]:
        """A capitalised title that stands for its holder: "The Foreign Secretary said",
        "the Minister for Central Asia" (a PERSON, not linked: the holder is not named)."""
        return [Candidate(*match.span(1), "PERSON", "nominal")
                for match in P.TITLE_ROLE_RE.finditer(text)]

    def nominals(self, parsed) -> list[Candidate]:
        """Common-noun actors, people and places ("the army", "Kurdish fighters", "a police
        officer", "civilians", "a mosque"); see `entity_nominals` for the word lists and when a
        phrase counts."""
        found = []
        for token in parsed:
            if token.pos_ != "NOUN" or token.dep_ == "compound" or not (
                    token.text.islower() or (token.is_sent_start and token.text[1:].islower())):
                continue  # a capitalised head is a name ("Syrian Democratic Forces")
            cand = self.nominal(parsed, token)
            if cand is not None:
                found.append(cand)
        return found

    def nominal(self, parsed, token) -> Candidate | None:
        lower, lemma = token.lower_, token.lemma_.lower()
        plural = token.tag_ == "NNS"
        lefts = list(token.lefts)
        determined = any(c.dep_ in ("det", "poss", "nummod") for c in lefts)
        definite = any(c.dep_ == "det" and c.lower_ in N.DEFINITE_DETERMINERS for c in lefts) \
            or any(c.dep_ == "poss" for c in lefts)
        start = self.modifiers_start(parsed, token)
        modifiers = parsed[start:token.i]
        end = token.idx + len(token.text)
        if lower in N.GROUP_NOUNS or lower in N.OWNED_GROUP_NOUNS:
            start = self.after_names(parsed, start, token, owners=True)
            end, owner = self.owner_after(parsed, token)
            for t in parsed[start:token.i]:
                if owner is None and t.dep_ in ("amod", "compound", "nmod") and t.head.i == token.i:
                    owner = self.kb.demonym(t.text) or self.state_named(t)
            owner = sectors.state_actor(self.kb, owner, lower)  # "Indian troops": its armed forces
            if lower in N.OWNED_GROUP_NOUNS:
                specific = owner is not None
            else:  # "the army", "Kurdish fighters", "militants attacked"; not "use of force"
                specific = definite or owner is not None or (
                    lower in N.BARE_PLURAL_GROUPS and plural)
            if specific:
                return Candidate(parsed[start].idx, end, "ORGANIZATION", "nominal", owner)
        if not token.text.islower():
            return None  # "Women 's 100 metres", "Analysts believe": headings and table labels
        if lemma in N.PERSON_NOUNS or lower in N.ROLE_NOUNS:
            if plural:  # several people: a group ("civilians", "officials", "aspiring dentists")
                kind = "ORGANIZATION"
            elif lemma in N.DETERMINED_PERSON_NOUNS and not determined:
                return None  # "chief executive", "general staff"
            elif token.i + 1 < len(parsed) and parsed[token.i + 1].pos_ == "PROPN" \
                    and parsed[token.i + 1].text[:1].isupper():
                return None  # "prisoner Serkan Tumay": a title before the name, the name is it
            else:
                kind = "PERSON"
            start = token.i  # the head noun: its modifiers may be names or mentions of their own
            return Candidate(parsed[start].idx, end, kind, "nominal")
        if lemma in N.BODY_NOUNS:
            if lemma in N.COUNTING_BODY_NOUNS and self.counts_things(token):
                return None  # "a group of buildings"
            start = token.i  # the head noun: its modifiers may be names or mentions of their own
            return Candidate(parsed[start].idx, end, "ORGANIZATION", "nominal")
        if lower in N.PLACE_NOUNS or lower in N.FACILITY_NOUNS or lemma in N.SITE_NOUNS \
                or (lemma == "line" and any(t.lower_ in N.FRONT_LINE_WORDS for t in modifiers)):
            if lemma in N.DEFINITE_SITE_NOUNS and not definite:
                return None
            if lower in N.FACILITY_NOUNS and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                 for c in lefts) and any(
                    c.dep_ == "prep" for c in token.rights):
                return None  # "a temporary camp for refugees": the phrase, not the noun, names it
            if lemma in N.DETERMINED_SITE_NOUNS and not (definite or any(
                    t.dep_ in ("amod", "compound") for t in modifiers)):
                return None  # "a position on the issue": abstract unless "the"/"their" or
                # a modifier ("fighting positions") makes it a place
            kind = "LOCATION" if lemma in N.AREA_NOUNS or lower in N.PLACE_NOUNS else "FACILITY"
            start = self.with_article(parsed, token.i)  # the head noun and its article
            return Candidate(parsed[start].idx, end, kind, "nominal")
        return None

    def with_article(self, parsed, start: int) -> int:
        """A lower-case determiner right before the head stays in the span ("the victims", "a
        mosque"), as re3d's annotators mark it; the modifiers stay out: they may be names or
        mentions of their own, and a bare head keeps the phrase a generic group for events."""
        if start > 0 and parsed[start - 1].dep_ == "det" and parsed[start - 1].text in N.KEPT_DETERMINERS:
            return start - 1
        return start

    def counts_things(self, token) -> bool:
        """ "A group of buildings": a body noun whose "of" names things, not people."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                return bool(objects) and all(
                    o.lemma_.lower() not in N.PERSON_NOUNS and o.ent_type_ not in ("NORP", "ORG")
                    for o in objects)
        return False

    def modifiers_start(self, parsed, noun) -> int:
        """The first token of the modifiers right before `noun` ("US-led", "Syrian government")."""
        start = noun.i
        while start > 0:
            t = parsed[start - 1]
            inside = start <= t.head.i <= noun.i and not t.like_num and "\n" not in t.whitespace_
            if inside and (t.dep_ in N.MODIFIER_DEPS or (t.dep_ == "punct" and t.text == "-")):
                start -= 1
            else:
                break
        while start < noun.i and parsed[start].is_punct:
            start += 1
        return start

    def after_names(self, parsed, start: int, noun, *, owners: bool) -> int:
        """Where the phrase starts once names among its modifiers are left out: they stay
        mentions of their own ("Chicago area", "U.S. Central Command commander", "Kurdish
        city"). With `owners`, a people or state owning a group stays in ("Syrian forces",
        "Kurdish fighters")."""
        for k in range(noun.i - 1, start - 1, -1):
            t = parsed[k]
            owner = owners and (t.ent_type_ == "NORP" or self.kb.demonym(t.text) or self.state_named(t))
            if t.text[:1].isupper() and not owner:
                start = k + 1
                break
        while start < noun.i and (not parsed[start].text[:1].isalnum()
                                  or (start > 0 and parsed[start - 1].text == "-")):
            start += 1  # the "-held" of "ISIL-held building": the phrase is "building"
        return start

    def owner_after(self, parsed, noun) -> tuple[int, Entry | None]:
        """The phrase's end, taking in "of <state>" ("the government of Iraq"), and that state."""
        end = noun.idx + len(noun.text)
        if noun.i + 2 >= len(parsed) or parsed[noun.i + 1].lower_ != "of":
            return end, None
        for ent in parsed.ents:
            if ent.start == noun.i + 2 and ent.label_ == "GPE":
                state = next((e for e in self.kb.lookup(ent.text) if e.type == "COUNTRY"), None)
                if state is not None:
                    return ent.end_char, state
        return end, None

    # -- names spaCy missed -------------------------------------------------------------

    def capitalised_names(self, parsed) -> list[Candidate]:
        """Runs of capitalised words that spaCy left out: "Todd Martin" (a first name) is a
        person, "Zorblax Holdings" (an organisation's last word) an organisation, "Davis Cup"
        an event. A lone capitalised word is left alone: too often the start of a sentence."""
        found = []
        run: list = []
        for token in [*parsed, None]:
            if token is not None and _name_word(token, bool(run)):
                run.append(token)
                continue
            if run:
                cand = self.name_run(parsed, run)
                if cand is not None:
                    found.append(cand)
                run = []
        return found

    def name_run(self, parsed, run) -> Candidate | None:
        titled = False
        while run and (run[0].text in P.NOT_NAME_WORDS or run[0].text.rstrip(".") in P.PERSON_TITLE_WORDS):
            titled = titled or run[0].text.rstrip(".") in P.PERSON_TITLE_WORDS
            run = run[1:]
        while run and run[-1].lower_ in P.NAME_PARTICLES:
            run = run[:-1]
        if not run:
            return None
        words = [t.text for t in run]
        before = parsed[run[0].i - 1] if run[0].i > 0 else None
        if len(run) == 1 and words[0] in P.ORG_SUFFIX_WORDS and before is not None \
                and before.lower_ == "the" and not before.is_sent_start:
            kind = "ORGANIZATION"  # "the Coalition", "the Army": a named body, capitalised
        elif words[-1] in P.ORG_SUFFIX_WORDS and len(run) > 1:
            kind = "ORGANIZATION"
        elif words[-1] in P.EVENT_WORDS and len(run) > 1:
            kind = "OTHER"
        elif (len(run) > 1 and (self.kb.is_first_name(words[0]) or _is_initial(words[0]))) or (
                titled and len(run) <= 3):
            kind = "PERSON"
        elif len(run) > 1 and before is not None and before.lower_ in P.PLACE_PREPOSITIONS:
            kind = "LOCATION"  # "Near Dayr Az Zayr": several capitalised words after "near"
        else:
            return None
        return Candidate(run[0].idx, run[-1].idx + len(run[-1].text), kind, "names")

    # -- sports reports -----------------------------------------------------------------

    def sports_teams(self, parsed, text: str, found: list[Candidate]) -> list[Candidate]:
        """Teams in results lines and tables ("Bahia 2 Atletico Paranaense 0"): organisations,
        or states for national teams; they replace what spaCy made of them."""
        teams = []
        for match in P.RESULT_TEAM_RE.finditer(text):
            start, end = match.span(1)
            words = match.group(1).split()
            if words[0] in P.SPORTS_TABLE_WORDS or words[0] in P.NOT_NAME_WORDS:
                continue
            entries = self.kb.lookup(match.group(1))
            state = next((e for e in entries if e.type == "COUNTRY"), None)
            if state is not None:
                teams.append(Candidate(start, end, "COUNTRY", "sports", state))
            elif (len(words) > 1 and self.kb.is_first_name(words[0])) or _is_initial(words[0]):
                teams.append(Candidate(start, end, "PERSON", "sports"))  # golf: "Colin Montgomerie 69"
            else:
                teams.append(Candidate(start, end, "ORGANIZATION", "sports"))
        if not teams:
            return found
        kept = [c for c in found if not any(c.start < t.end and t.start < c.end for t in teams)]
        return kept + teams

    def cities_as_teams(self, parsed, taken: list[Candidate]) -> None:
        """In a sports report a city that is not where something happens is its team:
        "Blackburn announced...", "beat Chelsea"; "in Tirana" stays a place."""
        for cand in taken:
            if cand.type != "LOCATION" or cand.source in ("dateline", "names") or (
                    cand.entry is not None and (cand.entry.curated or not cand.entry.population)):
                continue  # teams are named after cities, not after regions ("England")
            span = parsed.char_span(cand.start, cand.end)
            if span is None:
                continue
            i = span.start - 1
            while i >= 0 and parsed[i].lower_ in P.LEADING_DETERMINERS_LOWER:
                i -= 1
            before = parsed[i] if i >= 0 else None
            after = parsed[span.end] if span.end < len(parsed) else None
            if before is not None and (before.lower_ in P.LOCATIVE_PREPOSITIONS or before.text == ","):
                continue
            if after is not None and after.text in (",", "(") :
                continue  # "Akron , Ohio", "Bistrita ( Romania )"
            if any(w in P.LOCATION_WORDS for w in span.text.split()):
                continue
            cand.type, cand.entry = "ORGANIZATION", None

    def split_prefix(self, parsed, start: int, end: int, found: list[Candidate],
                     kind: str = "PERSON") -> int:
        """Skip a leading demonym and titles: "Russian Foreign Minister Sergey Lavrov". An
        organisation keeps its demonym: "Iraqi Security Forces", "Syrian Democratic Forces"."""
        first = parsed[start]
        nation = self.kb.demonym(first.text) if end - start > 1 and kind != "ORGANIZATION" else None
        if nation is not None:
            found.append(Candidate(first.idx, first.idx + len(first.text), "NATIONALITY",
                                   "demonym", nation))
            start += 1
        while end - start > 1 and parsed[start].text.rstrip(".") in P.PERSON_TITLE_WORDS \
                and parsed[start + 1].text[:1].isupper():
            start += 1
        return start

    # -- type corrections ---------------------------------------------------------------

    def retype(self, span, kind: str) -> tuple[str | None, Entry | None]:
        """The mention type of a spaCy name span, and its knowledge-base entry when linked."""
        text = span.text
        entries = self.kb.lookup(text)
        entry = next((e for e in entries if e.curated or e.type != "LOCATION"), None)
        if entry is None and entries and kind in ("COUNTRY", "LOCATION", "FACILITY"):
            entry = entries[0]
        if entry is None and entries and kind == "ORGANIZATION" and len(span) == 1 \
                and not span.text.isupper() and all(e.type == "LOCATION" and e.population for e in entries):
            entry = entries[0]  # "Sinjar is free": a town spaCy took for an organisation
        if entry is not None:
            return entry.type, entry
        if kind == "NATIONALITY":
            nation = self.kb.demonym(text)
            return "NATIONALITY", nation
        words = [t.text.rstrip(".") for t in span if t.is_alpha or t.text.endswith(".")]
        last = words[-1] if words else ""
        if last in P.ORG_SUFFIX_WORDS and kind != "OTHER":
            return "ORGANIZATION", None
        if last in P.EVENT_WORDS and len(words) > 1:
            return "OTHER", None  # "Davis Cup", "Gulf War": events, not people or groups
        if last in P.FACILITY_WORDS:
            return "FACILITY", None
        if last in P.LOCATION_WORDS or (words and words[0] in P.LOCATION_WORDS):
            return "LOCATION", None
        if kind in ("ORGANIZATION", "COUNTRY", "LOCATION") and self.looks_like_person(span):
            return "PERSON", None
        if kind == "COUNTRY":
            return "LOCATION", None  # a GPE that is not a state: a city or region
        return kind, None

    def looks_like_person(self, span) -> bool:
        """A name spaCy took for an organisation or place: "Lavrov said", "Gen. Hifter"."""
        tokens = [t for t in span if not t.is_punct]
        if not tokens or len(tokens) > 4 or any(t.text.isupper() and len(t.text) > 1 for t in tokens):
            return False
        if not all(t.text[:1].isupper() or t.lower_ in P.NAME_PARTICLES for t in tokens):
            return False
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text.rstrip(".") in P.PERSON_TITLE_WORDS:
            return True
        if len(tokens) >= 2 and self.kb.is_first_name(tokens[0].text):
            return True
        after = doc[span.end] if span.end < len(doc) else None
        return len(tokens) == 1 and after is not None and after.lower_ in P.SPEECH_VERBS \
            and not self.kb.lookup(span.text)


def is_sports_report(text: str) -> bool:
    """A region that reports sport: a sports headline, or scores among match-report words."""
    if P.SPORTS_HEADLINE_RE.match(text):
        return True
    if not P.SCORE_RE.search(text):
        return False
    words = {w.lower() for w in P.WORD_RE.findall(text)}
    return len(words & P.SPORTS_WORDS) >= P.MIN_SPORTS_WORDS


def not_a_name(ent, sports: bool) -> bool:
    """spaCy spans that name nothing: sport headings ("SOCCER") and score-table words."""
    text = ent.text.strip().lower()
    if text in P.SPORT_NAMES:
        return True
    return sports and len(ent) == 1 and ent[0].text in P.SPORTS_TABLE_WORDS


def _common_sentence_start(token, kb) -> bool:
    """A capitalised common word starting a sentence inside a name span: a gerund ("Losing"),
    a verb, adverb, determiner or superlative ("Most"), not a given name. Other adjectives
    stay: "Syrian Democratic Forces", "Free Syrian Army"."""
    if not token.is_sent_start or kb.is_first_name(token.text):
        return False
    return token.tag_ in P.NOT_NAME_TAGS or token.pos_ in P.NOT_NAME_POS


def _name_word(token, inside: bool) -> bool:
    """A word that can be part of a capitalised name ("Martin", "M.", "bin" inside one)."""
    text = token.text
    if token.is_space or "\n" in token.whitespace_:
        return False
    if inside and token.lower_ in P.NAME_PARTICLES:
        return True
    if _is_initial(text):
        return True
    return text[:1].isupper() and text[1:2].islower() and text.replace("-", "").replace("'", "").isalpha()


def mention_kind(text: str, source: str, type: str) -> str:
    """ "nominal" for a common-noun description (a phrase headed by a lower-case noun: "the
    army", "Indian troops", "attack drones"), "pronoun" for a pronoun, else "name" (numbers,
    dates and sums included: they are written as values, not described)."""
    words = text.split()
    if not words or type in P.VALUE_TYPES:
        return "name"
    if words[-1].lower() in P.PRONOUNS:
        return "pronoun"
    last = words[-1]
    if source == "nominal" or (last.isalpha() and last.islower()):
        return "nominal"
    return "name"


def _is_initial(text: str) -> bool:
    """An initial, "M." or "D.A.": the start of a person's name."""
    return len(text) in (2, 4) and text[0].isupper() and text.endswith(".") and \
        text.replace(".", "").isalpha() and text.replace(".", "").isupper()


def _clean_name(text: str) -> str:
    """The surface form as a name: no leading article, no possessive, single spaces."""
    name = " ".join(text.split())
    for article in ("the ", "The "):
        if name.startswith(article):
            name = name[len(article):]
    if name.endswith(("'s", "\u2019s")):
        name = name[:-2]
    return name
