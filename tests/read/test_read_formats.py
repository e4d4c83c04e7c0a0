"""PDF, Word, RSS/Atom feeds and lists of URLs are read (issue 14); what cannot be read is
reported with its name and reason; lists of URLs are downloaded when named by themselves, and
inside a folder only with `fetch`."""

from __future__ import annotations

import pytest

from input_formats import ATOM, DOCX_PARAGRAPHS, PDF_TEXT, RSS, TALKS_PAGE, local_site, write_docx, write_pdf
from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.read import read_paths
from newsweave.settings import Settings


def read(*paths, **settings):
    return list(read_paths(paths, Settings(**settings)))


def test_a_pdf_is_read_with_its_text_and_title(tmp_path):
    (doc,) = read(write_pdf(tmp_path / "report.pdf"))
    assert isinstance(doc, Document), doc
    assert PDF_TEXT in doc.raw and doc.title == "Airport report" and doc.name == "report.pdf"


def test_a_broken_pdf_is_reported_by_name(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage")
    (item,) = read(path)
    assert isinstance(item, InputError) and item.path == str(path)
    assert "PDF" in item.reason


def test_a_docx_is_read_paragraph_by_paragraph(tmp_path):
    (doc,) = read(write_docx(tmp_path / "note.docx"))
    assert isinstance(doc, Document), doc
    assert doc.raw == "\n\n".join(DOCX_PARAGRAPHS) and doc.title == "Convoy note"


def test_a_zip_that_is_no_docx_is_reported(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "fake.docx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    (item,) = read(tmp_path / "fake.docx")
    assert isinstance(item, InputError) and "no word/document.xml" in item.reason


def test_each_rss_item_is_a_document_with_link_date_and_title(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, "utf-8")
    doc, textless = read(path)
    assert isinstance(doc, Document), doc
    assert doc.raw == "Envoys from both provinces met in Port Aldan on Tuesday."
    assert (doc.title, doc.url, doc.published, doc.source, doc.name) == (
        "Talks resume in Port Aldan", "https://harbour.example/talks", "2025-06-03T08:00:00+00:00",
        "Harbour Wire", "wire.rss#1")
    assert isinstance(textless, InputError) and textless.path == f"{path}#2"
    assert "Convoy stopped" in textless.reason and "no text" in textless.reason


def test_an_atom_feed_is_read(tmp_path):
    path = tmp_path / "valley.atom"
    path.write_text(ATOM, "utf-8")
    (doc,) = read(path)
    assert (doc.title, doc.url, doc.published, doc.source) == (
        "Convoy reaches the valley", "https://valley.example/convoy", "2025-06-04T10:30:00+00:00", "Valley News")


def test_an_xml_file_that_is_no_feed_is_reported(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text("<urlset><url/></urlset>", "utf-8")
    (item,) = read(path)
    assert isinstance(item, InputError) and "not an RSS or Atom feed" in item.reason


@pytest.mark.parametrize("name", ["links.urls", "links.txt"])
def test_a_list_of_urls_in_a_folder_is_not_downloaded_without_fetch(tmp_path, name):
    path = tmp_path / name
    path.write_text("# to read\nhttps://harbour.example/a\nhttps://harbour.example/b\n", "utf-8")
    (item,) = read(tmp_path)
    assert isinstance(item, InputError) and item.path == str(path)
    assert "a list of 2 URL(s) in a folder, not downloaded" in item.reason and "--fetch" in item.reason


def test_a_text_file_with_a_url_in_prose_is_an_article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Read more at https://harbour.example/a about the talks.\n", "utf-8")
    (doc,) = read(path)
    assert isinstance(doc, Document)


@pytest.fixture
def web(tmp_path):
    """A local HTTP server for a folder, the only web these tests may reach: (URL, User-Agents seen)."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "talks.html").write_text(TALKS_PAGE, "utf-8")
    write_pdf(root / "report.pdf")
    with local_site(root) as served:
        yield served


@pytest.fixture
def site(web):
    return web[0]


def test_a_named_list_is_fetched_each_url_a_document_and_a_failure_names_its_url(tmp_path, site, web):
    path = tmp_path / "links.urls"
    path.write_text(f"{site}/talks.html\n{site}/report.pdf\n{site}/missing.html\n", "utf-8")
    page, pdf, missing = read(path, fetch_delay=0, fetch_timeout=10)  # no `fetch`: the file is named
    assert isinstance(page, Document) and page.format == "html" and "Envoys met in Port Aldan" in page.raw
    assert (page.name, page.url, page.path) == (f"{site}/talks.html", f"{site}/talks.html", str(path))
    assert isinstance(pdf, Document) and PDF_TEXT in pdf.raw and pdf.title == "Airport report"
    assert isinstance(missing, InputError) and missing.path == f"{site}/missing.html"
    assert "HTTP 404" in missing.reason and str(path) in missing.reason
    agents = web[1]
    assert len(agents) == 3 and all(agent and agent.startswith("newsweave/") for agent in agents)


def test_a_page_that_does_not_answer_is_reported_after_the_timeout_and_the_list_goes_on(tmp_path, site):
    path = tmp_path / "links.txt"
    path.write_text(f"{site}/slow\n{site}/talks.html\n", "utf-8")
    slow, page = read(path, fetch_delay=0, fetch_timeout=2)
    assert isinstance(slow, InputError) and slow.path == f"{site}/slow"
    assert "download failed" in slow.reason and "timed out" in slow.reason
    assert isinstance(page, Document) and "Envoys met in Port Aldan" in page.raw


def test_with_fetch_a_list_in_a_folder_is_downloaded(tmp_path, site):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "links.urls").write_text(f"{site}/talks.html\n", "utf-8")
    (page,) = read(folder, fetch=True, fetch_delay=0, fetch_timeout=10)
    assert isinstance(page, Document) and page.url == f"{site}/talks.html"
