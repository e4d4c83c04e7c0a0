"""Generate the CAMEO-derived parts of the PLOVER lexicon as committed package data.

Reads the CAMEO verb dictionary (`CAMEO.2.0.txt`) and the CAMEO->PLOVER table
(`CAMEO2PLOVER-2021.txt`) from a folder (by default ../shared/data/cameo_dictionaries) and
writes `src/newsweave/extract/data/cameo_plover.json` (CAMEO code -> [PLOVER type, mode]) and
`src/newsweave/extract/data/cameo_verbs.json` (verb lemma -> CAMEO code, and verb + object word
-> CAMEO code). The program reads only the JSON; it never reads the dictionaries.

    python scripts/build_lexicon.py [DICTIONARY_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsweave" / "extract" / "data"
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "cameo_dictionaries"

# PLOVER modes that say how an event was done (the table's middle column); the others there
# are CAMEO sub-distinctions we do not keep.
KEPT_MODES = {"phone", "visit", "third-party", "demo", "hunger", "boycott", "obstruct", "riot",
              "abduct", "beat", "sexual", "torture", "suicide-attack", "explosives",
              "assassinate", "massacre", "firearms", "heavy-weapons", "arrest", "deport",
              "seize", "release", "withdraw", "ceasefire", "disarm", "troops", "police"}

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]+)\]\s+---")
PATTERN = re.compile(r"^-\s+\*\s+([A-Z][A-Z_-]+)\s+\[(\d+)")
VERB_LINE = re.compile(r"^([A-Z][A-Z_-]*)\s*(\{[^}]*\})?")


def parse_plover_table(path: Path) -> dict[str, list]:
    table: dict[str, list] = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"^(\d+):\s*(.*)$", line)
        if not match:
            continue
        parts = [p.strip() for p in match.group(2).split(",")]
        kind = parts[0]
        mode = parts[1] if len(parts) > 1 and parts[1] in KEPT_MODES else None
        if kind:
            table[match.group(1)] = [kind, mode]
    # The AID/military convention of newsweave: CAMEO 072 is AID with mode military.
    if "072" in table:
        table["072"] = ["AID", "military"]
    return table


def parse_verbs(path: Path, table: dict[str, list]) -> tuple[dict, dict]:
    verbs: dict[str, str] = {}
    objects: dict[str, dict[str, str]] = {}
    code = None
    members: list[str] = []
    in_verbs = False
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        block = BLOCK.match(line)
        if block:
            code = block.group(2).split(":")[0]
            members = []
            continue
        pattern = PATTERN.match(line)
        if pattern and members:
            word, pcode = pattern.group(1).lower(), pattern.group(2)
            if pcode in table or pcode[:2] in table:
                for verb in members:
                    objects.setdefault(verb, {})[word] = pcode
            continue
        verb = VERB_LINE.match(line)
        if verb and not line.startswith(("-", "+", "&")):
            lemma = verb.group(1).lower()
            if "_" in lemma:
                continue  # multi-word entries need the parse: left to the curated lexicon
            members.append(lemma)
            if code and code != "---" and (code in table or code[:2] in table):
                verbs.setdefault(lemma, code)
    return verbs, objects


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    table = parse_plover_table(folder / "CAMEO2PLOVER-2021.txt")
    verbs, objects = parse_verbs(folder / "CAMEO.2.0.txt", table)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cameo_plover.json").write_text(json.dumps(table, indent=0, sort_keys=True) + "\n")
    data = {"verbs": dict(sorted(verbs.items())),
            "objects": {k: dict(sorted(v.items())) for k, v in sorted(objects.items())}}
    (OUT / "cameo_verbs.json").write_text(json.dumps(data, indent=0, sort_keys=True) + "\n")
    sys.stderr.write(f"{len(table)} codes, {len(verbs)} verbs, {len(objects)} verbs with objects\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
