"""The situation at a glance: what `newsweave summary` shows, as data and as text."""

from __future__ import annotations

from collections import Counter

from .records import EntityRecord

# How many actors and events the text summary lists.
TOP_ACTORS = 12
LATEST_EVENTS = 10
ACTOR_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY")


def build_summary(corpus) -> dict:
    counts = corpus.counts()
    actors = [e for e in corpus.entities() if e.type in ACTOR_TYPES and e.mentions > 0][:TOP_ACTORS]
    body_events = corpus.events(region="body")
    dated = sorted((e for e in body_events if e.date), key=lambda e: e.date, reverse=True)
    return {
        **counts,
        "event_types": dict(Counter(e.type for e in body_events).most_common()),
        "top_actors": actors,
        "latest_events": dated[:LATEST_EVENTS],
        "relations": corpus.relations()[:10],
        "contradictions": corpus.contradictions(),
        "error_list": corpus.errors(),
    }


def _actor(e: EntityRecord) -> str:
    return f"{e.name} ({e.type.lower()}, {e.mentions} mentions in {e.documents} docs)"


def render_summary(data: dict, console) -> None:
    regions = data["regions"]
    console.print(f"[bold]{data['documents']} documents[/bold], {data['words']:,} words of article text, "
                  f"{data['duplicates']} near-duplicates, {data['errors']} files with errors")
    console.print("regions: " + ", ".join(f"{n} {k}" for k, n in sorted(regions.items())) +
                  f"; {data['comments']} reader comments by {data['commenters']} named commenters")
    console.print(f"{data['entities']} actors and things named in articles; {data['events']} article events "
                  f"(+{data['comment_events']} in reader comments, kept apart)")
    if data["event_types"]:
        console.print("event types: " + ", ".join(f"{t} {n}" for t, n in data["event_types"].items()))
    if data["top_actors"]:
        console.print("\n[bold]Main actors[/bold]")
        for e in data["top_actors"]:
            console.print("  " + _actor(e))
    if data["latest_events"]:
        console.print("\n[bold]Latest events[/bold] (by when they happened)")
        for e in data["latest_events"]:
            source = e.source_name or e.source_text or "?"
            target = e.target_name or e.target_text or "?"
            kind = f"{e.type}/{e.mode}" if e.mode else e.type
            console.print(f"  {e.date}  {kind}: {source} → {target}")
    if data["error_list"]:
        console.print("\n[bold]Files that could not be read[/bold]")
        for error in data["error_list"]:
            console.print(f"  {error.path}: {error.reason}")
