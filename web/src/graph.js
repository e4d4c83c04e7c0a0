// The actor graph: cytoscape, with the date window, event type and source filters applied server-side.
import cytoscape from "cytoscape";
import { el, getJSON, status, enc } from "./dom.js";

const TYPE_COLOURS = { COUNTRY: "#2a6f97", PERSON: "#e07a5f", ORGANIZATION: "#81b29a" };
const SIDE_COLOURS = ["#1f77b4", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];
const state = { since: null, until: null, type: "", min_sources: 1, limit: 150, months: null };

function months(first, last) {
  const out = [];
  let [y, m] = first.slice(0, 7).split("-").map(Number); m = m || 1;
  const [ly, lm0] = last.slice(0, 7).split("-").map(Number); const lm = lm0 || 12;
  while (y < ly || (y === ly && m <= lm)) { out.push(`${y}-${String(m).padStart(2, "0")}`); m += 1; if (m > 12) { m = 1; y += 1; } }
  return out;
}

export async function graphView(root) {
  const data = await getJSON("/api/graph", { since: state.since, until: state.until, type: state.type, min_sources: state.min_sources, limit: state.limit });
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
  const useSides = data.nodes.some((n) => n.side);
  const sides = [...new Set(data.nodes.map((n) => n.side).filter(Boolean))];
  const colour = (n) => (useSides ? (n.side ? SIDE_COLOURS[sides.indexOf(n.side) % SIDE_COLOURS.length] : "#bbb") : TYPE_COLOURS[n.type] || "#999");
  const legend = el("div", { class: "legend muted" },
    el("span", {}, el("span", { class: "swatch", style: "background:var(--coop)" }), "cooperative"),
    el("span", {}, el("span", { class: "swatch", style: "background:var(--conf)" }), "conflictual"),
    useSides ? sides.map((s, i) => el("span", {}, el("span", { class: "swatch", style: `background:${SIDE_COLOURS[i % SIDE_COLOURS.length]}` }), s))
      : Object.entries(TYPE_COLOURS).map(([t, c]) => el("span", {}, el("span", { class: "swatch", style: `background:${c}` }), t.toLowerCase())),
    el("span", {}, `${data.nodes.length} of ${data.total_nodes} actors, ${data.edges.length} of ${data.total_edges} relations · node size: mentions · edge width: independent sources · click a node or an edge`));
  root.replaceChildren(el("h2", {}, "Actors and relations"),
    el("div", { class: "filters" },
      el("label", {}, "dates", sinceInput, untilInput, label), el("label", {}, "type", typeSelect),
      el("label", {}, "min. sources", minInput), reset),
    legend, box);
  const maxMentions = Math.max(1, ...data.nodes.map((n) => n.mentions));
  const maxSources = Math.max(1, ...data.edges.map((e) => e.independent_sources));
  const cy = cytoscape({
    container: box,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name, size: 18 + 42 * Math.sqrt(n.mentions / maxMentions), colour: colour(n) } })),
      ...data.edges.map((e) => ({ data: { id: e.id, source: e.a, target: e.b, a: e.a, b: e.b,
        width: 1.5 + 7 * (e.independent_sources / maxSources), colour: e.polarity === "conflictual" ? "#c0392b" : "#2e8b57",
        label: `${e.types.join(", ")} · ${e.independent_sources} src` } })),
    ],
    style: [
      { selector: "node", style: { width: "data(size)", height: "data(size)", "background-color": "data(colour)", label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "bezier", opacity: 0.8 } },
      { selector: "edge:selected, edge.hover", style: { label: "data(label)", "font-size": 9, "text-background-color": "#fff", "text-background-opacity": 0.8 } },
    ],
    layout: { name: data.nodes.length > 300 ? "concentric" : "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 },
    wheelSensitivity: 0.3,
  });
  cy.on("tap", "node", (ev) => { location.hash = `#/actor/${enc(ev.target.id())}`; });
  cy.on("tap", "edge", (ev) => { location.hash = `#/edge/${enc(ev.target.data("a"))}/${enc(ev.target.data("b"))}`; });
  cy.on("mouseover", "edge", (ev) => ev.target.addClass("hover"));
  cy.on("mouseout", "edge", (ev) => ev.target.removeClass("hover"));
  window.__newsweave = { cy, graph: data };  // for tests and the console
}
