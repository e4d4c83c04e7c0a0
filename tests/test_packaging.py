"""A wheel built from a fresh clone with the standard command carries the web UI and the export
schema, tells no pip user to "run make install", and runs from where it is installed (issue 14)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
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


needs_build_tools = pytest.mark.skipif(
    shutil.which("npm") is None or shutil.which("git") is None or not NODE_MODULES.exists(),
    reason="needs git, npm and web/node_modules (make install-test)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel `pip wheel .` builds from a fresh clone (the build hook bundles the web UI)."""
    work = tmp_path_factory.mktemp("wheel")
    clone = fresh_clone(work / "clone")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(clone)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (work / "dist").glob("newsweave-*.whl")
    return wheel


@needs_build_tools
def test_a_wheel_from_a_fresh_clone_carries_the_web_ui_and_runs(tmp_path, wheel):
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


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8", "replace")


@needs_build_tools
def test_the_wheel_installed_in_a_fresh_venv_runs_and_serves_the_web_ui(tmp_path, wheel):
    venv = tmp_path / "venv"  # outside the repository
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, capture_output=True)
    python = str(venv_python(venv))
    # No network: the dependencies are this interpreter's (a venv's packages are not "system" ones).
    purelib = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    installed = subprocess.run([python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the repo's src must not be seen
    where = subprocess.run([python, "-c", "import newsweave; print(newsweave.__file__)"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(purelib), where

    (tmp_path / "article.txt").write_text(
        "Rebels seized the airport of Port Aldan on Monday, the army said.\n", "utf-8")
    db = tmp_path / "news.db"
    ran = subprocess.run([python, "-m", "newsweave", "run", "article.txt", "--db", str(db)], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-3000:]

    port = free_port()
    server = subprocess.Popen([python, "-m", "newsweave", "serve", "--db", str(db), "--port", str(port), "--no-token",
                               "--no-browser"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        page = None
        for _ in range(300):  # until it listens (a failure to start ends the wait)
            assert server.poll() is None, server.stdout.read()
            try:
                page = get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.2)
        assert page is not None, "newsweave serve never answered"
        status, html = page
        assert status == 200 and 'src="/static/app.js"' in html and "not built" not in html
        status, script = get(f"http://127.0.0.1:{port}/static/app.js")
        assert status == 200 and len(script) > 10_000
        status, summary = get(f"http://127.0.0.1:{port}/api/summary")
        assert status == 200 and '"documents":1' in summary.replace(" ", "")
    finally:
        server.terminate()
        server.wait(30)
