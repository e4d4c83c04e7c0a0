"""Read input paths into Documents: plain text, HTML, JSON Lines, WARC, PDF, Word (.docx),
RSS/Atom feeds, lists of URLs, and folders of these.

`read_paths` yields a `Document` (id, name, path, raw, format and the metadata the container
gives) for each record, or an `InputError` naming the file and the problem; it never raises
for a bad file. Folders are read recursively in sorted order; there, hidden entries are
skipped and each file of another kind is reported (UnsupportedFormat), never skipped silently.
A list of URLs named by itself is downloaded; one found in a folder only with settings.fetch.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError, UnsupportedFormat
from ..settings import Settings
from .docx import read_docx
from .feed import read_feed
from .files import LINK_OUT, UNSUPPORTED, input_roots, kind_of, outside, walk
from .ids import content_id
from .jsonl import read_jsonl
from .pdf import read_pdf
from .text import read_html_file, read_text_file
from .urls import read_url_list, url_lines
from .warc import read_warc

__all__ = ["content_id", "input_files", "read_paths", "read_file"]


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Iterator[Document | InputError]:
    """Every Document in `paths` (files or folders), with an InputError for each failure."""
    paths = [os.fspath(p) for p in paths]
    named = set(paths)
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, settings, named=item in named)


def input_files(paths: Iterable[str | Path]) -> Iterator[str | InputError]:
    """Each supported file in `paths` (folders expanded, in sorted order), or an InputError
    for a path that is missing, of an unsupported kind, an unreadable folder or a symbolic link
    out of the input roots."""
    given = [os.fspath(p) for p in paths]
    roots = input_roots(given)
    for path in given:
        if os.path.isdir(path):
            yield from walk(path, roots)
        elif not os.path.lexists(path):
            yield InputError(path, "no such file or folder")
        elif kind_of(path) is None:
            yield UnsupportedFormat(path, UNSUPPORTED)
        elif outside(path, roots):
            yield InputError(path, LINK_OUT)
        else:
            yield path


def file_stamp(path: str) -> tuple[int, int] | None:
    """(size, mtime_ns) of a file, to tell whether it changed since it was read; None if unknown."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def read_file(path: str, settings: Settings, *, named: bool = False) -> Iterator[Document | InputError]:
    """The Documents in one supported file (one, or one per record, item or URL for JSONL, WARC,
    feeds and lists of URLs). `named`: the user gave this file itself, not a folder holding it,
    so a list of URLs in it is downloaded as if settings.fetch were set (asking is asking)."""
    if named:
        settings = settings.but(fetch=True)
    kind = kind_of(path)
    many = {"jsonl": read_jsonl, "warc": read_warc, "feed": read_feed, "urls": read_url_list}
    if kind in many:
        yield from _guarded(many[kind](path, settings), path)
        return
    reader = {"html": read_html_file, "pdf": read_pdf, "docx": read_docx}.get(kind or "", read_text_file)
    try:
        doc = reader(path, settings)
    except InputError as e:
        yield e
        return
    except (OSError, ValueError, MemoryError) as e:  # a last guard: one file never ends a run
        yield InputError(path, f"cannot read file: {e}")
        return
    if kind == "text" and url_lines(doc.raw) is not None:
        yield from _guarded(read_url_list(path, settings, doc.raw), path)
    else:
        yield doc


def _guarded(items: Iterator[Document | InputError], path: str) -> Iterator[Document | InputError]:
    """Pass `items` on; an unexpected exception becomes one final InputError for the file."""
    try:
        yield from items
    except (OSError, ValueError, MemoryError, EOFError) as e:
        yield InputError(path, f"cannot read file: {e}")
