"""Request guards for the server: token, allowed hosts, body size limit, security headers.

One pure-ASGI middleware, so the checks run before any route and also guard static files:
- a token (header `Authorization: Bearer …` or `X-Newsweave-Token`, `?token=`, or the cookie
  set when a page is opened with a valid `?token=`), required whenever one is configured;
- the `Host` header, checked against the names the server was bound to (DNS rebinding);
- request bodies over `max_body` bytes are refused with 413, declared or streamed;
- a strict Content-Security-Policy: scripts only from the server itself, never inline, so a
  script hidden in a scraped page could not run even if it reached the DOM.
"""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

TOKEN_COOKIE = "newsweave_token"
MAX_BODY = 64 * 1024  # corrections are a few names; nothing needs more

# Swagger UI (at /docs) needs one inline script to start; every other page needs none.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
CSP_DOCS = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


async def _send_plain(send, status: int, message: str, *, api: bool) -> None:
    body = (json.dumps({"detail": message}) if api else message).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json" if api else b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()), (b"x-content-type-options", b"nosniff"),
    ]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware applying the checks above to every HTTP request."""

    def __init__(self, app, *, token: str | None = None, allowed_hosts: list[str] | None = None,
                 max_body: int = MAX_BODY):
        self.app = app
        self.token = token
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None
        self.max_body = max_body

    def _token_given(self, scope) -> tuple[str | None, bool]:
        """The token the request carries, and whether it came in the query string."""
        auth = _header(scope, b"authorization")
        if auth and auth.lower().startswith("bearer "):
            return auth[7:].strip(), False
        header = _header(scope, b"x-newsweave-token")
        if header:
            return header.strip(), False
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if query.get("token"):
            return query["token"][0], True
        cookie = _header(scope, b"cookie")
        if cookie:
            jar = SimpleCookie()
            try:
                jar.load(cookie)
            except Exception:  # a malformed cookie header is just no token
                return None, False
            if TOKEN_COOKIE in jar:
                return jar[TOKEN_COOKIE].value, False
        return None, False

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        api = path.startswith("/api")
        if self.allowed_hosts is not None:
            host = (_header(scope, b"host") or "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host not in self.allowed_hosts and name not in self.allowed_hosts:
                return await _send_plain(send, 400, "unexpected Host header", api=api)
        set_cookie = False
        if self.token is not None:
            given, from_query = self._token_given(scope)
            if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
                return await _send_plain(send, 401, "a valid token is required (?token=… or the "
                                         "X-Newsweave-Token header)", api=api)
            set_cookie = from_query
        if scope["method"] in ("POST", "PUT", "PATCH"):
            declared = _header(scope, b"content-length")
            if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
                return await _send_plain(send, 413, f"request body over {self.max_body} bytes", api=api)
            receive = await self._buffered(receive)
            if receive is None:
                return await _send_plain(send, 413, f"request body over {self.max_body} bytes", api=api)

        csp = CSP_DOCS if path in ("/docs", "/redoc") else CSP

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                if set_cookie:
                    headers.append((b"set-cookie", f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; "
                                    "SameSite=Strict".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _buffered(self, receive):
        """Read the whole body (at most max_body bytes) and replay it; None when it is larger."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return None
            if not message.get("more_body", False):
                break
        replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replay_receive():
            return replay.pop() if replay else await receive()

        return replay_receive
