"""GET / (the single-page web UI) and /static/… (its built files), never outside the static folder."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

router = APIRouter(include_in_schema=False)

STATIC = (Path(__file__).resolve().parent.parent / "static").resolve()

NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>newsweave</title>
<p>The web UI is not built into this installation (it was built without Node.js). Install a wheel built with
npm available, or in a source checkout run <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>.
The REST API is at <a href="/docs">/docs</a>.</p>"""


def safe_file(relative: str) -> Path | None:
    """The file `relative` inside STATIC, or None if it is missing or would leave the folder."""
    if not relative or "\x00" in relative or "\\" in relative or relative.startswith("/"):
        return None
    target = (STATIC / relative).resolve()
    if not target.is_relative_to(STATIC) or not target.is_file():
        return None
    return target


@router.get("/")
def index():
    page = safe_file("index.html")
    if page is None:
        return HTMLResponse(NOT_BUILT)
    return FileResponse(page, headers={"cache-control": "no-store"})


@router.get("/static/{relative:path}")
def static(relative: str):
    target = safe_file(relative)
    if target is None:
        raise HTTPException(404, "not found")
    return FileResponse(target)
