"""The situation brief (`newsweave brief`): a readable, cited report as Markdown or HTML.

From the same views as `newsweave summary` and the API: the sides and their members, the key
relations with their independent-source counts, the disputes between sources with each side's
sentence, and a dated timeline. Every statement is followed by the sentence it was read from and
the document that holds it. `actor` narrows the brief to what involves that actor; `since` keeps
the relations and timeline entries that may fall on or after that date.

Document text is never trusted: in HTML every string is escaped, in Markdown the characters that
would make a link, an emphasis, a table cell or raw HTML are backslash-escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from .aggregate.polarity import SYMMETRIC_TYPES
from .terminal import counted

# How much the brief lists: the strongest relations, cited sentences per statement, the latest
# timeline entries (the rest are counted), members per side.
KEY_RELATIONS = 15
CITATIONS_PER_STATEMENT = 2
TIMELINE_ENTRIES = 60
SIDE_MEMBERS = 15

# Markdown's inline syntax characters and "<" (raw HTML), escaped with a backslash (CommonMark).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")
_WHITESPACE = re.compile(r"\s+")


@dataclass
class Citation:
    sentence: str
    document: str  # the document's title, else its file name
    name: str  # the file name (record number for .jsonl/.warc)
    published: str | None


@dataclass
class Statement:
    text: str
    detail: str = ""
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Side:
    conflict: int
    label: str
    members: list[str]
    more: int = 0


@dataclass
class Brief:
    title: str
    scope: str
    counts: str
    sides: list[Side]
    relations: list[Statement]
    disputes: list[Statement]
    timeline: list[Statement]
    earlier: int = 0  # timeline entries left out (the oldest)


def build_brief(corpus, *, actor: str | None = None, since: str | None = None) -> Brief:
    """The brief's content. ValueError for a bad `since` or an `actor` that matches nothing."""
    timeline = [e for e in corpus.timeline(actor=actor, since=since) if e.date]  # checks `actor`, `since`
    actor_ids = set(corpus.resolve_actor(actor)) if actor else None
    names = {e.id: e.name for e in corpus.entities()}
    documents = {d.id: d for d in corpus.documents()}
    events = {e.id: e for e in corpus.events()}

    def cite(event_ids) -> list[Citation]:
        cited: list = []
        seen_docs: set[str] = set()
        for event_id in event_ids:  # one sentence per document, so the citations are independent
            event = events.get(event_id)
            if event is not None and event.doc not in seen_docs and len(cited) < CITATIONS_PER_STATEMENT:
                seen_docs.add(event.doc)
                cited.append(_citation(event.sentence, documents.get(event.doc), event.doc))
        return cited

    relations = corpus.relations(actor=actor, since=since)[:KEY_RELATIONS]
    disputes = [c for c in corpus.contradictions() if actor_ids is None or actor_ids & set(c.entities)]
    shown = timeline[-TIMELINE_ENTRIES:]
    return Brief(
        title=f"Situation brief: {names.get(sorted(actor_ids)[0], actor) if actor_ids else 'all actors'}",
        scope=_scope(actor, since),
        counts=_counts(corpus, documents),
        sides=_sides(corpus.sides(), actor_ids),
        relations=[_relation_statement(r, names, cite(r.events)) for r in relations],
        disputes=[Statement(c.explanation, f"about {c.about}", cite(c.events)) for c in disputes],
        timeline=[_timeline_statement(e, names, documents) for e in shown],
        earlier=len(timeline) - len(shown),
    )


def _citation(sentence: str, document, doc_id: str) -> Citation:
    if document is None:
        return Citation(sentence, doc_id, doc_id, None)
    return Citation(sentence, document.title or document.name, document.name, document.published)


def _scope(actor: str | None, since: str | None) -> str:
    parts = [f"involving {actor}" if actor else "", f"since {since}" if since else ""]
    return "Events and relations " + " ".join(p for p in parts if p) if any(parts) else "The whole corpus"


def _counts(corpus, documents: dict) -> str:
    counts = corpus.counts()
    dated = sorted(d.published for d in documents.values() if d.published)
    span = f", published {dated[0]} to {dated[-1]}" if dated else ""
    return (f"{counted(counts['documents'], 'document')}{span}; "
            f"{counted(counts['confident_events'], 'article event')} at confidence ≥ {counts['min_confidence']:g} "
            f"(reader comments left out)")


def _sides(rows, actor_ids: set[str] | None) -> list[Side]:
    camps: dict[tuple, list] = {}
    for row in rows:
        camps.setdefault((row.conflict, row.side, row.label), []).append(row)
    conflicts = {c for (c, _, _), members in camps.items()
                 if actor_ids is None or any(m.entity in actor_ids for m in members)}
    sides = []
    for (conflict, _, label), members in sorted(camps.items()):
        if conflict in conflicts:
            members.sort(key=lambda m: -m.score)
            sides.append(Side(conflict + 1, label, [m.name for m in members[:SIDE_MEMBERS]],
                              max(len(members) - SIDE_MEMBERS, 0)))
    return sides


def _relation_statement(relation, names: dict, citations: list[Citation]) -> Statement:
    arrow = "↔" if all(t.split("/")[0] in SYMMETRIC_TYPES for t in relation.types) else "→"
    text = (f"{names.get(relation.source, relation.source)} {arrow} {names.get(relation.target, relation.target)}: "
            f"{relation.polarity} ({', '.join(relation.types)})")
    span = relation.first if relation.first == relation.last else f"{relation.first or '?'} to {relation.last or '?'}"
    detail = (f"{counted(relation.independent_sources, 'independent source')}, "
              f"{counted(relation.documents, 'document')}" + (f", {span}" if relation.first or relation.last else ""))
    return Statement(text, detail, citations)


