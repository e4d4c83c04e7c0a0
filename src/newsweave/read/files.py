"""Find input files: expand folders recursively, classify files by extension, read bytes safely.

A folder is walked in sorted order, skipping hidden entries and files of other kinds, and
never entering the same folder twice (symlink loops). Reading checks the size first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import FileTooLarge, InputError

# File kinds by extension (lower case, longest first so ".warc.gz" wins over ".gz").
EXTENSIONS = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "text"),
)


def kind_of(path: str | Path) -> str | None:
    """"text", "html", "jsonl" or "warc" for a supported file name, else None."""
    name = str(path).lower()
    for suffix, kind in EXTENSIONS:
        if name.endswith(suffix):
            return kind
    return None


def walk(given: str | Path) -> Iterator[str | InputError]:
    """Each supported file under `given` (a folder) as a path string, or an InputError."""
    seen: set[tuple[int, int]] = set()
    yield from _walk(str(given), seen)


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | InputError]:
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
        if os.path.isdir(path):
            yield from _walk(path, seen)
        elif kind_of(name) is not None:
            yield path


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes; refuses files over `max_bytes` before reading them."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise FileTooLarge(path, f"file is {_size(size)}, over the limit of {_size(max_bytes)} "
                                     "(settings.max_file_bytes)")
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError as e:
        raise InputError(path, "no such file or folder") from e
    except IsADirectoryError as e:
        raise InputError(path, "is a folder, not a file") from e
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
