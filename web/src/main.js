// newsweave web UI: a hash router over the views (#/view/args?state). Data comes from the REST API of the same server.
import { status } from "./dom.js";
import { graphView } from "./graph.js";
import { edgeView, docView } from "./evidence.js";
import { timelineView } from "./timeline.js";
import { mapView } from "./map.js";
import { searchView } from "./search.js";
import { actorView } from "./actor.js";
import { situationView } from "./situation.js";
import { tableView, TABLE_NAMES } from "./tables.js";

const root = document.getElementById("view");

async function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("?")[0].split("/").map(decodeURIComponent);
  const view = parts[0] || "situation";
  document.querySelectorAll("nav a[data-view]").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  status("");
  document.body.dataset.view = view;
  document.body.dataset.ready = "no";
  try {
    if (view === "situation") await situationView(root);
    else if (TABLE_NAMES.includes(view)) await tableView(root, view);
    else if (view === "graph") await graphView(root);
    else if (view === "edge") await edgeView(root, parts[1], parts[2]);
    else if (view === "doc") await docView(root, parts[1], Number(parts[2]), Number(parts[3]));
    else if (view === "actor") await actorView(root, parts[1]);
    else if (view === "timeline") await timelineView(root);
    else if (view === "map") await mapView(root);
    else if (view === "search") await searchView(root, parts.slice(1).join("/"));
    else status(`no such page: ${view}`);
  } catch (e) {
    status(`could not load: ${e.message}`);
  }
  document.body.dataset.ready = "yes";
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-box").value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});
window.addEventListener("hashchange", route);
route();
