"""Exports of a database: JSON (the contract), CSV tables, the actor graph as GraphML and as
dynamic GEXF 1.3, and a STIX 2.1 bundle."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TextIO

from ..errors import NewsweaveError

FORMATS = ("json", "csv", "graphml", "gexf", "stix")

# Format -> (module, writer); modules are imported on use, so stix2 is needed only for stix.
_WRITERS = {
    "json": ("json", "write_json"),
    "csv": ("csv", "write_csv"),
    "graphml": ("graphml", "write_graphml"),
    "gexf": ("gexf", "write_gexf"),
    "stix": ("stix", "write_stix"),
}


def export(corpus, format: str, out: TextIO | Path | None, *, bom: bool = False) -> None:
    """Write the corpus in `format` to `out` (a stream, or a path; csv: a folder, required).
    `bom`: csv files start with a UTF-8 byte-order mark (for Excel)."""
    if bom and format != "csv":
        raise NewsweaveError(f"a byte-order mark is for the csv export only, not {format}")
    if format in _WRITERS:
        module, writer = _WRITERS[format]
        options = {"bom": True} if bom else {}
        getattr(import_module(f".{module}", __name__), writer)(corpus, out, **options)
        return
    raise NewsweaveError(f"export format {format!r} is not available (choose from: {', '.join(FORMATS)})")
