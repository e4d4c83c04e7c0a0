// DOM and API helpers. Every piece of data enters the page as a text node or an attribute set
// through the DOM API — never as HTML — so scraped text cannot inject markup or scripts.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only in-app routes, site paths and http(s) links may become hrefs (no javascript: or data:).
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("#") || (text.startsWith("/") && !text.startsWith("//"))) return text;
  try {
    const url = new URL(text, location.href);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch (e) { /* not a URL */ }
  return "#";
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

// The server's session cookie (set when the address with ?token= was opened) authenticates
// every request; the page never sees the token.
export async function getJSON(path, query = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.json();
}

export async function postJSON(path, body) {
  const res = await fetch(path, { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.detail ? (typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)) : `${res.status}`);
  return data;
}

// Every page of a paged list route, up to `cap` rows (tables, the timeline's counts, facets work on all matching rows).
export async function getAll(path, query = {}, cap = 20000) {
  const items = [];
  let total = 0;
  do {
    const page = await getJSON(path, { ...query, limit: 1000, offset: items.length });
    total = page.total; items.push(...page.items);
    if (!page.items.length) break;
  } while (items.length < total && items.length < cap);
  return { items, total };
}

// View state lives in the hash's query (#/events?sort=-date&type=AID), so a reload or a shared
// address gives the same view; replaceState changes it without re-running the router.
export function hashParams() {
  const q = location.hash.indexOf("?");
  return new URLSearchParams(q < 0 ? "" : location.hash.slice(q + 1));
}

export function setHashParams(params) {
  const base = location.hash.split("?")[0] || "#/";
  const query = params.toString();
  history.replaceState(null, "", query ? `${base}?${query}` : base);
}

// A file the browser saves, made from data already on the page.
export function download(name, type, text) {
  const a = el("a", { href: "#", download: name });
  a.href = URL.createObjectURL(new Blob([text], { type }));
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function status(message) { document.getElementById("status").textContent = message || ""; }

export const enc = encodeURIComponent;

export function kind(e) { return e.mode ? `${e.type}/${e.mode}` : e.type; }

// The mark of a fact or actor that independent sources disagree about; `about` says what.
export function disputedBadge(about) {
  return el("a", { class: "badge disputed", href: "#/disputes", title: `disputed: ${about}` }, "disputed");
}

export function actorLink(id, name, text) {
  const label = name || text || "?";
  return id ? el("a", { href: `#/actor/${enc(id)}` }, label) : el("span", { class: "muted" }, label);
}

// One event as a card: who did what to whom, when, where, per whom, how sure; the sentence;
// and a link to the sentence highlighted in its document.
export function eventCard(e, docs = {}, disputes = null) {
  const doc = docs[e.doc] || {};
  const about = disputes && (disputes.byEvent.get(e.id) || (e.events || []).map((id) => disputes.byEvent.get(id)).find(Boolean));
  return el("div", { class: "card event", "data-event": e.id },
    el("div", {},
      about ? disputedBadge(about) : null,
      el("span", { class: "tag" }, kind(e)), " ",
      actorLink(e.source, e.source_name, e.source_text), " → ", actorLink(e.target, e.target_name, e.target_text)),
    el("div", { class: "sentence" }, "“", e.sentence, "”"),
    el("div", { class: "meta" },
      `date: ${e.date || "unknown"}`, e.place ? ` · place: ${e.place.name}${e.place.country ? " (" + e.place.country + ")" : ""}` : "",
      ` · modality: ${e.modality}`, e.attribution ? ` · per ${e.attribution}` : "",
      e.reports ? ` · ${e.reports} report${e.reports > 1 ? "s" : ""}, ${e.sources} independent source${e.sources === 1 ? "" : "s"}` : "",
      ` · region: `, el("span", { class: `tag ${e.region}` }, e.region),
      ` · source: ${doc.source || doc.name || e.doc}`, doc.published ? ` (${doc.published})` : "", " · ",
      el("a", { href: `#/doc/${enc(e.doc)}/${e.start}/${e.end}`, class: "open-evidence" }, "open in document")));
}

export function pager(page, onMove) {
  const { total, limit, offset } = page;
  return el("div", { class: "pager" },
    `${total ? offset + 1 : 0}–${Math.min(offset + limit, total)} of ${total} `,
    offset > 0 ? el("button", { onclick: () => onMove(Math.max(0, offset - limit)) }, "previous") : null,
    offset + limit < total ? el("button", { onclick: () => onMove(offset + limit) }, "next") : null);
}
