"""The CSV export: one UTF-8 file with a header per table (documents, regions, mentions,
entities, events, relations, contradictions) in an output folder, for spreadsheets and pandas.

Columns are the JSON export's fields, in its order. Lists (aliases, types, event and document
ids) are joined with ";"; a document's regions get their own table; an event's place is split
into place_name, place_lat, place_lon and place_country; relations get source_name and
target_name beside their ids, contradictions entity_names. Rows are written as they are read.
Files are UTF-8; with `bom=True` they start with a byte-order mark, which Excel needs to read
them as UTF-8 rather than the system code page (curly quotes and accents garbled).
A text cell that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a
carriage return: `=HYPERLINK("…?leak="&A1, …)` in a scraped sentence became a live link) is
written with a leading apostrophe, as OWASP advises; numbers are written as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path

from ..errors import NewsweaveError
from ..records import (ContradictionRecord, DocumentRecord, EntityRecord, EventRecord, MentionRecord,
                       RegionRecord, RelationRecord, to_dict)
from .json import CONTRACT_FIELDS

TABLES = ("documents", "regions", "mentions", "entities", "events", "relations", "contradictions")

# What joins a list into one cell: ";" reads well in a spreadsheet and no id or type contains it.
LIST_SEPARATOR = ";"

PLACE_COLUMNS = ("place_name", "place_lat", "place_lon", "place_country")

# Name columns put beside the id columns they name, per table.
NAME_COLUMNS = {"relations": {"source": "source_name", "target": "target_name"},
                "contradictions": {"entities": "entity_names"}}

# First characters that make LibreOffice and Excel read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_RECORD_TYPES = {
    "documents": DocumentRecord, "mentions": MentionRecord, "entities": EntityRecord,
    "events": EventRecord, "relations": RelationRecord, "contradictions": ContradictionRecord,
}


def _columns(table: str) -> list[str]:
    """The contract's fields first, then the record's extra fields; nested values flattened."""
    if table == "regions":
        return ["doc", "index"] + [f.name for f in fields(RegionRecord)]
    names = list(CONTRACT_FIELDS[table])
    names += [f.name for f in fields(_RECORD_TYPES[table]) if f.name not in names]
    if table == "documents":
        names.remove("regions")
    if table == "events":
        at = names.index("place")
        names[at:at + 1] = PLACE_COLUMNS
    for id_column, name_column in NAME_COLUMNS.get(table, {}).items():
        names.insert(names.index(id_column) + 1, name_column)
    return names


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join("" if item is None else str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _as_dict(record) -> dict:
    return dict(record) if isinstance(record, dict) else to_dict(record)


def _named(value, names: dict[str, str]):
    if isinstance(value, (list, tuple)):
        return [names.get(item, item) for item in value]
    return names.get(value, value)


def _rows(corpus, table: str) -> Iterator[dict]:
    if table == "regions":
        for document in corpus.documents():
            data = _as_dict(document)
            for index, region in enumerate(data.get("regions") or []):
                yield {"doc": data["id"], "index": index, **_as_dict(region)}
        return
    # Every event, each with its confidence (the views keep those at or above the threshold).
    records = corpus.events(min_confidence=0.0, comments=True) if table == "events" else getattr(corpus, table)()
    names = {e.id: e.name for e in corpus.entities()} if NAME_COLUMNS.get(table) else {}
    for record in records:
        yield _flat(table, _as_dict(record), names)


def _flat(table: str, data: dict, names: dict[str, str]) -> dict:
    """One row's cells: an event's place split into columns, names beside ids (those the row
    does not carry already)."""
    if table == "events":
        place = data.pop("place", None) or {}
        data.update({column: place.get(column.removeprefix("place_")) for column in PLACE_COLUMNS})
    for id_column, name_column in NAME_COLUMNS.get(table, {}).items():
        if name_column not in data:
            data[name_column] = _named(data.get(id_column), names)
    return data


def _write(stream, columns: list[str], rows: Iterable[dict]) -> None:
    writer = csv.writer(stream)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])


def _write_table(path: Path, columns: list[str], rows: Iterable[dict], *, bom: bool = False) -> None:
    # newline="" as the csv module asks, so quoted line breaks in sentences survive.
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as stream:
        _write(stream, columns, rows)


def table_csv(table: str, rows: Iterable[dict]) -> str:
    """Rows of one table as the REST API gives them (dicts), as CSV text with the export's
    columns; rows of relations carry their names (source_name, target_name)."""
    stream = io.StringIO(newline="")
    _write(stream, _columns(table), (_flat(table, dict(row), {}) for row in rows))
    return stream.getvalue()


def write_csv(corpus, out, *, bom: bool = False) -> list[Path]:
    """Write one `TABLE.csv` per table into the folder `out` (created); return the files written.
    `bom`: start each file with a UTF-8 byte-order mark, for Excel."""
    if out is None or not isinstance(out, (str, Path)):
        raise NewsweaveError("the csv export writes one file per table: give an output folder with -o FOLDER")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise NewsweaveError(f"{folder}: is a file; the csv export needs a folder to write its tables into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise NewsweaveError(f"{folder}: cannot create the output folder ({e.strerror})") from e
    written = []
    for table in TABLES:
        path = folder / f"{table}.csv"
        _write_table(path, _columns(table), _rows(corpus, table), bom=bom)
        written.append(path)
    return written
