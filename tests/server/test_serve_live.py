"""The real `newsweave serve` on 127.0.0.1 at a free port (slow: starts a subprocess)."""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.slow


def get(url: str, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def raw_get(port: int, target: str, host: str | None = None, token: str | None = None) -> str:
    """Send the request line exactly as written (no client-side normalisation of ../)."""
    auth = f"X-Newsweave-Token: {token}\r\n" if token else ""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n{auth}Connection: close\r\n\r\n".encode())
        chunks = []
        while data := s.recv(65536):
            chunks.append(data)
    return b"".join(chunks).decode("utf-8", "replace")


def test_serves_api_and_page_on_loopback(hand_db, live_server):
    server = live_server(hand_db)
    status, body = get(f"{server.url}/api/summary", server.headers)
    assert status == 200 and json.loads(body)["documents"] == 3
    status, body = get(f"{server.url}/api/search?q=Sidi%20Barrani", server.headers)
    assert json.loads(body)["items"][0]["doc"] == "doc1"
    status, body = get(f"{server.url}/", server.headers)
    assert status == 200 and ("/static/app.js" in body or "not built" in body)


TRAVERSALS = [
    "/static/../../etc/passwd", "/static/../../../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/%252e%252e%252fetc%252fpasswd",
    "/static/..%5c..%5cetc%5cpasswd", "/../../etc/passwd", "/static/%2fetc%2fpasswd",
    "/api/documents/..%2f..%2fetc%2fpasswd",
]


def test_no_path_traversal_over_http(hand_db, live_server):
    server = live_server(hand_db)
    for target in TRAVERSALS:
        response = raw_get(server.port, target, token=server.token)
        assert "root:x:0:0" not in response, target
        assert response.split(" ", 2)[1] in {"400", "404"}, (target, response[:200])


    # and a foreign Host header (DNS rebinding) is refused
    assert raw_get(server.port, "/api/summary", host="attacker.example", token=server.token).split(" ", 2)[1] == "400"


def test_off_loopback_a_token_is_generated_printed_and_required(hand_db, live_server, monkeypatch):
    monkeypatch.delenv("NEWSWEAVE_TOKEN", raising=False)
    server = live_server(hand_db, host="0.0.0.0")
    token = re.search(r"\?token=([\w-]+)", server.banner)
    assert token, server.banner
    assert get(f"{server.url}/api/summary")[0] == 401
    assert get(f"{server.url}/api/summary", {"X-Newsweave-Token": "guess"})[0] == 401
    assert get(f"{server.url}/api/summary?token={token.group(1)}")[0] == 200
    assert get(f"{server.url}/api/summary", {"X-Newsweave-Token": token.group(1)})[0] == 200


def test_token_from_the_environment(hand_db, live_server):
    server = live_server(hand_db, host="0.0.0.0", env={"NEWSWEAVE_TOKEN": "env-token-123"})
    assert get(f"{server.url}/api/summary")[0] == 401
    assert get(f"{server.url}/api/summary", {"Authorization": "Bearer env-token-123"})[0] == 200


def test_missing_database_is_reported(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "newsweave", "serve", "--db", str(tmp_path / "none.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "no such database" in result.stderr
