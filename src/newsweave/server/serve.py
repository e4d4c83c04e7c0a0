"""Run the server: loopback by default; off loopback a token is required (given or generated)."""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

from ..errors import StoreError

TOKEN_ENV = "NEWSWEAVE_TOKEN"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plan(host: str, port: int, token: str | None) -> tuple[str | None, list[str] | None, str]:
    """(token to require, Host headers to accept, the URL to open) for a bind address."""
    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and token is None:
        token = secrets.token_urlsafe(24)
    allowed = None
    if is_loopback(host):
        # Only these Host headers reach a loopback server: no DNS rebinding from a web page.
        allowed = [f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")] + \
                  ["127.0.0.1", "localhost", "[::1]"]
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    return token, allowed, url


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          echo=print) -> None:
    """Serve the REST API and web UI for `db` until interrupted."""
    import uvicorn

    from .app import create_app

    if not Path(db).exists():
        raise StoreError(f"{db}: no such database (run `newsweave run PATH --db {db}` first)")
    token, allowed, url = plan(host, port, token)
    app = create_app(db, token=token, allowed_hosts=allowed)
    echo(f"newsweave: serving {db} — open {url}")
    if token and not is_loopback(host):
        echo(f"token required off loopback: {token} (header X-Newsweave-Token or ?token=)")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                limit_concurrency=64, timeout_keep_alive=5)
