"""End to end: `newsweave run` on the seed articles, then every export format from the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from newsweave.export import FORMATS

NEWSWEAVE = str(Path(sys.executable).with_name("newsweave"))


def _newsweave(*args, check=True):
    done = subprocess.run([NEWSWEAVE, *args], capture_output=True, text=True, timeout=300)
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def seeds_db(seeds_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "export.db"
    _newsweave("run", str(seeds_dir), "--db", str(db))
    return db


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_exports_the_seeds(seeds_db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    _newsweave("export", "--db", str(seeds_db), "--format", fmt, "-o", str(out))
    if fmt == "csv":
        assert (out / "documents.csv").read_text("utf-8").count("\n") > 1
    elif fmt == "graphml":
        nx.read_graphml(out)
    elif fmt == "gexf":
        assert ET.parse(out).getroot().get("version") == "1.3"
    elif fmt == "stix":
        validator = pytest.importorskip("stix2validator")
        results = validator.validate_string(out.read_text("utf-8"))
        assert results.is_valid
        assert sum(o["type"] == "report" for o in json.loads(out.read_text("utf-8"))["objects"]) >= 1
    else:
        assert json.loads(out.read_text("utf-8"))["documents"]


@pytest.mark.slow
def test_csv_without_an_output_folder_is_a_clear_error(seeds_db):
    done = _newsweave("export", "--db", str(seeds_db), "--format", "csv", check=False)
    assert done.returncode == 2 and "-o FOLDER" in done.stderr


@pytest.mark.slow
def test_the_seeds_json_outputs_meet_the_shipped_schema(seeds_db, tmp_path):
    """Issue 14: the JSON export, and the records `events --json` and `actors --json` print, meet
    src/newsweave/export/schema.json."""
    jsonschema = pytest.importorskip("jsonschema")
    from newsweave.export.json import schema

    out = tmp_path / "out.json"
    _newsweave("export", "--db", str(seeds_db), "--format", "json", "-o", str(out))
    shipped = schema()
    errors = [e.message for e in jsonschema.Draft202012Validator(shipped).iter_errors(json.loads(out.read_text("utf-8")))]
    assert errors == []
    for command, record in (("events", "event"), ("actors", "entity")):
        printed = json.loads(_newsweave(command, "--db", str(seeds_db), "--json").stdout)
        one = jsonschema.Draft202012Validator({"$ref": f"#/$defs/{record}", "$defs": shipped["$defs"]})
        assert printed and [e.message for item in printed for e in one.iter_errors(item)] == []
