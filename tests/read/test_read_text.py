"""Plain-text and HTML files: encodings detected, bad files refused with a reason."""

from __future__ import annotations

import codecs
import os

import pytest

from newsweave.document import Document
from newsweave.errors import DecodeError, FileTooLarge, InputError, UnsupportedFormat
from newsweave.read import content_id, read_paths
from newsweave.settings import Settings

TEXT = "Le général Müller a dit « non » — 3 € de plus.\nSecond line.\n"


def _read(path, **settings):
    return list(read_paths([path], Settings(**settings)))


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
    TEXT.encode("utf-8"),
    TEXT.encode("cp1252"),
], ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf8", "cp1252"])
def test_encodings_decode_to_the_same_text(tmp_path, encoded):
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    (doc,) = _read(path)
    assert isinstance(doc, Document)
    assert doc.raw == TEXT
    assert doc.format == "text" and doc.name == "a.txt" and doc.path == str(path)


def test_latin1_fallback_for_bytes_cp1252_lacks(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("café".encode("latin-1") + b" \x81")
    (doc,) = _read(path)
    assert doc.raw.startswith("café")


@pytest.mark.parametrize("data, error, fragment", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, DecodeError, "binary file, not text"),
    (bytes(range(1, 32)) * 30, DecodeError, "binary file, not text"),
    (b"", InputError, "empty file"),
    (b" \n\r\n\t ", InputError, "empty file"),
])
def test_bad_text_files_refused(tmp_path, data, error, fragment):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    (item,) = _read(path)
    assert isinstance(item, error)
    assert fragment in str(item) and str(path) in str(item)


def test_too_large_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    (item,) = _read(path, max_file_bytes=1000)
    assert isinstance(item, FileTooLarge)
    assert "1500 bytes" in str(item) and "1000 bytes" in str(item)


def test_missing_path(tmp_path):
    (item,) = _read(tmp_path / "nope.txt")
    assert isinstance(item, InputError) and "no such file or folder" in str(item)


def test_unknown_extension_given_explicitly(tmp_path):
    path = tmp_path / "report.odt"
    path.write_bytes(b"PK\x03\x04")
    (item,) = _read(path)
    assert isinstance(item, UnsupportedFormat) and "report.odt" in str(item)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_unreadable_file_gives_os_reason(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("hello")
    path.chmod(0)
    (item,) = _read(path)
    assert isinstance(item, InputError) and "Permission denied" in str(item)


def test_same_content_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Same words.".encode("utf-16"))
    first, second = _read(tmp_path)
    assert first.id == second.id == content_id("Same words.")
    assert first.name != second.name


@pytest.mark.parametrize("data, expected", [
    (b'<html><head><meta charset="windows-1251"></head><body>\xcf\xf0\xe8</body></html>', "При"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>caf\xe9 \x93q\x94',
     "café “q”"),
    ('<p>café</p>'.encode("utf-8"), "café"),
    (b"<p>caf\xe9</p>", "café"),
    (codecs.BOM_UTF16_LE + "<p>café</p>".encode("utf-16-le"), "café"),
], ids=["meta-cp1251", "latin1-means-cp1252", "utf8", "cp1252-fallback", "utf16-bom"])
def test_html_decoding(tmp_path, data, expected):
    path = tmp_path / "page.html"
    path.write_bytes(data)
    (doc,) = _read(path)
    assert doc.format == "html" and expected in doc.raw
