"""WARC archives: pages read with their URLs, damage reported after the records before it."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.read import read_paths
from newsweave.settings import Settings


def _warc(pages, compress=True):
    """WARC bytes and the offset where each record ends. pages: (content type, body bytes)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    ends = []
    for number, (content_type, body) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{number}", "response", payload=io.BytesIO(body),
            http_headers=headers))
        ends.append(out.tell())
    return out.getvalue(), ends


PAGES = [
    ("text/html; charset=windows-1252", b"<p>caf\xe9 one</p>"),
    ("image/png", b"\x89PNG\x00\x00"),
    ("text/plain", "Plain two, utf-8 é.".encode("utf-8")),
    ("text/html", b"<html><body><p>three</p></body></html>"),
]


@pytest.mark.parametrize("compress, suffix", [(True, ".warc.gz"), (False, ".warc")])
def test_pages_read_with_urls(tmp_path, compress, suffix):
    path = tmp_path / f"crawl{suffix}"
    path.write_bytes(_warc(PAGES, compress)[0])
    docs = list(read_paths([path], Settings()))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.name for d in docs] == [f"crawl{suffix}#1", f"crawl{suffix}#3", f"crawl{suffix}#4"]
    assert [d.format for d in docs] == ["html", "text", "html"]
    assert "café" in docs[0].raw and "é" in docs[1].raw
    assert docs[2].url == "https://example.org/3"


@pytest.mark.parametrize("compress, suffix", [(True, ".warc.gz"), (False, ".warc")])
def test_truncated_file_yields_records_then_error(tmp_path, compress, suffix):
    data, ends = _warc(PAGES[:1] + PAGES[2:], compress)
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: (ends[-2] + ends[-1]) // 2])
    items = list(read_paths([path], Settings()))
    assert [type(i) for i in items] == [Document, Document, InputError]
    assert "truncated" in str(items[-1]) and f"cut{suffix}" in str(items[-1])


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n" + b"\0" * (4 * 1024 * 1024)))
    (item,) = read_paths([path], Settings(max_decompressed_bytes=1024 * 1024))
    assert isinstance(item, InputError) and "max_decompressed_bytes" in str(item)


@pytest.mark.parametrize("data", [b"this is not a warc file at all\r\n\r\n", b"\x1f\x8bnot gzip"])
def test_not_a_warc(tmp_path, data):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(data)
    items = list(read_paths([path], Settings()))
    assert len(items) == 1 and isinstance(items[0], InputError) and "junk.warc.gz" in str(items[0])
