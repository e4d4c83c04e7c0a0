"""Score MUC-4 role fillers from what `newsweave run` stores and `newsweave export` writes.

The messages (GRIT's processing of the official TST1 + TST2 sets, `grit_processed/dev.json`) are
run as JSON Lines documents, once lower-cased as GRIT gives them and once in upper case as the
original wire copy was written. Each role's fillers come from the exported incident events
(ASSAULT, and COERCE that destroys or abducts: attacks, bombings, arson, kidnappings; not
arrests, seizures or restrictions; not negated, planned or hypothetical):

- perpetrator organisation: the source actor when it resolves to an organisation or a state;
- perpetrator individual: the source phrase otherwise ("guerrillas"), and the people named in a
  source phrase around an organisation ("members of the FMLN");
- human target (victim): a target that is a person, or a phrase whose head noun names people;
- physical target: any other target but a place (a state, a town: the incident's location);
- weapon: WEAPON mentions in the event's sentence.

Matching is MUC-4's role-filler matching by head noun: a predicted filler (an entity, with all
its names and phrases) matches a gold filler (a cluster of coreferent strings) when some pair of
their strings are equal or share their head noun, after lower-casing and dropping articles and
possessives; matching is one-to-one. P, R and F1 per role and micro-averaged over the five roles.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from ..errors import EvaluationError
from ..settings import Settings
from . import Score
from .through_run import run_and_export, write_jsonl

DATASET = "muc4"
GOLD_FILE = Path("grit_processed") / "dev.json"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
INCIDENT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Attacks only planned or supposed did not happen.
UNREAL_MODALITIES = frozenset({"planned", "hypothetical"})
# Coercion that is violence (arson, sabotage, kidnapping: "destroy", "detain"), not a state's
# measures (arrests, seizures, curfews, deportations).
VIOLENT_COERCE_MODES = frozenset({"destroy", "detain"})
URL_PREFIX = "muc4:"
# The longest apposition read as another name of a filler.
APPOSITION_WORDS = 5
_ARTICLES = re.compile(r"^(?:the|a|an|some|several|two|three|four|five|\d+)\s+")


def evaluate_muc4(path: Path, settings: Settings, *, limit: int | None = None) -> list[Score]:
    gold = read_gold(path / GOLD_FILE)[:limit]
    note = (f"MUC-4 TST1+TST2 ({len(gold)} messages, GRIT's processing) through newsweave run + "
            "export; fillers from ASSAULT events and COERCE that destroys or abducts (source: "
            "organisation or state -> "
            "PerpOrg, else PerpInd; target: person or people noun -> Victim, else Target; WEAPON mentions "
            "in the event sentence -> Weapon); head-noun matching, one-to-one; micro P/R/F1.")
    rows = []
    for case, recase in (("lower case", str.lower), ("upper case", str.upper)):
        export = export_of(gold, recase, settings)
        predicted = predicted_fillers(export)
        per_role = score(gold, predicted)
        rows.append(Score(DATASET, f"role fillers, {case}", "newsweave", per_role.pop("all"), len(gold), note))
        rows += [Score(DATASET, f"role fillers ({role}), {case}", "newsweave", metrics, len(gold), note)
                 for role, metrics in per_role.items()]
    return rows


# -- gold ------------------------------------------------------------------------------------

def read_gold(file: Path) -> list[dict]:
    """[{docid, text, roles: {role: [set of normalised strings per gold entity]}}]."""
    if not file.is_file():
        raise EvaluationError(f"{file}: the MUC-4 gold (GRIT's dev.json) is missing")
    messages = []
    for line in file.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        roles = {role: [{normalise(m[0]) for m in cluster} - {""} for cluster in item["extracts"].get(role, [])]
                 for role in ROLES}
        messages.append({"docid": item["docid"], "text": item["doctext"], "roles": roles})
    return messages


def normalise(text: str | None) -> str:
    """Lower case, straight quotes dropped, no leading article or number, no possessive."""
    if not text:
        return ""
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = " ".join(re.sub(r"[^\w\s-]", " ", text).split())
    previous = None
    while previous != text:
        previous, text = text, _ARTICLES.sub("", text)
    return text


def _bracketed(text: str | None) -> list[str | None]:
    """A phrase with a bracketed name or a short apposition names one filler as each part does
    ("the front (fmln)": "the front", "fmln"; "his daughter, ana lopez": "his daughter", "ana lopez")."""
    if not text:
        return [text]
    inner = re.findall(r"\(([^()]*)(?:\)|$)", text)  # a phrase may end inside its bracket
    bare = re.sub(r"\s*\([^()]*(?:\)|$)", "", text)
    parts = [text, bare, *inner]
    first, _, rest = bare.partition(", ")
    if rest and len(rest.split()) <= APPOSITION_WORDS and "," not in rest:
        parts += [first, rest]
    return parts


def head(text: str) -> str:
    """The head noun of a normalised phrase: its last word before a post-modifier."""
    core = re.split(r"\s(?:of|from|in|at|on|with|who|whom|whose|that|which|where|when|near|by|for|to|as|"
                    r"located|belonging|owned|during|after)\s", text)[0]
    words = core.split()
    if not words:
        return ""
    noun = words[-1]  # singular and plural name the same head ("bomb", "bombs")
    return noun[:-1] if len(noun) > 3 and noun.endswith("s") and not noun.endswith("ss") else noun


# -- system ----------------------------------------------------------------------------------

def export_of(gold: list[dict], recase, settings: Settings) -> dict:
    with tempfile.TemporaryDirectory(prefix="newsweave-muc4-") as folder:
        records = ({"text": recase(m["text"]), "url": URL_PREFIX + m["docid"]} for m in gold)
        return run_and_export([write_jsonl(records, Path(folder) / "muc4.jsonl")], settings)


def predicted_fillers(export: dict) -> dict[str, dict[str, list[set[str]]]]:
    """docid -> role -> predicted entities, each a set of normalised strings."""
    docids = {d["id"]: (d.get("url") or "")[len(URL_PREFIX):] for d in export["documents"]}
    entities = {e["id"]: e for e in export["entities"]}
    weapons = defaultdict(list)
    for m in export["mentions"]:
        if m["type"] == "WEAPON":
            weapons[m["doc"]].append(m)
    found: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(dict))
    for event in export["events"]:
        if not is_incident(event):
            continue
        roles = found[docids.get(event["doc"], "")]
        _add_source(roles, event, entities.get(event.get("source") or ""))
        _add_target(roles, event, entities.get(event.get("target") or ""))
        for m in weapons[event["doc"]]:
            if event["start"] <= m["start"] and m["end"] <= event["end"]:
                # keyed by head noun: a knowledge-base class ("small arms") holds distinct fillers
                _add(roles["Weapon"], "weapon:" + head(normalise(m["text"])), [m["text"]])
    return {doc: {role: list(fillers.values()) for role, fillers in roles.items()}
            for doc, roles in found.items()}


def is_incident(event: dict) -> bool:
    if event["type"] not in INCIDENT_TYPES or event.get("negated") or event.get("modality") in UNREAL_MODALITIES:
        return False
    return event["type"] != "COERCE" or event.get("mode") in VIOLENT_COERCE_MODES


def _names(entity: dict | None) -> list[str]:
    return [entity["name"], *entity.get("aliases", [])] if entity else []


def _add(fillers: dict[str, set[str]], key: str, texts: Sequence[str | None]) -> None:
    strings = {normalise(t) for text in texts for t in _bracketed(text)} - {""}
    if strings:
        fillers.setdefault(key, set()).update(strings)


# Entity types that are an incident's place, not its target; weapons named as
# the actor ("a machinegun killed...") are the instrument.
PLACE_TYPES = frozenset({"COUNTRY", "LOCATION"})
INSTRUMENT_TYPES = frozenset({"WEAPON", "PLATFORM"})


def _around(text: str, entity: dict) -> bool:
    """A phrase whose head noun is not the entity's: a thing named after it."""
    return head(normalise(text)) not in {head(normalise(n)) for n in _names(entity)}


