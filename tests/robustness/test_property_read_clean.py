"""Issue 7: for any input, the readers and the cleaner never raise except the documented
per-file InputError, and every region and offset they produce is consistent with the text."""

from __future__ import annotations

import json
import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.clean import clean
from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.read import read_paths
from newsweave.read.ids import content_id
from newsweave.settings import Settings
from robustness.strategies import hostile_text, html

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
SETTINGS = Settings(max_file_bytes=2 * 1024 * 1024)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield name


def read_one(folder: str, name: str, data: bytes) -> list:
    path = os.path.join(folder, name)
    with open(path, "wb") as f:
        f.write(data)
    return list(read_paths([path], SETTINGS))


def check_items(items: list) -> None:
    for item in items:
        if isinstance(item, InputError):
            assert item.reason and item.path  # a message a user can act on
        else:
            assert isinstance(item, Document) and item.raw.strip()
            assert "\x00" not in item.raw


def check_regions(doc: Document) -> None:
    previous_end = 0
    for region in doc.regions:
        assert 0 <= region.start <= region.end <= len(doc.text), region
        assert region.start >= previous_end, ("overlapping or unsorted regions", doc.regions)
        previous_end = region.end
    assert doc.regions == sorted(doc.regions, key=lambda r: (r.start, r.end))


def check_offsets(doc: Document) -> None:
    if doc.offsets is None:
        assert doc.text == doc.raw
        return
    assert len(doc.offsets) == len(doc.text) + 1
    assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:])), "offsets decrease"
    assert 0 <= doc.offsets[0] and doc.offsets[-1] <= len(doc.raw)


def cleaned(raw: str, fmt: str) -> Document:
    doc = Document(id=content_id(raw), name="x", path="x", raw=raw, format=fmt)
    return clean(doc)


@BOUNDED
@given(text=hostile_text, encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252"]))
def test_text_reader_reads_or_refuses_any_text(folder, text, encoding):
    data = text.encode(encoding, errors="replace")
    items = read_one(folder, "any.txt", data)
    assert len(items) == 1
    check_items(items)


@BOUNDED
@given(data=st.binary(max_size=4096), name=st.sampled_from(["b.txt", "b.html", "b.jsonl", "b.warc", "b.warc.gz"]))
def test_every_reader_reads_or_refuses_any_bytes(folder, data, name):
    check_items(read_one(folder, name, data))


@BOUNDED
@given(page=html)
def test_html_reader_reads_or_refuses_any_markup(folder, page):
    check_items(read_one(folder, "page.html", page.encode("utf-8")))


@BOUNDED
@given(records=st.lists(st.one_of(
    st.fixed_dictionaries({"text": hostile_text}, optional={"title": hostile_text, "published": st.text(max_size=12)}),
    st.fixed_dictionaries({"html": html}),
    st.text(max_size=30).map(lambda t: {"raw": t}),
), max_size=6), junk=st.sampled_from(["", "{", "[1,2]", "null", '{"text": 5}']))
def test_jsonl_reader_costs_a_bad_line_only_itself(folder, records, junk):
    lines = [json.dumps(record) for record in records] + [junk]
    items = read_one(folder, "r.jsonl", "\n".join(lines).encode("utf-8"))
    check_items(items)
    assert len(items) <= len(lines)


@BOUNDED
@given(text=hostile_text)
def test_plaintext_cleaner_regions_slice_the_text(text):
    if not text.strip() or "\x00" in text:
        return  # the readers refuse these before the cleaner sees them
    doc = cleaned(text, "text")
    assert doc.text == text
    check_regions(doc)
    check_offsets(doc)


@BOUNDED
@given(page=html)
def test_html_cleaner_offsets_map_into_the_page(page):
    if not page.strip() or "\x00" in page:
        return
    doc = cleaned(page, "html")
    check_regions(doc)
    check_offsets(doc)
