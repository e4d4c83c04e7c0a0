"""Sides: who stands with whom, from the signed graph of material ties (`ties.py`).

Ally ties (arming, backing, fighting alongside) pull two actors onto one side, enemy ties
(fighting, coercion by force, deployment against) push them apart, each by its evidence weight
times how much its type says about alignment (`polarity.ALIGNMENT`). A leader and his
organisation (`membership`) are one node, so support for either counts for both. Each
connected part of the graph that holds a conflict (a negative edge) is split into two camps
that best respect the signs (structural balance): a start from the maximum spanning tree
(each edge's sign decides same or other side), then single-node moves while they reduce the
weight of frustrated edges. An actor is given a side when its net evidence for its camp is
large enough, it is joined to its camp's principal belligerent by ally ties or their country
(not merely an enemy of the other camp), and it is not a mediator (in talks with both camps
without clearly arming one). Cost: near-linear in the ties (networkx spanning tree, a few
sweeps).
"""

from __future__ import annotations

import networkx as nx

from ..disjoint_sets import DisjointSets
from .polarity import ALIGNMENT, TALKS

# An actor needs this much net signed weight for its camp (about one confident report of
# support or attack) to be assigned a side.
MIN_SIDE_SCORE = 0.5

# Rivals talk often: relations made only of weak evidence (talks, requests: |alignment| below
# STRONG_ALIGNMENT) count, however many reports they have, as at most one report's worth
# between two actors (two sides' nodes, once leaders are merged with their organisations).
STRONG_ALIGNMENT = 0.5
WEAK_RELATION_WEIGHT_CAP = 1.0

# The conflictual weight between two nodes that makes them parties to a fight when a side is
# named (about one confident report of an attack).
FIGHT_WEIGHT = 1.0

# Sweeps of single-node moves; each sweep can only lower frustration, so few are needed.
MAX_SWEEPS = 20

# A camp member's evidence lists at most this many relations (the strongest).
MAX_EVIDENCE = 8

# A mediator (an actor in talks with the belligerents of both camps) takes a side only when its material backing of one camp is this many times its backing
# of the other: a state that brokers a ceasefire and once sold arms to both stays neutral, the
# main arms supplier of one camp does not.
MEDIATOR_MARGIN = 3.0


def _alignment(relation: dict) -> float:
    """How much a relation says about alignment: its strongest type's."""
    alignments = [ALIGNMENT.get(label.split("/", 1)[0], 0.0) for label in relation["types"]]
    return max(alignments, key=abs, default=0.0)


def _relation_sign(relation: dict) -> float:
    """Signed strength of a relation: its weight times its strongest type's alignment."""
    strongest = _alignment(relation)
    weight = relation["weight"]
    if abs(strongest) < STRONG_ALIGNMENT:
        weight = min(weight, WEAK_RELATION_WEIGHT_CAP)
    return weight * strongest


def _union(memberships: list[dict]) -> dict[str, str]:
    """Each member and organisation -> one representative node (the organisation)."""
    sets: DisjointSets[str] = DisjointSets()
    for link in memberships:
        sets.join(link["member"], link["organisation"])
    return {node: sets.find(node) for node in list(sets.parent)}


def signed_graph(relations: list[dict], memberships: list[dict]) -> tuple[nx.Graph, dict[str, str]]:
    """The undirected signed graph over member-merged nodes; returns it and actor -> node."""
    node_of = _union(memberships)
    graph = nx.Graph()
    weak: dict[tuple[str, str], list[float]] = {}  # node pair -> [weight, signed weight]
    for relation in relations:
        a = node_of.get(relation["source"], relation["source"])
        b = node_of.get(relation["target"], relation["target"])
        alignment = _alignment(relation)
        if a == b or alignment == 0:
            continue
        if abs(alignment) < STRONG_ALIGNMENT:
            # Capped per pair of nodes, not per relation: the talks of two leaders and of
            # their states are one tie once members are merged with their organisations.
            total = weak.setdefault(tuple(sorted((a, b))), [0.0, 0.0])
            total[0] += relation["weight"]
            total[1] += relation["weight"] * alignment
            continue
        previous = graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
        graph.add_edge(a, b, weight=previous + relation["weight"] * alignment)
    for (a, b), (weight, signed) in weak.items():
        previous = graph.get_edge_data(a, b, {"weight": 0.0})["weight"]
        graph.add_edge(a, b, weight=previous + signed * min(1.0, WEAK_RELATION_WEIGHT_CAP / weight))
    zero = [(a, b) for a, b, w in graph.edges(data="weight") if abs(w) < 1e-9]
    graph.remove_edges_from(zero)
    return graph, node_of


