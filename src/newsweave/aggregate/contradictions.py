"""Contradictions: where independent sources disagree, each with a sentence citing documents.

Every kind needs two independent sources: two different documents from different publishers
(`sources.py`), never one document or one outlet against itself. Kinds:
- sides: an actor's material ties (`ties.py`) put it in both camps of one conflict (one source
  says X arms A, another that X arms A's enemy);
- polarity: one source reports X arming or backing Y, another X fighting Y;
- denial: a material tie asserted or reported by one source and denied by another;
- date / place: one meeting or agreement (same type, mode and actors) given dates further apart
  than the timeline's merge window but close enough to be one story, or, on one day, places in
  different countries. Attacks, accusations and threats recur day after day in a war: two
  dates or places for them are two events, not a disagreement.
"""

from __future__ import annotations

from collections.abc import Callable

from .polarity import ALLY, ASSERTIONS, DENIALS, ENEMY, SYMMETRIC_TYPES, TAKING_SIDES, type_label
from .sources import publisher_of_event
from .ties import is_history, tie_sign
from .timeline import MERGE_WINDOW_DAYS, date_interval, event_group_key

# Two dates for one event are a contradiction only up to this far apart: further, they are
# more likely two events (a second visit, a new delivery).
DATE_CONFLICT_DAYS = 10

# Documents a contradiction's explanation names one by one (the rest are counted).
MAX_CITED = 4

# Types whose reports describe one occurrence (a visit, a meeting, a deal): the only ones whose
# dates or places can contradict each other.
ONE_OFF_TYPES = frozenset({"CONSULT", "AGREE"})


def independent(first: list, second: list, documents: dict) -> bool:
    """Whether some report of `first` and some of `second` come from different documents of
    different publishers."""
    ones = {(e["doc"], publisher_of_event(e, documents)) for e in first}
    others = {(e["doc"], publisher_of_event(e, documents)) for e in second}
    return any(a[0] != b[0] and a[1] != b[1] for a in ones for b in others)


def _describe(event, names: dict) -> str:
    source = names.get(event["source"], event["source"] or "someone")
    target = names.get(event["target"], event["target"] or "")
    return f"{source} {type_label(event['type'], event['mode'])}{' ' + target if target else ''}"


def _cite(events: list, doc_names: dict) -> str:
    docs = list(dict.fromkeys(e["doc"] for e in events))
    shown = ", ".join(doc_names.get(d, d) for d in docs[:MAX_CITED])
    return shown + (f" and {len(docs) - MAX_CITED} more" if len(docs) > MAX_CITED else "")


def _record(kind: str, about: str, entities, events: list, explanation: str) -> dict:
    return {"kind": kind, "about": about, "entities": list(dict.fromkeys(e for e in entities if e)),
            "events": [e["id"] for e in events], "documents": list(dict.fromkeys(e["doc"] for e in events)),
            "explanation": explanation}


def side_conflicts(relations: list[dict], sides: list[dict], events_by_id: dict, names: dict,
                   documents: dict) -> list[dict]:
    """Actors reported by independent sources arming, backing or fighting with both camps of a
    conflict (`relations`: the material ties). Fighting is left to `polarity_conflicts`:
    attacking a camp's member is too often a local clash to say which camp an actor is in."""
    doc_names = {doc: row["name"] for doc, row in documents.items()}
    side_of = {row["entity"]: (row["conflict"], row["side"]) for row in sides}
    labels = {(row["conflict"], row["side"]): row["label"] for row in sides}
    # Backing someone one also fights is `polarity_conflicts`' business, not a side question.
    fights = {(r["source"], r["target"]) for r in relations if r["polarity"] != "cooperative"}
    fights |= {(b, a) for a, b in fights}
    pulls: dict[tuple, dict[int, list]] = {}  # (actor, conflict) -> side it is pulled to -> relations
    for relation in relations:
        kinds = {label.split("/", 1)[0] for label in relation["types"]}
        if relation["polarity"] != "cooperative" or not kinds & TAKING_SIDES \
                or (relation["source"], relation["target"]) in fights:
            continue
        # Support and aid say which side the giver takes; cooperation, which side both take.
        pairs = [(relation["source"], relation["target"])]
        if kinds & TAKING_SIDES <= SYMMETRIC_TYPES:
            pairs.append((relation["target"], relation["source"]))
        for actor, other in pairs:
            if other in side_of and side_of.get(actor, (None,))[0] in (None, side_of[other][0]):
                conflict, side = side_of[other]
                pulls.setdefault((actor, conflict), {}).setdefault(side, []).append(relation)
    found = []
    for (actor, conflict), by_side in sorted(pulls.items()):
        reports_of = {side: [e for r in relations_ for i in r["events"] if (e := events_by_id.get(i))
                             and e["type"] in TAKING_SIDES]
                      for side, relations_ in by_side.items()}
        sided = list(reports_of.values())
        if len(sided) < 2 or not independent(sided[0], sided[1], documents):
            continue
        parts, events, partners = [], [], []
        for side in sorted(by_side):
            reports = reports_of[side]
            events += reports
            partners += [r["source"] if r["target"] == actor else r["target"] for r in by_side[side]]
            claims = "; ".join(f"{_describe(e, names)} ({doc_names.get(e['doc'], e['doc'])})"
                               for e in reports[:MAX_CITED])
            parts.append(f"with {labels.get((conflict, side), side)}'s side: {claims}")
        name = names.get(actor, actor)
        found.append(_record("sides", f"which side {name} is on", [actor] + partners, events,
                             f"Reports put {name} on both sides — " + " | ".join(parts) + "."))
    return found