def _add_source(roles, event: dict, entity: dict | None) -> None:
    text = event.get("source_text")
    kind = entity["type"] if entity else None
    if entity and kind in INSTRUMENT_TYPES:
        _add(roles["Weapon"], entity["id"], [text, *_names(entity)])
    elif entity and kind in ("ORGANIZATION", "COUNTRY"):  # a state acts through its forces
        _add(roles["PerpOrg"], entity["id"], _names(entity))
        phrase = normalise(text)
        if phrase and head(phrase) not in {head(normalise(n)) for n in _names(entity)}:
            _add(roles["PerpInd"], "phrase:" + head(phrase), [text])  # "members of the FMLN"
    elif text and kind != "LOCATION":
        key = entity["id"] if entity and kind == "PERSON" else "phrase:" + head(normalise(text))
        _add(roles["PerpInd"], key, [text, *_names(entity)])


def _add_target(roles, event: dict, entity: dict | None) -> None:
    text = event.get("target_text")
    kind = entity["type"] if entity else None
    if entity and text and kind != "PERSON" and _around(text, entity):
        entity = kind = None  # "the embassies of the prc": a thing, keyed by the state inside it
    if (not text and not entity) or kind in PLACE_TYPES or kind == "ORGANIZATION":
        return  # a place is where it happened; a group hit is neither a thing nor a person
    human = kind in ("PERSON", "NATIONALITY") or (
        kind not in INSTRUMENT_TYPES and any(is_people(normalise(t)) for t in _bracketed(text)))
    key = entity["id"] if entity else "phrase:" + head(normalise(text))
    _add(roles["Victim" if human else "Target"], key, [text, *_names(entity)])


