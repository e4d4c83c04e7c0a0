// The list of documents, with their region counts.
import { el, getJSON, enc, pager } from "./dom.js";

export async function documentsView(root, offset = 0) {
  const page = await getJSON("/api/documents", { limit: 50, offset });
  const count = (d, k) => d.regions.filter((r) => r.kind === k).length;
  root.replaceChildren(el("h2", {}, "Documents"), pager(page, (o) => documentsView(root, o)),
    el("table", {}, el("tr", {}, ["document", "title", "published", "source", "words", "comments", "copy of"].map((h) => el("th", {}, h))),
      page.items.map((d) => el("tr", {},
        el("td", {}, el("a", { href: `#/doc/${enc(d.id)}` }, d.name)), el("td", {}, d.title || ""), el("td", {}, d.published || ""),
        el("td", {}, d.source || ""), el("td", {}, d.words), el("td", {}, count(d, "comment")), el("td", {}, d.duplicate_of || "")))));
}
