"""Read a list of URLs (a `.urls` file, or a `.txt` file whose lines are all URLs; blank lines
and `#` comments allowed). newsweave works offline: the pages are downloaded only when the
run asks for it — the list named by itself (`newsweave run urls.txt`), or a list found in a
folder with settings.fetch (`run --fetch`) — politely: one request at a time, a delay between
them, a timeout, a size limit, an honest User-Agent. Otherwise the file is reported, not read
as an article made of links. Each page is a Document named by its URL."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

from .. import __version__
from ..document import Document
from ..errors import FileTooLarge, InputError
from ..settings import Settings
from .decode import decode_html, decode_text
from .files import read_bytes
from .ids import content_id
from .pdf import pdf_text

_URL = re.compile(r"https?://\S+$", re.IGNORECASE)
USER_AGENT = f"newsweave/{__version__} (offline news analysis; one request at a time)"


def url_lines(text: str) -> list[str] | None:
    """The URLs of a list of URLs (one per line); None when `text` is not such a list."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if not lines or not all(_URL.match(line) for line in lines):
        return None
    return lines


def read_url_list(path: str, settings: Settings, text: str | None = None) -> Iterator[Document | InputError]:
    """The pages a list of URLs names (with settings.fetch), or one InputError saying why not."""
    try:
        text = text if text is not None else decode_text(read_bytes(path, settings.max_file_bytes), path)
    except InputError as e:
        yield e
        return
    urls = url_lines(text)
    if urls is None:
        yield InputError(path, "not a list of URLs (every line must be an http:// or https:// address)")
        return
    if not settings.fetch:
        yield InputError(path, f"a list of {len(urls)} URL(s) in a folder, not downloaded: newsweave works "
                               "offline; name the file itself, or run again with --fetch, to download them")
        return
    for number, url in enumerate(urls, 1):
        if number > 1 and settings.fetch_delay > 0:
            time.sleep(settings.fetch_delay)
        try:
            yield fetch_page(url, path, settings)
        except InputError as e:
            yield e


def fetch_page(url: str, path: str, settings: Settings) -> Document:
    """The page at `url` as a Document (HTML, plain text or PDF); an InputError naming it else."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=settings.fetch_timeout) as response:
            data = response.read(settings.max_file_bytes + 1)
            kind = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except urllib.error.HTTPError as e:
        raise InputError(url, f"download failed: HTTP {e.code} {e.reason} (listed in {path})") from e
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", e)
        raise InputError(url, f"download failed: {reason} (listed in {path})") from e
    if len(data) > settings.max_file_bytes:
        raise FileTooLarge(url, f"the page is over the limit of {settings.max_file_bytes} bytes "
                                "(settings.max_file_bytes)")
    title = None
    if kind == "application/pdf":
        raw, title = pdf_text(data, url)
        fmt = "text"
    elif kind == "text/plain":
        raw, fmt = decode_text(data, url), "text"
    else:
        raw, fmt = decode_html(data, url, declared=charset), "html"
    return Document(id=content_id(raw), name=url, path=path, raw=raw, format=fmt, url=final, title=title)
