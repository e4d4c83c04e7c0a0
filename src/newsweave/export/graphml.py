"""The GraphML export: the actor graph for yEd, Cytoscape, Gephi or networkx.

Nodes are the entities that take part in a relation (label and name, type, country, mentions,
side when assigned); edges are the relations, directed from source to target, each with its own
id, and polarity, types, weight, documents, independent_sources, first and last. Built with
networkx. Node ids are newsweave's ids with spaces and other unsafe characters percent-encoded
(yEd and Gephi split or reject ids with spaces); `newsweave_id` keeps the original.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote
from typing import TextIO

import networkx as nx

from .actors import actor_graph
from .xmltext import xml_text

# GraphML has no list type: a relation's event types are joined with ";" as in the CSV export.
LIST_SEPARATOR = ";"


# Characters kept as they are in a node id; the rest (spaces first) are percent-encoded.
NODE_ID_SAFE = ":-_.~/"


def node_id(entity_id: str) -> str:
    """The GraphML node id of an entity: no spaces, reversible with urllib.parse.unquote."""
    return quote(xml_text(entity_id), safe=NODE_ID_SAFE)


def build_graph(corpus) -> nx.MultiDiGraph:
    """The actor graph as networkx, nodes keyed by entity id: one edge per relation (a pair can
    have a cooperative and a conflictual relation, hence a multigraph), keyed e0, e1… (GraphML's
    unique edge ids). Missing values are left out, as GraphML wants."""
    graph = actor_graph(corpus)
    g = nx.MultiDiGraph(name="newsweave actor graph")
    for actor in graph.actors.values():
        attrs: dict[str, object] = {"label": actor.name, "name": actor.name, "newsweave_id": actor.id, "type": actor.type,
                 "country": actor.country, "kb_id": actor.kb_id, "mentions": actor.mentions,
                 "side": actor.side, "first": actor.first, "last": actor.last}
        g.add_node(actor.id, **{k: xml_text(v) for k, v in attrs.items() if v is not None})
    for index, relation in enumerate(graph.relations):
        attrs = {"polarity": relation.polarity, "types": LIST_SEPARATOR.join(relation.types),
                 "weight": float(relation.weight), "events": len(relation.events),
                 "documents": relation.documents, "independent_sources": relation.independent_sources,
                 "first": relation.first, "last": relation.last}
        g.add_edge(relation.source, relation.target, key=f"e{index}",
                   **{k: xml_text(v) for k, v in attrs.items() if v is not None})
    return g


def write_graphml(corpus, out: TextIO | Path | str | None) -> None:
    g = nx.relabel_nodes(build_graph(corpus), node_id)
    if isinstance(out, (str, Path)):
        nx.write_graphml(g, out, encoding="utf-8")
        return
    stream = out or sys.stdout
    # networkx writes bytes; a text stream (stdout) gets the decoded lines.
    for line in nx.generate_graphml(g, encoding="utf-8"):
        stream.write(line + "\n")
