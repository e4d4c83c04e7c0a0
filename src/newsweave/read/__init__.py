"""Read input paths into Documents: plain text, HTML, JSON Lines, WARC, and folders of these.

`read_paths` yields a `Document` (id, name, path, raw, format and the metadata the container
gives) for each record, or an `InputError` naming the file and the problem; it never raises
for a bad file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError
from ..settings import Settings


def content_id(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Iterator[Document | InputError]:
    # Placeholder until the readers land: UTF-8 .txt files only.
    for given in paths:
        path = Path(given)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                raw = file.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as e:
                yield InputError(str(file), str(e))
                continue
            yield Document(id=content_id(raw), name=file.name, path=str(file), raw=raw)
