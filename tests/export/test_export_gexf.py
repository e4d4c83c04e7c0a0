"""The GEXF 1.3 export: a dynamic graph whose edges and nodes live over their dates."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from export.export_fakes import RELATIONS, FakeCorpus

from newsweave.export import export
from newsweave.export.actors import date_end, date_start, span

NS = {"g": "http://gexf.net/1.3"}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    path = tmp_path_factory.mktemp("gexf") / "actors.gexf"
    export(FakeCorpus(), "gexf", path)
    return ET.parse(path).getroot()


def test_root_is_gexf_1_3_dynamic_with_dates(root):
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"
    # The schema's order: attribute declarations, then nodes, then edges.
    assert [child.tag.split("}")[1] for child in graph] == ["attributes", "attributes", "nodes", "edges"]


def test_every_dated_edge_starts_before_it_ends_and_inside_its_nodes(root):
    nodes = {node.get("id"): node for node in root.iterfind(".//g:node", NS)}
    edges = root.findall(".//g:edge", NS)
    assert len(edges) == len(RELATIONS)
    for edge in edges:
        if edge.get("start") is None:
            continue
        assert edge.get("start") <= edge.get("end")
        for end in ("source", "target"):
            node = nodes[edge.get(end)]
            assert node.get("start") <= edge.get("start") and edge.get("end") <= node.get("end")


@pytest.mark.parametrize("relation", RELATIONS, ids=lambda r: f"{r.source}-{r.polarity}")
def test_edge_interval_and_attvalues(root, relation):
    edge = next(e for e in root.iterfind(".//g:edge", NS)
                if (e.get("source"), e.get("target"), e.get("kind")) == (relation.source, relation.target,
                                                                          relation.polarity))
    assert (edge.get("start"), edge.get("end")) == (span(relation.first, relation.last) or (None, None))
    assert float(edge.get("weight")) == pytest.approx(relation.weight)
    values = {v.get("for"): v.get("value") for v in edge.iterfind("g:attvalues/g:attvalue", NS)}
    assert values["polarity"] == relation.polarity and values["types"] == ";".join(relation.types)
    assert values["independent_sources"] == str(relation.independent_sources)


def test_attvalues_refer_to_declared_attributes(root):
    for kind in ("node", "edge"):
        declared = {a.get("id") for a in root.iterfind(f".//g:attributes[@class='{kind}']/g:attribute", NS)}
        used = {v.get("for") for v in root.iterfind(f".//g:{kind}/g:attvalues/g:attvalue", NS)}
        assert used and used <= declared


def test_node_starts_with_its_first_relation(root):
    lna = root.find(".//g:node[@id='org:libyan-national-army']", NS)
    assert lna.get("label") == "Libyan National Army"
    assert (lna.get("start"), lna.get("end")) == ("2017-05-01", "2017-06-02")


@pytest.mark.parametrize("value, start, end", [
    ("2017", "2017-01-01", "2017-12-31"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2017-05-29", "2017-05-29", "2017-05-29"),
])
def test_partial_dates_widen_to_their_period(value, start, end):
    assert (date_start(value), date_end(value)) == (start, end)


def test_written_to_a_stream_without_output():
    stream = io.StringIO()
    export(FakeCorpus(), "gexf", stream)
    assert ET.fromstring(stream.getvalue().encode("utf-8")).get("version") == "1.3"


VIZ = "{http://gexf.net/1.3/viz}"


def _colour(element):
    colour = element.find(f"{VIZ}color")
    return tuple(int(colour.get(c)) for c in "rgb")


def test_nodes_are_coloured_by_side_and_sized_by_mentions(root):
    """Issue 14: without viz: colours and sizes Gephi showed every actor grey and alike."""
    nodes = {node.get("label"): node for node in root.iterfind(".//g:node", NS)}
    lna, egypt, haftar = nodes["Libyan National Army"], nodes["Egypt"], nodes["Khalifa Haftar"]
    assert _colour(lna) != _colour(egypt)  # the LNA has a side, Egypt none (grey) in the fake corpus
    assert _colour(egypt) == _colour(haftar) == (160, 160, 160)
    sizes = {label: float(node.find(f"{VIZ}size").get("value")) for label, node in nodes.items()}
    assert sizes["Khalifa Haftar"] > sizes["Egypt"] > sizes["Libyan National Army"] > sizes["Misrata militia"]


def test_edges_are_coloured_by_polarity(root):
    colours = {}
    for edge in root.iterfind(".//g:edge", NS):
        colours.setdefault(edge.get("kind"), set()).add(_colour(edge))
    assert len(colours["cooperative"]) == 1 and len(colours["conflictual"]) == 1
    assert colours["cooperative"] != colours["conflictual"]


def test_viz_elements_follow_attvalues_as_the_schema_orders(root):
    for node in root.iterfind(".//g:node", NS):
        tags = [child.tag for child in node]
        assert tags.index(f"{VIZ}color") > tags.index("{http://gexf.net/1.3}attvalues")
