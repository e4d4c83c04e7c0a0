"""The CSV export: one file per table with the JSON export's columns, lists joined with ";"."""

from __future__ import annotations

import csv
import io

import pytest
from export.export_fakes import DOCUMENTS, EVENTS, FakeCorpus

from newsweave.errors import NewsweaveError
from newsweave.export import export
from newsweave.export.csv import TABLES, _columns


def _read(folder, table):
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def tables(tmp_path):
    export(FakeCorpus(), "csv", tmp_path / "out")
    return tmp_path / "out"


@pytest.mark.parametrize("table", TABLES)
def test_every_table_has_its_header_and_rows(tables, table):
    with open(tables / f"{table}.csv", encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream))
    assert header == _columns(table)
    if table == "regions":
        expected = sum(len(d.regions) for d in DOCUMENTS)
    elif table == "events":
        expected = len(FakeCorpus().events(comments=True))  # the export keeps reader comments' events
    else:
        expected = len(getattr(FakeCorpus(), table)())
    assert len(_read(tables, table)) == expected


@pytest.mark.parametrize("table, column, value", [
    ("relations", "types", "AID;SUPPORT"),
    ("relations", "events", "d1-0;d2-0"),
    ("entities", "aliases", "Egypt;Egyptian"),
    ("contradictions", "documents", "d1;d2"),
    ("events", "place_name", "Cairo"),
    ("events", "place_lat", "30.06263"),
    ("events", "place_country", "EG"),
    ("documents", "title", "Egypt arms Haftar’s army"),
    ("regions", "author", "Reader, A."),
])
def test_values_are_flattened(tables, table, column, value):
    assert value in [row[column] for row in _read(tables, table)]


def test_sentences_with_quotes_and_line_breaks_survive(tables):
    assert [row["sentence"] for row in _read(tables, "events")] == [e.sentence for e in EVENTS]


def test_missing_values_are_empty_cells(tables):
    undated = next(row for row in _read(tables, "documents") if row["id"] == "d2")
    assert undated["published"] == "" and undated["title"] == ""


@pytest.mark.parametrize("out", [None, io.StringIO()])
def test_csv_needs_an_output_folder(out):
    with pytest.raises(NewsweaveError, match="-o FOLDER"):
        export(FakeCorpus(), "csv", out)


def test_an_existing_file_is_not_a_folder(tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(NewsweaveError, match="needs a folder"):
        export(FakeCorpus(), "csv", tmp_path / "taken")


def test_relations_have_names_beside_ids(tables):
    """Issue 14: relations.csv had ids only."""
    header = next(csv.reader(open(tables / "relations.csv", encoding="utf-8", newline="")))
    assert header[:4] == ["source", "source_name", "target", "target_name"]
    egypt_lna = next(row for row in _read(tables, "relations") if row["source"] == "EGY")
    assert (egypt_lna["source_name"], egypt_lna["target_name"]) == ("Egypt", "Libyan National Army")
    dispute = _read(tables, "contradictions")[0]
    assert dispute["entity_names"] == "Egypt;Libyan National Army"


def test_no_bom_by_default_and_a_bom_for_excel(tables, tmp_path):
    """Issue 14: without a byte-order mark Excel reads UTF-8 as the system code page."""
    assert not (tables / "events.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    export(FakeCorpus(), "csv", tmp_path / "excel", bom=True)
    for table in TABLES:
        data = (tmp_path / "excel" / f"{table}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "excel" / "documents.csv", encoding="utf-8-sig", newline="") as stream:
        assert next(csv.DictReader(stream))["title"] == "Egypt arms Haftar’s army"


def test_bom_is_only_for_csv(tmp_path):
    with pytest.raises(NewsweaveError, match="csv"):
        export(FakeCorpus(), "json", tmp_path / "x.json", bom=True)
