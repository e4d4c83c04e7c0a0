"""The GraphML export: the actor graph, read back with networkx."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from export.export_fakes import RELATIONS, FakeCorpus

from newsweave.export import export
from newsweave.export.graphml import node_id


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("graphml") / "actors.graphml"
    export(FakeCorpus(), "graphml", path)
    return nx.read_graphml(path)


def test_nodes_are_the_actors_in_relations(graph):
    assert set(graph.nodes) == {"EGY", "RUS", "org:libyan-national-army", "ORGANIZATION:misrata%20militia",
                                "person:khalifa-haftar"}
    assert graph.is_directed() and graph.is_multigraph()


def test_node_ids_have_no_spaces_and_keep_the_original_id(graph):
    """Issue 14: "ORGANIZATION:misrata militia" was a node id with a space."""
    assert not any(" " in node for node in graph.nodes)
    assert graph.nodes["ORGANIZATION:misrata%20militia"]["newsweave_id"] == "ORGANIZATION:misrata militia"


def test_nodes_have_a_label(graph):
    assert {data["label"] for data in graph.nodes.values()} >= {"Egypt", "Misrata militia", "Khalifa Haftar"}


def test_edge_ids_are_unique(tmp_path):
    """Issue 14: every edge id was its polarity, "cooperative" or "conflictual"."""
    path = tmp_path / "actors.graphml"
    export(FakeCorpus(), "graphml", path)
    ids = [edge.get("id") for edge in ET.parse(path).getroot().iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(RELATIONS) and len(set(ids)) == len(ids) and None not in ids


@pytest.mark.parametrize("node, attr, value", [
    ("EGY", "name", "Egypt"),
    ("EGY", "type", "COUNTRY"),
    ("EGY", "country", "EG"),
    ("person:khalifa-haftar", "mentions", 6),
    ("org:libyan-national-army", "side", "LNA camp"),
    ("org:libyan-national-army", "first", "2017-05"),
])
def test_node_attributes(graph, node, attr, value):
    assert graph.nodes[node][attr] == value


@pytest.mark.parametrize("relation", RELATIONS, ids=lambda r: f"{r.source}-{r.polarity}")
def test_each_relation_is_a_directed_edge_with_its_attributes(graph, relation):
    edges = [data for data in graph.get_edge_data(node_id(relation.source), node_id(relation.target)).values()
             if data["polarity"] == relation.polarity]
    assert len(edges) == 1
    data = edges[0]
    assert data["types"] == ";".join(relation.types)
    assert data["weight"] == pytest.approx(relation.weight)
    assert data["documents"] == relation.documents
    assert data["independent_sources"] == relation.independent_sources
    assert data["events"] == len(relation.events)
    assert data.get("first") == relation.first and data.get("last") == relation.last


def test_written_to_a_stream_without_output(graph):
    stream = io.StringIO()
    export(FakeCorpus(), "graphml", stream)
    again = nx.read_graphml(io.BytesIO(stream.getvalue().encode("utf-8")))
    assert set(again.nodes) == set(graph.nodes) and again.number_of_edges() == len(RELATIONS)


def test_no_relations_gives_an_empty_graph(tmp_path):
    export(FakeCorpus(relations=[]), "graphml", tmp_path / "empty.graphml")
    assert nx.read_graphml(tmp_path / "empty.graphml").number_of_nodes() == 0
