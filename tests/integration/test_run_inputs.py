"""A folder as analysts have it (issue 14): PDF, Word, feeds, a list of URLs, a French article and
a file of another kind. Every file is read or named with its reason in the run report; the
French article is read, warned about by name and language, and marked in the export."""

from __future__ import annotations

import json
import subprocess
import sys

from bad_inputs import ARTICLE_ONE
from input_formats import FRENCH, RSS, write_docx, write_pdf
from newsweave.clean import clean
from newsweave.settings import Settings
from robustness.helpers import run_with


def test_every_file_is_read_or_reported_and_french_is_flagged(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_pdf(corpus / "report.pdf")
    write_docx(corpus / "note.docx")
    (corpus / "wire.rss").write_text(RSS, "utf-8")
    (corpus / "links.urls").write_text("https://harbour.example/a\n", "utf-8")
    (corpus / "english.txt").write_text(ARTICLE_ONE, "utf-8")
    (corpus / "french.txt").write_text(FRENCH, "utf-8")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    db = tmp_path / "news.db"

    report = run_with([clean], [corpus], Settings(db=db))

    assert report.added == 5  # report.pdf, note.docx, wire.rss#1, english.txt, french.txt
    errors = {path.removeprefix(str(corpus) + "/"): reason for path, reason in report.errors}
    assert set(errors) == {"links.urls", "photo.jpg", "wire.rss#2"}
    assert "not downloaded" in errors["links.urls"] and "unsupported file type" in errors["photo.jpg"]
    assert [(path, reason.split(",")[0]) for path, reason in report.warnings] == [
        (str(corpus / "french.txt"), "written in French (fr)")]

    exported = subprocess.run([sys.executable, "-m", "newsweave", "export", "--db", str(db), "--format", "json"],
                              capture_output=True, text=True, check=True)
    documents = {doc["name"]: doc for doc in json.loads(exported.stdout)["documents"]}
    assert documents["french.txt"]["language"] == "fr"
    assert documents["french.txt"]["warnings"][0].startswith("written in French (fr), not English")
    assert documents["english.txt"]["language"] == "en" and documents["english.txt"]["warnings"] == []
    assert documents["wire.rss#1"]["url"] == "https://harbour.example/talks"
