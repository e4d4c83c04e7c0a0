// The actor graph: cytoscape with the fcose layout run under a fixed random seed (the same
// positions on every visit), arrows for the direction of relations, nodes coloured by side,
// node search and expand/collapse of neighbours. Filters (date window, event type, sources)
// are applied server-side.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { el, getJSON, getAll, status, enc } from "./dom.js";
import { loadDisputes, loadSides, UNASSIGNED, DISPUTED } from "./disputes.js";

cytoscape.use(fcose);

const SEED = 20170314;
const state = { since: null, until: null, type: "", min_sources: 1, limit: 150, months: null };

function months(first, last) {
  const out = [];
  let [y, m] = first.slice(0, 7).split("-").map(Number); m = m || 1;
  const [ly, lm0] = last.slice(0, 7).split("-").map(Number); const lm = lm0 || 12;
  while (y < ly || (y === ly && m <= lm)) { out.push(`${y}-${String(m).padStart(2, "0")}`); m += 1; if (m > 12) { m = 1; y += 1; } }
  return out;
}

// mulberry32: a small seeded generator standing in for Math.random while the layout runs.
function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stableLayout(cy) {
  const random = Math.random;
  Math.random = seeded(SEED);
  try {
    cy.layout({ name: cy.nodes().length > 300 ? "concentric" : "fcose", animate: false, randomize: true, quality: "proof", nodeDimensionsIncludeLabels: true,
      nodeSeparation: 90, nodeRepulsion: () => 12000, idealEdgeLength: () => 110, packComponents: true, fit: true, padding: 30 }).run();
  } finally { Math.random = random; }
}

// Collapse hides the neighbours that hang on this node alone; expand shows all its neighbours.
function toggleNeighbours(node) {
  const hidden = node.neighborhood("node").filter((n) => n.hidden());
  if (hidden.length) { hidden.style("display", "element"); node.removeClass("collapsed"); return "expanded"; }
  node.neighborhood("node").filter((n) => n.neighborhood("node").filter((m) => m.visible() && m.id() !== node.id()).empty()).style("display", "none");
  node.addClass("collapsed");
  return "collapsed";
}

