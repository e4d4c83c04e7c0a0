// Full-text search results; the snippet's [matches] become <mark> elements built with the DOM.
import { el, getJSON, enc, pager } from "./dom.js";

function snippet(text) {
  const out = el("div", { class: "sentence" });
  const parts = String(text || "").split(/(\[[^\]]*\])/);
  for (const p of parts) out.append(p.startsWith("[") && p.endsWith("]") ? el("mark", {}, p.slice(1, -1)) : document.createTextNode(p));
  return out;
}

export async function searchView(root, q, offset = 0) {
  document.getElementById("search-box").value = q;
  const page = await getJSON("/api/search", { q, limit: 20, offset });
  root.replaceChildren(el("h2", {}, `Search: ${q}`),
    pager(page, (o) => searchView(root, q, o)),
    el("div", { id: "search-results" }, page.items.length ? page.items.map((hit) => el("div", { class: "card search-hit", "data-doc": hit.doc },
      el("a", { href: `#/doc/${enc(hit.doc)}` }, hit.title || hit.name), " ",
      el("span", { class: "muted doc-name" }, `${hit.name} · ${hit.published || "undated"}`),
      snippet(hit.snippet))) : el("p", { class: "muted" }, "no article matches")));
}
