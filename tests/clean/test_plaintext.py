"""The plain-text segmenter on small hand-built pages: each boilerplate kind, each comment style."""

from __future__ import annotations

import pytest

from newsweave.clean import clean
from newsweave.clean.plaintext import segment, split_title
from newsweave.document import Document

ARTICLE = (
    "The minister said on Monday that the two governments had agreed to expand their "
    "cooperation on border security and to hold further talks next month in the capital.\n\n"
    "Officials from both sides said the agreement would be signed before the end of the year, "
    "although several details of the deal were still being discussed by the delegations.\n\n"
    "Opposition leaders criticised the plan and said that it had been negotiated in secret "
    "without any consultation with the parliament or the regional councils.\n"
)


def run(text: str) -> Document:
    return clean(Document(id="t", name="t.txt", path="t.txt", raw=text))


def texts(doc: Document, kind: str) -> list[str]:
    return [doc.text[r.start:r.end] for r in doc.regions_of(kind)]


def body(doc: Document) -> str:
    return doc.body_text()


@pytest.mark.parametrize("noise", [
    "Leave a Reply\n\nFill in your details below or click an icon to log in:\n",
    "2,500 $\n5,000 $\n974 $\n",
    "Rate it\n",
    "Do you like this content? Consider helping us!\n",
    "Share this:\nFacebook\nTwitter\nEmail\n",
    "Subscribe to our newsletter\n",
    "We use cookies to improve your experience. By using this site you accept our cookies.\n",
    "Read more\n",
    "Advertisement\n",
    "Сообщите об орфографической ошибке\n\nВыделенный текст слишком длинный.\n",
])
@pytest.mark.parametrize("where", ["before", "after"])
def test_boilerplate_kept_out_of_body(noise, where):
    page = "A headline about the border talks\n\n" + (noise + "\n" + ARTICLE if where == "before" else ARTICLE + "\n" + noise)
    doc = run(page)
    assert "expand their cooperation" in body(doc)
    assert "regional councils" in body(doc)
    for line in noise.strip().splitlines():
        if line.strip():
            assert line.strip() not in body(doc)


@pytest.mark.parametrize("teaser", [
    "Check Also\n\nFloods close the coastal road\n\nHeavy rain forced the authorities to close the coastal highway again on Thursday after the river burst its banks.\n",
    "More on this topic:\n\nElection results delayed again\n\nThe electoral commission said on Tuesday that the final count in the southern provinces would take another week.\n",
    "Related articles\n\nPort strike enters second week as talks stall between the union and the operators of the harbour.\n",
])
def test_related_article_teaser_is_not_body(teaser):
    doc = run("Talks on the border\n\n" + ARTICLE + "\n" + teaser)
    assert "regional councils" in body(doc)
    assert "Thursday" not in body(doc) and "Tuesday" not in body(doc) and "Port strike" not in body(doc)
    assert not doc.regions_of("comment")


def test_breadcrumb_and_caption_are_boilerplate():
    page = ("Home / News / Talks on the border\n\nTalks on the border\n\n"
            "The minister arrives in the capital. PHOTO: JOHN SMITH/REUTERS\n\n" + ARTICLE)
    doc = run(page)
    assert doc.title == "Talks on the border"
    assert "PHOTO" not in body(doc) and "Home" not in body(doc)


