"""Read input paths into Documents: plain text, HTML, JSON Lines, WARC, and folders of these.

`read_paths` yields a `Document` (id, name, path, raw, format and the metadata the container
gives) for each record, or an `InputError` naming the file and the problem; it never raises
for a bad file. Folders are read recursively in sorted order; there, hidden entries and files
of other kinds are skipped silently, while a file named explicitly must be of a known kind.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError, UnsupportedFormat
from ..settings import Settings
from .files import EXTENSIONS, LINK_OUT, input_roots, kind_of, outside, walk
from .ids import content_id
from .jsonl import read_jsonl
from .text import read_html_file, read_text_file
from .warc import read_warc

__all__ = ["content_id", "input_files", "read_paths", "read_file"]


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Iterator[Document | InputError]:
    """Every Document in `paths` (files or folders), with an InputError for each failure."""
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, settings)


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
            known = ", ".join(suffix for suffix, _ in EXTENSIONS)
            yield UnsupportedFormat(path, f"unsupported file type (newsweave reads {known})")
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


def read_file(path: str, settings: Settings) -> Iterator[Document | InputError]:
    """The Documents in one supported file (one, or one per record for JSONL and WARC)."""
    kind = kind_of(path)
    if kind == "jsonl":
        yield from _guarded(read_jsonl(path, settings), path)
    elif kind == "warc":
        yield from _guarded(read_warc(path, settings), path)
    else:
        reader = read_html_file if kind == "html" else read_text_file
        try:
            yield reader(path, settings)
        except InputError as e:
            yield e
        except (OSError, ValueError, MemoryError) as e:  # a last guard: one file never ends a run
            yield InputError(path, f"cannot read file: {e}")


def _guarded(items: Iterator[Document | InputError], path: str) -> Iterator[Document | InputError]:
    """Pass `items` on; an unexpected exception becomes one final InputError for the file."""
    try:
        yield from items
    except (OSError, ValueError, MemoryError, EOFError) as e:
        yield InputError(path, f"cannot read file: {e}")
