// The map: country outlines from the world-atlas npm package in a Natural Earth projection
// (d3-geo clips at the antimeridian and the frame), zoomable; a place that is a whole country
// is drawn as that country's area, a town as a circle; filtered by the date range in the address.
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { select } from "d3-selection";
import { zoom } from "d3-zoom";
import { el, getJSON, eventCard, status, hashParams, setHashParams } from "./dom.js";

const W = 960, H = 520;
// Common names the gazetteer uses where world-atlas abbreviates.
const ALIASES = { "united states": "United States of America", usa: "United States of America", "democratic republic of the congo": "Dem. Rep. Congo",
  "central african republic": "Central African Rep.", "south sudan": "S. Sudan", "czech republic": "Czechia", "bosnia and herzegovina": "Bosnia and Herz.",
  "ivory coast": "Côte d'Ivoire", "western sahara": "W. Sahara", "dominican republic": "Dominican Rep.", "equatorial guinea": "Eq. Guinea" };
let countries = null;

const svgEl = (tag, attrs, title) => {
  const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (title) { const t = document.createElementNS("http://www.w3.org/2000/svg", "title"); t.textContent = title; n.append(t); }
  return n;
};

function countryOf(place, byName) {
  const key = place.name.toLowerCase();
  return byName.get(key) || byName.get((ALIASES[key] || "").toLowerCase()) || null;
}

// Greedy decluttering: a label is drawn only where it overlaps no label already drawn (most events first).
function placeLabels(items, k) {
  const boxes = [];
  return items.filter(({ x, y, text }) => {
    const w = (text.length * 6.5 + 4) / k, h = 13 / k, box = [x + 6 / k, y - h / 2, x + 6 / k + w, y + h / 2];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) return false;
    boxes.push(box); return true;
  });
}

export async function mapView(root) {
  const params = hashParams();
  const since = params.get("since") || "", until = params.get("until") || "";
  const data = await getJSON("/api/places", { since, until });
  countries = countries || feature(world, world.objects.countries).features;
  const byName = new Map(countries.map((c) => [c.properties.name.toLowerCase(), c]));
  const areas = data.items.filter((p) => countryOf(p, byName)), points = data.items.filter((p) => !countryOf(p, byName));
  const focus = { type: "FeatureCollection", features: [
    ...areas.map((p) => countryOf(p, byName)),
    ...points.map((p) => ({ type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat] } }))] };
  const projection = geoNaturalEarth1().clipExtent([[0, 0], [W, H]]);
  if (focus.features.length) projection.fitExtent([[60, 40], [W - 60, H - 40]], focus); else projection.fitSize([W, H], { type: "Sphere" });
  // A single town would fill the frame: never zoom in closer than a region of ~25 degrees.
  if (projection.scale() > 1400) projection.scale(1400);
  const path = geoPath(projection);
  const max = Math.max(1, ...data.items.map((p) => p.events));

  const svg = svgEl("svg", { id: "mapsvg", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event places" });
  const g = svgEl("g", {});
  g.append(svgEl("path", { class: "sphere", d: path({ type: "Sphere" }) }));
  for (const c of countries) g.append(svgEl("path", { class: "country", d: path(c) || "" }, c.properties.name));
  const detail = el("div", { id: "place-events" });
  const choose = (node, place) => node.addEventListener("click", async () => {
    svg.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected")); node.classList.add("selected");
    try {
      const events = await getJSON("/api/events", { place: place.name, since, until, limit: 200 });
      detail.replaceChildren(el("h3", {}, `Events at ${place.name} (${events.total})`), ...events.items.map((e) => eventCard(e)));
    } catch (e) { status(e.message); }
  });
  const describe = (p) => `${p.name}: ${p.events} events (${p.types.join(", ")})`;
  for (const p of areas) {
    const a = svgEl("path", { class: "place-area", d: path(countryOf(p, byName)) || "", "data-place": p.name, "fill-opacity": (0.25 + 0.6 * p.events / max).toFixed(2) }, describe(p));
    choose(a, p); g.append(a);
  }
  const labelLayer = svgEl("g", { class: "labels" });
  const located = data.items.map((p) => {
    const area = countryOf(p, byName);
    const [x, y] = area ? path.centroid(area) : projection([p.lon, p.lat]) || [NaN, NaN];
    return { place: p, x, y, text: p.name };
  }).filter((l) => Number.isFinite(l.x) && Number.isFinite(l.y));
  const circles = [];
  for (const l of located.filter((l) => !countryOf(l.place, byName))) {
    const c = svgEl("circle", { cx: l.x.toFixed(1), cy: l.y.toFixed(1), r: 0, "data-place": l.place.name, class: "place-point" }, describe(l.place));
    c.dataset.r = (3 + 9 * Math.sqrt(l.place.events / max)).toFixed(1);
    choose(c, l.place); g.append(c); circles.push(c);
  }
  g.append(labelLayer);
  const draw = (k) => {
    for (const c of circles) c.setAttribute("r", (Number(c.dataset.r) / k).toFixed(2));
    g.querySelectorAll("path").forEach((p) => p.setAttribute("stroke-width", (0.5 / k).toFixed(3)));
    labelLayer.replaceChildren(...placeLabels(located, k).map((l) => {
      const t = svgEl("text", { x: l.x + 6 / k, y: l.y + 4 / k, "font-size": (11 / k).toFixed(2), class: "place-label" });
      t.textContent = l.text;
      return t;
    }));
  };
  svg.append(g);
  draw(1);
  const zoomer = zoom().scaleExtent([1, 40]).translateExtent([[0, 0], [W, H]]).on("zoom", (ev) => { g.setAttribute("transform", ev.transform); draw(ev.transform.k); });
  select(svg).call(zoomer);

  const dateInput = (id, value) => el("input", { type: "text", id, size: 10, placeholder: "YYYY[-MM[-DD]]", value, "aria-label": id });
  const sinceInput = dateInput("map-since", since), untilInput = dateInput("map-until", until);
  const form = el("form", { class: "filters", id: "map-filters" }, el("label", {}, "events from", sinceInput), el("label", {}, "to", untilInput), el("button", { type: "submit" }, "apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    if (sinceInput.value.trim()) p.set("since", sinceInput.value.trim());
    if (untilInput.value.trim()) p.set("until", untilInput.value.trim());
    setHashParams(p);
    mapView(root).catch((e) => status(e.message));
  });
  root.replaceChildren(el("h2", {}, "Where events happened"), form,
    el("p", { class: "legend muted", id: "map-legend" },
      el("span", { class: "legend-item" }, el("span", { class: "swatch area" }), "a country named as the place (darker: more events)"),
      el("span", { class: "legend-item" }, el("span", { class: "swatch point" }), "a town or region (size: number of article events)"),
      el("span", {}, `${data.items.length} places · scroll to zoom, drag to pan · click a place for its events`)),
    svg,
    el("table", { id: "places-table" }, el("tr", {}, el("th", {}, "place"), el("th", {}, "country"), el("th", {}, "events"), el("th", {}, "types")),
      data.items.map((p) => el("tr", {}, el("td", {}, p.name), el("td", {}, p.country || ""), el("td", {}, p.events), el("td", {}, p.types.join(", "))))),
    detail);
}
