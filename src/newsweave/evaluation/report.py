"""Render evaluation scores as a Markdown table, and keep them in benchmarks/RESULTS.md."""

from __future__ import annotations

import platform
import re
from datetime import date
from pathlib import Path

START = "<!-- eval:{dataset}:start -->"
END = "<!-- eval:{dataset}:end -->"


def _metrics(metrics: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in metrics.items())


def render_markdown(scores, *, heading_level: int = 3) -> str:
    lines = []
    for dataset in dict.fromkeys(s.dataset for s in scores):
        lines.append(f"{'#' * heading_level} {dataset}\n")
        lines.append("| task | system | n | scores | note |")
        lines.append("|---|---|---|---|---|")
        for s in scores:
            if s.dataset == dataset:
                lines.append(f"| {s.task} | {s.system} | {s.n} | {_metrics(s.metrics)} | {s.note} |")
        lines.append("")
    return "\n".join(lines)


def update_results_file(path: Path, scores, *, limit: int | None = None) -> None:
    """Replace each scored dataset's section in the results file (other sections are kept)."""
    text = path.read_text("utf-8") if path.exists() else "# newsweave results\n\n"
    stamp = f"_Measured {date.today().isoformat()} on {platform.machine()} / Python {platform.python_version()}"
    stamp += f", first {limit} items per dataset_" if limit else ", full development data_"
    for dataset in dict.fromkeys(s.dataset for s in scores):
        body = render_markdown([s for s in scores if s.dataset == dataset])
        block = f"{START.format(dataset=dataset)}\n{body}\n{stamp}\n{END.format(dataset=dataset)}"
        pattern = re.compile(re.escape(START.format(dataset=dataset)) + r".*?" + re.escape(END.format(dataset=dataset)), re.S)
        if pattern.search(text):
            text = pattern.sub(lambda _: block, text)
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
