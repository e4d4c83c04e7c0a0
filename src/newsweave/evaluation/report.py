"""Render evaluation scores as Markdown, and keep them in the Quality section of benchmarks/RESULTS.md."""

from __future__ import annotations

import platform
import re
from datetime import date
from pathlib import Path

START = "<!-- eval:{dataset}:start -->"
END = "<!-- eval:{dataset}:end -->"
QUALITY_HEADING = "## Quality (`newsweave eval`)"
QUALITY_INTRO = (
    "Each dataset's scores for newsweave and for the baseline measured on the same items. "
    "Regenerate a block with `newsweave eval ../shared/data/DATASET --write benchmarks/RESULTS.md`."
)


# Lists of examples a scorer may attach, printed under its table.
EXAMPLE_LISTS = (("worst_false_positives", "Worst false positives, most confident first"),
                 ("missed_core", "Missed core events"))


def _metrics(metrics: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in metrics.items())


def render_markdown(scores, *, heading_level: int = 3, examples: bool = True) -> str:
    """The tables; with `examples`, the scorers' example lists (sentences of the scored texts,
    printed, never written to the results file)."""
    lines = []
    for dataset in dict.fromkeys(s.dataset for s in scores):
        rows = [s for s in scores if s.dataset == dataset]
        notes = list(dict.fromkeys(s.note for s in rows if s.note))
        lines += [f"{'#' * heading_level} {dataset}\n", "| task | system | n | scores | note |", "|---|---|---|---|---|"]
        for s in rows:
            mark = f"[{notes.index(s.note) + 1}]" if s.note else ""
            lines.append(f"| {s.task} | {s.system} | {s.n} | {_metrics(s.metrics)} | {mark} |")
        lines.append("")
        lines += [f"{number}. {note}" for number, note in enumerate(notes, 1)]
        lines.append("")
        for s in rows if examples else []:
            for key, title in EXAMPLE_LISTS:
                if s.details.get(key):
                    lines += [f"{title} ({s.task}):", ""] + [f"- {item}" for item in s.details[key]] + [""]
    return "\n".join(lines)


def _quality_section_end(text: str) -> int:
    """Where new dataset blocks go: the end of the Quality section."""
    start = text.index(QUALITY_HEADING)
    following = text.find("\n## ", start + len(QUALITY_HEADING))
    return len(text) if following < 0 else following + 1


def update_results_file(path: Path, scores, *, limit: int | None = None) -> None:
    """Replace each scored dataset's block in the results file (other content is kept)."""
    text = path.read_text("utf-8") if path.exists() else "# Results\n"
    if QUALITY_HEADING not in text:
        title_end = text.find("\n") + 1 if text.startswith("# ") else 0
        text = f"{text[:title_end]}\n{QUALITY_HEADING}\n\n{QUALITY_INTRO}\n\n{text[title_end:].lstrip()}"
    stamp = f"_Measured {date.today().isoformat()} on {platform.machine()} / Python {platform.python_version()}"
    stamp += f", first {limit} items per dataset_" if limit else ", full development data_"
    for dataset in dict.fromkeys(s.dataset for s in scores):
        body = render_markdown([s for s in scores if s.dataset == dataset], examples=False)
        block = f"{START.format(dataset=dataset)}\n{body}\n{stamp}\n{END.format(dataset=dataset)}\n"
        pattern = re.compile(re.escape(START.format(dataset=dataset)) + r".*?" + re.escape(END.format(dataset=dataset)) + r"\n?", re.S)
        if found := pattern.search(text):
            text = text[:found.start()] + block + text[found.end():]
        else:
            at = _quality_section_end(text)
            text = text[:at].rstrip("\n") + "\n\n" + block + "\n" + text[at:]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
