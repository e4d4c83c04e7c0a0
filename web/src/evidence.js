// Evidence: the events behind an edge, and a document with its regions shaded and one sentence highlighted.
import { el, getJSON, eventCard, actorLink, enc, kind, safeHref, disputedBadge } from "./dom.js";
import { loadDisputes } from "./disputes.js";

export async function edgeView(root, a, b) {
  const [data, disputes] = await Promise.all([getJSON("/api/graph/edge", { a, b, limit: 200 }), loadDisputes()]);
  const name = (x, id) => (x ? x.name : id);
  root.replaceChildren(
    el("h2", {}, "Evidence: ", actorLink(a, name(data.a, a)), " — ", actorLink(b, name(data.b, b))),
    el("p", { class: "muted" }, `${data.total} events (showing ${data.events.length}) from ${Object.keys(data.documents).length} documents; each opens its sentence in the document.`),
    el("div", { id: "evidence-list" }, data.events.map((e) => eventCard(e, data.documents, disputes))));
}

// Split [0, text.length) at region edges and the highlight, so each piece has one region kind.
function pieces(text, regions, hl) {
  const cuts = new Set([0, text.length]);
  for (const r of regions) { cuts.add(Math.max(0, Math.min(text.length, r.start))); cuts.add(Math.max(0, Math.min(text.length, r.end))); }
  if (hl) { cuts.add(hl[0]); cuts.add(hl[1]); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [s, e] = [points[i], points[i + 1]];
    if (e <= s) continue;
    const region = regions.find((r) => r.start <= s && e <= r.end);
    out.push({ s, e, kind: region ? region.kind : "none", region, hl: !!hl && s >= hl[0] && e <= hl[1] });
  }
  return out;
}

export async function docView(root, id, start, end) {
  const [doc, disputes] = await Promise.all([getJSON(`/api/documents/${enc(id)}`), loadDisputes()]);
  const badge = (e) => (disputes.byEvent.has(e.id) ? [disputedBadge(disputes.byEvent.get(e.id)), " "] : null);
  const hl = Number.isFinite(start) && Number.isFinite(end) && end > start ? [start, Math.min(end, doc.text.length)] : null;
  const text = el("div", { class: "doctext", id: "doctext" });
  let first = null;
  for (const p of pieces(doc.text, doc.regions, hl)) {
    const node = el(p.hl ? "mark" : "span", { class: `r-${p.kind}${p.hl ? " hl" : ""}`, title: p.region && p.region.kind === "comment" && p.region.author ? `comment by ${p.region.author}${p.region.posted ? ", " + p.region.posted : ""}` : p.kind },
      doc.text.slice(p.s, p.e));
    if (p.hl && !first) first = node;
    text.append(node);
  }
  const inSpan = hl ? doc.events.filter((e) => e.start === hl[0] && e.end === hl[1]) : [];
  const url = doc.url && /^https?:/i.test(doc.url) ? el("a", { href: safeHref(doc.url), rel: "noreferrer noopener", target: "_blank" }, doc.url) : doc.url;
  root.replaceChildren(
    el("h2", {}, doc.title || doc.name),
    el("div", { class: "meta muted" }, `${doc.name} · published ${doc.published || "unknown"} · source: ${doc.source || "unknown"}`,
      doc.duplicate_of ? ` · copy of ${doc.duplicate_of}` : "", url ? " · " : "", url || ""),
    el("div", { class: "legend muted" }, "regions: ",
      ["title", "dateline", "body", "comment", "boilerplate"].map((k) => el("span", { class: `r-${k}`, style: "padding:0 .4em;margin-right:.3em;border:1px solid #ddd" }, k)),
      el("mark", { class: "hl" }, "highlighted sentence")),
    el("div", { class: "doc-layout" }, text,
      el("aside", {},
        inSpan.length ? el("div", { id: "fact" }, el("h3", {}, "This fact"), inSpan.map((e) => el("div", { class: "card" },
          el("div", {}, badge(e), el("span", { class: "tag" }, kind(e)), " ", actorLink(e.source, e.source_name, e.source_text), " → ", actorLink(e.target, e.target_name, e.target_text)),
          el("div", { class: "meta" }, `date ${e.date || "unknown"} · ${e.place ? "place " + e.place.name + " · " : ""}modality ${e.modality}${e.attribution ? " · per " + e.attribution : ""} · region ${e.region} · confidence ${e.confidence}`)))) : null,
        el("h3", {}, `Events in this document (${doc.events.length})`),
        doc.events.map((e) => el("div", { class: "card" }, badge(e),
          el("a", { href: `#/doc/${enc(doc.id)}/${e.start}/${e.end}` }, kind(e)), " ",
          `${e.source_name || e.source_text || "?"} → ${e.target_name || e.target_text || "?"}`,
          el("span", { class: "muted" }, ` ${e.date || ""} ${e.region === "comment" ? "[comment]" : ""}`))))));
  if (first) first.scrollIntoView({ block: "center" });
}
