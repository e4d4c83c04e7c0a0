"""Issue 12: fuzzing the readers with what a hostile corpus holds beyond odd bytes: WARC records
with long, many or broken headers, and folders of links, FIFOs and devices.

Every read must end (bounded CPU per file, and no blocking), give only Documents and
InputErrors, and never return a byte of a file outside the input folders. The cases these
found first are kept as plain regression tests in tests/read/test_read_hostile_files.py.
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.read import read_paths
from newsweave.settings import Settings

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs and symlinks")

FUZZ = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
SETTINGS = Settings(max_file_bytes=4 * 1024 * 1024, max_decompressed_bytes=64 * 1024 * 1024)
SECRET = "OUTSIDE-SECRET-7f3a"
# Far above what any file here needs once headers are bounded; far below what they cost before.
CPU_SECONDS = 5.0


def read_within(paths, seconds: float = 60) -> list:
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(read_paths(paths, SETTINGS)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"reading {paths} did not end within {seconds} s"
    assert all(isinstance(i, (Document, InputError)) for i in found)
    return found


header_value = st.one_of(
    st.text(st.characters(codec="latin-1"), max_size=40),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", " ", ":", "\t"]), st.integers(0, 400_000)),
)
header = st.tuples(st.sampled_from(["WARC-Type", "Content-Length", "Content-Type", "WARC-Target-URI", "X-Junk",
                                    " folded", ""]), header_value)


@st.composite
def warc_files(draw):
    version = draw(st.sampled_from([b"WARC/1.0", b"WARC/1.1", b"WARC/0.9", b""]))
    lines = [version] + [f"{k}: {v}".encode("latin-1") for k, v in draw(st.lists(header, max_size=6))]
    repeat = draw(st.sampled_from([1, 1, 50_000]))  # many short header lines
    lines += [b"X-Many: 1"] * (repeat - 1)
    body = draw(st.sampled_from([b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page</p>",
                                 b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffff\r\n"]))
    data = b"\r\n".join(lines) + b"\r\n\r\n" + body + b"\r\n\r\n"
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return gzip.compress(data, compresslevel=1) if draw(st.booleans()) else data


@FUZZ
@given(data=warc_files())
def test_any_warc_headers_are_read_or_refused_quickly(data):
    folder = tempfile.mkdtemp()
    try:
        path = os.path.join(folder, "fuzz.warc.gz" if data[:2] == b"\x1f\x8b" else "fuzz.warc")
        with open(path, "wb") as f:
            f.write(data)
        started = time.process_time()
        read_within([path])
        assert time.process_time() - started < CPU_SECONDS
    finally:
        shutil.rmtree(folder)


ENTRY_KINDS = ["file", "link-in", "link-out", "relative-link-out", "dir-link-out", "fifo", "dev-zero", "dangling"]


@FUZZ
@given(entries=st.lists(st.tuples(st.sampled_from(ENTRY_KINDS), st.sampled_from([".txt", ".jsonl", ".html"])),
                        min_size=1, max_size=8))
def test_any_folder_of_links_fifos_and_devices_is_read_or_refused(entries):
    base = tempfile.mkdtemp()
    try:
        outside = os.path.join(base, "outside")
        corpus = os.path.join(base, "corpus")
        os.makedirs(os.path.join(outside, "dir"))
        os.makedirs(corpus)
        for name in ("secret.txt", "secret.jsonl", "secret.html", os.path.join("dir", "inner.txt")):
            with open(os.path.join(outside, name), "w") as f:
                f.write(SECRET if not name.endswith("jsonl") else f'{{"text": "{SECRET}"}}\n')
        with open(os.path.join(corpus, "anchor.txt"), "w") as f:
            f.write("An article inside the corpus.")
        regular = 1
        for i, (kind, ext) in enumerate(entries):
            path = os.path.join(corpus, f"e{i}{ext}")
            if kind == "file":
                with open(path, "w") as f:
                    f.write(f'{{"text": "inside {i}"}}\n' if ext == ".jsonl" else f"inside {i}")
                regular += 1
            elif kind == "link-in":
                os.symlink(os.path.join(corpus, "anchor.txt"), path if ext == ".txt" else path + ".txt")
                regular += 1
            elif kind == "link-out":
                os.symlink(os.path.join(outside, f"secret{ext}"), path)
            elif kind == "relative-link-out":
                os.symlink(os.path.join("..", "outside", f"secret{ext}"), path)
            elif kind == "dir-link-out":
                os.symlink(os.path.join(outside, "dir"), os.path.join(corpus, f"d{i}"))
            elif kind == "fifo":
                os.mkfifo(path)
            elif kind == "dev-zero":
                os.symlink("/dev/zero", path)
            else:
                os.symlink(os.path.join(corpus, "gone.txt"), path)
        found = read_within([corpus])
        docs = [i for i in found if isinstance(i, Document)]
        assert all(SECRET not in d.raw for d in docs)
        assert len(docs) >= regular - sum(k == "file" and e == ".html" for k, e in entries)
        refused = len(found) - len(docs)
        assert refused >= sum(k in ("link-out", "relative-link-out", "dir-link-out", "fifo", "dev-zero")
                              for k, _ in entries)
    finally:
        shutil.rmtree(base)
