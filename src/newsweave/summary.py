"""The situation at a glance: what `newsweave summary` shows, as data and as text."""

from __future__ import annotations

from collections import Counter

from .aggregate.polarity import SYMMETRIC_TYPES
from .clean.language import language_name
from .records import EntityRecord
from .terminal import counted, plain

# How many actors and events the text summary lists.
TOP_ACTORS = 12
LATEST_EVENTS = 10
TOP_RELATIONS = 12
# Members listed per side (the best-evidenced first); the rest are counted.
SIDE_MEMBERS = 12
ACTOR_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY")
UNREALISED = frozenset({"planned", "hypothetical"})


def build_summary(corpus) -> dict:
    counts = corpus.counts()
    actors = [e for e in corpus.entities() if e.type in ACTOR_TYPES and e.mentions > 0][:TOP_ACTORS]
    body_events = corpus.events(region="body")
    # merged, article-only; what has happened (a planned or hypothetical act is no latest event)
    dated = [e for e in corpus.timeline() if e.date and e.modality not in UNREALISED][-LATEST_EVENTS:][::-1]
    return {
        **counts,
        "event_types": dict(Counter(e.type for e in body_events).most_common()),
        "top_actors": actors,
        "latest_events": dated,
        "sides": corpus.sides(),
        "relations": corpus.relations()[:TOP_RELATIONS],
        "contradictions": corpus.contradictions(),
        "names": {e.id: e.name for e in corpus.entities()},
        "error_list": corpus.errors(),
    }


def _actor(e: EntityRecord) -> str:
    return f"{e.name} ({e.type.lower()}, {e.mentions} mentions in {e.documents} docs)"


def render_summary(data: dict, console) -> None:
    regions = data["regions"]
    console.print(f"[bold]{counted(data['documents'], 'document')}[/bold], {data['words']:,} words of article text, "
                  f"{counted(data['duplicates'], 'near-duplicate')}, {counted(data['errors'], 'file')} with errors")
    console.print("regions: " + ", ".join(f"{n} {k}" for k, n in sorted(regions.items())) +
                  f"; {counted(data['comments'], 'reader comment')} by {counted(data['commenters'], 'named commenter')}")
    console.print(f"{data['entities']} actors and things named in articles; {data['events']} article events "
                  f"(+{data['comment_events']} in reader comments, kept apart); "
                  f"{data['confident_events']} at confidence ≥ {data['min_confidence']:g} shown below")
    if data.get("not_analysed"):
        console.print(plain(_not_analysed(data["not_analysed"])))
    if data["event_types"]:
        console.print("event types: " + ", ".join(f"{t} {n}" for t, n in data["event_types"].items()))
    if data["top_actors"]:
        console.print("\n[bold]Main actors[/bold]")
        for e in data["top_actors"]:
            console.print(plain("  " + _actor(e)))
    _render_aggregates(data, console)
    if data["latest_events"]:
        console.print("\n[bold]Latest events[/bold] (by when they happened; article text only)")
        for e in data["latest_events"]:
            source = e.source_name or e.source or "?"
            target = e.target_name or e.target or "?"
            kind = f"{e.type}/{e.mode}" if e.mode else e.type
            console.print(plain(f"  {e.date}  {kind}: {source} → {target}  ({_reports(e)})"))
    if data["error_list"]:
        console.print("\n[bold]Files that could not be read[/bold]")
        for error in data["error_list"]:
            console.print(plain(f"  {error.path}: {error.reason}"))


def _not_analysed(languages: dict[str, int]) -> str:
    """"2 documents not analysed (no model for their language): French 1, Arabic 1"."""
    total = sum(languages.values())
    return (f"{counted(total, 'document')} not analysed (no model for their language): "
            + ", ".join(f"{language_name(code)} {n}" for code, n in languages.items()))


def _reports(e) -> str:
    reports = len(getattr(e, "events", [None]))
    sources = getattr(e, "sources", 1)
    return f"{counted(reports, 'report')}, {counted(sources, 'independent source')}"


def _render_aggregates(data: dict, console) -> None:
    """Sides and their members, the strongest relations, the contradictions."""
    names = data.get("names", {})
    camps: dict[tuple, list] = {}
    for row in data.get("sides", []):
        camps.setdefault((row.conflict, row.side, row.label), []).append(row)
    if camps:
        console.print("\n[bold]Sides[/bold] (who stands with whom, from the signed relations)")
        for (conflict, _, label), rows in sorted(camps.items()):
            rows.sort(key=lambda r: -r.score)
            members = ", ".join(r.name for r in rows[:SIDE_MEMBERS])
            more = f" and {len(rows) - SIDE_MEMBERS} more" if len(rows) > SIDE_MEMBERS else ""
            console.print(plain(f"  conflict {conflict + 1}, {label}'s side: {members}{more}"))
    if data.get("relations"):
        console.print("\n[bold]Strongest relations[/bold] (article text; independent sources)")
        for r in data["relations"]:
            span = f", {r.first}…{r.last}" if r.first and r.first != r.last else (f", {r.first}" if r.first else "")
            arrow = "↔" if all(t.split("/")[0] in SYMMETRIC_TYPES for t in r.types) else "→"
            console.print(plain(f"  {names.get(r.source, r.source)} {arrow} {names.get(r.target, r.target)}: "
                                f"{r.polarity} ({', '.join(r.types)}) — {counted(r.independent_sources, 'independent source')}, "
                                f"{counted(r.documents, 'doc')}{span}"))
    if data.get("contradictions"):
        console.print("\n[bold]Where sources disagree[/bold]")
        for c in data["contradictions"]:
            console.print(plain(f"  {c.explanation}"))
