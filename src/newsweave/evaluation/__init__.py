"""Score newsweave against gold data: one scorer for `newsweave eval`, the tests and CI.

Each dataset folder name maps to the function that scores it. A scorer takes the dataset's
folder and the settings and returns `Score` rows: newsweave's own and, where the issue asks
for one, a baseline (plain spaCy, trafilatura) measured on the same items.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvaluationError
from ..settings import Settings


@dataclass
class Score:
    dataset: str  # e.g. "re3d"
    task: str  # e.g. "NER typed, overlap"
    system: str  # "newsweave" or the baseline's name
    metrics: dict[str, float]  # e.g. {"P": 0.71, "R": 0.69, "F1": 0.70}
    n: int  # items scored (documents, sentences, expressions...)
    note: str = ""
    details: dict = field(default_factory=dict)  # per-type breakdowns and the like


# dataset folder name -> (module, function); imported lazily so `eval` loads only what it needs.
SCORERS: dict[str, tuple[str, str]] = {
    "article_extraction_benchmark": ("newsweave.evaluation.cleaning", "evaluate_article_extraction"),
    "trafilatura_eval": ("newsweave.evaluation.cleaning", "evaluate_trafilatura"),
    "re3d": ("newsweave.evaluation.ner", "evaluate_re3d"),
    "conll2003": ("newsweave.evaluation.ner", "evaluate_conll"),
    "tempeval3": ("newsweave.evaluation.timex", "evaluate_tempeval"),
    "plover_gsr": ("newsweave.evaluation.events", "evaluate_plover"),
    "conflibert_cameo": ("newsweave.evaluation.events", "evaluate_conflibert"),
    "petrarch_unittest": ("newsweave.evaluation.events", "evaluate_petrarch"),
    "ecbplus": ("newsweave.evaluation.coref", "evaluate_ecbplus"),
    "realnews": ("newsweave.evaluation.realnews", "evaluate_realnews"),
    "muc4": ("newsweave.evaluation.muc4", "evaluate_muc4"),
}

Scorer = Callable[..., list[Score]]


def scorer_for(dataset_dir: Path) -> Scorer:
    try:
        module_name, function_name = SCORERS[dataset_dir.name]
    except KeyError:
        known = ", ".join(sorted(SCORERS))
        raise EvaluationError(f"{dataset_dir}: no scorer for this dataset (known: {known})") from None
    return getattr(importlib.import_module(module_name), function_name)


def dataset_dirs(paths: list[Path]) -> list[Path]:
    """The dataset folders to score: each given folder, or the known ones inside it."""
    found = []
    for path in paths:
        if not path.is_dir():
            raise EvaluationError(f"{path}: not a folder")
        if path.name in SCORERS:
            found.append(path)
            continue
        inside = [path / name for name in SCORERS if (path / name).is_dir()]
        if not inside:
            raise EvaluationError(f"{path}: holds none of the known datasets ({', '.join(SCORERS)})")
        found.extend(inside)
    return found


def evaluate(paths: list[Path], settings: Settings, *, limit: int | None = None) -> list[Score]:
    scores: list[Score] = []
    for folder in dataset_dirs(paths):
        scores.extend(scorer_for(folder)(folder, settings, limit=limit))
    return scores
