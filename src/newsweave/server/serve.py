"""Run the server: loopback by default, a token required on every request (Jupyter's model).

A token is generated at each start unless one is given (`--token`, `NEWSWEAVE_TOKEN`); the
address printed, and opened in the browser, carries it once. `--no-token` drops it, on
loopback only: other accounts of the machine can reach a loopback port too.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
import threading
import time
import webbrowser
from pathlib import Path

from ..errors import NewsweaveError
from ..store import connect, display, location

TOKEN_ENV = "NEWSWEAVE_TOKEN"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plan(host: str, port: int, token: str | None, *, no_token: bool = False) -> tuple[str | None, list[str] | None, str]:
    """(token to require, Host headers to accept, the URL to open) for a bind address."""
    if no_token:
        if not is_loopback(host):
            raise NewsweaveError(f"--no-token is only allowed on loopback, not on {host}: anyone who "
                                 "can reach the address could read and change the database")
        token = None
    else:
        token = token or os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    allowed = None
    if is_loopback(host):
        # Only these Host headers reach a loopback server: no DNS rebinding from a web page.
        allowed = [f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")] + \
                  ["127.0.0.1", "localhost", "[::1]"]
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    return token, allowed, url


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          no_token: bool = False, browser: bool = True, echo=print) -> None:
    """Serve the REST API and web UI for `db` until interrupted."""
    import uvicorn

    from .app import create_app
    from .connections import HeaderTimeoutProtocol

    db = location(db)
    connect(db, readonly=True).close()  # a missing database or server is said before serving
    listening = _listen(host, port)  # a busy port is reported before "serving" is said
    port = listening.getsockname()[1]  # the one the system chose for port 0
    token, allowed, url = plan(host, port, token, no_token=no_token)
    app = create_app(db, token=token, allowed_hosts=allowed)
    echo(f"newsweave: serving {display(db)} — open {url}")
    if token:
        echo("a token is required on every request: open the address above (it signs the browser "
             "in), or send the header X-Newsweave-Token")
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False,
                            http=HeaderTimeoutProtocol, timeout_keep_alive=5)
    server = uvicorn.Server(config)
    if browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    server.run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port), for uvicorn to serve on; NewsweaveError if it cannot be."""
    address = host.strip("[]")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    # As uvicorn does: a port left in TIME_WAIT by a stopped server is free, one listened on is not.
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((address, port))
    except OSError as e:
        listening.close()
        raise NewsweaveError(f"cannot listen on {host}:{port}: {e.strerror or e} "
                             "(another server may be using it: choose another --port)") from e
    return listening


def _open_when_started(server, url: str) -> None:
    while not server.started and not server.should_exit:
        time.sleep(0.1)
    if server.started:
        webbrowser.open(url)
