// The map: country outlines from the world-atlas npm package drawn to SVG (no tiles, offline),
// with a circle per event place sized by its number of events.
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { el, getJSON, eventCard, status } from "./dom.js";

const W = 960, H = 480;
const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
let countries = null;

function pathFor(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let d = "";
  for (const poly of polys) for (const ring of poly) {
    ring.forEach((pt, i) => { const [x, y] = project(pt); d += `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`; });
    d += "Z";
  }
  return d;
}

const svgEl = (tag, attrs) => { const n = document.createElementNS("http://www.w3.org/2000/svg", tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v)); return n; };

export async function mapView(root) {
  const data = await getJSON("/api/places");
  countries = countries || feature(world, world.objects.countries).features;
  const svg = svgEl("svg", { id: "mapsvg", viewBox: `0 0 ${W} ${H}` });
  const g = svgEl("g", {});
  for (const c of countries) { const p = svgEl("path", { class: "country", d: pathFor(c.geometry) }); const t = svgEl("title", {}); t.textContent = c.properties.name; p.append(t); g.append(p); }
  svg.append(g);
  const max = Math.max(1, ...data.items.map((p) => p.events));
  const detail = el("div", { id: "place-events" });
  for (const place of data.items) {
    const [x, y] = project([place.lon, place.lat]);
    const c = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (2 + 8 * Math.sqrt(place.events / max)).toFixed(1), "data-place": place.name });
    const t = svgEl("title", {}); t.textContent = `${place.name}: ${place.events} events (${place.types.join(", ")})`; c.append(t);
    c.addEventListener("click", async () => {
      svg.querySelectorAll("circle.selected").forEach((n) => n.classList.remove("selected")); c.classList.add("selected");
      try {
        const events = await getJSON("/api/events", { place: place.name, limit: 200 });
        detail.replaceChildren(el("h3", {}, `Events at ${place.name} (${events.total})`), ...events.items.map((e) => eventCard(e)));
      } catch (e) { status(e.message); }
    });
    svg.append(c);
  }
  // Zoom to the places' bounding box (with a margin), else the whole world.
  if (data.items.length) {
    const xs = data.items.map((p) => project([p.lon, p.lat])[0]), ys = data.items.map((p) => project([p.lon, p.lat])[1]);
    const pad = 40, x0 = Math.max(0, Math.min(...xs) - pad), y0 = Math.max(0, Math.min(...ys) - pad);
    const w = Math.max(160, Math.max(...xs) + pad - x0), h = Math.max(80, Math.max(...ys) + pad - y0);
    const scale = Math.max(w / 2, h); svg.setAttribute("viewBox", `${x0} ${y0} ${scale * 2} ${scale}`);
  }
  root.replaceChildren(el("h2", {}, "Where events happened"),
    el("p", { class: "muted" }, `${data.items.length} places · circle size: number of article events · click a circle for its events`),
    svg,
    el("table", { id: "places-table" }, el("tr", {}, el("th", {}, "place"), el("th", {}, "country"), el("th", {}, "events"), el("th", {}, "types")),
      data.items.map((p) => el("tr", {}, el("td", {}, p.name), el("td", {}, p.country || ""), el("td", {}, p.events), el("td", {}, p.types.join(", "))))),
    detail);
}
