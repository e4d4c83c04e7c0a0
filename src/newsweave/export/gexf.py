"""The GEXF 1.3 export: the actor graph over time, for Gephi's timeline slider.

A dynamic, directed graph with `timeformat="date"`: each relation is an edge that lives from
its first to its last date (partial dates widened to whole months or years), each actor a node
that appears with its first relation and stays until its last. networkx writes only GEXF
1.2draft, so the XML is built here with ElementTree. Nodes carry `viz:` colours (one per side,
grey when none is assigned) and sizes (by mentions), edges a colour by polarity, so Gephi
draws the sides without any styling by hand.
"""

from __future__ import annotations

import math
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TextIO

from .actors import actor_graph, span
from .xmltext import xml_text

GEXF_NAMESPACE = "http://gexf.net/1.3"
GEXF_VERSION = "1.3"
VIZ_NAMESPACE = "http://gexf.net/1.3/viz"
ET.register_namespace("viz", VIZ_NAMESPACE)

# Side colours in order of the sides' labels (a colour-blind-safe qualitative palette), and the
# colour of actors with no side; edges: green for cooperative, red for conflictual.
SIDE_COLOURS = ((0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167), (230, 159, 0), (86, 180, 233))
NO_SIDE_COLOUR = (160, 160, 160)
POLARITY_COLOURS = {"cooperative": (0, 158, 115), "conflictual": (213, 94, 0)}
# Node size: this plus a step per doubling of mentions, so a 100-mention actor stands out unbloated.
BASE_SIZE = 5.0
SIZE_PER_DOUBLING = 3.0

# (id, title, GEXF type) of the attributes declared for nodes and edges, in this order.
NODE_ATTRIBUTES = (
    ("type", "type", "string"),
    ("country", "country", "string"),
    ("kb_id", "kb_id", "string"),
    ("mentions", "mentions", "integer"),
    ("side", "side", "string"),
)
EDGE_ATTRIBUTES = (
    ("polarity", "polarity", "string"),
    ("types", "types", "string"),  # ";"-joined: Gephi's liststring syntax differs across versions
    ("events", "events", "integer"),
    ("documents", "documents", "integer"),
    ("independent_sources", "independent_sources", "integer"),
    ("first", "first", "string"),
    ("last", "last", "string"),
)


def _declare(graph: ET.Element, kind: str, attributes) -> None:
    declared = ET.SubElement(graph, "attributes", {"class": kind, "mode": "static"})
    for attr_id, title, attr_type in attributes:
        ET.SubElement(declared, "attribute", {"id": attr_id, "title": title, "type": attr_type})


def _attvalues(parent: ET.Element, values: dict) -> None:
    present = {key: value for key, value in values.items() if value is not None}
    if present:
        holder = ET.SubElement(parent, "attvalues")
        for key, value in present.items():
            ET.SubElement(holder, "attvalue", {"for": key, "value": xml_text(str(value))})


def _viz(parent: ET.Element, colour: tuple[int, int, int], size: float | None = None) -> None:
    r, g, b = colour
    ET.SubElement(parent, f"{{{VIZ_NAMESPACE}}}color", {"r": str(r), "g": str(g), "b": str(b)})
    if size is not None:
        ET.SubElement(parent, f"{{{VIZ_NAMESPACE}}}size", {"value": f"{size:g}"})


def side_colours(sides) -> dict[str, tuple[int, int, int]]:
    """A colour for each side label (an actor on several conflicts' sides takes its first)."""
    labels = sorted({side.split(";")[0] for side in sides if side})
    return {label: SIDE_COLOURS[i % len(SIDE_COLOURS)] for i, label in enumerate(labels)}


def node_size(mentions: int) -> float:
    return round(BASE_SIZE + SIZE_PER_DOUBLING * math.log2(1 + max(mentions, 0)), 2)


def _interval(attrs: dict, interval: tuple[str, str] | None) -> dict:
    # No dates: no start/end, so Gephi shows the element over the whole timeline.
    if interval:
        attrs["start"], attrs["end"] = interval
    return attrs


def build_gexf(corpus) -> ET.ElementTree:
    graph_data = actor_graph(corpus)
    root = ET.Element("gexf", {"xmlns": GEXF_NAMESPACE, "version": GEXF_VERSION})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "newsweave"
    ET.SubElement(meta, "description").text = "Actors and their relations, each over its first to last date"
    graph = ET.SubElement(root, "graph", {"mode": "dynamic", "defaultedgetype": "directed",
                                          "timeformat": "date", "timerepresentation": "interval"})
    _declare(graph, "node", NODE_ATTRIBUTES)
    _declare(graph, "edge", EDGE_ATTRIBUTES)

    edge_spans = [span(r.first, r.last) for r in graph_data.relations]
    # A node lives from its earliest edge's start to its latest edge's end, so no edge outlives it.
    node_spans: dict[str, tuple[str, str]] = {}
    for relation, interval in zip(graph_data.relations, edge_spans):
        if interval:
            for actor_id in (relation.source, relation.target):
                old = node_spans.get(actor_id, interval)
                node_spans[actor_id] = (min(old[0], interval[0]), max(old[1], interval[1]))

    colours = side_colours(actor.side for actor in graph_data.actors.values())
    nodes = ET.SubElement(graph, "nodes")
    for actor in graph_data.actors.values():
        node = ET.SubElement(nodes, "node", _interval({"id": xml_text(actor.id), "label": xml_text(actor.name)},
                                                      node_spans.get(actor.id)))
        _attvalues(node, {"type": actor.type, "country": actor.country, "kb_id": actor.kb_id,
                          "mentions": actor.mentions, "side": actor.side})
        side = actor.side.split(";")[0] if actor.side else ""
        _viz(node, colours.get(side, NO_SIDE_COLOUR), node_size(actor.mentions))
    edges = ET.SubElement(graph, "edges")
    for index, (relation, interval) in enumerate(zip(graph_data.relations, edge_spans)):
        attrs = {"id": f"e{index}", "source": xml_text(relation.source), "target": xml_text(relation.target),
                 "label": xml_text(f"{relation.polarity}: {', '.join(relation.types)}"),
                 "kind": relation.polarity, "weight": repr(float(relation.weight))}
        edge = ET.SubElement(edges, "edge", _interval(attrs, interval))
        _attvalues(edge, {"polarity": relation.polarity, "types": ";".join(relation.types),
                          "events": len(relation.events), "documents": relation.documents,
                          "independent_sources": relation.independent_sources,
                          "first": relation.first, "last": relation.last})
        _viz(edge, POLARITY_COLOURS.get(relation.polarity, NO_SIDE_COLOUR))
    ET.indent(root)
    return ET.ElementTree(root)


def write_gexf(corpus, out: TextIO | Path | str | None) -> None:
    tree = build_gexf(corpus)
    if isinstance(out, (str, Path)):
        tree.write(out, encoding="utf-8", xml_declaration=True)
        return
    stream = out or sys.stdout
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    tree.write(stream, encoding="unicode")
    stream.write("\n")
