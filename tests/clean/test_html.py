"""clean_html: visible text with exact offsets into the HTML, and article/comment/boilerplate regions."""

from __future__ import annotations

import pytest

from newsweave.clean.dedup import drop_repeats
from newsweave.clean.html import _add, _Locator, clean_html
from newsweave.document import REGION_KINDS, Document, Region

PARAGRAPHS = [
    "The rebel coalition said on Friday it had taken control of the northern port of Marlow "
    "after two days of fighting with government forces, according to local officials.",
    "Officials in the capital denied the claim, saying troops still held the harbour &amp; the "
    "airport, and that reinforcements had been sent from the south of the country.",
    "The United Nations called for an immediate ceasefire and urged both sides to protect "
    "civilians caught in the fighting around the town and its two main roads.",
]

PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Rebels seize port | Daily Courier</title>
<meta property="og:site_name" content="Daily Courier">
<meta property="article:published_time" content="2019-04-05">
<script>var x = "<p>SCRIPT-TEXT</p>";</script><style>p {{ color: red }}</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Rebels seize port</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<div class="share">Share on Facebook</div>
<section id="comments"><h3>2 comments</h3><ol>
<li class="comment"><article class="comment-body">
<span class="comment-author"><b>Ahmed K.</b> says:</span>
<time datetime="2019-04-05T12:31:00+00:00">April 5, 2019</time>
<div class="comment-content"><p>This is propaganda, the port was never taken.</p></div>
</article></li>
<li class="comment"><article class="comment-body"><span class="fn">Mary</span>
<time datetime="2019-04-06">April 6</time><p>My cousin lives there and says otherwise.</p>
</article></li></ol></section>
<footer>Copyright 2019 Daily Courier.</footer>
</body></html>"""


def _clean(raw: str, **meta) -> Document:
    return clean_html(Document(id="x", name="page.html", path="page.html", raw=raw,
                               format="html", **meta))


@pytest.fixture(scope="module")
def page() -> Document:
    return _clean(PAGE)


def _texts(doc: Document, kind: str) -> list[str]:
    return [doc.text[r.start:r.end] for r in doc.regions_of(kind)]


def test_offsets_map_every_character_back(page):
    assert len(page.offsets) == len(page.text) + 1
    for i, ch in enumerate(page.text):
        source = PAGE[page.offsets[i]]
        if not ch.isspace() and ch != "&":
            assert source == ch, (i, ch)
    assert page.offsets == sorted(page.offsets)


def test_entity_decoded_and_mapped_to_its_reference(page):
    at = page.text.index("harbour & the")
    amp = at + len("harbour ")
    assert PAGE[page.offsets[amp]:page.offsets[amp + 1]] == "&amp;"
    start, end = page.raw_span(at, at + len("harbour & the"))
    assert PAGE[start:end] == "harbour &amp; the"


def test_script_style_and_head_dropped(page):
    assert "SCRIPT-TEXT" not in page.text and "color" not in page.text
    assert "Daily Courier</title>" not in page.text


def test_body_paragraphs_are_regions(page):
    assert _texts(page, "body") == [p.replace("&amp;", "&") for p in PARAGRAPHS]


def test_comments_one_region_each_with_author_and_time(page):
    comments = page.regions_of("comment")
    assert len(comments) == 2
    assert "never taken" in _texts(page, "comment")[0]
    assert [(c.author, c.posted) for c in comments] == \
        [("Ahmed K.", "2019-04-05T12:31:00"), ("Mary", "2019-04-06")]
    assert not any("propaganda" in t for t in _texts(page, "body"))


def test_title_and_boilerplate(page):
    assert _texts(page, "title") == ["Rebels seize port"]
    boiler = " ".join(_texts(page, "boilerplate"))
    assert "Share on Facebook" in boiler and "Copyright" in boiler and "World" in boiler


def test_regions_sorted_disjoint_and_trimmed(page):
    previous_end = 0
    for region in page.regions:
        assert region.kind in REGION_KINDS
        assert previous_end <= region.start < region.end <= len(page.text)
        span = page.text[region.start:region.end]
        assert span == span.strip()
        previous_end = region.end


def test_metadata_from_page(page):
    assert page.source == "Daily Courier"
    assert (page.published, page.published_precision) == ("2019-04-05", "day")


def test_container_metadata_wins():
    doc = _clean(PAGE, title="Given title", published="2019-04", url="https://x.org/a")
    assert (doc.title, doc.published, doc.published_precision, doc.url) == \
        ("Given title", "2019-04", "month", "https://x.org/a")


@pytest.mark.parametrize("raw, expected", [
    ("<p>a<br>b</p><p>c</p>", "a\nb\n\nc"),
    ("<p>  many   \n spaces </p>", "many spaces"),
    ("<td>x</td><td>y</td>", "x y"),
    ("caf&eacute; &#233; &#xE9; &unknown; AT&T", "café é é &unknown; AT&T"),
    ("<div><noscript>n</noscript><svg><text>s</text></svg>ok</div>", "ok"),
    ("<head><title>t</title><p>no closing head", "no closing head"),
    ("<p>unclosed <b>bold <i>italic</p> tail", "unclosed bold italic\n\ntail"),
    ("", ""),
    ("<p>Aus&shy;bau soft\u00adhyphen</p>", "Ausbau softhyphen"),  # invisible, left out
    ("<p><ruby>漢<rt>かん</rt>字<rp>(</rp></ruby>です</p>", "漢字です"),  # readings over words
    ("<script type='text/template'><p>post <b>text</b></p></script><p>x</p>", "post text\n\nx"),
    ("<script>var s = '<p>code</p>';</script><p>x</p>", "x"),
])
def test_rendering(raw, expected):
    doc = _clean(raw)
    assert doc.text == expected
    assert len(doc.offsets) == len(doc.text) + 1
    for i, ch in enumerate(doc.text):
        if not ch.isspace() and raw[doc.offsets[i]] != "&":
            assert raw[doc.offsets[i]] == ch


@pytest.mark.parametrize("raw", [
    "<div>" * 5000 + "deep text here" + "</div>" * 5000,
    "<p>broken <a href='x>never closed",
    "<!DOCTYPE html><html><<<>>><p>odd</p><!-- unclosed comment",
    "<![CDATA[ x ]]><p>after</p>",
    "\x00<p>nul</p>",
])
def test_malformed_html_never_crashes(raw):
    doc = _clean(raw)
    assert len(doc.offsets) == len(doc.text) + 1
    for region in doc.regions:
        assert 0 <= region.start < region.end <= len(doc.text)


@pytest.mark.parametrize("text, paragraph, found", [
    ("Menu\n\nGPS\nECG app\n\nFooter", "- ECG app", "ECG app"),  # trafilatura's list marker
    ("Pos. Driver Points\n1 Kyle Busch 5040", "| 1 | Kyle Busch | 5040 |", "1 Kyle Busch 5040"),
    ("by Kenneth Surin\n\nDeleuze and Guattari oppose", "Kenneth SurinDeleuze and Guattari",
     "Kenneth Surin\n\nDeleuze and Guattari"),  # words glued by trafilatura
    ("Title\n\n“Quoted,” he said.", "Quoted, he said", "“Quoted,” he said."),  # with punctuation
    ("and that pleases me 😉\n\nNext", "and that pleases me", "and that pleases me 😉"),
    ("restart art", "art", "art"),  # whole words only
])
def test_locator_finds_paragraphs_by_their_words(text, paragraph, found):
    spans = _Locator(text).find(paragraph)
    assert [text[start:end] for start, end in spans] == [found]


def test_locator_finds_a_changed_paragraph_piecewise():
    text = ("Heading\n\nThe council met on Monday to discuss the budget for next year. "
            "Related links: elsewhere. Members agreed to raise spending on roads and schools.")
    paragraph = ("The council met on Monday to discuss the budget for next year. "
                 "Members agreed to raise spending on roads and schools.")
    spans = _Locator(text).find(paragraph)
    assert len(spans) == 1 and text[spans[0][0]:spans[0][1]].startswith("The council")


def test_body_overlapping_the_title_keeps_the_rest():
    text = "Rebels seize port\n\nThe rebels said on Friday they had taken the port."
    regions: list[Region] = [Region("title", 0, 17)]
    _add(regions, text, [(0, len(text))], "body")
    assert [(r.kind, text[r.start:r.end]) for r in regions] == [
        ("title", "Rebels seize port"), ("body", "The rebels said on Friday they had taken the port.")]


def test_repeated_interview_questions_stay_in_the_body():
    question = "What made you start cooking?"
    answers = ["My grandmother let me stir the soup on winter evenings in her kitchen.",
               "Living abroad for three years, I learned to cook whatever the market sold.",
               "Every Sunday our whole family gathers and each of us brings a dish."]
    text = "\n\n".join(p for answer in answers for p in (question, answer))
    doc = Document(id="x", name="page.html", path="page.html", raw=text, text=text)
    position = 0
    for paragraph in text.split("\n\n"):
        doc.regions.append(Region("body", position, position + len(paragraph)))
        position += len(paragraph) + 2
    drop_repeats(doc)
    assert [doc.text[r.start:r.end] for r in doc.regions_of("body")].count(question) == 3
