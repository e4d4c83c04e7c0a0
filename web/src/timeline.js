// The timeline: every event matching the filter counted per month on a real time axis (gaps
// between months stay gaps), and the events themselves in the order they happened, paged.
// The filter is in the address.
import { scaleLinear, scaleTime } from "d3-scale";
import { el, getAll, eventCard, hashParams, setHashParams, status } from "./dom.js";
import { loadDisputes } from "./disputes.js";

const PAGE = 100, W = 960, H = 150, M = { left: 34, right: 12, top: 10, bottom: 24 };
const svgEl = (tag, attrs, text) => {
  const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
};
const monthStart = (key) => new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1));

// Counts per month of the events dated at least to the month; those dated only to a year, and
// undated ones, are counted apart (a bar at January would misplace them).
function monthCounts(items) {
  const months = new Map();
  let yearOnly = 0, undated = 0;
  for (const e of items) {
    if (!e.date) undated += 1;
    else if (e.date.length < 7) yearOnly += 1;
    else months.set(e.date.slice(0, 7), (months.get(e.date.slice(0, 7)) || 0) + 1);
  }
  return { months, yearOnly, undated };
}

function chart({ months }) {
  const keys = [...months.keys()].sort();
  if (!keys.length) return el("p", { class: "muted" }, "no event dated to the month");
  const first = monthStart(keys[0]), last = monthStart(keys[keys.length - 1]);
  const end = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1));
  const x = scaleTime().domain([first, end]).range([M.left, W - M.right]);
  const most = Math.max(...months.values());
  const y = scaleLinear().domain([0, most]).nice().range([H - M.bottom, M.top]);
  const svg = svgEl("svg", { id: "timeline-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per month" });
  for (const k of keys) {
    const s = monthStart(k), e = new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1));
    const r = svgEl("rect", { class: "month", "data-month": k, "data-count": months.get(k), x: x(s).toFixed(2), y: y(months.get(k)).toFixed(2),
      width: Math.max(1, x(e) - x(s) - 0.5).toFixed(2), height: (y(0) - y(months.get(k))).toFixed(2) });
    r.append(svgEl("title", {}, `${k}: ${months.get(k)} event${months.get(k) === 1 ? "" : "s"}`));
    svg.append(r);
  }
  const axis = svgEl("g", { class: "axis" });
  axis.append(svgEl("line", { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0) }));
  const fmt = x.tickFormat();
  for (const t of x.ticks(Math.min(12, keys.length + 1))) {
    axis.append(svgEl("line", { x1: x(t), x2: x(t), y1: y(0), y2: y(0) + 4 }));
    axis.append(svgEl("text", { x: x(t), y: H - 8, "text-anchor": "middle", class: "x-tick" }, fmt(t)));
  }
  for (const t of y.ticks(Math.min(4, most))) axis.append(svgEl("text", { x: M.left - 4, y: y(t) + 3, "text-anchor": "end" }, t));
  svg.append(axis);
  return svg;
}

export async function timelineView(root) {
  const params = hashParams();
  const state = { actor: params.get("actor") || "", type: params.get("type") || "", min_sources: Number(params.get("min_sources")) || 0, page: Number(params.get("page")) || 0 };
  const [{ items, total }, disputes] = await Promise.all([
    getAll("/api/timeline", { actor: state.actor, type: state.type, min_sources: state.min_sources || null }), loadDisputes()]);
  const counts = monthCounts(items);
  const update = (change) => {
    Object.assign(state, change);
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(state)) if (v) p.set(k, v);
    setHashParams(p);
    timelineView(root).catch((e) => status(e.message));
  };
  const input = (key, placeholder) => el("input", { type: "search", placeholder, value: state[key], id: `timeline-${key}`,
    onchange: (ev) => update({ [key]: ev.target.value.trim(), page: 0 }) });
  const pages = Math.max(1, Math.ceil(items.length / PAGE)), page = Math.min(state.page, pages - 1);
  root.replaceChildren(el("h2", {}, "Timeline (when events happened)"),
    el("div", { class: "filters" }, el("label", {}, "actor", input("actor", "actor")), el("label", {}, "type", input("type", "event type (e.g. AID)")),
      el("label", {}, "min. sources", el("input", { type: "number", min: 0, max: 50, value: state.min_sources, style: "width:4em", id: "timeline-min-sources",
        onchange: (ev) => update({ min_sources: Math.max(0, Number(ev.target.value) || 0), page: 0 }) }))),
    el("p", { class: "legend muted", id: "timeline-legend" }, el("span", { class: "swatch", style: "background:var(--accent)" }),
      `events per month, all ${items.length} matching events${total > items.length ? ` (of ${total})` : ""}`,
      counts.yearOnly ? ` · ${counts.yearOnly} dated only to the year` : "", counts.undated ? ` · ${counts.undated} undated` : ""),
    chart(counts),
    el("div", { class: "pager" }, `${items.length ? page * PAGE + 1 : 0}–${Math.min((page + 1) * PAGE, items.length)} of ${items.length} `,
      page > 0 ? el("button", { onclick: () => update({ page: page - 1 }) }, "previous") : null,
      page < pages - 1 ? el("button", { onclick: () => update({ page: page + 1 }) }, "next") : null),
    el("div", { id: "timeline-list" }, items.slice(page * PAGE, (page + 1) * PAGE).map((e) => eventCard(e, {}, disputes))));
}
