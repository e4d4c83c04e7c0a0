// The five worked tables — events, actors, relations, documents, disputes — over the REST API.
import { el, getAll, enc, disputedBadge, hashParams } from "./dom.js";
import { loadDisputes, loadSides } from "./disputes.js";
import { workTable } from "./table.js";

const year = (d) => (d ? String(d).slice(0, 4) : null);

async function context() {
  const [disputes, sides, entities, documents] = await Promise.all([loadDisputes(), loadSides(), getAll("/api/entities"), getAll("/api/documents")]);
  return { disputes, sides, names: new Map(entities.items.map((e) => [e.id, e.name])), entities: entities.items,
    docs: new Map(documents.items.map((d) => [d.id, d])), documents: documents.items };
}

const badge = (about) => (about ? disputedBadge(about) : "");

const TABLES = {
  async events(ctx) {
    // Reader-comment events only when asked, as everywhere else (the address keeps the choice).
    const comments = hashParams().get("comments") === "1";
    const { items, total } = await getAll("/api/events", { comments });
    const toggle = el("label", {}, el("input", { type: "checkbox", id: "with-comments", checked: comments, onchange: (ev) => {
      const p = hashParams();
      if (ev.target.checked) p.set("comments", "1"); else p.delete("comments");
      location.hash = `#/events?${p}`;
    } }), "include reader comments");
    const side = (id) => ctx.sides.byEntity[id] || "unassigned";
    const doc = (e) => ctx.docs.get(e.doc) || {};
    return { title: "Events", rows: items, sort: "-date", keep: ["comments"], controls: toggle, note: total > items.length ? `the first ${items.length} of ${total} events` : null, columns: [
      { key: "date", label: "date", value: (e) => e.date, date: true },
      { key: "type", label: "type", value: (e) => e.type, facet: true },
      { key: "mode", label: "mode", value: (e) => e.mode, facet: true },
      { key: "source", label: "source actor", value: (e) => e.source_name || e.source_text, link: (e) => e.source && `#/actor/${enc(e.source)}` },
      { key: "target", label: "target actor", value: (e) => e.target_name || e.target_text, link: (e) => e.target && `#/actor/${enc(e.target)}` },
      { key: "side", label: "source's side", value: (e) => side(e.source), facet: true },
      { key: "modality", label: "modality", value: (e) => e.modality, facet: true },
      { key: "region", label: "region", value: (e) => e.region, facet: true },
      { key: "place", label: "place", value: (e) => e.place && e.place.name },
      { key: "country", label: "country", value: (e) => e.place && e.place.country, facet: true },
      { key: "publisher", label: "source", value: (e) => doc(e).source || doc(e).name, facet: true },
      { key: "attribution", label: "per", value: (e) => e.attribution },
      { key: "confidence", label: "confidence", value: (e) => e.confidence, num: true },
      { key: "disputed", label: "disputed", value: (e) => (ctx.disputes.byEvent.has(e.id) ? "disputed" : ""), render: (e) => badge(ctx.disputes.byEvent.get(e.id)), facet: true },
      { key: "sentence", label: "sentence", value: (e) => e.sentence, link: (e) => `#/doc/${enc(e.doc)}/${e.start}/${e.end}` },
    ] };
  },
  async actors(ctx) {
    return { title: "Actors", rows: ctx.entities, sort: "-mentions", columns: [
      { key: "name", label: "name", value: (e) => e.name, link: (e) => `#/actor/${enc(e.id)}` },
      { key: "type", label: "type", value: (e) => e.type, facet: true },
      { key: "country", label: "country", value: (e) => e.country, facet: true },
      { key: "side", label: "side", value: (e) => ctx.sides.byEntity[e.id] || "unassigned", facet: true },
      { key: "mentions", label: "mentions", value: (e) => e.mentions, num: true },
      { key: "documents", label: "documents", value: (e) => e.documents, num: true },
      { key: "comment_mentions", label: "in comments", value: (e) => e.comment_mentions, num: true },
      { key: "disputed", label: "disputed", value: (e) => (ctx.disputes.byActor.has(e.id) ? "disputed" : ""), render: (e) => badge(ctx.disputes.byActor.get(e.id)), facet: true },
      { key: "aliases", label: "aliases", value: (e) => e.aliases },
      { key: "id", label: "id", value: (e) => e.id },
    ] };
  },
  async relations(ctx) {
    const { items } = await getAll("/api/relations");
    const name = (id) => ctx.names.get(id) || id;
    return { title: "Relations", rows: items, sort: "-independent_sources", columns: [
      { key: "source", label: "from", value: (r) => name(r.source), link: (r) => `#/actor/${enc(r.source)}` },
      { key: "target", label: "to", value: (r) => name(r.target), link: (r) => `#/actor/${enc(r.target)}` },
      { key: "polarity", label: "polarity", value: (r) => r.polarity, facet: true },
      { key: "types", label: "types", value: (r) => r.types, facet: true },
      { key: "side", label: "from's side", value: (r) => ctx.sides.byEntity[r.source] || "unassigned", facet: true },
      { key: "independent_sources", label: "independent sources", value: (r) => r.independent_sources, num: true },
      { key: "events", label: "events", value: (r) => r.events.length, num: true },
      { key: "weight", label: "weight", value: (r) => r.weight, num: true },
      { key: "first", label: "first", value: (r) => r.first, date: true },
      { key: "last", label: "last", value: (r) => r.last },
      { key: "evidence", label: "", value: () => "evidence", link: (r) => `#/edge/${enc(r.source)}/${enc(r.target)}` },
    ] };
  },
  async documents(ctx) {
    const comments = (d) => d.regions.filter((r) => r.kind === "comment").length;
    return { title: "Documents", rows: ctx.documents, columns: [
      { key: "name", label: "document", value: (d) => d.name, link: (d) => `#/doc/${enc(d.id)}` },
      { key: "title", label: "title", value: (d) => d.title },
      { key: "published", label: "published", value: (d) => d.published, date: true },
      { key: "year", label: "year", value: (d) => year(d.published), facet: true },
      { key: "publisher", label: "source", value: (d) => d.source, facet: true },
      { key: "language", label: "language", value: (d) => d.language, facet: true },
      { key: "analysed", label: "analysed", value: (d) => (d.analysed === false ? "no: no model for its language" : "yes"), facet: true },
      { key: "words", label: "words", value: (d) => d.words, num: true },
      { key: "comments", label: "comments", value: comments, num: true },
      { key: "duplicate_of", label: "copy of", value: (d) => d.duplicate_of },
    ] };
  },
  async disputes(ctx) {
    const name = (id) => ctx.names.get(id) || id;
    const docName = (id) => (ctx.docs.get(id) || {}).name || id;
    return { title: "Disputes", rows: ctx.disputes.items, columns: [
      { key: "about", label: "about", value: (d) => d.about },
      { key: "actors", label: "actors", value: (d) => d.entities.map(name), facet: true },
      { key: "documents", label: "documents", value: (d) => d.documents.map(docName), facet: true },
      { key: "explanation", label: "explanation", value: (d) => d.explanation },
    ] };
  },
};

export const TABLE_NAMES = Object.keys(TABLES);

export async function tableView(root, name) {
  const spec = await TABLES[name](await context());
  workTable(root, { name, ...spec });
  root.prepend(el("p", { class: "table-nav muted" }, TABLE_NAMES.map((n) => el("a", { href: `#/${n}`, class: n === name ? "active" : "" }, n)).flatMap((a, i) => (i ? [" · ", a] : [a]))));
}
