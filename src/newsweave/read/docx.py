"""Read a Word `.docx` file into one text Document: its paragraphs (and table cells) in order,
read from the zip's `word/document.xml` with the standard library; the title from its
properties. Parts larger than settings.max_decompressed_bytes are refused (zip bombs)."""

from __future__ import annotations

import io
import os
import zipfile
from xml.etree import ElementTree

from ..document import Document
from ..errors import FileTooLarge, InputError
from ..settings import Settings
from .decode import check_text
from .files import read_bytes
from .ids import content_id

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def read_docx(path: str, settings: Settings) -> Document:
    """A `.docx` file as a Document; raises an InputError subclass when it cannot."""
    data = read_bytes(path, settings.max_file_bytes)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = _part(archive, "word/document.xml", path, settings)
            if body is None:
                raise InputError(path, "not a Word document (no word/document.xml in it)")
            core = _part(archive, "docProps/core.xml", path, settings)
            paragraphs = _paragraphs(ElementTree.fromstring(body))
            title = ElementTree.fromstring(core).findtext(_DC_TITLE) if core else None
    except (zipfile.BadZipFile, ElementTree.ParseError, EOFError) as e:
        raise InputError(path, f"not a readable .docx file ({e})") from e
    text = check_text("\n\n".join(paragraphs), path)
    return Document(id=content_id(text), name=os.path.basename(path), path=path, raw=text,
                    format="text", title=title.strip() if title and title.strip() else None)


def _part(archive: zipfile.ZipFile, name: str, path: str, settings: Settings) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > settings.max_decompressed_bytes:
        raise FileTooLarge(path, f"{name} inflates to {info.file_size} bytes, over the limit of "
                                 f"{settings.max_decompressed_bytes} (settings.max_decompressed_bytes)")
    return archive.read(info)


def _paragraphs(root: ElementTree.Element) -> list[str]:
    """The text of each non-empty paragraph: runs joined, tabs and line breaks kept."""
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t":
                pieces.append(node.text or "")
            elif node.tag == f"{_W}tab":
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
        text = "".join(pieces).strip()
        if text:
            paragraphs.append(text)
    return paragraphs