# Head nouns that name people: MUC-4's human targets are mostly such phrases ("peasants").
PEOPLE_SUFFIXES = ("man", "men", "woman", "women", "person", "people", "ist", "ists", "ian", "ians",
                   "er", "ers", "or", "ors", "ant", "ants", "ent", "ents", "ee", "ees")
PEOPLE_WORDS = frozenset({
    "civilian", "civilians", "child", "children", "soldier", "soldiers", "priest", "priests",
    "peasant", "peasants", "judge", "judges", "official", "officials", "student", "students",
    "family", "families", "mayor", "mayors", "candidate", "candidates", "guard", "guards",
    "police", "policeman", "policemen", "troops", "citizen", "citizens", "victim", "victims",
    "journalist", "journalists", "colonel", "general", "captain", "lieutenant", "sergeant",
    "archbishop", "bishop", "nun", "nuns", "jesuit", "jesuits", "youth", "youths", "boy", "boys",
    "girl", "girls", "wife", "husband", "son", "daughter", "brother", "sister", "relative",
    "relatives", "businessman", "businessmen", "diplomat", "diplomats", "minister", "ministers",
    "president", "vice", "ambassador", "envoy", "inhabitants", "residents", "population",
    "people", "persons", "individuals", "employee", "employees", "member", "members", "leader",
    "leaders", "agent", "agents", "patrol", "personnel"})
NOT_PEOPLE_HEADS = frozenset({"tower", "towers", "power", "water", "center", "centre", "tanker",
                              "trailer", "transformer", "transformers", "headquarters", "corner"})


def is_people(phrase: str) -> bool:
    noun = head(phrase)
    if not noun or noun in NOT_PEOPLE_HEADS:
        return False
    return noun in PEOPLE_WORDS or (len(noun) > 5 and noun.endswith(PEOPLE_SUFFIXES))


# -- scoring ---------------------------------------------------------------------------------

def _matches(predicted: set[str], gold: set[str]) -> bool:
    return bool(predicted & gold) or bool({head(p) for p in predicted} & {head(g) for g in gold} - {""})


def score(gold: list[dict], predicted: dict) -> dict[str, dict[str, float]]:
    counts: Counter = Counter()
    for message in gold:
        ours = predicted.get(message["docid"], {})
        for role in ROLES:
            theirs, mine = message["roles"][role], ours.get(role, [])
            graph = nx.Graph()
            graph.add_nodes_from(("g", i) for i in range(len(theirs)))
            graph.add_nodes_from(("p", j) for j in range(len(mine)))
            graph.add_edges_from((("g", i), ("p", j)) for i, g in enumerate(theirs)
                                 for j, p in enumerate(mine) if _matches(p, g))
            matched = len(nx.max_weight_matching(graph, maxcardinality=True))
            counts[role, "tp"] += matched
            counts[role, "gold"] += len(theirs)
            counts[role, "predicted"] += len(mine)
    result = {role: _prf(counts[role, "tp"], counts[role, "predicted"], counts[role, "gold"]) for role in ROLES}
    result["all"] = _prf(*(sum(counts[r, k] for r in ROLES) for k in ("tp", "predicted", "gold")))
    return result


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4), "gold": gold, "predicted": predicted}
