"""Read one plain-text (`.txt`) or HTML (`.html`, `.htm`) file into a Document."""

from __future__ import annotations

import os

from ..document import Document
from ..settings import Settings
from .decode import decode_html, decode_text
from .files import read_bytes
from .ids import content_id


def read_text_file(path: str, settings: Settings) -> Document:
    """A `.txt` file as a text Document; raises an InputError subclass when it cannot."""
    raw = decode_text(read_bytes(path, settings.max_file_bytes), path)
    return Document(id=content_id(raw), name=os.path.basename(path), path=path, raw=raw,
                    format="text")


def read_html_file(path: str, settings: Settings) -> Document:
    """An `.html`/`.htm` file as an HTML Document; raises an InputError subclass when it cannot."""
    raw = decode_html(read_bytes(path, settings.max_file_bytes), path)
    return Document(id=content_id(raw), name=os.path.basename(path), path=path, raw=raw,
                    format="html")
