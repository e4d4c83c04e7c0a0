"""A wheel built from a fresh clone with the standard command carries the web UI and the export
schema, tells no pip user to "run make install", and runs from where it is installed (issue 14)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "web" / "node_modules"


def fresh_clone(target: Path) -> Path:
    """The files of the working tree that git would commit (nothing built, no static folder)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    assert not (target / "src/newsweave/server/static").exists()
    # npm packages as `npm ci` installs them (no network in tests): the build only bundles.
    (target / "web" / "node_modules").symlink_to(NODE_MODULES.resolve(), target_is_directory=True)
    return target


@pytest.mark.skipif(shutil.which("npm") is None or shutil.which("git") is None or not NODE_MODULES.exists(),
                    reason="needs git, npm and web/node_modules (make install-test)")
def test_a_wheel_from_a_fresh_clone_carries_the_web_ui_and_runs(tmp_path):
    clone = fresh_clone(tmp_path / "clone")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(clone)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("newsweave-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in ("server/static/index.html", "server/static/app.js", "server/static/style.css",
                     "server/static/swagger/swagger-ui-bundle.js", "export/schema.json", "store/schema.sql"):
            assert f"newsweave/{name}" in names
        told = [name for name in names if name.endswith(".py") and b"make install" in archive.read(name)]
        assert told == []
        installed = tmp_path / "site"
        archive.extractall(installed)
    # Installed elsewhere (the dependencies from this environment): the CLI runs, the UI is found.
    env = {**os.environ, "PYTHONPATH": str(installed)}
    shown = subprocess.run([sys.executable, "-m", "newsweave", "--help"], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
    assert shown.returncode == 0 and "serve" in shown.stdout, shown.stderr[-3000:]
    static = subprocess.run([sys.executable, "-c", "from newsweave.server.routes.static import STATIC; print(STATIC)"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(static).is_relative_to(installed) and (Path(static) / "index.html").is_file()