# How a timeline date of a vague precision is written ("on-or-before": the article's date bounds it).
DATE_WORDING = {"on-or-before": "on or before {}", "narrative-day": "about {}", "week": "week of {}", "weekend": "weekend of {}"}


def _timeline_statement(entry, names: dict, documents: dict) -> Statement:
    source = names.get(entry.source, entry.source_name or entry.source_text or "?")
    target = names.get(entry.target, entry.target_name or entry.target_text or "?")
    kind = f"{entry.type}/{entry.mode}" if entry.mode else entry.type
    where = f" in {entry.place.name}" if entry.place else ""
    detail = f"{counted(len(entry.events), 'report')}, {counted(entry.sources, 'independent source')}"
    first_doc = entry.documents[0] if entry.documents else ""
    when = DATE_WORDING.get(entry.date_precision, "{}").format(entry.date)
    return Statement(f"{when}: {kind}, {source} → {target}{where}", detail,
                     [_citation(entry.sentence, documents.get(first_doc), first_doc)])


# Rendering: one function per format over the same Brief.

def _inline(text: object) -> str:
    return _WHITESPACE.sub(" ", str(text)).strip()


def _md(text: object) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _inline(text))


def _md_citation(c: Citation) -> str:
    dated = f", {c.published}" if c.published else ""
    return f"  > “{_md(c.sentence)}” — *{_md(c.document)}* ({_md(c.name)}{_md(dated)})"


def _md_statements(statements: list[Statement], empty: str) -> list[str]:
    if not statements:
        return [f"_{empty}_", ""]
    lines = []
    for s in statements:
        lines.append(f"- **{_md(s.text)}**" + (f" — {_md(s.detail)}" if s.detail else ""))
        for c in s.citations:
            lines += ["", _md_citation(c)]
        lines.append("")
    return lines


def _outline(brief: Brief) -> list[tuple[str, Any]]:
    """The brief as (kind, content) blocks, the same for every format: "title", "para",
    "heading", "note" (a remark in italics), "sides" and "statements" ((statements, if none))."""
    blocks: list[tuple[str, Any]] = [("title", brief.title), ("para", f"{brief.scope}. {brief.counts}."),
                                     ("heading", "Sides")]
    blocks.append(("sides", brief.sides) if brief.sides
                  else ("note", "No sides could be drawn from the signed relations."))
    blocks += [("heading", "Key relations"),
               ("para", "Strongest first; counts are independent sources (publishers) and documents, "
                        "from article text."),
               ("statements", (brief.relations, "No relations.")),
               ("heading", "Where sources disagree"), ("statements", (brief.disputes, "No disputes found.")),
               ("heading", "Timeline"),
               ("para", "By when it happened (not when reported); reports of one event merged.")]
    if brief.earlier:
        blocks.append(("note", f"{counted(brief.earlier, 'earlier entry', 'earlier entries')} left out."))
    blocks.append(("statements", (brief.timeline, "No dated events.")))
    return blocks


def _side_line(side) -> tuple[str, str]:
    """A side as its heading and its members."""
    more = f" and {side.more} more" if side.more else ""
    return f"Conflict {side.conflict}, {side.label}’s side:", ", ".join(side.members) + more


def render_markdown(brief: Brief) -> str:
    lines: list[str] = []
    for kind, content in _outline(brief):
        if kind == "title":
            lines += [f"# {_md(content)}", ""]
        elif kind == "heading":
            lines += [f"## {_md(content)}", ""]
        elif kind == "para":
            lines += [_md(content), ""]
        elif kind == "note":
            lines += [f"_{_md(content)}_", ""]
        elif kind == "sides":
            lines += [f"- **{_md(head)}** {_md(members)}" for head, members in map(_side_line, content)] + [""]
        else:
            lines += _md_statements(*content)
    return "\n".join(lines).rstrip("\n") + "\n"


def _h(text: object) -> str:
    return html.escape(_inline(text), quote=True)


def _html_statements(statements: list[Statement], empty: str) -> list[str]:
    if not statements:
        return [f"<p><em>{_h(empty)}</em></p>"]
    parts = ["<ul>"]
    for s in statements:
        parts.append(f"<li><strong>{_h(s.text)}</strong>" + (f" — {_h(s.detail)}" if s.detail else ""))
        for c in s.citations:
            dated = f", {c.published}" if c.published else ""
            parts.append(f"<blockquote>“{_h(c.sentence)}” — <cite>{_h(c.document)}</cite> "
                         f"({_h(c.name)}{_h(dated)})</blockquote>")
        parts.append("</li>")
    parts.append("</ul>")
    return parts


STYLE = ("body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
         "blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.8rem;border-left:3px solid #ccc;color:#333}"
         "cite{font-style:italic}")


def render_html(brief: Brief) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{_h(brief.title)}</title><style>{STYLE}</style></head><body>"]
    for kind, content in _outline(brief):
        if kind == "title":
            parts.append(f"<h1>{_h(content)}</h1>")
        elif kind == "heading":
            parts.append(f"<h2>{_h(content)}</h2>")
        elif kind == "para":
            parts.append(f"<p>{_h(content)}</p>")
        elif kind == "note":
            parts.append(f"<p><em>{_h(content)}</em></p>")
        elif kind == "sides":
            parts += ["<ul>", *(f"<li><strong>{_h(head)}</strong> {_h(members)}</li>"
                                for head, members in map(_side_line, content)), "</ul>"]
        else:
            parts += _html_statements(*content)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
