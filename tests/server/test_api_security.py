"""Security of the API in process: token, Host header, body size, headers, escaping, traversal."""

from __future__ import annotations

import warnings

import pytest

from newsweave.server import create_app
from newsweave.server.routes.static import safe_file
from newsweave.server.serve import is_loopback, plan

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from nwserver_support import XSS_SCRIPT  # noqa: E402


def test_a_token_is_required_when_configured(hand_db):
    client = TestClient(create_app(hand_db, token="s3cret"))
    assert client.get("/api/summary").status_code == 401
    assert client.get("/").status_code == 401
    assert client.get("/static/app.js").status_code == 401
    assert client.get("/api/summary", headers={"X-Newsweave-Token": "wrong"}).status_code == 401
    assert client.get("/api/summary", headers={"X-Newsweave-Token": "s3cret"}).status_code == 200
    assert client.get("/api/summary", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_a_query_token_sets_a_cookie_for_the_page(hand_db):
    client = TestClient(create_app(hand_db, token="s3cret"))
    first = client.get("/?token=s3cret")
    assert first.status_code == 200 and "HttpOnly" in first.headers["set-cookie"]
    assert client.get("/api/summary").status_code == 200  # the cookie now carries it


def test_only_expected_host_headers_on_loopback(hand_db):
    client = TestClient(create_app(hand_db, allowed_hosts=["127.0.0.1:8000"]))
    assert client.get("/api/summary", headers={"Host": "evil.example:8000"}).status_code == 400
    assert client.get("/api/summary", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_serve_plan_binds_loopback_without_token_and_requires_one_elsewhere(monkeypatch):
    monkeypatch.delenv("NEWSWEAVE_TOKEN", raising=False)
    token, allowed, url = plan("127.0.0.1", 8000, None)
    assert token is None and "127.0.0.1:8000" in allowed and url == "http://127.0.0.1:8000/"
    token, allowed, url = plan("0.0.0.0", 8000, None)
    assert token and len(token) >= 24 and allowed is None and url.endswith(f"?token={token}")
    monkeypatch.setenv("NEWSWEAVE_TOKEN", "from-env")
    assert plan("10.0.0.5", 8000, None)[0] == "from-env"
    assert is_loopback("::1") and is_loopback("localhost") and not is_loopback("0.0.0.0")


def test_post_bodies_are_limited(hand_db):
    client = TestClient(create_app(hand_db, max_body=1000))
    big = {"entity": "RUS", "name": "x" * 5000}
    assert client.post("/api/corrections/rename", json=big).status_code == 413
    streamed = client.post("/api/corrections/rename", content=iter([b"{" + b" " * 2000 + b"}"]),
                           headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_reads_are_get_only(hand_db):
    client = TestClient(create_app(hand_db))
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete("/api/documents/doc1").status_code == 405
    assert client.get("/api/corrections/merge").status_code == 405


def test_pages_forbid_inline_scripts(hand_db):
    client = TestClient(create_app(hand_db))
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert client.get("/api/summary").headers["x-content-type-options"] == "nosniff"


def test_document_text_comes_back_as_json_data_never_html(hand_db):
    client = TestClient(create_app(hand_db))
    response = client.get("/api/documents/doc3")
    assert response.headers["content-type"].startswith("application/json")
    assert XSS_SCRIPT in response.json()["text"]  # stored as read; the UI shows it as text


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%252e%252e/etc/passwd", "/static/..\\..\\etc\\passwd", "/static//etc/passwd",
    "/static/%2fetc%2fpasswd", "/static/", "/static/nothing-here.js",
])
def test_static_route_never_leaves_its_folder(hand_db, path):
    client = TestClient(create_app(hand_db))
    response = client.get(path)
    assert response.status_code == 404 or "root:" not in response.text
    assert "root:x:0:0" not in response.text


@pytest.mark.parametrize("relative", ["../../etc/passwd", "/etc/passwd", "..\\x", "a\x00b", "", "../server/app.py"])
def test_safe_file_refuses_paths_outside_static(relative):
    assert safe_file(relative) is None
