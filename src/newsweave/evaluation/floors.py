"""Quality floors: the scores newsweave must keep, pinned per dataset with a fingerprint of the
gold data they were measured on and a noise margin.

`benchmarks/floors.json` holds, per dataset folder name: the gold fingerprint, the `limit`
used (so CI can afford the check), and `floors` — `"system | task | metric": value`. A floor is only
compared when the fingerprint matches (other gold data means other numbers), and it is never
lowered silently: `pin` refuses to lower one unless told why, and records the reason.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import EvaluationError

# Scores move by about this much between equivalent runs (spaCy, ties, float noise).
DEFAULT_MARGIN = 0.01

# Rows whose system starts with this are newsweave's own (e.g. "newsweave (html)"); the rest
# are baselines, which are reported but not gated.
SYSTEM_PREFIX = "newsweave"


def fingerprint(folder: Path) -> str:
    """A hash of every file's relative path and content under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def metric_key(score, metric: str) -> str:
    return f"{score.system} | {score.task} | {metric}"


def _measured(scores) -> dict[str, float]:
    """newsweave's metrics by key; two rows under one key would let one hide the other."""
    measured: dict[str, float] = {}
    for score in scores:
        if not score.system.startswith(SYSTEM_PREFIX):
            continue
        for metric, value in score.metrics.items():
            key = metric_key(score, metric)
            if key in measured:
                raise EvaluationError(f"{score.dataset}: two result rows share the floor key {key!r}")
            measured[key] = value
    return measured


@dataclass
class FloorCheck:
    dataset: str
    key: str
    floor: float
    measured: float | None
    margin: float

    @property
    def ok(self) -> bool:
        return self.measured is not None and self.measured >= self.floor - self.margin


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as e:
        raise EvaluationError(f"{path}: not valid JSON ({e})") from e


def check(entry: dict, dataset: str, scores) -> list[FloorCheck]:
    """Compare newsweave's scores with the pinned floors of one dataset."""
    measured = _measured(scores)
    margin = entry.get("margin", DEFAULT_MARGIN)
    return [FloorCheck(dataset, key, floor, measured.get(key), margin)
            for key, floor in entry.get("floors", {}).items()]


def check_dataset(entry: dict, folder: Path, settings) -> list[FloorCheck]:
    """Score a dataset folder and compare with its pinned floors. Refused when its gold data
    changed since pinning: the floors no longer apply, and must be re-pinned, not skipped."""
    if fingerprint(folder) != entry.get("fingerprint"):
        raise EvaluationError(f"{folder.name}: the gold data changed since the floors were pinned; "
                              "re-pin them (scripts/pin_floors.py)")
    from . import scorer_for

    scores = scorer_for(folder)(folder, settings, limit=entry.get("limit"))
    return check(entry, folder.name, scores)


def pin(path: Path, dataset_dir: Path, scores, metrics: list[str], *, limit: int | None,
        allow_lower: str | None = None) -> dict:
    """Record newsweave's current scores as the floors of `dataset_dir`'s dataset."""
    data = load(path)
    name = dataset_dir.name
    old = data.get(name, {})
    gold = fingerprint(dataset_dir)
    new_floors = {key: round(value, 4) for key, value in _measured(scores).items()
                  if key.rsplit(" | ", 1)[1] in metrics}
    if old.get("fingerprint") == gold and old.get("limit") == limit:
        lowered = {k: (v, new_floors[k]) for k, v in old.get("floors", {}).items()
                   if k in new_floors and new_floors[k] < v - old.get("margin", DEFAULT_MARGIN)}
        if lowered and not allow_lower:
            raise EvaluationError(f"{name}: these floors would go down: {lowered}; give a reason to lower them")
    entry = {"fingerprint": gold, "limit": limit, "margin": old.get("margin", DEFAULT_MARGIN),
             "measured": date.today().isoformat(), "floors": new_floors}
    if allow_lower:
        entry["lowered_because"] = allow_lower
    data[name] = entry
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return entry
