"""Small input files of the formats newsweave reads besides text and HTML, built in the tests:
a PDF with a text layer, a Word .docx, an RSS and an Atom feed, a French article; and a local
web site for lists of URLs."""

from __future__ import annotations

import http.server
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

TALKS_PAGE = ("<html><head><title>Talks</title></head><body><p>Envoys met in Port Aldan on Tuesday. "
              "The coastal guard lifted the blockade of the harbour.</p></body></html>")


@contextmanager
def local_site(root: Path) -> Iterator[tuple[str, list]]:
    """Serve `root` on 127.0.0.1 (a free port) in a thread: (base URL, the User-Agent of each
    request, filled as they come). `/slow` never answers: only the client's timeout ends it."""
    stalled = threading.Event()
    agents: list[str | None] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            agents.append(self.headers.get("User-Agent"))
            if self.path == "/slow":
                stalled.wait(60)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", agents
    finally:
        stalled.set()
        server.shutdown()
        server.server_close()

PDF_TEXT = "Rebels seized the airport of Port Aldan on Monday."
DOCX_PARAGRAPHS = ("Aid convoy reaches Veldt valley", "The agency said armed men stopped the trucks twice.")

FRENCH = ("Les forces gouvernementales ont repris le contrôle de la ville mardi, selon un communiqué du "
          "ministère de la Défense. Le président a salué une victoire et appelé les rebelles à déposer les "
          "armes. Des milliers de civils ont fui vers la frontière avec le Niger depuis le début des combats, "
          "et les organisations humanitaires demandent un accès sans condition à la région.")


def write_pdf(path: Path, text: str = PDF_TEXT, title: str = "Airport report") -> Path:
    """A one-page PDF whose page shows `text` in Helvetica (a real text layer, as pypdf reads)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (" + title.encode("latin-1") + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def write_docx(path: Path, paragraphs=DOCX_PARAGRAPHS, title: str = "Convoy note") -> Path:
    """A minimal Word document: the parts Word itself needs, and a title in its properties."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
        archive.writestr("docProps/core.xml",
                         '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                         f'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
                         '</cp:coreProperties>')
    return path


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Wire</title><link>https://harbour.example/</link>
<item><title>Talks resume in Port Aldan</title><link>https://harbour.example/talks</link>
<pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Envoys from both provinces met in Port Aldan on Tuesday.&lt;/p&gt;</description></item>
<item><title>Convoy stopped</title><link>https://harbour.example/convoy</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley News</title>
<entry><title>Convoy reaches the valley</title><link href="https://valley.example/convoy"/>
<published>2025-06-04T10:30:00Z</published><summary>The first aid convoy in a month reached the valley.</summary></entry>
</feed>
"""
