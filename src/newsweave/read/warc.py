"""Read a WARC archive (`.warc`, `.warc.gz`): each HTML or text page it holds becomes a Document.

`response` and `resource` records with a 2xx status and an HTML or plain-text payload are read;
other records are skipped. A record is named `FILE#N`, N being its 1-based position among the
file's records. Gzip data is decompressed here, not by warcio, so that the total is bounded
(`settings.max_decompressed_bytes`: a gzip bomb fails fast) and a cut-off file yields the
records before the cut and then one InputError. Header lines are bounded too: warcio joins a
long line piece by piece, in time quadratic in its length (a 190 MB line took minutes).
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..document import Document
from ..errors import FileTooLarge, InputError
from ..settings import Settings
from .decode import decode_html, decode_text, declared_charset
from .files import open_input
from .ids import content_id

GZIP_MAGIC = b"\x1f\x8b"

# Compressed bytes read at a time.
CHUNK = 64 * 1024

# Payload types read, and the Document format each becomes.
PAYLOAD_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}

# Record types that carry a page.
PAGE_RECORDS = ("response", "resource")

# Real header lines are short (servers refuse HTTP header lines over 8 KB); a record's WARC and
# HTTP headers together stay far below the block limit.
MAX_HEADER_LINE = 64 * 1024
MAX_HEADER_BLOCK = 1024 * 1024


class _StreamProblem(Exception):
    """The archive's bytes are damaged or too big; the message says which."""


class _BoundedGunzip(io.RawIOBase):
    """Multi-member gzip decompression that stops at `limit` bytes and notices a cut-off end."""

    def __init__(self, raw: io.BufferedIOBase, limit: int):
        self._raw, self._limit, self.total = raw, limit, 0
        self._z = zlib.decompressobj(31)
        self._in = b""
        self._member_open = False
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._done:
            if self._z.eof:  # the next gzip member starts in the unused data
                self._in = self._z.unused_data + self._in
                self._z = zlib.decompressobj(31)
                self._member_open = False
            if not self._in:
                self._in = self._raw.read(CHUNK)
                if not self._in:
                    if self._member_open:
                        raise _StreamProblem("truncated: the gzip data ends in the middle of a "
                                             "record (the file was cut off)")
                    self._done = True
                    break
            self._member_open = True
            try:
                out = self._z.decompress(self._in, len(buffer))
            except zlib.error as e:
                raise _StreamProblem(f"corrupt gzip data ({e})") from e
            self._in = self._z.unconsumed_tail
            if out:
                self.total += len(out)
                if self.total > self._limit:
                    raise _StreamProblem(
                        f"decompresses to more than {self._limit} bytes "
                        "(settings.max_decompressed_bytes): a gzip bomb or an oversized archive")
                buffer[: len(out)] = out
                return len(out)
        return 0


class _BoundedHeaders:
    """warcio's reader with every line it reads (headers, blank lines, chunk sizes) at most
    MAX_HEADER_LINE bytes, and at most MAX_HEADER_BLOCK bytes of lines between two payload reads."""

    def __init__(self, reader):
        self._reader = reader
        self._block = 0

    def readline(self, length=None):
        cap = MAX_HEADER_LINE + 1 if length is None else min(length, MAX_HEADER_LINE + 1)
        line = self._reader.readline(cap)
        self._block += len(line)
        if len(line) > MAX_HEADER_LINE and not line.endswith(b"\n"):
            raise _StreamProblem(f"a header line over {MAX_HEADER_LINE} bytes (not a WARC record)")
        if self._block > MAX_HEADER_BLOCK:
            raise _StreamProblem(f"headers over {MAX_HEADER_BLOCK} bytes (not a WARC record)")
        return line

    def read(self, *args):
        self._block = 0
        return self._reader.read(*args)

    def __getattr__(self, name):  # everything else as warcio's own reader
        return getattr(self._reader, name)


def read_warc(path: str, settings: Settings) -> Iterator[Document | InputError]:
    """Each page in a WARC file as a Document; damage ends the file with one InputError."""
    try:
        f = open_input(path)
    except InputError as e:
        yield e
        return
    with f:
        gunzip = None
        if f.peek(2)[:2] == GZIP_MAGIC:
            # Unbuffered on purpose: short reads hand warcio every byte before a cut-off end.
            gunzip = _BoundedGunzip(f, settings.max_decompressed_bytes)
        done = 0  # records read completely
        try:
            records = ArchiveIterator(gunzip or f)
            records.reader = _BoundedHeaders(records.reader)
            for record in records:
                if record.format != "warc":  # warcio reads any line of words as an ARC header
                    yield InputError(path, f"not a WARC file: record {done + 1} has no WARC "
                                           f"header; {done} records were read")
                    return
                item = _page(record, path, done + 1, settings)
                if item is not None:
                    yield item
                done += 1
            # warcio stops quietly at a record cut inside its headers, or at bytes that are no
            # record at all: what it did not reach is the damage.
            total = gunzip.total if gunzip else os.fstat(f.fileno()).st_size
            if total - records.offset > 0:
                what = "truncated or damaged" if done else "not a WARC file"
                yield InputError(path, f"{what}: its last {total - records.offset} bytes are "
                                       f"not a complete WARC record; {done} records were read")
        except _StreamProblem as e:
            yield InputError(path, f"{e}; {done} records were read before it")
        except (ArchiveLoadFailed, ValueError, EOFError) as e:
            yield InputError(path, f"not a readable WARC file after {done} records: {e}")
        except OSError as e:
            yield InputError(path, f"cannot read file after {done} records: {e.strerror or e}")


def _page(record, path: str, number: int, settings: Settings) -> Document | InputError | None:
    if record.rec_type not in PAGE_RECORDS:
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if record.rec_type == "response":
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None  # redirects and error pages are not articles
    content_type = (headers.get_header("Content-Type") or "") if headers else ""
    fmt = PAYLOAD_FORMATS.get(content_type.split(";")[0].strip().lower())
    if fmt is None:
        return None
    where = f"{path}#{number}"
    payload = record.content_stream().read(settings.max_file_bytes + 1)
    if len(payload) > settings.max_file_bytes:
        return FileTooLarge(where, f"record {number} is over the limit of "
                                   f"{settings.max_file_bytes} bytes (settings.max_file_bytes)")
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _StreamProblem(f"truncated: record {number} ends before its Content-Length "
                             "(the file was cut off)")
    try:
        if fmt == "html":
            raw = decode_html(payload, where, declared=declared_charset(content_type))
        else:
            raw = decode_text(payload, where)
    except InputError as e:
        return e
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Document(id=content_id(raw), name=f"{os.path.basename(path)}#{number}", path=path,
                    raw=raw, format=fmt, url=url or None)
