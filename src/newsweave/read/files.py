"""Find input files: expand folders recursively, classify files by extension, open files safely.

A folder is walked in sorted order, skipping hidden entries and reporting files of other kinds
(an UnsupportedFormat each, so a run names every file it did not read), and never entering the
same folder twice (symlink loops). Symbolic links are followed only while
they stay inside the input roots (the folders given, and the folder of each file given), so a
link in a scraped corpus cannot pull a private file into the database. Only regular files are
opened: a FIFO would block a run forever, a device (/dev/zero) feed it without end. Reading
checks the size first.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import FileTooLarge, InputError, UnsupportedFormat

# File kinds by extension (lower case, longest first so ".warc.gz" wins over ".gz").
EXTENSIONS = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "text"),  # or a list of URLs, when every line is one
    (".pdf", "pdf"),
    (".docx", "docx"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".xml", "feed"),
    (".urls", "urls"),
)


def kind_of(path: str | Path) -> str | None:
    """The kind of a supported file name ("text", "html", "pdf", "feed"…), else None."""
    name = str(path).lower()
    for suffix, kind in EXTENSIONS:
        if name.endswith(suffix):
            return kind
    return None


def input_roots(paths: list[str]) -> list[str]:
    """The real folders that inputs may come from: each folder given, each given file's folder."""
    return [os.path.realpath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in paths]


def outside(path: str, roots: list[str]) -> bool:
    """Whether `path`, once every symbolic link in it is resolved, lies outside all `roots`."""
    real = os.path.realpath(path)
    return not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def walk(given: str | Path, roots: list[str]) -> Iterator[str | InputError]:
    """Each supported file under `given` (a folder) as a path string, or an InputError."""
    seen: set[tuple[int, int]] = set()
    yield from _walk(str(given), roots, seen)


def _walk(folder: str, roots: list[str], seen: set[tuple[int, int]]) -> Iterator[str | InputError]:
    try:
        info = os.stat(folder)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return  # a symlink loop, or the same folder reached twice
        seen.add(key)
        names = sorted(os.listdir(folder))
    except OSError as e:
        yield InputError(folder, f"cannot read folder: {e.strerror or e}")
        return
    for name in names:
        if name.startswith("."):
            continue  # hidden files and folders (.git, editor swap files)
        path = os.path.join(folder, name)
        is_dir = os.path.isdir(path)
        if os.path.islink(path) and outside(path, roots):
            yield InputError(path, LINK_OUT)
        elif is_dir:
            yield from _walk(path, roots, seen)
        elif kind_of(name) is None:
            yield UnsupportedFormat(path, UNSUPPORTED)
        else:
            yield path


LINK_OUT = "a symbolic link to outside the input folders: not read"
UNSUPPORTED = "unsupported file type, not read (newsweave reads " + ", ".join(suffix for suffix, _ in EXTENSIONS) + ")"


def open_input(path: str) -> io.BufferedReader:
    """The file opened for reading, if it is a regular file; else an InputError (never blocks)."""
    try:
        # O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever (Windows has neither).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as e:
        raise InputError(path, "no such file or folder") from e
    except IsADirectoryError as e:
        raise InputError(path, "is a folder, not a file") from e
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror or e}") from e
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(path, "not a regular file (a FIFO, device or socket): not read")
    return os.fdopen(fd, "rb")


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes; refuses files over `max_bytes` before reading them."""
    with open_input(path) as f:
        try:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise FileTooLarge(path, f"file is {_size(size)}, over the limit of {_size(max_bytes)} "
                                         "(settings.max_file_bytes)")
            data = f.read(max_bytes + 1)
        except OSError as e:
            raise InputError(path, f"cannot read file: {e.strerror or e}") from e
    if len(data) > max_bytes:  # the file grew while we read it
        raise FileTooLarge(path, f"file is over the limit of {_size(max_bytes)} "
                                 "(settings.max_file_bytes)")
    return data


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB ({n} bytes)"
    if n >= 1024:
        return f"{n / 1024:.1f} KB ({n} bytes)"
    return f"{n} bytes"
