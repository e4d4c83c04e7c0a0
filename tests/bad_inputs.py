"""A corpus of bad (and a few good) input files, for reader tests and CLI tests alike.

`write_bad_corpus(folder)` writes the files and returns file name -> expected outcome: "ok"
when the file must be read, else a fragment of the error message it must produce. For files
holding several records, the value describes the file as a whole (see `EXPECTED_RECORDS`).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

# How many Documents each multi-record file yields before (or besides) its errors.
EXPECTED_RECORDS = {"truncated.warc.gz": 2, "broken.jsonl": 2}

# How many errors each file yields (one unless said here).
EXPECTED_ERRORS = {"broken.jsonl": 2}

ARTICLE_ONE = """\
Fishermen return to Port Aldan as talks resume

PORT ALDAN, March 3 (Harbour Wire) - Fishing boats sailed out of Port Aldan on Tuesday for
the first time in three weeks, after the coastal guard lifted a blockade that had cut the
town off from its fishing grounds.

The regional council said the blockade ended when envoys from both provinces agreed to meet
in the capital next week. Council spokesman Davor Ilić said the town had lost most of its
winter income.

"We have waited long enough," said Mira Tanaka, who has fished these waters for twenty years.
"""

ARTICLE_TWO = """\
Aid convoy reaches Veldt valley

The first aid convoy in a month reached the Veldt valley on Saturday, carrying food and
medicine for about 12,000 people, the Northern Relief Agency said in a statement.

The agency said armed men stopped the trucks twice on the road from Kessel but let them pass
after checking their cargo. It called on all sides to guarantee safe passage.

A second convoy is planned for next week, the agency said.
"""

LATIN1_TEXT = "Le général a quitté la capitale après la réunion de l'état-major.\n"

HUGE_BYTES = 50 * 1024 * 1024


def write_bad_corpus(folder: Path) -> dict[str, str]:
    """Write the corpus into `folder` (created if needed); return name -> expected outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"  \n\t\n  ")
    (folder / "utf16_nobom.txt").write_bytes(ARTICLE_TWO.encode("utf-16-le"))
    (folder / "latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    with open(folder / "huge.txt", "wb") as f:  # a sparse write: fast, and no 50 MB in memory
        f.seek(HUGE_BYTES - 1)
        f.write(b"a")
    (folder / "truncated.warc.gz").write_bytes(_truncated_warc())
    (folder / "broken.jsonl").write_text("\n".join([
        json.dumps({"text": ARTICLE_ONE, "url": "https://example.org/a", "title": "Port Aldan"}),
        '{"text": "an unfinished line',
        json.dumps({"html": "<p>" + ARTICLE_TWO + "</p>", "published": "2021-03-06"}),
        json.dumps({"url": "https://example.org/no-text"}),
    ]) + "\n", encoding="utf-8")
    (folder / "script.html").write_text(
        "<html><head><title>Convoy</title><script>var secret = 'SCRIPT-ONLY';</script></head>"
        "<body><h1>Aid convoy reaches Veldt valley</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE_TWO.split("\n\n")[1:]) + "</body></html>",
        encoding="utf-8")
    (folder / "article_one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "article_two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return {
        "binary.txt": "binary file, not text",
        "empty.txt": "empty file",
        "utf16_nobom.txt": "ok",
        "latin1.txt": "ok",
        "huge.txt": "over the limit",
        "truncated.warc.gz": "truncated",
        "broken.jsonl": "line 2",
        "script.html": "ok",
        "article_one.txt": "ok",
        "article_two.txt": "ok",
    }


def _truncated_warc(records: int = 3) -> bytes:
    """A gzipped WARC of `records` pages, cut inside the last one."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    ends = []
    for number in range(records):
        body = (f"<html><body><h1>Page {number}</h1><p>{ARTICLE_ONE}</p></body></html>"
                .encode("utf-8"))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.org/page/{number}", "response", payload=io.BytesIO(body),
            http_headers=headers))
        ends.append(out.tell())
    data = out.getvalue()
    return data[: (ends[-2] + ends[-1]) // 2]  # cut in the middle of the last record
