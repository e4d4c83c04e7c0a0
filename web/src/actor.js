// The actor page: aliases, side, relations (each opening its evidence), documents, and corrections.
import { el, getJSON, postJSON, enc, status, disputedBadge, actorLink } from "./dom.js";
import { loadDisputes, loadSides } from "./disputes.js";

function correction(label, fields, submit) {
  const form = el("form", { class: "correction" }, el("strong", {}, label), fields, el("button", { type: "submit" }, label));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try { const r = await submit(new FormData(form)); status(`${label}: done`); return r; } catch (e) { status(`${label} failed: ${e.message}`); }
  });
  return form;
}

export async function actorView(root, id) {
  const [data, sides, disputes] = await Promise.all([getJSON(`/api/entities/${enc(id)}`), loadSides(), loadDisputes()]);
  const e = data.entity;
  const membership = sides.items.filter((m) => m.entity === e.id);
  const names = new Map(sides.items.map((m) => [m.entity, m.name]));
  const disputed = disputes.items.filter((d) => d.entities.includes(e.id));
  const list = el("datalist", { id: "entity-names" });
  getJSON("/api/entities", { limit: 500 }).then((all) => all.items.forEach((x) => x.id !== e.id && list.append(el("option", { value: x.id }, x.name)))).catch(() => {});
  root.replaceChildren(...[
    el("h2", { id: "actor-name" }, e.name),
    el("p", {}, el("span", { class: "tag" }, e.type), e.country ? ` country ${e.country} · ` : " ", `${e.mentions} mentions in ${e.documents} documents`,
      e.comment_mentions ? ` (+${e.comment_mentions} in comments)` : "", " · side: ",
      el("span", { id: "actor-side" }, el("span", { class: "swatch", style: `background:${sides.colour(data.side)}` }), data.side || "not assigned"),
      e.kb_id ? ` · knowledge base: ${e.kb_id}` : "", ` · id: ${e.id}`),
    membership.length ? el("div", { id: "actor-ties", class: "muted" }, "on this side through: ",
      membership.flatMap((m) => m.evidence).flatMap(([a, b, kind], i) => [i ? "; " : "", actorLink(a, names.get(a) || a), ` ${kind} `, actorLink(b, names.get(b) || b)])) : null,
    disputed.length ? el("div", { id: "actor-disputes" }, disputed.map((d) => el("p", {}, disputedBadge(d.about), " ", d.explanation))) : null,
    el("h3", {}, "Aliases"), el("p", { id: "aliases" }, e.aliases.length ? e.aliases.map((a) => el("span", { class: "tag" }, a)) : "none"),
    el("h3", {}, `Relations (${data.relations.length})`),
    el("table", { id: "actor-relations" }, el("tr", {}, ["with", "polarity", "types", "events", "independent sources", "first", "last", ""].map((h) => el("th", {}, h))),
      data.relations.map((r) => el("tr", {},
        el("td", {}, el("a", { href: `#/actor/${enc(r.other)}` }, r.other_name || r.other)), el("td", {}, el("span", { class: `tag ${r.polarity}` }, r.polarity)),
        el("td", {}, r.types.join(", ")), el("td", {}, r.events), el("td", {}, r.independent_sources), el("td", {}, r.first || ""), el("td", {}, r.last || ""),
        el("td", {}, el("a", { href: `#/edge/${enc(r.a)}/${enc(r.b)}` }, "evidence"))))),
    el("h3", {}, "Documents"),
    el("ul", {}, data.documents.map((d) => el("li", {}, el("a", { href: `#/doc/${enc(d.doc)}` }, d.title || d.name), ` — ${d.mentions} mentions`))),
    el("h3", {}, "Corrections"),
    el("p", { class: "muted" }, "Corrections are kept in the database and applied again after every run."),
    list,
    correction("Rename", el("input", { name: "name", required: true, value: e.name, "aria-label": "new name" }),
      async (f) => { await postJSON("/api/corrections/rename", { entity: e.id, name: f.get("name") }); actorView(root, id); }),
    correction("Merge", [el("input", { name: "other", required: true, list: "entity-names", placeholder: "entity id to merge into this one", "aria-label": "entity to merge" })],
      async (f) => { await postJSON("/api/corrections/merge", { a: e.id, b: f.get("other") }); actorView(root, id); }),
    correction("Split", el("span", {}, "aliases: ", e.aliases.map((a) => el("label", {}, el("input", { type: "checkbox", name: "alias", value: a }), a, " "))),
      async (f) => { const r = await postJSON("/api/corrections/split", { entity: e.id, aliases: f.getAll("alias") }); actorView(root, id); return r; }),
  ].filter(Boolean));
}
