"""Read a PDF file (or a fetched PDF) into one text Document: the text layer of its pages, with
pypdf. A scanned PDF without a text layer is refused with that reason, not read as empty."""

from __future__ import annotations

import io
import logging
import os

from ..document import Document
from ..errors import InputError
from ..settings import Settings
from .decode import check_text
from .files import read_bytes
from .ids import content_id

# pypdf logs what it repairs; a PDF it cannot read is reported as an InputError instead.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(path: str, settings: Settings) -> Document:
    """A `.pdf` file as a Document; raises an InputError subclass when it cannot."""
    text, title = pdf_text(read_bytes(path, settings.max_file_bytes), path)
    return Document(id=content_id(text), name=os.path.basename(path), path=path, raw=text,
                    format="text", title=title)


def pdf_text(data: bytes, where: str) -> tuple[str, str | None]:
    """(the text of a PDF's pages, its title if it has one); an InputError naming `where` else."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # many PDFs are "encrypted" with an empty password
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.get("/Title") if reader.metadata else None
    except Exception as e:  # pypdf raises many kinds on a broken or hostile file: it alone fails
        raise InputError(where, f"not a readable PDF ({type(e).__name__}: {e})") from e
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise InputError(where, f"the PDF's {len(pages)} page(s) have no text layer (a scan?); "
                                "run OCR on it first")
    check_text(text, where)
    return text, title.strip() if isinstance(title, str) and title.strip() else None
