"""The GraphML export: the actor graph, read back with networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from export.export_fakes import RELATIONS, FakeCorpus

from newsweave.export import export


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("graphml") / "actors.graphml"
    export(FakeCorpus(), "graphml", path)
    return nx.read_graphml(path)


def test_nodes_are_the_actors_in_relations(graph):
    assert set(graph.nodes) == {"EGY", "RUS", "org:libyan-national-army", "ORGANIZATION:misrata militia",
                                "person:khalifa-haftar"}
    assert graph.is_directed() and graph.is_multigraph()


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
    edges = [data for data in graph.get_edge_data(relation.source, relation.target).values()
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
