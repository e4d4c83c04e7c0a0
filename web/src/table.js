// A table people can work, Datasette's way: sort by any column, filter by text and date range,
// facet by value with counts, the whole state in the address, and the current rows as CSV or JSON.
import { el, hashParams, setHashParams, download } from "./dom.js";

const PAGE = 100;

const values = (col, row) => { const v = col.value(row); return Array.isArray(v) ? v : v === null || v === undefined || v === "" ? [] : [v]; };
const text = (col, row) => values(col, row).join("; ");

function compare(col, desc) {
  return (a, b) => {
    const x = col.value(a), y = col.value(b);
    const empty = (v) => v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length);
    if (empty(x) || empty(y)) return empty(x) - empty(y);  // blanks last either way
    const c = col.num ? Number(x) - Number(y) : String(x).localeCompare(String(y), undefined, { numeric: true });
    return desc ? -c : c;
  };
}

export function csv(columns, rows) {
  const cell = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [columns.map((c) => c.key), ...rows.map((r) => columns.map((c) => text(c, r)))].map((line) => line.map(cell).join(",")).join("\r\n") + "\r\n";
}

// `spec`: { name, title, columns: [{ key, label, value(row), link(row)?, facet?, num?, date? }], rows, note?,
// controls? (elements above the table), keep? (address parameters the loader read, carried along) }.
export function workTable(root, spec) {
  const { columns } = spec;
  const facets = columns.filter((c) => c.facet);
  const dateCol = columns.find((c) => c.date);
  const params = hashParams();
  const state = { q: params.get("q") || "", sort: params.get("sort") || spec.sort || "", since: params.get("since") || "", until: params.get("until") || "",
    page: Math.max(0, Number(params.get("page")) || 0), picked: Object.fromEntries(facets.map((c) => [c.key, params.getAll(c.key)])) };

  const save = () => {
    const p = new URLSearchParams();
    for (const k of spec.keep || []) if (params.get(k)) p.set(k, params.get(k));
    for (const k of ["q", "sort", "since", "until"]) if (state[k]) p.set(k, state[k]);
    if (state.page) p.set("page", state.page);
    for (const c of facets) for (const v of state.picked[c.key]) p.append(c.key, v);
    setHashParams(p);
  };
  const matches = (row, skip) => {
    if (state.q && !columns.some((c) => text(c, row).toLowerCase().includes(state.q.toLowerCase()))) return false;
    if (dateCol && (state.since || state.until)) {
      const d = String(dateCol.value(row) || "");
      if (!d || (state.since && d.slice(0, state.since.length) < state.since) || (state.until && d.slice(0, state.until.length) > state.until)) return false;
    }
    return facets.every((c) => c.key === skip || !state.picked[c.key].length || values(c, row).some((v) => state.picked[c.key].includes(String(v))));
  };
  const current = () => {
    const rows = spec.rows.filter((r) => matches(r));
    const key = state.sort.replace(/^-/, ""), col = columns.find((c) => c.key === key);
    return col ? rows.sort(compare(col, state.sort.startsWith("-"))) : rows;
  };

  const body = el("div", { class: "worktable" });
  const render = () => {
    save();
    const rows = current();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    const shown = rows.slice(state.page * PAGE, (state.page + 1) * PAGE);
    const move = (p) => () => { state.page = p; render(); };
    const facetBoxes = facets.map((c) => {
      const counts = new Map();
      for (const r of spec.rows) if (matches(r, c.key)) for (const v of values(c, r)) counts.set(String(v), (counts.get(String(v)) || 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15);
      for (const v of state.picked[c.key]) if (!counts.has(v)) top.push([v, 0]);
      return el("div", { class: "facet", "data-facet": c.key }, el("strong", {}, c.label),
        top.length ? top.map(([v, n]) => el("button", { class: `facet-value${state.picked[c.key].includes(v) ? " picked" : ""}`, "data-value": v, type: "button",
          onclick: () => { const p = state.picked[c.key]; state.picked[c.key] = p.includes(v) ? p.filter((x) => x !== v) : [...p, v]; state.page = 0; render(); } },
        v, el("span", { class: "count" }, n))) : el("span", { class: "muted" }, " none"));
    });
    body.replaceChildren(...[
      el("div", { class: "table-tools" },
        el("span", { id: "row-count" }, `${rows.length} of ${spec.rows.length} rows`),
        el("button", { type: "button", id: "download-csv", onclick: () => download(`${spec.name}.csv`, "text/csv;charset=utf-8", csv(columns, current())) }, "CSV"),
        el("button", { type: "button", id: "download-json", onclick: () => download(`${spec.name}.json`, "application/json", JSON.stringify(current(), null, 1)) }, "JSON"),
        state.q || state.since || state.until || facets.some((c) => state.picked[c.key].length)
          ? el("button", { type: "button", id: "clear-filters", onclick: () => { Object.assign(state, { q: "", since: "", until: "", page: 0 }); facets.forEach((c) => { state.picked[c.key] = []; }); render(); } }, "clear filters") : null,
        pages > 1 ? el("span", { class: "pager" }, state.page ? el("button", { type: "button", onclick: move(state.page - 1) }, "previous") : null,
          ` page ${state.page + 1} of ${pages} `, state.page < pages - 1 ? el("button", { type: "button", onclick: move(state.page + 1) }, "next") : null) : null),
      facetBoxes.length ? el("div", { class: "facets" }, facetBoxes) : null,
      el("div", { class: "table-scroll" }, el("table", { id: "data-table", class: "data" },
        el("thead", {}, el("tr", {}, columns.map((c) => {
          const dir = state.sort === c.key ? "ascending" : state.sort === `-${c.key}` ? "descending" : "none";
          return el("th", { "data-key": c.key, "aria-sort": dir, class: "sortable", title: "sort",
            onclick: () => { state.sort = state.sort === c.key ? `-${c.key}` : c.key; render(); } }, c.label, dir === "ascending" ? " ▲" : dir === "descending" ? " ▼" : "");
        }))),
        el("tbody", {}, shown.map((r) => el("tr", {}, columns.map((c) => {
          const href = c.link && c.link(r);
          const t = c.render ? c.render(r) : text(c, r);
          return el("td", { "data-key": c.key }, href ? el("a", { href }, t) : t);
        }))))))].filter(Boolean));
  };
  const filter = el("input", { type: "search", id: "table-filter", placeholder: "filter rows…", value: state.q, "aria-label": "filter rows",
    oninput: (ev) => { state.q = ev.target.value; state.page = 0; render(); } });
  const dateInput = (key) => el("input", { type: "text", id: `table-${key}`, size: 10, placeholder: "YYYY[-MM[-DD]]", value: state[key], "aria-label": key,
    onchange: (ev) => { state[key] = ev.target.value.trim(); state.page = 0; render(); } });
  root.replaceChildren(...[el("h2", {}, spec.title), spec.note && el("p", { class: "muted" }, spec.note),
    el("div", { class: "filters" }, spec.controls, el("label", {}, "filter", filter),
      dateCol ? [el("label", {}, `${dateCol.label} from`, dateInput("since")), el("label", {}, "to", dateInput("until"))] : null),
    body].filter(Boolean));
  render();
}
