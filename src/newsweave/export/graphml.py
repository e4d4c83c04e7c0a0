"""The GraphML export: the actor graph for yEd, Cytoscape, Gephi or networkx.

Nodes are the entities that take part in a relation (name, type, country, mentions, side when
assigned); edges are the relations, directed from source to target, with polarity, types,
weight, documents, independent_sources, first and last. Built with networkx.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import networkx as nx

from .actors import actor_graph
from .xmltext import xml_text

# GraphML has no list type: a relation's event types are joined with ";" as in the CSV export.
LIST_SEPARATOR = ";"


def build_graph(corpus) -> nx.MultiDiGraph:
    """The actor graph as networkx: one edge per relation (a pair can have a cooperative and a
    conflictual relation, hence a multigraph). Missing values are left out, as GraphML wants."""
    graph = actor_graph(corpus)
    g = nx.MultiDiGraph(name="newsweave actor graph")
    for actor in graph.actors.values():
        attrs = {"name": actor.name, "type": actor.type, "country": actor.country,
                 "kb_id": actor.kb_id, "mentions": actor.mentions, "side": actor.side,
                 "first": actor.first, "last": actor.last}
        g.add_node(xml_text(actor.id), **{k: xml_text(v) for k, v in attrs.items() if v is not None})
    for relation in graph.relations:
        attrs = {"polarity": relation.polarity, "types": LIST_SEPARATOR.join(relation.types),
                 "weight": float(relation.weight), "events": len(relation.events),
                 "documents": relation.documents, "independent_sources": relation.independent_sources,
                 "first": relation.first, "last": relation.last}
        g.add_edge(xml_text(relation.source), xml_text(relation.target), key=xml_text(relation.polarity),
                   **{k: xml_text(v) for k, v in attrs.items() if v is not None})
    return g


def write_graphml(corpus, out: TextIO | Path | str | None) -> None:
    g = build_graph(corpus)
    if isinstance(out, (str, Path)):
        nx.write_graphml(g, out, encoding="utf-8")
        return
    stream = out or sys.stdout
    # networkx writes bytes; a text stream (stdout) gets the decoded lines.
    for line in nx.generate_graphml(g, encoding="utf-8"):
        stream.write(line + "\n")