def _initial_camps(graph: nx.Graph) -> dict[str, int]:
    """Camps from the maximum spanning tree on |weight|: a tree is always balanced."""
    tree = nx.maximum_spanning_tree(graph, weight="abs")
    camp: dict[str, int] = {}
    for component in nx.connected_components(tree):
        start = min(component)
        camp[start] = 0
        for parent, child in nx.bfs_edges(tree, start):
            camp[child] = camp[parent] if graph[parent][child]["weight"] > 0 else 1 - camp[parent]
    return camp


def _score(graph: nx.Graph, node: str, camp: dict[str, int]) -> float:
    """Net signed weight for `node` being where it is (positive: its camp fits its relations)."""
    return sum(w if camp[other] == camp[node] else -w for other, w in
               ((other, data["weight"]) for other, data in graph[node].items()))


def balance_partition(graph: nx.Graph) -> dict[str, int]:
    """Two camps per connected part, minimising the weight of edges that break balance."""
    for _, _, data in graph.edges(data=True):
        data["abs"] = abs(data["weight"])
    camp = _initial_camps(graph)
    for _ in range(MAX_SWEEPS):
        moved = False
        for node in sorted(graph.nodes):
            if _score(graph, node, camp) < 0:
                camp[node] = 1 - camp[node]
                moved = True
        if not moved:
            break
    return camp


def _agrees(relation: dict, actor: str, camp_of) -> bool:
    """Whether a relation of `actor` supports the camp it was put in."""
    other = relation["target"] if relation["source"] == actor else relation["source"]
    if camp_of(other) is None:
        return False
    same = camp_of(other) == camp_of(actor)
    return same == (_relation_sign(relation) > 0)


def _mediators(graph: nx.Graph, component: set, camp: dict, fighters: set, contacts: set) -> set:
    """Nodes of `component` in talks with fighters of both camps, fighting none of them, whose
    material backing does not clearly favour one camp (`contacts`: node pairs in talks)."""
    found = set()
    for node in component:
        met = [f for f in fighters if (node, f) in contacts]
        if {camp[f] for f in met} != {0, 1} or any(
                graph.get_edge_data(node, f, {"weight": 0.0})["weight"] <= -FIGHT_WEIGHT for f in met):
            continue
        backing = [0.0, 0.0]
        for other, data in graph[node].items():
            backing[camp[other]] += max(data["weight"], 0.0)
        if max(backing) < MEDIATOR_MARGIN * min(backing):
            found.add(node)
    return found


def _joined(graph: nx.Graph, component: set, camp: dict, homes: dict) -> set:
    """Nodes joined to their camp's principal belligerent by ally ties within the camp, or by
    sharing its country (a state's army, ministries and leaders) when the other principal is of
    another country. The principals are the two ends of a hostile tie with the most ties of
    their own (the war the others arm, back or fight in). An enemy of one camp that nothing
    joins to the other (a separate war: "the enemy of my enemy") is left out."""
    strength = dict(graph.subgraph(component).degree(weight="abs"))
    hostile = [(u, v) for u, v in graph.subgraph(component).edges if graph[u][v]["weight"] < 0]
    a, b = min(hostile, key=lambda edge: (-strength[edge[0]] - strength[edge[1]], sorted(edge)))
    if camp[a] == camp[b]:
        return set(component)
    joined: set = set()
    for anchor, rival in ((a, b), (b, a)):
        home = homes.get(anchor)
        reached = {anchor} | {n for n in component if home and home != homes.get(rival)
                              and homes.get(n) == home and camp[n] == camp[anchor]}
        frontier = list(reached)
        while frontier:
            for other, data in graph[frontier.pop()].items():
                if data["weight"] > 0 and camp[other] == camp[anchor] and other not in reached:
                    reached.add(other)
                    frontier.append(other)
        joined |= reached
    return joined


