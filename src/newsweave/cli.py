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

from . import api
from .errors import NewsweaveError
from .records import to_dict
from .settings import DEFAULT_DB, Settings

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

DbOption = typer.Option(DEFAULT_DB, "--db", help="The SQLite database file.")


def _open(db: Path) -> api.Corpus:
    try:
        return api.open(db)
    except NewsweaveError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e


def _print_json(records) -> None:
    json.dump([to_dict(r) if not isinstance(r, dict) else r for r in records], sys.stdout,
              ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@app.command()
def run(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .html .htm .jsonl .warc .warc.gz)."),
    db: Path = DbOption,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the per-document stages."),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address."),
    max_file_mb: float = typer.Option(20.0, "--max-file-mb", help="Refuse input files larger than this."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar on a terminal."),
) -> None:
    """Read, clean, annotate and extract PATHs into the database (re-running adds nothing)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from . import runner

    settings = Settings(db=db, workers=workers, engine=engine, scheduler=scheduler,
                        max_file_bytes=int(max_file_mb * 1024 * 1024))
    shown = 0
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                   console=err, transient=True, disable=not (progress and err.is_terminal))

    def on_progress(report: "runner.RunReport") -> None:
        nonlocal shown
        for path, reason in report.errors[shown:]:
            bar.console.print(f"[yellow]skipped[/yellow] {path}: {reason}")
        shown = len(report.errors)
        rate = report.read / max(bar.tasks[0].elapsed or 1e-9, 1e-9)
        bar.update(task, description=f"{report.read} documents read, {report.added} added, "
                                     f"{report.failed} errors ({rate:.1f} docs/s)")

    try:
        with bar:
            task = bar.add_task("reading…", total=None)
            report = runner.run(paths, settings, on_progress=on_progress)
    except NewsweaveError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e
    for path, reason in report.errors[shown:]:
        err.print(f"[yellow]skipped[/yellow] {path}: {reason}")
    err.print(
        f"{report.read} documents read: {report.added} added, {report.unchanged} already stored; "
        f"{report.failed} errors; {report.duplicates} near-duplicates; {report.entities} entities "
        f"({report.seconds:.1f} s) → {db}"
    )
    if report.read == 0:
        err.print("[red]error:[/red] nothing could be read from the given paths")
        raise typer.Exit(1)


@app.command()
def summary(db: Path = DbOption, as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The situation at a glance: documents, regions, actors, events, errors."""
    from .summary import build_summary, render_summary

    with _open(db) as corpus:
        data = build_summary(corpus)
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=to_dict)
        sys.stdout.write("\n")
    else:
        render_summary(data, out)


@app.command()
def actors(
    db: Path = DbOption,
    type: Optional[str] = typer.Option(None, "--type", help="Only this type (PERSON, COUNTRY…)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The actors (resolved entities), most mentioned first."""
    with _open(db) as corpus:
        entities = corpus.entities(type=type)
    if as_json:
        _print_json(entities)
        return
    table = Table("id", "name", "type", "country", "mentions", "docs", "aliases")
    for e in entities:
        if e.mentions:
            table.add_row(e.id, e.name, e.type, e.country or "", str(e.mentions), str(e.documents),
                          ", ".join(a for a in e.aliases[:5] if a != e.name))
    out.print(table)


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
    db: Path = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Events where this actor acts or is acted upon."),
    type: Optional[str] = typer.Option(None, "--type", help="A PLOVER type, e.g. AID, ASSAULT."),
    comments: bool = typer.Option(False, "--comments", help="Also list events from reader comments."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Events from the articles, each with its sentence and source."""
    with _open(db) as corpus:
        found = corpus.events(actor=actor, type=type, region=None if comments else "body")
        names = {d.id: d.name for d in corpus.documents()}
    if as_json:
        _print_json(found)
        return
    for e in found:
        out.print(_event_line(e) + (" [comment]" if e.region == "comment" else ""))
        out.print(f"    “{e.sentence}” — {names.get(e.doc, e.doc)}", style="dim")
    if not found:
        err.print("no events match")


@app.command()
def timeline(
    db: Path = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events involving this actor."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Article events ordered by when they happened (not when reported)."""
    with _open(db) as corpus:
        found = corpus.timeline(actor=actor)
    if as_json:
        _print_json(found)
        return
    for e in found:
        out.print(_event_line(e))


@app.command()
def search(text: str = typer.Argument(..., help="Words to find; quote a phrase."), db: Path = DbOption,
           limit: int = typer.Option(20, "--limit")) -> None:
    """Full-text search over article titles and bodies."""
    with _open(db) as corpus:
        hits = corpus.search(text, limit=limit)
    for hit in hits:
        out.print(f"[bold]{hit['name']}[/bold]  {hit['title'] or ''}  {hit['published'] or ''}")
        out.print(f"    {hit['snippet']}")
    if not hits:
        err.print(f"no article matches {text!r}")


@app.command()
def export(
    db: Path = DbOption,
    format: str = typer.Option(..., "--format", help="json (more formats to come)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (JSON: stdout if omitted)."),
) -> None:
    """Export the database (JSON follows the documented contract)."""
    from .export import export as do_export

    with _open(db) as corpus:
        try:
            do_export(corpus, format, output)
        except NewsweaveError as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2) from e
    if output:
        err.print(f"wrote {output}")


@app.command(name="eval")
def evaluate(
    datasets: list[Path] = typer.Argument(..., help="Dataset folders (e.g. ../shared/data/re3d) or their parent."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score only the first N items of each dataset."),
    write: Optional[Path] = typer.Option(None, "--write", help="Also write the results table into this Markdown file."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Score newsweave against gold data (and the baselines on the same items)."""
    from .evaluation import evaluate as run_evaluation
    from .evaluation.report import render_markdown, update_results_file

    try:
        scores = run_evaluation(datasets, Settings(), limit=limit)
    except NewsweaveError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from e
    if as_json:
        _print_json(scores)
    else:
        out.print(render_markdown(scores))
    if write:
        update_results_file(write, scores, limit=limit)
        err.print(f"wrote {write}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
