"""The notebook side of the API: the views as pandas DataFrames, and HTML for Jupyter's display.

Frames have one column per record field, with an event's place flattened into place_name,
place_lat, place_lon and place_country, and every (possibly partial) date beside two datetime
columns, `<date>_start` and `<date>_end`, the first and last day it can mean ("2017-05" is 1 to 31
May 2017), so pandas can sort, filter and resample on them. pandas is optional: the frames raise
an ImportError that says how to install it.
"""

from __future__ import annotations

from dataclasses import fields

from .aggregate.timeline import date_interval
from .records import to_dict

PLACE_COLUMNS = ("place_name", "place_lat", "place_lon", "place_country")

# Per record type: (date column, the column holding its precision or None) that get _start/_end.
DATE_COLUMNS = {
    "DocumentRecord": (("published", "published_precision"),),
    "EventRecord": (("date", "date_precision"),),
    "TimelineRecord": (("date", "date_precision"),),
    "RelationRecord": (("first", None), ("last", None)),
}


def pandas():
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError("newsweave's DataFrames need pandas: pip install pandas "
                          "(or pip install 'newsweave[notebook]')") from e
    return pd


def _columns(record_type) -> list[str]:
    names = [f.name for f in fields(record_type)]
    if "place" in names:
        at = names.index("place")
        names[at:at + 1] = PLACE_COLUMNS
    for column, _ in DATE_COLUMNS.get(record_type.__name__, ()):
        at = names.index(column) + 1
        names[at:at] = [f"{column}_start", f"{column}_end"]
    return [n for n in names if n != "regions"]  # a document's regions: corpus.document(id)


def _row(record, record_type) -> dict:
    row = to_dict(record)
    row.pop("regions", None)
    if "place" in row:
        place = row.pop("place") or {}
        row.update({column: place.get(column.removeprefix("place_")) for column in PLACE_COLUMNS})
    for column, precision in DATE_COLUMNS.get(record_type.__name__, ()):
        interval = date_interval(row.get(column), row.get(precision) if precision else None)
        row[f"{column}_start"], row[f"{column}_end"] = interval or (None, None)
    return row


def frame(records, record_type, **extra_columns):
    """A DataFrame of `records` (of the dataclass `record_type`), with columns even when empty.
    `extra_columns`: name -> function of the row, added at the end (e.g. names beside ids)."""
    pd = pandas()
    columns = _columns(record_type) + list(extra_columns)
    rows = []
    for record in records:
        row = _row(record, record_type)
        row.update({name: make(row) for name, make in extra_columns.items()})
        rows.append(row)
    df = pd.DataFrame(rows, columns=columns)
    for column, _ in DATE_COLUMNS.get(record_type.__name__, ()):
        for edge in ("start", "end"):
            df[f"{column}_{edge}"] = pd.to_datetime(df[f"{column}_{edge}"])
    return df
