"""Exports of a database: JSON (the contract), and more formats as they land."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..errors import NewsweaveError

FORMATS = ("json",)


def export(corpus, format: str, out: TextIO | Path | None) -> None:
    """Write the corpus in `format` to `out` (a stream, or a path)."""
    if format == "json":
        from .json import write_json

        write_json(corpus, out)
        return
    raise NewsweaveError(f"export format {format!r} is not available (choose from: {', '.join(FORMATS)})")
