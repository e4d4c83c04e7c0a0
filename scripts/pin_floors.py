"""Measure newsweave on gold data and pin the results as quality floors (benchmarks/floors.json).

    .venv/bin/python scripts/pin_floors.py ../shared/data/re3d --metric F1 --limit 30
    .venv/bin/python scripts/pin_floors.py ../shared/data/plover_gsr --metric type_accuracy \
        --allow-lower "lexicon rewrite trades 1 point of type accuracy for 8 of recipient match"
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsweave.evaluation import scorer_for
from newsweave.evaluation.floors import pin
from newsweave.settings import Settings

FLOORS = Path(__file__).resolve().parents[1] / "benchmarks" / "floors.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--metric", action="append", required=True, help="metric name(s) to pin")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--allow-lower", default=None, help="reason for lowering a floor")
    args = parser.parse_args()
    scores = scorer_for(args.dataset)(args.dataset, Settings(), limit=args.limit)
    entry = pin(FLOORS, args.dataset, scores, args.metric, limit=args.limit, allow_lower=args.allow_lower)
    for key, value in entry["floors"].items():
        print(f"{args.dataset.name}: {key} >= {value}")


if __name__ == "__main__":
    main()
