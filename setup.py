"""Build hook: a wheel (and an sdist) carries the web UI. `pip wheel .` / `python -m build` on a
fresh clone bundles it from web/ with esbuild (`npm ci && npm run build`) when it is not built
yet; without npm the build stops with a clear message rather than ship a wheel without its UI.
Editable installs (`make install`) only warn: a developer may work on the REST API without
Node.js."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
WEB = ROOT / "web"
BUILT = ROOT / "src" / "newsweave" / "server" / "static" / "index.html"


def build_web_ui(editable: bool = False) -> None:
    """Bundle the web UI into the package's static folder unless it is there already."""
    if BUILT.exists():
        return
    npm = shutil.which("npm")
    if npm is None or not (WEB / "package.json").exists():
        message = ("newsweave: the web UI is not built and cannot be: "
                   + ("npm (Node.js) is not installed" if npm is None else "web/ is missing from this source tree")
                   + ". Install Node.js and build again, or build it first with `npm ci && npm run build` in web/.")
        if editable:
            print(f"warning: {message} (the REST API still works)")
            return
        raise SystemExit(message)
    if not (WEB / "node_modules").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=WEB, check=True)
    subprocess.run([npm, "run", "--silent", "build"], cwd=WEB, check=True)


class BuildPyWithWebUI(build_py):
    def run(self) -> None:
        build_web_ui(editable=getattr(self, "editable_mode", False))
        super().run()


class SdistWithWebUI(sdist):
    def run(self) -> None:
        build_web_ui()  # the sdist carries the built UI too: a wheel built from it needs no npm
        super().run()


setup(cmdclass={"build_py": BuildPyWithWebUI, "sdist": SdistWithWebUI})
