// The timeline: article events in the order they happened, with a per-month histogram.
import { el, getJSON, eventCard, pager } from "./dom.js";

const state = { actor: "", type: "", min_sources: 0, offset: 0 };

function histogram(items) {
  const counts = {};
  for (const e of items) if (e.date) counts[e.date.slice(0, 7)] = (counts[e.date.slice(0, 7)] || 0) + 1;
  const keys = Object.keys(counts).sort();
  if (!keys.length) return null;
  const max = Math.max(...Object.values(counts));
  const w = Math.max(8, Math.min(40, 900 / keys.length));
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "bars"); svg.setAttribute("width", String(w * keys.length + 10)); svg.setAttribute("height", "70");
  keys.forEach((k, i) => {
    const h = 50 * counts[k] / max;
    const r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    r.setAttribute("x", String(i * w + 2)); r.setAttribute("y", String(55 - h)); r.setAttribute("width", String(w - 3)); r.setAttribute("height", String(h));
    const t = document.createElementNS("http://www.w3.org/2000/svg", "title"); t.textContent = `${k}: ${counts[k]} events`;
    r.append(t); svg.append(r);
  });
  const label = document.createElementNS("http://www.w3.org/2000/svg", "text");
  label.setAttribute("x", "2"); label.setAttribute("y", "68"); label.setAttribute("font-size", "10"); label.textContent = `${keys[0]} … ${keys[keys.length - 1]}`;
  svg.append(label);
  return svg;
}

export async function timelineView(root) {
  const page = await getJSON("/api/timeline", { actor: state.actor, type: state.type, min_sources: state.min_sources || null, limit: 100, offset: state.offset });
  const reload = () => timelineView(root);
  const actor = el("input", { type: "search", placeholder: "actor", value: state.actor, id: "timeline-actor",
    onchange: (ev) => { state.actor = ev.target.value; state.offset = 0; reload(); } });
  const type = el("input", { type: "search", placeholder: "event type (e.g. AID)", value: state.type,
    onchange: (ev) => { state.type = ev.target.value; state.offset = 0; reload(); } });
  root.replaceChildren(el("h2", {}, "Timeline (when events happened)"),
    el("div", { class: "filters" }, el("label", {}, "actor", actor), el("label", {}, "type", type),
      el("label", {}, "min. sources", el("input", { type: "number", min: 0, max: 50, value: state.min_sources, style: "width:4em",
        onchange: (ev) => { state.min_sources = Math.max(0, Number(ev.target.value) || 0); state.offset = 0; reload(); } }))),
    histogram(page.items) || el("p", { class: "muted" }, "no dated events"),
    pager(page, (o) => { state.offset = o; reload(); }),
    el("div", { id: "timeline-list" }, page.items.map((e) => eventCard(e))));
}
