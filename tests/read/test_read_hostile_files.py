"""Issue 12: files that leave the input folders, files that are not files, WARC headers without end.

A link in a scraped corpus must not pull a private file into the database; a FIFO or a device
must not hang or spin a run; a huge header line must be refused before warcio's quadratic
parsing. Each test replays the attack, bounded in time.
"""

from __future__ import annotations

import gzip
import os
import threading
import time

import pytest

from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.read import read_paths
from newsweave.settings import Settings

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or not hasattr(os, "mkfifo"), reason="needs POSIX")

SECRET = "PRIVATE-KEY-do-not-share"


def _corpus(tmp_path):
    private = tmp_path / "home"
    private.mkdir()
    (private / "secret.txt").write_text(SECRET)
    (private / "diary").mkdir()
    (private / "diary" / "today.txt").write_text(SECRET)
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "article.txt").write_text("Russia sent advisers.")
    (corpus / "sub" / "other.txt").write_text("Egypt answered.")
    return corpus, private


def _read(paths) -> tuple[list[Document], list[InputError]]:
    items = list(read_paths(paths, Settings()))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_links_out_of_the_input_folder_are_refused(tmp_path):
    corpus, private = _corpus(tmp_path)
    os.symlink(private / "secret.txt", corpus / "leak.txt")
    os.symlink(private / "diary", corpus / "more")
    os.symlink("../../home/secret.txt", corpus / "sub" / "relative.txt")
    docs, errors = _read([corpus])
    assert all(SECRET not in d.raw for d in docs) and len(docs) == 2
    refused = {os.path.basename(e.path) for e in errors}
    assert refused == {"leak.txt", "more", "relative.txt"}
    assert all("outside the input folders" in e.reason for e in errors)


def test_a_link_named_on_the_command_line_may_not_leave_its_folder_either(tmp_path):
    corpus, private = _corpus(tmp_path)
    os.symlink(private / "secret.txt", corpus / "leak.txt")
    docs, errors = _read([corpus / "leak.txt", corpus / "article.txt"])
    assert [d.raw for d in docs] == ["Russia sent advisers."]
    assert [os.path.basename(e.path) for e in errors] == ["leak.txt"]


def test_links_inside_the_input_roots_are_read(tmp_path):
    corpus, private = _corpus(tmp_path)
    os.symlink(corpus / "article.txt", corpus / "sub" / "same.txt")
    os.symlink(private / "secret.txt", corpus / "leak.txt")
    docs, errors = _read([corpus, private])  # the private folder given on purpose: its files are inputs
    assert not errors and sum(d.raw == SECRET for d in docs) == 3


def _read_within(paths, seconds: float, unblock=None):
    """read_paths in a thread; if it is still running after `seconds`, `unblock()` and fail."""
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(read_paths(paths, Settings())), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if unblock:
            unblock()
        pytest.fail(f"reading {paths} did not end within {seconds} s")
    return found


def test_a_fifo_named_like_a_text_file_does_not_block_the_run(tmp_path):
    corpus, _ = _corpus(tmp_path)
    fifo = corpus / "x.txt"
    os.mkfifo(fifo)

    def unblock():  # lets a reader stuck in open() go (only ever needed before the fix)
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)

    found = _read_within([corpus], 60, unblock)
    errors = [i for i in found if isinstance(i, InputError)]
    assert [os.path.basename(e.path) for e in errors] == ["x.txt"] and "not a regular file" in errors[0].reason
    assert sum(isinstance(i, Document) for i in found) == 2
    assert _read_within([fifo], 60, unblock)[0].reason.startswith("not a regular file")


def test_a_jsonl_linked_to_dev_zero_is_refused(tmp_path):
    corpus, _ = _corpus(tmp_path)
    os.symlink("/dev/zero", corpus / "zero.jsonl")
    found = _read_within([corpus], 60)
    errors = [i for i in found if isinstance(i, InputError)]
    assert [os.path.basename(e.path) for e in errors] == ["zero.jsonl"]


def _warc_gz(path, header: bytes) -> None:
    record = b"WARC/1.0\r\nWARC-Type: resource\r\n" + header + b"\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    path.write_bytes(gzip.compress(record, compresslevel=9))


@pytest.mark.parametrize("header", [
    b"X-Junk: " + b"a" * (32 * 1024 * 1024),             # one 32 MB header line
    b"X-Many: a\r\n" * (300 * 1024),                    # 3 MB of short header lines
], ids=["long-line", "many-lines"])
def test_a_warc_header_without_end_is_refused_quickly(tmp_path, header):
    path = tmp_path / "bomb.warc.gz"
    _warc_gz(path, header)
    assert path.stat().st_size < 200 * 1024  # under every file-size limit
    started = time.process_time()
    (item,) = _read_within([path], 120)
    spent = time.process_time() - started
    assert isinstance(item, InputError) and "header" in item.reason
    assert spent < 5, f"{spent:.1f} CPU-seconds to refuse a {len(header)}-byte header"
