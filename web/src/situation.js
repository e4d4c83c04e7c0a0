// The Situation page: what `newsweave summary` says, live — sides with their members and the
// ties that put them there, the disputes with each side's sentence, the strongest relations and
// the latest events.
import { el, getJSON, enc, eventCard, actorLink, disputedBadge } from "./dom.js";
import { loadDisputes, loadSides } from "./disputes.js";

const STRONGEST = 10;

async function names() {
  const page = await getJSON("/api/entities", { limit: 1000 });
  return new Map(page.items.map((e) => [e.id, e.name]));
}

function tie(pair, nameOf) {
  const [a, b, kind] = pair;
  return el("li", { class: "tie" }, actorLink(a, nameOf(a)), ` ${kind === "member" ? "belongs to" : `— ${kind} —`} `, actorLink(b, nameOf(b)), " ",
    kind === "member" ? null : el("a", { href: `#/edge/${enc(a)}/${enc(b)}`, class: "muted" }, "evidence"));
}

function sidesSection(sides, disputes, nameOf) {
  if (!sides.groups.length) return el("p", { class: "muted" }, "No sides: no material ties (fighting, arming, backing) between actors were found.");
  const conflicts = [...new Set(sides.groups.map((g) => g.conflict))];
  return conflicts.map((c) => el("div", { class: "conflict" },
    conflicts.length > 1 ? el("h4", {}, `Conflict ${c + 1}`) : null,
    el("div", { class: "sides" }, sides.groups.filter((g) => g.conflict === c).map((g) => el("section", { class: "side card", "data-side": g.label },
      el("h4", {}, el("span", { class: "swatch", style: `background:${sides.colour(g.label)}` }), `${g.label}'s side`),
      el("ul", { class: "members" }, g.members.map((m) => el("li", { class: "member", "data-entity": m.entity },
        actorLink(m.entity, m.name), disputes.byActor.has(m.entity) ? [" ", disputedBadge(disputes.byActor.get(m.entity))] : null,
        el("span", { class: "muted" }, ` score ${m.score}`),
        el("ul", { class: "ties muted" }, m.evidence.map((p) => tie(p, nameOf)))))))))));
}

async function disputeCard(d, nameOf) {
  const docs = await Promise.all(d.documents.map((id) => getJSON(`/api/documents/${enc(id)}`).catch(() => null)));
  const meta = {}, events = new Map();
  for (const doc of docs.filter(Boolean)) {
    meta[doc.id] = { name: doc.name, source: doc.source, published: doc.published };
    for (const e of doc.events) events.set(e.id, e);
  }
  const found = d.events.map((id) => events.get(id)).filter(Boolean);
  return el("div", { class: "card dispute" },
    el("h4", {}, disputedBadge(d.about), " ", d.about[0].toUpperCase() + d.about.slice(1)),
    el("p", { class: "muted" }, "actors: ", d.entities.flatMap((id, i) => [i ? ", " : "", actorLink(id, nameOf(id))])),
    el("p", {}, d.explanation),
    el("div", { class: "dispute-sides" }, found.map((e) => eventCard(e, meta))));
}

// Documents in a language without a model are stored but give no actors or events: say so.
function notAnalysed(languages) {
  const codes = Object.keys(languages);
  if (!codes.length) return null;
  const total = codes.reduce((n, code) => n + languages[code], 0);
  return el("p", { class: "notice", id: "situation-not-analysed" },
    `${total} document${total === 1 ? "" : "s"} not analysed (no model for their language): `,
    codes.flatMap((code, i) => [i ? ", " : "", el("a", { href: `#/documents?language=${enc(code)}` }, `${code} ${languages[code]}`)]));
}

export async function situationView(root) {
  const [summary, sides, disputes, relations, nameMap] = await Promise.all([
    getJSON("/api/summary"), loadSides(), loadDisputes(), getJSON("/api/relations", { limit: STRONGEST }), names()]);
  const sideNames = new Map(sides.items.map((m) => [m.entity, m.name]));
  const nameOf = (id) => nameMap.get(id) || sideNames.get(id) || id;
  const strongest = [...relations.items].sort((x, y) => y.independent_sources - x.independent_sources || y.weight - x.weight);
  root.replaceChildren(
    el("h2", {}, "Situation"),
    el("p", { class: "muted", id: "situation-counts" }, `${summary.documents} documents · ${summary.confident_events} events shown (of ${summary.events}) · `,
      `${summary.entities} actors · ${summary.dates.first || "?"} → ${summary.dates.last || "?"}`,
      summary.errors ? ` · ${summary.errors} read error${summary.errors === 1 ? "" : "s"}` : ""),
    notAnalysed(summary.not_analysed || {}),
    el("h3", {}, "Sides"), el("div", { id: "situation-sides" }, sidesSection(sides, disputes, nameOf)),
    el("h3", {}, `Disputes (${disputes.items.length})`, " ", el("a", { href: "#/disputes", class: "muted" }, "table")),
    el("div", { id: "situation-disputes" }, disputes.items.length ? await Promise.all(disputes.items.map((d) => disputeCard(d, nameOf)))
      : el("p", { class: "muted" }, "No dispute: no two independent sources contradict each other.")),
    el("h3", {}, "Strongest relations", " ", el("a", { href: "#/relations?sort=-independent_sources", class: "muted" }, "all")),
    el("table", { id: "situation-relations" },
      el("tr", {}, ["from", "to", "polarity", "types", "independent sources", "first", "last", ""].map((h) => el("th", {}, h))),
      strongest.map((r) => el("tr", {},
        el("td", {}, actorLink(r.source, nameOf(r.source))), el("td", {}, actorLink(r.target, nameOf(r.target))),
        el("td", {}, el("span", { class: `tag ${r.polarity}` }, r.polarity)), el("td", {}, r.types.join(", ")),
        el("td", {}, r.independent_sources), el("td", {}, r.first || ""), el("td", {}, r.last || ""),
        el("td", {}, el("a", { href: `#/edge/${enc(r.source)}/${enc(r.target)}` }, "evidence"))))),
    el("h3", {}, "Latest events", " ", el("a", { href: "#/events?sort=-date", class: "muted" }, "all")),
    el("div", { id: "situation-latest" }, summary.latest_events.map((e) => eventCard(e, {}, disputes))));
}
