"""Issue 7: adversarial input files, generated at test time. Each is read, cleaned and stored,
or refused with a clear per-file message; none crashes or hangs the run, and size limits are
enforced before the data is read into memory."""

from __future__ import annotations

import gzip
import json
import os
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from newsweave.clean import clean
from newsweave.document import Document
from newsweave.errors import FileTooLarge, InputError
from newsweave.read import read_paths
from newsweave.settings import Settings
from robustness.helpers import loaded_stages, run_with

MB = 1024 * 1024
ARTICLE = ("TRIPOLI, March 14 (Reuters) - Forces loyal to Khalifa Haftar attacked the Benghazi "
           "Defence Brigades near Sidra on Monday, the Libyan National Army said.\n\n"
           "The brigades denied the report and said their fighters held the oil terminal.\n")


def read_all(path, settings: Settings | None = None) -> list:
    return list(read_paths([path], settings or Settings()))


def errors_of(items) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def docs_of(items) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def timed(seconds: float):
    """Context manager asserting the body ran within `seconds` (generous: CI is loaded)."""
    class _Timer:
        def __enter__(self):
            self.began = time.monotonic()
            return self

        def __exit__(self, *exc):
            if exc[0] is None:
                took = time.monotonic() - self.began
                assert took < seconds, f"took {took:.1f} s, over {seconds} s"
    return _Timer()


def check_clean(doc: Document) -> Document:
    doc = clean(doc)
    end = 0
    for region in doc.regions:
        assert end <= region.start <= region.end <= len(doc.text)
        end = region.end
    if doc.offsets is not None:
        assert len(doc.offsets) == len(doc.text) + 1
    return doc


# --- HTML ------------------------------------------------------------------------------------

HOSTILE_PAGES = {
    "nested_10k.html": "<html><body>" + "<div>" * 10_000 + "<p>" + ARTICLE + "</p>" + "</div>" * 10_000,
    "nested_unclosed.html": "<html><body>" + "<div><span><b>" * 5_000 + ARTICLE,
    "unclosed.html": "<html><head><title>Clash near Sidra<body><p>" + ARTICLE + "<p>more<div><table><tr><td>cell",
    "broken_entities.html": "<p>" + ARTICLE + "&amp &#; &#xZZ; &#99999999999; &#0; &#xD800; &nbsp &bogus;"
                            " &lt;script&gt;</p>" * 3,
    "comment_bomb.html": "<!--" * 5_000 + "<p>" + ARTICLE + "</p>",
    "attributes.html": "<p " + "a=b " * 50_000 + ">" + ARTICLE + "</p>",
    "script_only.html": "<script>" + "var x = '<p>';" * 10_000 + "</script>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_hostile_html_is_read_and_cleaned_quickly(tmp_path, name):
    path = tmp_path / name
    path.write_text(HOSTILE_PAGES[name], "utf-8")
    with timed(20):
        items = read_all(path)
        for doc in docs_of(items):
            check_clean(doc)
    assert len(items) == 1


# --- big and odd text ------------------------------------------------------------------------

def test_megabyte_long_lines_are_cleaned_quickly(tmp_path):
    path = tmp_path / "long_line.txt"
    path.write_text(ARTICLE + "word " * (MB // 5) + "\n" + "ش" * MB + "\n" + ARTICLE, "utf-8")
    with timed(30):
        (doc,) = read_all(path)
        check_clean(doc)


def test_a_100_mb_file_is_refused_by_size_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: no 100 MB written or held
        f.seek(100 * MB - 1)
        f.write(b"x")
    tracemalloc.start()
    try:
        with timed(2):
            items = read_all(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (error,) = items
    assert isinstance(error, FileTooLarge) and "huge.txt" in str(error) and "over the limit" in error.reason
    assert peak < 2 * MB, f"the reader held {peak} bytes for a file it refuses"


@pytest.mark.parametrize("where", [0, 100, 70_000])
def test_nul_bytes_are_refused_as_binary_wherever_they_are(tmp_path, where):
    data = (ARTICLE * 1000).encode("utf-8")
    path = tmp_path / "nul.txt"
    path.write_bytes(data[:where] + b"\x00" + data[where:])
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "binary" in error.reason


@pytest.mark.parametrize("text", [
    "قوات حفتر تسيطر على سرت.\n\n" + ARTICLE + "\n\u202eقال المتحدث باسم الجيش\u202c إن القتال انتهى.\n",
    ARTICLE.replace("Haftar", "Haf\u200btar").replace("Sidra", "Ѕіdrа") + "\ufeffKhalifa\u200d Haftar\u2060 said.\n",
    ARTICLE + "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t") + "\n",
    ARTICLE.replace("\n", "\r\n") + "\u2028line\u2029para\x85nel\n",
    "中文新闻 " * 200 + "\n" + ARTICLE + "Новости " * 200,
], ids=["arabic_rtl", "zero_width_homoglyphs", "control_chars", "crlf_separators", "mixed_scripts"])
def test_mixed_scripts_and_invisible_characters_are_read_and_cleaned(tmp_path, text):
    path = tmp_path / "odd.txt"
    path.write_text(text, "utf-8")
    (item,) = read_all(path)
    if isinstance(item, InputError):
        assert "binary" in item.reason  # a page of control characters may be refused as binary
    else:
        assert item.raw == text
        check_clean(item)


# --- JSON Lines ------------------------------------------------------------------------------

def test_a_50_mb_jsonl_line_is_refused_alone(tmp_path):
    path = tmp_path / "big_line.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": ARTICLE, "title": "first"}) + "\n")
        f.write('{"text": "')
        chunk = "x" * MB
        for _ in range(50):
            f.write(chunk)
        f.write('"}\n')
        f.write(json.dumps({"text": ARTICLE + "third", "title": "third"}) + "\n")
    with timed(20):
        items = read_all(path)
    assert [d.title for d in docs_of(items)] == ["first", "third"]
    (error,) = errors_of(items)
    assert isinstance(error, FileTooLarge) and "line 2" in error.reason and "big_line.jsonl" in str(error)