def assign_sides(relations: list[dict], memberships: list[dict], names: dict[str, str],
                 prominence: dict[str, int] | None = None, contacts: list[dict] | None = None,
                 homes: dict[str, str | None] | None = None) -> list[dict]:
    """Each actor with enough evidence: its conflict, side (0/1), the side's label, its score
    and the relations that put it there. `relations`: the material ties; `contacts`: every
    relation, whose talks (`polarity.TALKS`) tell mediators; `names`: entity id -> display name;
    `prominence`: entity id -> article mentions (a side is named after its most mentioned
    belligerent); `homes`: entity id -> country code."""
    prominence, homes = prominence or {}, homes or {}
    graph, node_of = signed_graph(relations, memberships)
    camp = balance_partition(graph)
    conflicts = [c for c in nx.connected_components(graph)
                 if any(graph[a][b]["weight"] < 0 for a, b in graph.subgraph(c).edges)]
    conflicts.sort(key=lambda c: (-graph.subgraph(c).size(weight="abs"), min(c)))
    actors_of: dict[str, list[str]] = {}
    for actor, node in node_of.items():
        actors_of.setdefault(node, []).append(actor)
    by_actor: dict[str, list[dict]] = {}
    for relation in relations:
        for actor in (relation["source"], relation["target"]):
            by_actor.setdefault(actor, []).append(relation)
    member_of = {link["member"]: link["organisation"] for link in memberships}
    talks: set[tuple[str, str]] = set()
    for relation in contacts or []:
        if {label.split("/", 1)[0] for label in relation["types"]} & TALKS:
            a = node_of.get(relation["source"], relation["source"])
            b = node_of.get(relation["target"], relation["target"])
            talks.update(((a, b), (b, a)))
    rows = []
    for number, component in enumerate(conflicts):
        scores = {node: _score(graph, node, camp) for node in component}
        # A party to a fight: a conflictual tie of at least one confident attack's weight.
        fights = {n for a, b in graph.subgraph(component).edges if graph[a][b]["weight"] < 0 for n in (a, b)}
        fighters = {n for a, b in graph.subgraph(component).edges
                    if graph[a][b]["weight"] <= -FIGHT_WEIGHT for n in (a, b)}
        assigned = ({node for node, score in scores.items() if score >= MIN_SIDE_SCORE}
                    & _joined(graph, component, camp, homes)) - _mediators(graph, component, camp, fighters, talks)
        labels: dict = {}
        # Named after a belligerent, the most mentioned one: a party to a fight before one that
        # was only coerced ("Libya" under a UN arms ban names no side), then any conflictual party.
        for node in sorted(assigned, key=lambda n: (n not in fighters, n not in fights,
                                                    -prominence.get(n, 0), -scores[n], n)):
            labels.setdefault(camp[node], names.get(node, node))

        def camp_of(actor, assigned=assigned):
            node = node_of.get(actor, actor)
            return camp[node] if node in assigned else None

        for node in sorted(assigned):
            for actor in sorted(set(actors_of.get(node, [])) | {node}):
                evidence = [r for r in by_actor.get(actor, []) if _agrees(r, actor, camp_of)]
                evidence.sort(key=lambda r: -abs(_relation_sign(r)))
                facts = [[r["source"], r["target"], r["polarity"]] for r in evidence[:MAX_EVIDENCE]]
                if actor in member_of:
                    facts.append([actor, member_of[actor], "member"])
                rows.append({"entity": actor, "conflict": number, "side": camp[node],
                             "label": labels[camp[node]], "score": round(scores[node], 4),
                             "evidence": facts})
    return rows
