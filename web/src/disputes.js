// Disputes (/api/contradictions) and sides (/api/sides), indexed for the badges and colours that
// the Situation page, the tables, the graph, the actor page and the evidence view share.
import { getAll, getJSON } from "./dom.js";

export const SIDE_COLOURS = ["#1f77b4", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];
export const UNASSIGNED = "#bbb";
export const DISPUTED = "#f39c12";

export async function loadDisputes() {
  const { items } = await getAll("/api/contradictions");
  const byActor = new Map(), byEvent = new Map();
  for (const d of items) {
    for (const id of d.entities) if (!byActor.has(id)) byActor.set(id, d.about);
    for (const id of d.events) if (!byEvent.has(id)) byEvent.set(id, d.about);
  }
  return { items, byActor, byEvent };
}

// Sides grouped as the summary shows them: per conflict, per side, its members with their ties.
export async function loadSides() {
  const data = await getJSON("/api/sides");
  const groups = new Map();
  for (const m of data.items) {
    const key = `${m.conflict}/${m.side}`;
    if (!groups.has(key)) groups.set(key, { key, conflict: m.conflict, side: m.side, label: m.label, members: [] });
    groups.get(key).members.push(m);
  }
  const labels = [...new Set(data.items.map((m) => m.label))];
  const colour = (label) => (label ? SIDE_COLOURS[labels.indexOf(label) % SIDE_COLOURS.length] : UNASSIGNED);
  return { groups: [...groups.values()], byEntity: data.by_entity, items: data.items, labels, colour };
}