@pytest.mark.parametrize("comments, authors, posted", [
    ("  1. Jane Doe\n    Posted May 30, 2017 at 7:01 am | Permalink\n\n    I do not believe a word of this story, the ministry always says the same thing.\n\n"
     "  2. Bob Ray\n    Posted May 30, 2017 at 9:15 pm | Permalink\n\n    Time will tell whether the deal holds, as it did not hold last time.\n",
     ["Jane Doe", "Bob Ray"], ["2017-05-30T07:01", "2017-05-30T21:15"]),
    ("  • Jane Doe\n\n    I do not believe a word of this story, the ministry always says the same thing.\n\n"
     "    • Bob Ray\n\n      Time will tell whether the deal holds, as it did not hold last time.\n\n"
     "      • Ann Lee (member)\n\n        Agreed, we have seen all this before and nothing came of it.\n",
     ["Jane Doe", "Bob Ray", "Ann Lee"], [None, None, None]),
    ("Jane Doe says:\nMay 30, 2017 at 7:01 am\nI do not believe a word of this story, the ministry always says the same thing.\n\n"
     "Bob Ray says:\nMay 31, 2017 at 8:00 am\nTime will tell whether the deal holds, as it did not hold last time.\n",
     ["Jane Doe", "Bob Ray"], ["2017-05-30T07:01", "2017-05-31T08:00"]),
    ("3 Comments\n\nJane Doe\nMay 30, 2017 at 7:01 am\nI do not believe a word of this story, the ministry always says the same thing.\n\n"
     "Bob Ray\nMay 31, 2017 at 8:00 am\nTime will tell whether the deal holds, as it did not hold last time.\n",
     ["Jane Doe", "Bob Ray"], ["2017-05-30T07:01", "2017-05-31T08:00"]),
])
def test_comments_get_regions_with_author_and_time(comments, authors, posted):
    doc = run("Talks on the border\n\n" + ARTICLE + "\n\n" + comments)
    found = doc.regions_of("comment")
    assert [r.author for r in found] == authors
    assert [r.posted for r in found] == posted
    assert "ministry always says" not in body(doc)
    assert "Time will tell" not in body(doc)
    assert "ministry always says" in texts(doc, "comment")[0]
    assert "regional councils" in body(doc)


def test_comments_after_comment_heading_without_names_are_comments():
    doc = run("Talks on the border\n\n" + ARTICLE + "\nComments\n\nThis is the worst deal the government has ever made, and it will cost us.\n")
    assert "worst deal" not in body(doc)
    assert any("worst deal" in t for t in texts(doc, "comment"))


def test_byline_with_date_does_not_start_comments():
    doc = run("Talks on the border\n\nJane Doe\nMay 30, 2017 7:04 pm ET\n\n" + ARTICLE)
    assert "regional councils" in body(doc)
    assert not doc.regions_of("comment")


@pytest.mark.parametrize("first_line, title, source", [
    ("Talks on the border / News / Agency Inforos", "Talks on the border", "Agency Inforos"),
    ("Talks on the border | Daily Herald", "Talks on the border", "Daily herald".title()),
    ("Talks on the border", "Talks on the border", None),
])
def test_title_and_site(first_line, title, source):
    doc = run(first_line + "\n\n" + ARTICLE)
    assert doc.title == title
    assert doc.source == source


def test_lowercase_remark_is_not_the_title():
    doc = run("lol they never learn do they\n\nTalks on the border\nAFP, May 29 2017\n\n" + ARTICLE)
    assert doc.title == "Talks on the border"
    assert texts(doc, "dateline") == ["AFP, May 29 2017"]


@pytest.mark.parametrize("title", ["Talks on the border", "Talks on the border | Herald"])
def test_split_title_keeps_headline(title):
    assert split_title(title)[0] == "Talks on the border"


PAGES = [
    ARTICLE,
    "Headline here\n\n" + ARTICLE + "\n  1. A Name\n    Posted May 30, 2017 at 7:01 am | Permalink\n\n    text of a comment here\n",
    "\n\n   \n",
    "",
    "one line only",
    "Home / News\r\nTitle line here\r\n\r\n" + ARTICLE.replace("\n", "\r\n"),
]


@pytest.mark.parametrize("page", PAGES)
def test_regions_are_sorted_disjoint_exact(page):
    regions = segment(page)
    for region in regions:
        assert 0 <= region.start < region.end <= len(page)
        assert page[region.start:region.end].strip() == page[region.start:region.end]
    for before, after in zip(regions, regions[1:]):
        assert before.end <= after.start


def test_a_page_without_a_block_of_prose_is_still_body():
    # A one-line wire story has no paragraph of prose to find; its text is the article.
    for text in ["Iraqi forces seize Kirkuk oil fields", "Rebels attack town\nRebels attack town near border"]:
        kinds = {r.kind for r in segment(text)}
        assert "body" in kinds, (text, kinds)
