"""Read a JSON Lines file: one document per line, streamed, a broken line costing only itself.

Each line is an object with `text` or `html` (`html` wins when both are given, since the page's
structure tells comments from the article), and optional `url`, `title`, `published`, `source`.
A record is named `FILE#LINE` (its 1-based line number, so a user can find it in the file).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

from ..document import Document
from ..errors import FileTooLarge, InputError
from ..settings import Settings
from .decode import check_text
from .files import open_input
from .ids import content_id

# Container fields copied onto the Document when they are non-empty strings.
METADATA_FIELDS = ("url", "title", "published", "source")

# Lines are read in pieces of this size when skipping one that is too long.
SKIP_CHUNK = 1024 * 1024


def read_jsonl(path: str, settings: Settings) -> Iterator[Document | InputError]:
    """Each record of a `.jsonl` file as a Document, or an InputError naming the line."""
    try:
        f = open_input(path)
    except InputError as e:
        yield e
        return
    with f:
        number = 0
        while True:
            try:
                line = f.readline(settings.max_file_bytes + 1)
            except OSError as e:
                yield InputError(path, f"cannot read file after line {number}: {e.strerror or e}")
                return
            if not line:
                return
            number += 1
            if len(line) > settings.max_file_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(f)
                yield FileTooLarge(f"{path}:{number}", f"line {number} is over the limit of "
                                   f"{settings.max_file_bytes} bytes (settings.max_file_bytes)")
                continue
            if not line.strip():
                continue
            item = _record(line, path, number)
            yield item


def _skip_rest_of_line(f) -> None:
    while True:
        chunk = f.readline(SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _record(line: bytes, path: str, number: int) -> Document | InputError:
    where = f"{path}:{number}"
    try:
        obj = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as e:
        return InputError(where, f"line {number} is not UTF-8 ({e.reason} at byte {e.start})")
    except json.JSONDecodeError as e:
        return InputError(where, f"line {number} is not valid JSON ({e.msg}, column {e.colno})")
    if not isinstance(obj, dict):
        return InputError(where, f"line {number} is not a JSON object")
    html, text = obj.get("html"), obj.get("text")
    if isinstance(html, str) and html.strip():
        raw, fmt = html, "html"
    elif isinstance(text, str) and text.strip():
        raw, fmt = text, "text"
    else:
        return InputError(where, f"line {number} has no 'text' or 'html' string")
    try:  # the same checks as a file: no binary junk
        check_text(raw, where)
    except InputError as e:
        return e
    doc = Document(id=content_id(raw), name=f"{os.path.basename(path)}#{number}", path=path,
                   raw=raw, format=fmt)
    for key in METADATA_FIELDS:
        value = obj.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # e.g. a bare year for `published`
        if isinstance(value, str) and value.strip():
            setattr(doc, key, value.strip())
    return doc
