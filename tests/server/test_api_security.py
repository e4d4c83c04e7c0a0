"""Security of the API in process: token, Host header, body size, headers, escaping, traversal."""

from __future__ import annotations

import warnings

import pytest

from newsweave.errors import NewsweaveError
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


def test_a_query_token_signs_in_with_a_derived_cookie_and_leaves_the_url(hand_db):
    # issue 12, item 9: the cookie never holds the token; the token leaves the address bar
    client = TestClient(create_app(hand_db, token="s3cret"))
    first = client.get("/?token=s3cret&x=1", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/?x=1"
    cookie = first.headers["set-cookie"]
    assert "s3cret" not in cookie
    assert all(part in cookie for part in ("HttpOnly", "SameSite=Strict", "Path=/"))
    assert client.get("/api/summary").status_code == 200  # the cookie now carries the session
    assert client.get("/", follow_redirects=False).status_code == 200
    restarted = TestClient(create_app(hand_db, token="s3cret"), cookies=dict(client.cookies.items()))
    assert restarted.get("/api/summary").status_code == 401  # the session ends with the server


def test_a_wrong_query_token_sets_nothing(hand_db):
    client = TestClient(create_app(hand_db, token="s3cret"))
    response = client.get("/?token=guess", follow_redirects=False)
    assert response.status_code == 401 and "set-cookie" not in response.headers
    client.cookies.set("newsweave_session_80", "s3cret")  # the token itself is no session
    assert client.get("/api/summary").status_code == 401


def test_only_expected_host_headers_on_loopback(hand_db):
    client = TestClient(create_app(hand_db, allowed_hosts=["127.0.0.1:8000"]))
    assert client.get("/api/summary", headers={"Host": "evil.example:8000"}).status_code == 400
    assert client.get("/api/summary", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_serve_plan_requires_a_fresh_token_everywhere_unless_no_token_on_loopback(monkeypatch):
    # issue 12, item 3: a token on loopback too (another account of the machine can connect)
    monkeypatch.delenv("NEWSWEAVE_TOKEN", raising=False)
    token, allowed, url = plan("127.0.0.1", 8000, None)
    assert token and len(token) >= 24 and "127.0.0.1:8000" in allowed and url == f"http://127.0.0.1:8000/?token={token}"
    assert plan("127.0.0.1", 8000, None)[0] != token  # drawn at each start
    token, allowed, url = plan("0.0.0.0", 8000, None)
    assert token and len(token) >= 24 and allowed is None and url.endswith(f"?token={token}")
    assert plan("127.0.0.1", 8000, None, no_token=True) == (None, allowed_loopback(8000), "http://127.0.0.1:8000/")
    with pytest.raises(NewsweaveError, match="only allowed on loopback"):
        plan("0.0.0.0", 8000, None, no_token=True)
    monkeypatch.setenv("NEWSWEAVE_TOKEN", "from-env")
    assert plan("10.0.0.5", 8000, None)[0] == "from-env" and plan("127.0.0.1", 8000, None)[0] == "from-env"
    assert is_loopback("::1") and is_loopback("localhost") and not is_loopback("0.0.0.0")


def allowed_loopback(port: int) -> list[str]:
    return plan("127.0.0.1", port, "t")[1]


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


# Issue 7: hostile query strings and bodies get a 4xx (or an empty answer), never a 500.
@pytest.mark.parametrize("path, status", [
    ("/api/search?q=%22a%00b%22", 200),  # NUL inside a quoted phrase ended the FTS5 string
    ("/api/search?q=a%00b", 200),
    ("/api/search?q=NEAR(a%20b)%20OR%20*%20%5Ea:b%20%22%22%22", 200),  # FTS5 syntax is only words
    ("/api/search?q=%F0%9F%92%A5%E2%80%AE", 200),
    ("/api/search?q=x&offset=9223372036854775808", 422),  # overflowed SQLite's integers
    ("/api/events?offset=99999999999999999999", 422),
    ("/api/events?limit=-1", 422),
    ("/api/events?limit=1001", 422),
    ("/api/graph?min_sources=9223372036854775808", 422),
    ("/api/timeline?min_sources=9223372036854775808", 422),
    ("/api/relations?min_sources=9223372036854775808", 422),
    ("/api/events?since=yesterday", 422),
    ("/api/events?until=2017%0A", 422),
    ("/api/documents?since=%D9%A2%D9%A0%D9%A1%D9%A7", 422),  # non-ASCII digits
    ("/api/events?since=", 200),
    ("/api/events?type=NO-SUCH-TYPE&actor=%00%25_", 422),
    ("/api/timeline?actor=%F0%9F%92%A5&since=2017-13-45", 422),  # issue 14: no month 13
    ("/api/entities?name=%25%00&type=%00", 422),
    ("/api/graph/edge?a=%00&b=nope", 200),
    ("/api/documents/no-such-doc", 404),
    ("/api/documents/%00", 404),
    ("/api/entities/no-such-entity", 404),
])
def test_hostile_queries_are_refused_or_answered_never_a_server_error(hand_db, path, status):
    client = TestClient(create_app(hand_db), raise_server_exceptions=False)
    response = client.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    if status == 422:
        assert isinstance(response.json()["detail"], list)  # FastAPI's usual validation error


@pytest.mark.parametrize("body, status", [
    (b"{not json", 422),
    (b"", 422),
    (b"null", 422),
    (b"\xff\xfe", 422),
    (b'{"entity": "RUS", "name": "a\\u0000b"}', 422),  # no control characters in names
    (b'{"entity": "RUS", "name": ""}', 422),
    (b'{"entity": "no-such-entity", "name": "x"}', 400),
    (b'{"entity": "RUS", "name": "x"}' + b" " * 70_000, 413),
])
def test_bad_correction_bodies_are_refused(hand_db, body, status):
    client = TestClient(create_app(hand_db), raise_server_exceptions=False)
    response = client.post("/api/corrections/rename", content=body, headers={"content-type": "application/json"})
    assert response.status_code == status, response.text