def polarity_conflicts(material: list, names: dict, documents: dict) -> list[dict]:
    """One source reports X arming or backing Y, an independent one X fighting Y (`material`:
    the material-tie events)."""
    doc_names = {doc: row["name"] for doc, row in documents.items()}
    pairs: dict[tuple, dict[str, list]] = {}
    for e in material:
        if e["modality"] in ASSERTIONS:
            kind = {ALLY: "support", ENEMY: "fight"}[tie_sign(e)]
            pairs.setdefault((e["source"], e["target"]), {}).setdefault(kind, []).append(e)
    found = []
    for pair, kinds in sorted(pairs.items()):
        if len(kinds) == 2 and independent(kinds["support"], kinds["fight"], documents):
            a, b = sorted(pair)
            support, fight = kinds["support"], kinds["fight"]
            found.append(_record(
                "polarity", f"whether {names.get(a, a)} and {names.get(b, b)} are allies or enemies", [a, b],
                support + fight,
                f"{_cite(support, doc_names)} report {_describe(support[0], names)}, but "
                f"{_cite(fight, doc_names)} report {_describe(fight[0], names)}."))
    return found


def denial_conflicts(events: list, names: dict, documents: dict, sentence_of: Callable[[str], str]) -> list[dict]:
    """A material tie (X armed or attacked Y) one source asserts and an independent one denies;
    background history is left out."""
    doc_names = {doc: row["name"] for doc, row in documents.items()}
    claims: dict[tuple, dict[str, list]] = {}
    for e in events:
        if not (e["source"] and e["target"]) or not tie_sign(e) or is_history(e, documents):
            continue
        stance = "denied" if e["modality"] in DENIALS else "asserted" if e["modality"] in ASSERTIONS else None
        if stance:
            claims.setdefault((e["type"], e["source"], e["target"]), {}).setdefault(stance, []).append(e)
    found = []
    for (_type, source, target), stances in sorted(claims.items()):
        if len(stances) == 2 and independent(stances["asserted"], stances["denied"], documents):
            asserted, denied = stances["asserted"], stances["denied"]
            found.append(_record(
                "denial", f"whether {_describe(asserted[0], names)}", [source, target], asserted + denied,
                f"{_cite(asserted, doc_names)} report that {_describe(asserted[0], names)}; "
                f"{_cite(denied, doc_names)} report a denial (“{sentence_of(denied[0]['id'])[:160]}”)."))
    return found


def _single_day_reports(events: list) -> dict[tuple, list]:
    """Day-dated asserted reports of one-off events grouped by what event they describe (type,
    mode, actors)."""
    groups: dict[tuple, list] = {}
    for e in events:
        span = date_interval(e["date"], e["date_precision"])
        if e["type"] not in ONE_OFF_TYPES or span is None or span[0] != span[1] or e["modality"] in DENIALS or not (e["source"] and e["target"]):
            continue
        groups.setdefault(event_group_key(e), []).append((span[0], e))
    return groups


def date_place_conflicts(events: list, names: dict, documents: dict) -> list[dict]:
    """One meeting or agreement given different dates (same place) or different countries (same
    day) by independent sources. A document that itself reports several dates is left out: that
    is a series of events, not a disagreement."""
    doc_names = {doc: row["name"] for doc, row in documents.items()}
    found, seen = [], set()
    for key, reports in sorted(_single_day_reports(events).items(), key=lambda item: str(item[0])):
        by_doc: dict[str, set] = {}
        for day, e in reports:
            by_doc.setdefault(e["doc"], set()).add(day)
        single = sorted(((day, e) for day, e in reports if len(by_doc[e["doc"]]) == 1),
                        key=lambda pair: (pair[0], pair[1]["id"]))
        for (day_a, a), (day_b, b) in zip(single, single[1:]):
            if not independent([a], [b], documents) or key in seen:
                continue  # one disagreement per event is enough to send the analyst to it
            gap = (day_b - day_a).days
            same_place = a["place_name"] and b["place_name"] and a["place_name"].casefold() == b["place_name"].casefold()
            if MERGE_WINDOW_DAYS < gap <= DATE_CONFLICT_DAYS and same_place:
                seen.add(key)
                found.append(_record(
                    "date", f"when {_describe(a, names)}", [a["source"], a["target"]], [a, b],
                    f"{doc_names.get(a['doc'], a['doc'])} dates {_describe(a, names)} in {a['place_name']} "
                    f"to {a['date']}, {doc_names.get(b['doc'], b['doc'])} to {b['date']}."))
            elif gap <= MERGE_WINDOW_DAYS and a["place_country"] and b["place_country"] \
                    and a["place_country"] != b["place_country"]:
                seen.add(key)
                found.append(_record(
                    "place", f"where {_describe(a, names)}", [a["source"], a["target"]], [a, b],
                    f"{doc_names.get(a['doc'], a['doc'])} places {_describe(a, names)} on {a['date']} in "
                    f"{a['place_name']}, {doc_names.get(b['doc'], b['doc'])} in {b['place_name']} ({b['date']})."))
    return found


def find_contradictions(events: list, material: list, ties: list[dict], sides: list[dict], names: dict,
                        documents: dict, sentence_of: Callable[[str], str]) -> list[dict]:
    """Every contradiction: side-taking first (the most telling), then the event-level kinds.
    `events`: the article events; `material` and `ties`: their material ties, as events and
    grouped (`ties.py`); `documents`: id -> row with name and publisher fields; `sentence_of`:
    event id -> its sentence, quoted for denials."""
    events_by_id = {e["id"]: e for e in material}
    return (side_conflicts(ties, sides, events_by_id, names, documents)
            + polarity_conflicts(material, names, documents)
            + denial_conflicts(events, names, documents, sentence_of)
            + date_place_conflicts(events, names, documents))
