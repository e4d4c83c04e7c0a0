"""Score what a user gets: run input files through `newsweave run` into a throwaway database
and read back the JSON export (`newsweave export --format json`), not stages fed pre-cut text."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import EvaluationError
from ..settings import Settings


def run_and_export(paths: Iterable[Path], settings: Settings) -> dict:
    """The JSON export (as a dict of lists) of a fresh database holding `paths`."""
    from ..api import run
    from ..export.json import write_json

    with tempfile.TemporaryDirectory(prefix="newsweave-eval-") as folder:
        corpus = run([str(p) for p in paths], db=Path(folder) / "eval.db", settings=settings)
        with corpus:
            failed = corpus.errors()
            if failed:  # a gold item lost to a failing stage would be scored as nothing found
                listed = "; ".join(f"{e.path}: {e.reason}" for e in failed[:3])
                raise EvaluationError(f"{len(failed)} gold document(s) failed in newsweave run: {listed}")
            stream = io.StringIO()
            write_json(corpus, stream)
    return json.loads(stream.getvalue())


def write_jsonl(records: Iterable[dict], path: Path) -> Path:
    """Write documents as newsweave's JSON Lines input (one `{"text", ...}` object a line)."""
    with path.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