export async function graphView(root) {
  const [data, sides, disputes, relations] = await Promise.all([
    getJSON("/api/graph", { since: state.since, until: state.until, type: state.type, min_sources: state.min_sources, limit: state.limit }),
    loadSides(), loadDisputes(), getAll("/api/relations")]);
  const directed = new Set(relations.items.map((r) => `${r.source}\u0000${r.target}`));
  if (!state.months && data.dates.first && data.dates.last) state.months = months(data.dates.first, data.dates.last);
  const ms = state.months || [];
  const label = el("span", { id: "date-label" });
  const showLabel = () => { label.textContent = `${state.since || ms[0] || "…"} → ${state.until || ms[ms.length - 1] || "…"}`; };
  const sinceInput = el("input", { type: "range", id: "since-slider", min: 0, max: Math.max(ms.length - 1, 0), value: state.since ? ms.indexOf(state.since) : 0, "aria-label": "from" });
  const untilInput = el("input", { type: "range", id: "until-slider", min: 0, max: Math.max(ms.length - 1, 0), value: state.until ? ms.indexOf(state.until) : Math.max(ms.length - 1, 0), "aria-label": "to" });
  const reload = () => graphView(root).catch((e) => status(e.message));
  const onSlide = () => {
    let a = Number(sinceInput.value), b = Number(untilInput.value);
    if (a > b) [a, b] = [b, a];
    state.since = a > 0 ? ms[a] : null; state.until = b < ms.length - 1 ? ms[b] : null;
    showLabel();
  };
  sinceInput.addEventListener("input", onSlide); untilInput.addEventListener("input", onSlide);
  sinceInput.addEventListener("change", reload); untilInput.addEventListener("change", reload);
  showLabel();
  const typeSelect = el("select", { id: "type-filter", onchange: (ev) => { state.type = ev.target.value; reload(); } },
    el("option", { value: "" }, "all event types"), data.types.map((t) => el("option", { value: t, selected: t === state.type }, t)));
  const minInput = el("input", { type: "number", id: "min-sources", min: 1, max: 50, value: state.min_sources, style: "width:4em",
    onchange: (ev) => { state.min_sources = Math.max(1, Number(ev.target.value) || 1); reload(); } });
  const reset = el("button", { onclick: () => { Object.assign(state, { since: null, until: null, type: "", min_sources: 1 }); reload(); } }, "reset");
  const box = el("div", { id: "graph" });
  const swatch = (colour, text, extra = "") => el("span", { class: "legend-item" }, el("span", { class: "swatch", style: `background:${colour};${extra}` }), text);
  const shownSides = sides.labels.filter((s) => data.nodes.some((n) => n.side === s));
  const legend = el("div", { class: "legend muted", id: "graph-legend" },
    "nodes by side: ", shownSides.map((s) => swatch(sides.colour(s), s)), swatch(UNASSIGNED, "no side"),
    swatch("#fff", "in a dispute", `border:2px dashed ${DISPUTED}`),
    " · edges: ", swatch("var(--coop)", "cooperative"), swatch("var(--conf)", "conflictual"), el("span", {}, "arrow: who acts on whom"),
    el("div", {}, `${data.nodes.length} of ${data.total_nodes} actors, ${data.edges.length} of ${data.total_edges} relations · node size: mentions · edge width: independent sources · click a node for its neighbours, an edge for its evidence`));
  const info = el("div", { id: "node-info", class: "muted" }, "Select a node to expand or collapse its neighbours.");
  const search = el("input", { type: "search", id: "graph-search", placeholder: "find an actor…", "aria-label": "find an actor" });
  root.replaceChildren(el("h2", {}, "Actors and relations"),
    el("div", { class: "filters" },
      el("label", {}, "dates", sinceInput, untilInput, label), el("label", {}, "type", typeSelect),
      el("label", {}, "min. sources", minInput), reset, el("label", {}, "find", search)),
    legend, info, box);
  const maxMentions = Math.max(1, ...data.nodes.map((n) => n.mentions));
  const maxSources = Math.max(1, ...data.edges.map((e) => e.independent_sources));
  const cy = cytoscape({
    container: box,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name, size: 18 + 42 * Math.sqrt(n.mentions / maxMentions), colour: sides.colour(n.side),
        side: n.side || "", disputed: disputes.byActor.has(n.id) } })),
      ...data.edges.map((e) => ({ data: { id: e.id, source: e.a, target: e.b, a: e.a, b: e.b,
        fwd: directed.has(`${e.a}\u0000${e.b}`), back: directed.has(`${e.b}\u0000${e.a}`),
        width: 1.5 + 7 * (e.independent_sources / maxSources), colour: e.polarity === "conflictual" ? "#c0392b" : "#2e8b57",
        label: `${e.types.join(", ")} · ${e.independent_sources} src` } })),
    ],
    style: [
      { selector: "node", style: { width: "data(size)", height: "data(size)", "background-color": "data(colour)", label: "data(label)", "font-size": 11,
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 110, "text-background-color": "#fff", "text-background-opacity": 0.7,
        "text-background-padding": 1, "min-zoomed-font-size": 7 } },
      { selector: "node[?disputed]", style: { "border-width": 3, "border-style": "dashed", "border-color": DISPUTED } },
      { selector: "node.found", style: { "underlay-color": "#ffe066", "underlay-opacity": 0.9, "underlay-padding": 8 } },
      { selector: "node.collapsed", style: { shape: "round-rectangle" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "bezier", opacity: 0.8, "arrow-scale": 0.9 } },
      { selector: "edge[?fwd]", style: { "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)" } },
      { selector: "edge[?back]", style: { "source-arrow-shape": "triangle", "source-arrow-color": "data(colour)" } },
      { selector: "edge:selected, edge.hover", style: { label: "data(label)", "font-size": 9, "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    ],
    layout: { name: "preset" },
    wheelSensitivity: 0.3,
  });
  stableLayout(cy);
  const select = (node) => {
    info.replaceChildren(el("strong", {}, node.data("label")), ` · ${node.data("side") || "no side"} · ${node.degree()} relations shown · `,
      el("a", { href: `#/actor/${enc(node.id())}` }, "actor page"), " ",
      el("button", { id: "toggle-neighbours", onclick: () => { toggleNeighbours(node); select(node); } },
        node.neighborhood("node").some((n) => n.hidden()) ? "expand neighbours" : "collapse neighbours"),
      " ", el("button", { id: "show-all", onclick: () => { cy.nodes().style("display", "element"); cy.nodes().removeClass("collapsed"); select(node); } }, "show all"));
  };
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    cy.nodes().removeClass("found");
    if (!q) return;
    const found = cy.nodes().filter((n) => n.data("label").toLowerCase().includes(q));
    found.style("display", "element").addClass("found");
    if (!found.length) return;
    cy.fit(found.closedNeighborhood(), 80);
    if (cy.zoom() > 1.2) { cy.zoom(1.2); cy.center(found); }  // a leaf alone would fill the screen
    if (found.length === 1) select(found[0]);
  });
  cy.on("tap", "node", (ev) => select(ev.target));
  cy.on("dbltap", "node", (ev) => { toggleNeighbours(ev.target); select(ev.target); });
  cy.on("tap", "edge", (ev) => { location.hash = `#/edge/${enc(ev.target.data("a"))}/${enc(ev.target.data("b"))}`; });
  cy.on("mouseover", "edge", (ev) => ev.target.addClass("hover"));
  cy.on("mouseout", "edge", (ev) => ev.target.removeClass("hover"));
  window.__newsweave = { cy, graph: data, toggleNeighbours };  // for tests and the console
}
