"""Every command and export format is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from newsweave.cli import app
from newsweave.export import FORMATS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def command_names() -> list[str]:
    return [c.name or c.callback.__name__ for c in typer.main.get_group(app).commands.values()]


@pytest.mark.parametrize("command", command_names())
def test_every_command_has_an_example_in_the_readme(command):
    assert f"newsweave {command}" in README


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_format_is_documented(fmt):
    assert f"--format {fmt}" in README


def test_quick_start_commands_are_the_makefile_targets():
    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text("utf-8")
    assert "make demo" in README and "make test" in README
    assert "\ndemo:" in makefile and "\ntest:" in makefile
