"""Request guards for the server: token, session cookie, allowed hosts, write origins, body
size limit, security headers.

One pure-ASGI middleware, so the checks run before any route and also guard static files:
- a token (header `Authorization: Bearer …` or `X-Newsweave-Token`, or `?token=`), required
  whenever one is configured. A page opened with a valid `?token=` is redirected to the same
  address without it, with a session cookie: a value derived from the token and a secret drawn
  at start (so the cookie, which the browser also sends to other ports of the host, never holds
  the token), HttpOnly, SameSite=Strict, named after the port;
- the `Host` header, checked against the names the server was bound to (DNS rebinding);
- writes (any method but GET, HEAD and OPTIONS) only from the server's own pages or from
  non-browser clients: an `Origin` other than the server's, or a `Sec-Fetch-Site` other than
  same-origin or none, is refused with 403 (CSRF), whatever the body;
- request bodies over `max_body` bytes are refused with 413, declared or streamed;
- a strict Content-Security-Policy: scripts only from the server itself, never inline, so a
  script hidden in a scraped page could not run even if it reached the DOM.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qsl, urlencode

SESSION_COOKIE = "newsweave_session"  # + "_" + the port: one cookie per server on the host
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


async def _send_plain(send, status: int, message: str, *, api: bool, headers: list | None = None) -> None:
    body = (json.dumps({"detail": message}) if api else message).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json" if api else b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()), (b"x-content-type-options", b"nosniff"),
        *(headers or []),
    ]})
    await send({"type": "http.response.body", "body": body})


def _cookie_name(scope) -> str:
    server = scope.get("server") or (None, None)
    return f"{SESSION_COOKIE}_{server[1]}" if server[1] else SESSION_COOKIE


# Methods that change nothing: the only ones a cross-site page may send.
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class Guard:
    """ASGI middleware applying the checks above to every HTTP request."""

    def __init__(self, app, *, token: str | None = None, allowed_hosts: list[str] | None = None,
                 max_body: int = MAX_BODY):
        self.app = app
        self.token = token
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None
        self.max_body = max_body
        # Drawn per start: a session cookie is worthless once the server restarts.
        self.session = hmac.new(token.encode(), secrets.token_bytes(32), hashlib.sha256).hexdigest() \
            if token is not None else None

    def _authorised(self, scope) -> tuple[bool, bool]:
        """(whether the request carries the token or the session, whether it came in `?token=`)."""
        auth = _header(scope, b"authorization") or ""
        given = auth[7:] if auth.lower().startswith("bearer ") else _header(scope, b"x-newsweave-token") or ""
        if given.strip():
            return self._same(given.strip(), self.token), False
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
        if "token" in query:
            return self._same(query["token"], self.token), True
        cookie = _header(scope, b"cookie")
        if cookie:
            jar = SimpleCookie()
            try:
                jar.load(cookie)
            except CookieError:  # a malformed cookie header is just no session
                return False, False
            name = _cookie_name(scope)
            return name in jar and self._same(jar[name].value, self.session), False
        return False, False

    @staticmethod
    def _same(given: str, expected: str | None) -> bool:
        return expected is not None and hmac.compare_digest(given.encode(), expected.encode())

    def _cross_site_write(self, scope) -> bool:
        """A write sent by a browser from another site (or an opaque origin) than this server."""
        if scope["method"] in SAFE_METHODS:
            return False
        fetch_site = _header(scope, b"sec-fetch-site")
        if fetch_site is not None and fetch_site.lower() not in ("same-origin", "none"):
            return True
        origin = _header(scope, b"origin")
        if origin is None:
            return False  # not sent by a browser page (curl, scripts): the token still applies
        host = _header(scope, b"host") or ""
        return origin.lower() != f"{scope.get('scheme', 'http')}://{host}".lower()

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
        if self.token is not None:
            authorised, from_query = self._authorised(scope)
            if not authorised:
                return await _send_plain(send, 401, "a valid token is required: open the address "
                                         "`newsweave serve` printed (with ?token=…), or send the "
                                         "X-Newsweave-Token header", api=api)
            if from_query and not api and scope["method"] in ("GET", "HEAD"):
                return await self._sign_in(scope, send)
        if self._cross_site_write(scope):
            return await _send_plain(send, 403, "cross-site request refused: changes can only be "
                                     "made from newsweave's own pages", api=api)
        if scope["method"] not in SAFE_METHODS:
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
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _sign_in(self, scope, send) -> None:
        """Set the session cookie and send the browser to the same page without the token, so
        the token stays out of the address bar, the history and bookmarks."""
        query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                                              keep_blank_values=True) if k != "token"]
        # Always a path on this server ("//host" would leave it).
        path = "/" + (scope.get("raw_path") or scope["path"].encode()).decode("latin-1").lstrip("/")
        location = path + (f"?{urlencode(query)}" if query else "")
        cookie = f"{_cookie_name(scope)}={self.session}; Path=/; HttpOnly; SameSite=Strict"
        await _send_plain(send, 303, "signed in", api=False, headers=[
            (b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode()),
            (b"cache-control", b"no-store"), (b"referrer-policy", b"no-referrer")])

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