# --- WARC ------------------------------------------------------------------------------------

def _warc_bomb(payload_bytes: int) -> bytes:
    header = (b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.org/bomb\r\n"
              b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
              b"WARC-Date: 2017-03-14T00:00:00Z\r\nContent-Type: text/plain\r\n"
              b"Content-Length: " + str(payload_bytes).encode() + b"\r\n\r\n")
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [z.compress(header)]
    block = b"a" * MB
    for _ in range(payload_bytes // MB):
        out.append(z.compress(block))
    out.append(z.flush())
    return b"".join(out)


def test_a_gzip_bomb_in_a_warc_fails_fast_and_bounded(tmp_path):
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(_warc_bomb(64 * MB))
    assert path.stat().st_size < MB
    settings = Settings(max_decompressed_bytes=16 * MB, max_file_bytes=4 * MB)
    with timed(10):
        items = read_all(path, settings)
    errors = errors_of(items)
    assert errors and "bomb.warc.gz" in str(errors[-1])
    assert any(w in errors[-1].reason for w in ("max_decompressed_bytes", "over the limit")), errors[-1].reason


def test_a_gzip_bomb_past_the_default_limit_is_refused(tmp_path):
    path = tmp_path / "big_bomb.warc.gz"
    path.write_bytes(_warc_bomb(210 * MB))
    with timed(30):
        items = read_all(path)
    errors = errors_of(items)
    assert errors and all(isinstance(e, InputError) for e in errors)
    assert not docs_of(items)


def test_plain_gzip_garbage_named_warc_gz_is_refused(tmp_path):
    path = tmp_path / "garbage.warc.gz"
    path.write_bytes(gzip.compress(os.urandom(50_000)))
    items = read_all(path)
    assert errors_of(items) and not docs_of(items)


# --- folders ---------------------------------------------------------------------------------

def test_symlink_loops_and_broken_links_in_folders_end(tmp_path):
    top = tmp_path / "in"
    (top / "sub").mkdir(parents=True)
    (top / "sub" / "a.txt").write_text(ARTICLE, "utf-8")
    os.symlink(top, top / "sub" / "loop")  # a folder that contains itself
    os.symlink(top / "sub", top / "sub" / "again")
    os.symlink("self.txt", top / "self.txt")  # a file link pointing at itself (ELOOP)
    os.symlink(top / "missing.txt", top / "dangling.txt")
    with timed(10):
        items = read_all(top)
    assert len(docs_of(items)) == 1
    errors = errors_of(items)
    assert {Path(e.path).name for e in errors} == {"self.txt", "dangling.txt"}, errors


# --- the whole run on all of it --------------------------------------------------------------

@pytest.mark.slow
def test_a_run_over_every_hostile_file_finishes_and_reports_each(tmp_path):
    top = tmp_path / "in"
    top.mkdir()
    for name, page in HOSTILE_PAGES.items():
        (top / name).write_text(page, "utf-8")
    (top / "good.txt").write_text(ARTICLE, "utf-8")
    (top / "arabic.txt").write_text("قوات حفتر تسيطر على سرت.\n\n" + ARTICLE.replace("Haftar", "Haf\u200btar"), "utf-8")
    (top / "nul.txt").write_bytes(b"abc\x00def")
    (top / "bomb.warc.gz").write_bytes(_warc_bomb(20 * MB))
    os.symlink(top, top / "loop")
    settings = Settings(db=tmp_path / "hostile.db", max_decompressed_bytes=8 * MB,
                        max_seconds_per_document=120)
    with timed(240):
        report = run_with(loaded_stages(), [top], settings)
    failed = {Path(path).name.split("#")[0] for path, _ in report.errors}
    assert {"nul.txt", "bomb.warc.gz"} <= failed, report.errors
    assert report.added >= 3
