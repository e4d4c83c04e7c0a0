"""The `newsweave` command: a thin layer that parses options, calls the library and prints."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__, api
from .errors import NewsweaveError
from .records import to_dict
from .settings import DEFAULT_DB, Settings
from .store import display, location
from .terminal import counted, json_escaped, labelled, plain, shown

# Parsing libraries log every malformed page at WARNING/ERROR; newsweave reports per file itself.
for noisy in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
    logging.getLogger(noisy).setLevel(logging.CRITICAL)

app = typer.Typer(
    help="Turn scraped news about a conflict into a sourced model: actors, events, relations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = typer.Option(str(DEFAULT_DB), "--db", help="The database: a SQLite file, or a postgresql:// URL (a team's shared database).")
JsonOption = typer.Option(False, "--json", help="Print JSON.")
MinConfidenceOption = typer.Option(
    Settings.min_confidence, "--min-confidence",
    help="Use only article events at or above this confidence, 0 to 1 (the export keeps all).")


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"newsweave {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")) -> None:
    """Turn scraped news about a conflict into a sourced model: actors, events, relations."""


def _open(db: str, min_confidence: float | None = None) -> api.Corpus:
    try:
        return api.open(db, min_confidence=min_confidence)
    except NewsweaveError as e:
        err.print(labelled("error:", "red", e))
        raise typer.Exit(2) from e


def _print_json(data) -> None:
    sys.stdout.write(json_escaped(json.dumps(data, ensure_ascii=False, indent=2, default=to_dict)) + "\n")


# Piped output is read by programs: a table is never cut to a guessed 80 columns there.
PIPED_WIDTH = 1_000_000


def _print_table(table: Table) -> None:
    (out if out.is_terminal else Console(highlight=False, width=PIPED_WIDTH)).print(table)


def _query(query, *args, **filters):
    """`query(*args, **filters)`, an invalid filter value (ValueError) reported as a usage error."""
    try:
        return query(*args, **filters)
    except ValueError as e:
        err.print(labelled("error:", "red", e))
        raise typer.Exit(2) from e


@app.command()
def run(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (.txt .html .htm .jsonl .warc .warc.gz .pdf .docx .rss .atom .xml .urls)."),
    db: str = DbOption,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the per-document stages."),
    engine: Optional[str] = typer.Option(
        None, "--engine", help="local (process pool) or dask; dask when --scheduler is given, else local."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address."),
    max_file_mb: float = typer.Option(20.0, "--max-file-mb", help="Refuse input files larger than this."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on a terminal."),
    as_json: bool = typer.Option(False, "--json", help="Print the run report as JSON."),
    fetch: bool = typer.Option(False, "--fetch", help="Also download the lists of URLs (.urls, or a .txt of "
                               "URLs only) found inside folders; a list named by itself is always downloaded, "
                               "one page at a time, with a timeout. Off: newsweave works offline."),
) -> None:
    """Read, clean, annotate and extract PATHs into the database (re-running adds nothing).

    Ctrl-C stops cleanly; running the same command again resumes where it stopped.
    """
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    from . import runner

    engine = engine or ("dask" if scheduler else "local")
    settings = Settings(db=location(db), workers=workers, engine=engine, scheduler=scheduler,
                        max_file_bytes=int(max_file_mb * 1024 * 1024), fetch=fetch)
    shown = 0
    bar = Progress(SpinnerColumn(), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   console=err, transient=True, disable=not (progress and err.is_terminal))

    def on_progress(report: "runner.RunReport") -> None:
        nonlocal shown
        for path, reason in report.errors[shown:]:
            bar.console.print(labelled("skipped", "yellow", f"{path}: {reason}"))
        shown = len(report.errors)
        rate = report.read / max(bar.tasks[0].elapsed or 1e-9, 1e-9)
        total = max(report.total, report.seen) if report.total is not None else None
        description = (f"{report.added} added, {report.unchanged} already stored, {counted(report.failed, 'error')} "
                       f"({rate:.1f} docs/s)") if report.seen else "starting workers and loading the model…"
        bar.update(task, completed=report.seen, total=total, description=description)

    try:
        with bar:
            task = bar.add_task("counting inputs…", total=None)
            report = runner.run(paths, settings, on_progress=on_progress)
    except NewsweaveError as e:
        err.print(labelled("error:", "red", e))
        raise typer.Exit(2) from e
    except KeyboardInterrupt as e:  # runner.RunInterrupted, or Ctrl-C while starting or closing
        import shlex

        again = shlex.join(["newsweave", *sys.argv[1:]]) if sys.argv[1:2] == ["run"] else "the same `newsweave run`"
        added = f" after {e.report.added} documents added this run" if isinstance(e, runner.RunInterrupted) else ""
        err.print(Text.assemble(("interrupted", "yellow"), plain(f"{added} (every stored document is complete). "
                                                                 f"To resume, run again: {again}")))
        raise typer.Exit(130) from None
    for path, reason in report.errors[shown:]:
        err.print(labelled("skipped", "yellow", f"{path}: {reason}"))
    for path, reason in report.warnings:
        err.print(labelled("warning", "yellow", f"{path}: {reason}"))
    err.print(plain(
        f"{counted(report.read, 'document')} read: {report.added} added, {report.unchanged} already stored; "
        f"{counted(report.failed, 'error')}; {counted(report.duplicates, 'near-duplicate')}; "
        f"{counted(report.entities, 'entity', 'entities')} ({report.seconds:.1f} s) → {display(location(db))}"
    ))
    if as_json:
        _print_json({"db": display(location(db)), "read": report.read, "added": report.added, "unchanged": report.unchanged,
                     "failed": report.failed, "errors": [{"path": p, "reason": r} for p, r in report.errors],
                     "warnings": [{"path": p, "reason": r} for p, r in report.warnings],
                     "duplicates": report.duplicates, "entities": report.entities,
                     "aggregates": report.aggregates, "seconds": round(report.seconds, 3)})
    if report.read == 0:
        err.print(labelled("error:", "red", "nothing could be read from the given paths"))
        raise typer.Exit(1)


@app.command()
def summary(db: str = DbOption, as_json: bool = JsonOption,
            min_confidence: float = MinConfidenceOption) -> None:
    """The situation at a glance: documents, regions, actors, events, errors."""
    from .summary import build_summary, render_summary

    with _open(db, min_confidence) as corpus:
        data = build_summary(corpus)
    if as_json:
        _print_json(data)
    else:
        render_summary(data, out)


@app.command()
def actors(
    db: str = DbOption,
    type: Optional[str] = typer.Option(None, "--type", help="Only this type (PERSON, COUNTRY…)."),
    as_json: bool = JsonOption,
) -> None:
    """The actors (resolved entities), most mentioned first."""
    with _open(db) as corpus:
        entities = _query(corpus.entities, type=type)
    if as_json:
        _print_json(entities)
        return
    table = Table("id", "name", "type", "country", "mentions", "docs", "aliases")
    for e in entities:
        if e.mentions:
            table.add_row(*map(plain, (e.id, e.name, e.type, e.country or "", e.mentions, e.documents,
                                       ", ".join(a for a in e.aliases[:5] if a != e.name))))
    _print_table(table)


def _event_line(e) -> str:
    date = e.date or "????"
    source = e.source_name or e.source_text or "?"
    target = e.target_name or e.target_text or "?"
    kind = f"{e.type}/{e.mode}" if e.mode else e.type
    extras = [x for x in (e.place.name if e.place else None, e.modality if e.modality != "asserted" else None) if x]
    credit = f" (per {e.attribution})" if e.attribution else ""
    return f"{date}  {kind:<18} {source} → {target}{' [' + ', '.join(extras) + ']' if extras else ''}{credit}"


@app.command()
def events(
    db: str = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Events where this actor acts or is acted upon."),
    type: Optional[str] = typer.Option(None, "--type", help="A PLOVER type, e.g. AID, ASSAULT."),
    comments: bool = typer.Option(False, "--comments", help="Also list events from reader comments."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this ISO date (2017, 2017-05…)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events on or before this ISO date."),
    min_confidence: float = MinConfidenceOption,
    as_json: bool = JsonOption,
) -> None:
    """Events from the articles, each with its sentence and source."""
    with _open(db, min_confidence) as corpus:
        found = _query(corpus.events, actor=actor, type=type, comments=comments, since=since, until=until)
        names = {d.id: d.name for d in corpus.documents()}
    if as_json:
        _print_json(found)
        return
    for e in found:
        out.print(plain(_event_line(e) + (" [comment]" if e.region == "comment" else "")))
        out.print(plain(f"    “{e.sentence}” — {names.get(e.doc, e.doc)}", style="dim"))
    if not found:
        err.print("no events match")


@app.command()
def timeline(
    db: str = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events involving this actor."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this ISO date (2017, 2017-05…)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events on or before this ISO date."),
    min_sources: int = typer.Option(0, "--min-sources", help="Only events reported by this many independent sources."),
    min_confidence: float = MinConfidenceOption,
    as_json: bool = JsonOption,
) -> None:
    """Article events ordered by when they happened (not when reported), reports of one event merged."""
    with _open(db, min_confidence) as corpus:
        found = _query(corpus.timeline, actor=actor, since=since, until=until, min_sources=min_sources)
    if as_json:
        _print_json(found)
        return
    for e in found:
        out.print(plain(f"{_event_line(e)}  ({len(e.events)} reports, {e.sources} sources)"))
    if not found:
        err.print("no events match")


BRIEF_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@app.command()
def brief(
    db: str = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only what involves this actor (id, name or alias)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only relations and events on or after this ISO date."),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="brief.md or brief.html (Markdown on stdout if omitted)."),
    min_confidence: float = MinConfidenceOption,
) -> None:
    """A situation brief: sides, key relations, disputes and a timeline, each statement with its cited sentence."""
    from .brief import build_brief, render_html, render_markdown

    kind = BRIEF_FORMATS.get(output.suffix.lower()) if output else "markdown"
    if kind is None:
        err.print(labelled("error:", "red", f"{output}: write the brief to a .md or .html file"))
        raise typer.Exit(2)
    with _open(db, min_confidence) as corpus:
        content = _query(build_brief, corpus, actor=actor, since=since)
    text = render_html(content) if kind == "html" else render_markdown(content)
    if output is None:
        sys.stdout.write("\n".join(shown(line) for line in text.split("\n")))
        return
    try:
        output.write_text(text, "utf-8")
    except OSError as e:
        err.print(labelled("error:", "red", f"{output}: {e.strerror}"))
        raise typer.Exit(2) from e
    err.print(plain(f"wrote {output}"))


@app.command()
def search(text: str = typer.Argument(..., help="Words to find; quote a phrase."), db: str = DbOption,
           limit: int = typer.Option(20, "--limit", help="At most this many hits (1 or more)."),
           as_json: bool = JsonOption) -> None:
    """Full-text search over article titles and bodies."""
    with _open(db) as corpus:
        hits = _query(corpus.search, text, limit=limit)
    if as_json:
        _print_json(hits)
        return
    for hit in hits:
        out.print(Text.assemble(plain(hit["name"], "bold"), plain(f"  {hit['title'] or ''}  {hit['published'] or ''}")))
        out.print(plain(f"    {hit['snippet']}"))
    if not hits:
        err.print(plain(f"no article matches {text!r}"))


def _correct(action, *args) -> str:
    try:
        return action(*args)
    except NewsweaveError as e:
        err.print(labelled("error:", "red", e))
        raise typer.Exit(2) from e


@app.command()
def merge(a: str = typer.Argument(..., help="The entity kept (id, name or alias)."),
          b: str = typer.Argument(..., help="The entity that becomes part of A."), db: str = DbOption,
          as_json: bool = JsonOption) -> None:
    """Merge entity B into entity A (kept across re-runs and new documents)."""
    kept = _correct(api.merge, db, a, b)
    err.print(plain(f"merged {b!r} into {kept}"))
    if as_json:
        _print_json({"action": "merge", "entity": kept, "merged": b})


@app.command()
def split(entity: str = typer.Argument(..., help="The entity (id, name or alias)."),
          aliases: list[str] = typer.Argument(..., help="Surface forms whose mentions become their own entity."),
          db: str = DbOption, as_json: bool = JsonOption) -> None:
    """Split the mentions written as ALIAS... off ENTITY into their own entity (kept across re-runs)."""
    found = _correct(api.split, db, entity, *aliases)
    err.print(plain(f"split {', '.join(map(repr, aliases))} off {found}"))
    if as_json:
        _print_json({"action": "split", "entity": found, "aliases": aliases})


@app.command()
def rename(entity: str = typer.Argument(..., help="The entity (id, name or alias)."),
           name: str = typer.Argument(..., help="Its new display name."), db: str = DbOption,
           as_json: bool = JsonOption) -> None:
    """Give ENTITY a new display name (its id stays; kept across re-runs)."""
    found = _correct(api.rename, db, entity, name)
    err.print(plain(f"renamed {found} to {name!r}"))
    if as_json:
        _print_json({"action": "rename", "entity": found, "name": name})


@app.command()
def export(
    db: str = DbOption,
    format: str = typer.Option(..., "--format", help="json, csv, graphml, gexf or stix."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (stdout if omitted); for csv an output folder (required)."),
    bom: bool = typer.Option(False, "--bom", help="csv: start each file with a UTF-8 byte-order mark, for Excel."),
) -> None:
    """Export the database: JSON (the documented contract), CSV tables, GraphML, GEXF or STIX."""
    from .export import export as do_export

    with _open(db) as corpus:
        try:
            do_export(corpus, format, output, bom=bom)
        except NewsweaveError as e:
            err.print(labelled("error:", "red", e))
            raise typer.Exit(2) from e
    if output:
        err.print(plain(f"wrote {output}"))


@app.command()
def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="NEWSWEAVE_TOKEN",
                                        help="Token required on every request (generated at each start if not given)."),
    no_token: bool = typer.Option(False, "--no-token", help="Require no token (loopback only; any local account can then read and change the database)."),
    browser: bool = typer.Option(True, "--browser/--no-browser", help="Open the web UI in a browser once serving."),
) -> None:
    """Serve the REST API (docs at /docs) and the web UI (graph, evidence, timeline, map, search).

    Prints the address to open, with the token, like Jupyter.
    """
    try:
        from .server import serve as run_server
    except ImportError as e:
        err.print(labelled("error:", "red", f"the server needs fastapi and uvicorn ({e}); reinstall newsweave with its dependencies (pip install newsweave)"))
        raise typer.Exit(2) from e
    try:
        run_server(db, host=host, port=port, token=token, no_token=no_token, browser=browser,
                   echo=lambda line: err.print(plain(line)))
    except NewsweaveError as e:
        err.print(labelled("error:", "red", e))
        raise typer.Exit(2) from e


@app.command(name="eval")
def evaluate(
    datasets: list[Path] = typer.Argument(..., help="Dataset folders (e.g. ../shared/data/re3d) or their parent."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N items of each dataset."),
    write: Optional[Path] = typer.Option(None, "--write", help="Also write the results table into this Markdown file."),
    as_json: bool = JsonOption,
) -> None:
    """Score newsweave against gold data (and the baselines on the same items)."""
    from .evaluation import evaluate as run_evaluation
    from .evaluation.report import render_markdown, update_results_file

    try:
        scores = run_evaluation(datasets, Settings(), limit=limit)
    except NewsweaveError as e:
        err.print(labelled("error:", "red", e))
        raise typer.Exit(2) from e
    if as_json:
        _print_json(scores)
    else:
        out.print(render_markdown(scores), markup=False, emoji=False)
    if write:
        update_results_file(write, scores, limit=limit)
        err.print(plain(f"wrote {write}"))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
