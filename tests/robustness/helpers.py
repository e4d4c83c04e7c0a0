"""Helpers for the robustness tests: run the real runner with stages loaded once per process."""

from __future__ import annotations

from pathlib import Path

import newsweave
from newsweave import runner
from newsweave.engines import local
from newsweave.api import _stages_cache
from newsweave.settings import Settings


def loaded_stages() -> list:
    """The real per-document stages, loaded once for the whole test process."""
    if Settings() not in _stages_cache:
        newsweave.analyze_text("warm up")
    return _stages_cache[Settings()]


def run_with(stages: list, paths: list, settings: Settings) -> runner.RunReport:
    """`runner.run` with `stages` instead of freshly loaded ones (the model loads once)."""
    original = local.build_stages
    local.build_stages = lambda _settings: stages
    try:
        return runner.run([Path(p) for p in paths], settings)
    finally:
        local.build_stages = original
