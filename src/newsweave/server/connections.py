"""uvicorn's HTTP protocol, with a deadline for each request's headers.

uvicorn times out idle keep-alive connections, but not a connection that never sends a
request (or sends its headers a byte at a time): such sockets stayed open forever, and with
uvicorn's `limit_concurrency` a few dozen of them made every request a 503. Here a client has
`HEADER_SECONDS` from connecting (or from the end of the previous response) to send complete
headers, else the connection is closed; the server sets no connection limit at all.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.auto import AutoHTTPProtocol

# nginx allows 60 s (client_header_timeout); a browser or script on the same machine needs far less.
HEADER_SECONDS = 10.0


class HeaderTimeoutProtocol(AutoHTTPProtocol):  # type: ignore[valid-type,misc]  # h11 or httptools, as uvicorn picks
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not None and not self.cycle.response_complete:
            self._disarm()  # the headers are in: the request is being answered

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(HEADER_SECONDS, self._close_silent)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _close_silent(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()
