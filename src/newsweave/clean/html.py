"""Clean an HTML page: its visible text with offsets into the HTML, split into regions.

`clean_html` renders the page the way a reader sees it (scripts, styles and the head dropped,
blocks on their own lines, whitespace collapsed), keeping for every character its position in
`raw`. trafilatura then says which paragraphs are the article and which are reader comments;
those paragraphs are located in the rendered text. Comments marked up as such in the page
(WordPress, Disqus-style lists) become one region each, with their author and time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from itertools import accumulate

from ..document import Document, Region

# Elements whose content a reader never sees.
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title",
                          "iframe", "object", "canvas", "math", "select", "button",
                          "rt", "rp"})  # ruby: the reading shown over a word, not running text

# Script types holding markup that the page's code shows as it is (Blogger keeps the post in
# one); it is rendered like the rest of the page.
TEMPLATE_SCRIPT_TYPES = frozenset({"text/template", "text/x-template"})

# Elements that belong in <head>; any other start tag there ends the head, as in browsers.
HEAD_TAGS = frozenset({"meta", "link", "title", "script", "style", "base", "noscript",
                       "template", "object"})

# Elements that start a paragraph: a blank line before and after.
PARAGRAPH_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "ul",
    "ol", "dl", "table", "header", "footer", "nav", "aside", "main", "form", "pre", "figure",
    "figcaption", "address", "fieldset", "details", "summary", "hr", "body", "caption",
})

# Elements that start a new line only.
LINE_TAGS = frozenset({"br", "li", "tr", "dt", "dd", "option", "legend"})

# Table cells are kept apart by a space.
CELL_TAGS = frozenset({"td", "th"})

# Elements that never have content or an end tag.
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "param", "source", "track", "wbr"})

# A class or id naming one reader comment (not the list of them): "comment", "comment-123",
# "comment-body", "div-comment-42" (WordPress), "reply"; matched per class token. Not the
# parts of one ("comment-content", "comment-meta"), which would split it.
COMMENT_ITEM = re.compile(
    r"^(?:(?:li|div)-)?(?:comment|reply)(?:[-_](?:\d+|body|item|entry))?$",
    re.IGNORECASE)

# schema.org markup for a comment.
COMMENT_ITEMTYPE = re.compile(r"schema\.org/(?:Comment|Answer)\b", re.IGNORECASE)

# A class naming the author of a comment.
AUTHOR_CLASSES = frozenset({"author", "comment-author", "fn", "username", "user-name",
                            "nickname", "commenter", "comment-author-name", "author-name"})

# Words a page puts after an author's name ("Jane says:").
AUTHOR_SUFFIX = re.compile(r"\s*(?:says|wrote|said)?\s*:?\s*$", re.IGNORECASE)

# An ISO 8601 date at the start of a `datetime` attribute or a date line.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")

# Without trafilatura's verdict, a line of at least this many words counts as article text.
FALLBACK_BODY_WORDS = 12

# A trafilatura paragraph not found whole is located piece by piece: pieces of this many
# words, found in order, no more than this many words apart, kept when a run of them is at
# least one piece long (shorter words runs recur anywhere).
MATCH_PIECE_WORDS = 6
MATCH_PIECE_MIN_WORDS = 3
MATCH_PIECE_GAP_WORDS = 12

# Characters pages put inside words (soft hyphen, zero-width spaces, BOM); trafilatura drops some.
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")

# A word as the locator compares it: letters and digits, across invisible characters.
WORD = re.compile(r"\w+(?:[\u00ad\u200b-\u200d\u2060\ufeff]+\w+)*")
WORD_CHAR = re.compile(r"\w")

# An entity or character reference as written in the source.
CHAR_REFERENCE = re.compile(r"&#?[0-9A-Za-z]*;?")

WORDS_OR_SPACES = re.compile(r"\s+|\S+")

# Characters a reader never sees, left out of the text: soft hyphen, zero-width space, word
# joiner, byte order mark (not the zero-width joiners, which shape scripts and emoji).
HIDDEN_CHARS = re.compile(r"[\u00ad\u200b\u2060\ufeff]")

# Whitespace that rendering must collapse: a run, or anything but a plain space.
UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")


@dataclass
class _Rendered:
    text: str
    offsets: list[int]
    comments: list[tuple[int, int]] = field(default_factory=list)  # comment item spans
    authors: list[tuple[int, int]] = field(default_factory=list)  # author element spans
    times: list[tuple[int, str]] = field(default_factory=list)  # (text position, datetime)


class _Renderer(HTMLParser):
    """Visible text of a page, each character mapped to its offset in the HTML."""

    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.at = 0  # where in `raw` the construct being parsed starts
        self.fed = 0  # how much of `raw` the parser has consumed and dropped
        self.pieces: list[str] = []
        self.offsets: list[int] = []
        self.length = 0
        self.last_end = 0
        self.pending_space: int | None = None
        self.pending_break: tuple[int, int] | None = None  # (newlines, raw offset)
        self.skipping: list[str] = []
        self.open: list[tuple[str, int, str | None]] = []  # (tag, text start, role)
        self.open_count: dict[str, int] = {}  # tag -> how many are in `open`
        self.out = _Rendered("", [])
        self.in_template = False

    def _pos(self) -> int:
        return self.at

    def updatepos(self, i: int, j: int) -> int:
        # html.parser counts lines and columns to here; the offset itself is all we need
        self.at = self.fed + j
        return j

    def feed(self, data: str) -> None:
        unparsed = len(self.rawdata) + len(data)  # html.parser keeps what it could not parse yet
        super().feed(data)
        self.fed += unparsed - len(self.rawdata)

    def _emit(self, text: str, offs) -> None:
        if self.skipping or not text:
            return
        if text.strip() and isinstance(offs, range):
            self.last_end = offs[len(text.rstrip()) - 1] + 1
        if HIDDEN_CHARS.search(text):
            kept = [i for i, ch in enumerate(text) if not HIDDEN_CHARS.match(ch)]
            text, offs = "".join(text[i] for i in kept), [offs[i] for i in kept]
        inner = text.strip()
        if inner and not UNUSUAL_SPACE.search(inner):  # fast path: words and single spaces
            lead = len(text) - len(text.lstrip())
            if lead and self.pending_space is None:
                self.pending_space = offs[0]
            self._flush()
            self.pieces.append(inner)
            self.offsets.extend(offs[lead:lead + len(inner)])
            self.length += len(inner)
            if len(text) > lead + len(inner):
                self.pending_space = offs[lead + len(inner)]
        else:
            for m in WORDS_OR_SPACES.finditer(text):
                if m.group().isspace():
                    if self.pending_space is None:
                        self.pending_space = offs[m.start()]
                    continue
                self._flush()
                self.pieces.append(m.group())
                self.offsets.extend(offs[m.start():m.end()])
                self.length += m.end() - m.start()

    def _flush(self) -> None:
        if self.length and self.pending_break:
            count, at = self.pending_break
            self.pieces.append("\n" * count)
            self.offsets.extend([at] * count)
            self.length += count
        elif self.length and self.pending_space is not None:
            self.pieces.append(" ")
            self.offsets.append(self.pending_space)
            self.length += 1
        self.pending_break = None
        self.pending_space = None

    def _break(self, count: int) -> None:
        if self.skipping:
            return
        if self.pending_break is None or self.pending_break[0] < count:
            self.pending_break = (count, self._pos())

    def _block(self, tag: str) -> None:
        if tag in PARAGRAPH_TAGS:
            self._break(2)
        elif tag in LINE_TAGS:
            self._break(1)
        elif tag in CELL_TAGS and not self.skipping and self.pending_space is None:
            self.pending_space = self._pos()

    def handle_starttag(self, tag, attrs):
        if tag not in HEAD_TAGS and self.skipping == ["head"]:
            self.skipping.clear()  # a page that never closes its head
        self._block(tag)
        if tag in VOID_TAGS:
            return
        named = dict(attrs) if attrs else {}
        if tag == "script" and not self.skipping and \
                (named.get("type") or "").strip().lower() in TEMPLATE_SCRIPT_TYPES:
            self.in_template = True  # parsed as markup: see set_cdata_mode
            return
        if tag in SKIPPED_TAGS:
            self.skipping.append(tag)
            return
        self._push(tag, _role(named) if named else None)
        datetime = named.get("datetime") if tag == "time" else None
        if datetime and not self.skipping:
            self.out.times.append((self.length, datetime))

    def _push(self, tag: str, role: str | None) -> None:
        self.open.append((tag, self.length, role))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def _pop(self) -> tuple[str, int, str | None]:
        tag, start, role = self.open.pop()
        self.open_count[tag] -= 1
        return tag, start, role

    def set_cdata_mode(self, elem):
        if self.in_template:  # a template script's content is markup, not script text
            self.in_template = False
            return
        super().set_cdata_mode(elem)

    def handle_startendtag(self, tag, attrs):
        self._block(tag)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            if tag in self.skipping:
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
            return
        self._block(tag)
        if not self.open_count.get(tag):
            return  # a stray end tag
        while self.open:
            open_tag, start, role = self._pop()
            self._record(role, start)
            if open_tag == tag:
                break

    def _record(self, role: str | None, start: int) -> None:
        if role == "comment":
            self.out.comments.append((start, self.length))
        elif role == "author" and self.length > start:
            self.out.authors.append((start, self.length))

    def handle_data(self, data):
        start = self._pos()
        if self.raw.startswith(data, start):
            self._emit(data, range(start, start + len(data)))
        else:  # should not happen; map the whole piece to where it began
            self._emit(data, [start] * len(data))

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, written: str) -> None:
        start = self._pos()
        match = CHAR_REFERENCE.match(self.raw, start)
        end = match.end() if match else start + len(written)
        text = unescape(self.raw[start:end]) if match else unescape(written)
        self._emit(text, [start] * len(text))
        if text.strip():
            self.last_end = end

    def rendered(self) -> _Rendered:
        while self.open:
            _, start, role = self._pop()
            self._record(role, start)
        text = "".join(self.pieces)
        self.out.text = text
        self.out.offsets = self.offsets + [max(self.last_end, self.offsets[-1] + 1)
                                           if self.offsets else 0]
        return self.out


def _role(attrs: dict[str, str | None]) -> str | None:
    names = f'{attrs.get("class") or ""} {attrs.get("id") or ""}'
    tokens = names.split()
    lowered = names.lower()
    named_comment = ("comment" in lowered or "reply" in lowered) and \
        any(COMMENT_ITEM.match(t) for t in tokens)  # the substring test skips most tags fast
    if named_comment or COMMENT_ITEMTYPE.search(attrs.get("itemtype") or ""):
        return "comment"
    if any(t.lower() in AUTHOR_CLASSES for t in tokens) or attrs.get("itemprop") == "author":
        return "author"
    return None


def render(raw: str) -> _Rendered:
    """The visible text of `raw` with its offsets; never raises on malformed HTML."""
    parser = _Renderer(raw)
    try:
        parser.feed(raw)
        parser.feed("\n")  # html.parser drops a "&" at the very end; this keeps it
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser can assert on broken markup; keep what we have
        pass
    return parser.rendered()


@dataclass
class _Extracted:
    """What trafilatura made of the page: body and comment paragraphs, and metadata."""

    body: list[str]
    comments: list[str]
    title: str | None = None
    sitename: str | None = None
    url: str | None = None
    date: str | None = None


def clean_html(doc: Document) -> Document:
    """Set `text`, `offsets`, `regions` and missing metadata of an HTML Document from `raw`."""
    rendered = render(doc.raw)
    doc.text, doc.offsets = rendered.text, rendered.offsets
    extracted = _extract(doc)
    if extracted is None:
        doc.warnings.append("trafilatura found no article; long lines were taken as the body")
    doc.regions = _regions(rendered, extracted)
    if extracted is not None:
        doc.title = doc.title or extracted.title
        doc.source = doc.source or extracted.sitename
        doc.url = doc.url or extracted.url
        doc.published = doc.published or extracted.date
    if doc.published and not doc.published_precision:
        doc.published_precision = _precision(doc.published)
    return doc


def _extract(doc: Document) -> _Extracted | None:
    import trafilatura  # imported here: loading it is slow and most documents are plain text

    try:
        result = trafilatura.bare_extraction(doc.raw, url=doc.url, include_comments=True,
                                             with_metadata=True, include_tables=True)
    except Exception:  # noqa: BLE001 - lxml and trafilatura fail in many ways on odd pages
        return None
    if result is None:
        return None
    get = result.get if isinstance(result, dict) else (lambda k: getattr(result, k, None))
    body = [line for line in (get("text") or "").split("\n") if line.strip()]
    comments = [line for line in (get("comments") or "").split("\n") if line.strip()]
    return _Extracted(body=body, comments=comments, title=get("title") or None,
                      sitename=get("sitename") or None, url=get("url") or None,
                      date=get("date") or None)


def _precision(value: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None


class _Locator:
    """Find paragraphs in the rendered text by their letters and digits alone.

    trafilatura writes list items with a "- " marker and table cells between "|", joins or
    splits lines differently from the page, and at times glues two words together; comparing
    only the words' characters, from a word start to a word end, finds the paragraph all the
    same. A paragraph not found whole is found piecewise, a few words at a time.
    """

    def __init__(self, text: str):
        self.text = text
        matches = list(WORD.finditer(text))
        self.starts = [m.start() for m in matches]  # word -> its start in text
        self.ends = [m.end() for m in matches]
        words = [m.group() for m in matches]
        if INVISIBLE.search(text):
            words = [_word(word) for word in words]
        self.norm = "".join(words).lower()
        if len(self.norm) != sum(map(len, words)):  # lower() changed a length (rare letters)
            words = [_word(word) for word in words]
            self.norm = "".join(words)
        self.at = list(accumulate(map(len, words), initial=0))[:-1]  # word -> start in `norm`
        self.word_starts = set(self.at)
        self.word_ends = {at + len(word) for at, word in zip(self.at, words)}
        self.cursor = 0  # in `norm`: searches start after the last paragraph found

    def find(self, paragraph: str) -> list[tuple[int, int]]:
        """The spans of `paragraph`: one when found whole, else one per run of found pieces."""
        words = [_word(w) for w in WORD.findall(paragraph)]
        if not words:
            return []
        whole = self._find(words, anywhere=True)
        if whole is not None:
            return [self._span(*whole)]
        runs: list[list[int]] = []  # [first word, last word] of pieces found one after another
        for i in range(0, len(words), MATCH_PIECE_WORDS):
            piece = words[i:i + MATCH_PIECE_WORDS]
            if len(piece) < MATCH_PIECE_MIN_WORDS:
                break
            found = self._find(piece, anywhere=False)
            if found is None:
                continue
            if runs and found[0] - runs[-1][1] <= MATCH_PIECE_GAP_WORDS:
                runs[-1][1] = found[1]
            else:
                runs.append(list(found))
        return [self._span(first, last) for first, last in runs
                if last - first + 1 >= MATCH_PIECE_WORDS]

    def _find(self, words: list[str], *, anywhere: bool) -> tuple[int, int] | None:
        """First and last word of `words` in the text, after the cursor (or anywhere)."""
        needle = "".join(words)
        at = self._search(needle, self.cursor)
        if at < 0 and anywhere:
            at = self._search(needle, 0)
        if at < 0:
            return None
        end = at + len(needle)
        self.cursor = end
        return bisect_left(self.at, at), bisect_left(self.at, end) - 1

    def _search(self, needle: str, start: int) -> int:
        """Where `needle` occurs from a word start to a word end, at or after `start`; or -1."""
        at = self.norm.find(needle, start)
        while at >= 0 and not (at in self.word_starts and at + len(needle) in self.word_ends):
            at = self.norm.find(needle, at + 1)
        return at

    def _span(self, first: int, last: int) -> tuple[int, int]:
        """The text from word `first` to word `last`, with the punctuation attached to them, or
        the whole of their lines where the rest holds no word (a bullet, an emoji, quotes)."""
        text, start, end = self.text, self.starts[first], self.ends[last]
        head = text.rfind("\n", 0, start) + 1
        tail = text.find("\n", end) % (len(text) + 1)  # -1: the end of the text
        if not WORD_CHAR.search(text, head, start):
            start = head
        if not WORD_CHAR.search(text, end, tail):
            end = tail
        while start > 0 and not self.text[start - 1].isspace() and \
                not WORD_CHAR.match(self.text, start - 1):
            start -= 1
        while end < len(self.text) and not self.text[end].isspace() and \
                not WORD_CHAR.match(self.text, end):
            end += 1
        return start, end


def _word(word: str) -> str:
    return INVISIBLE.sub("", word).lower()


def _regions(rendered: _Rendered, extracted: _Extracted | None) -> list[Region]:
    """Comment, body, title and boilerplate regions, sorted and non-overlapping."""
    text = rendered.text
    regions = _comment_regions(rendered)
    locator = _Locator(text)
    if not regions and extracted is not None:
        body = {" ".join(line.split()) for line in extracted.body}  # given as both: body
        _add(regions, text, [span for line in extracted.comments
                             if " ".join(line.split()) not in body
                             for span in locator.find(line)], "comment")
    if extracted is not None and extracted.title:  # before the body, which may repeat it
        wanted = " ".join(extracted.title.split())
        titles = [span for span in _lines(text)
                  if " ".join(text[span[0]:span[1]].split()) == wanted]
        _add(regions, text, titles[:1], "title")
    if extracted is not None:
        locator.cursor = 0
        _add(regions, text, [span for line in extracted.body for span in locator.find(line)],
             "body")
    else:
        _add(regions, text, [span for span in _lines(text)
                             if len(text[span[0]:span[1]].split()) >= FALLBACK_BODY_WORDS], "body")
    regions.sort(key=lambda r: r.start)
    return _with_boilerplate(regions, text)


def _add(regions: list[Region], text: str, spans: list[tuple[int, int]], kind: str) -> None:
    """Add a region per span (trimmed), less the parts that regions already there cover."""
    taken = sorted((r.start, r.end) for r in regions)
    starts = [start for start, _ in taken]
    for span in spans:
        for start, end in _uncovered(span, taken, starts):
            start, end = _trim(text, start, end)
            if end <= start:
                continue
            regions.append(Region(kind, start, end))
            at = bisect_right(starts, start)
            taken.insert(at, (start, end))
            starts.insert(at, start)


def _uncovered(span: tuple[int, int], taken: list[tuple[int, int]],
               starts: list[int]) -> list[tuple[int, int]]:
    """The parts of `span` outside the disjoint, sorted spans `taken`."""
    start, end = span
    parts = []
    at = bisect_right(starts, start)
    if at and taken[at - 1][1] > start:  # the span starts inside a taken one
        start = taken[at - 1][1]
    while at < len(taken) and taken[at][0] < end:
        if taken[at][0] > start:
            parts.append((start, taken[at][0]))
        start = max(start, taken[at][1])
        at += 1
    if end > start:
        parts.append((start, end))
    return parts


def _comment_regions(rendered: _Rendered) -> list[Region]:
    """One region per comment the page marks up, without the replies nested in it."""
    text = rendered.text
    items = sorted({(s, e) for s, e in rendered.comments if e > s})
    starts = [s for s, _ in items]
    regions: list[Region] = []
    for start, end in items:
        own_end = end
        for s, e in items[bisect_left(starts, start):]:
            if s >= end:
                break
            if (s, e) != (start, end) and e <= end:
                own_end = s  # the first comment nested in this one: a reply
                break
        own_start, own_end = _trim(text, start, own_end)
        if own_end > own_start and not (regions and regions[-1].end > own_start):
            regions.append(Region("comment", own_start, own_end,
                                  author=_author(rendered, own_start, own_end),
                                  posted=_posted(rendered, start, own_end)))
    return regions


def _author(rendered: _Rendered, start: int, end: int) -> str | None:
    for s, e in rendered.authors:
        s, e = _trim(rendered.text, s, e)  # an element's start is before the break it caused
        if start <= s and e <= end:
            name = AUTHOR_SUFFIX.sub("", " ".join(rendered.text[s:e].split()))
            if name:
                return name
    return None


def _posted(rendered: _Rendered, start: int, end: int) -> str | None:
    for at, value in rendered.times:
        match = ISO_DATE.match(value.strip())
        if start <= at <= end and match:
            return match.group().replace(" ", "T")
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer("\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _with_boilerplate(regions: list[Region], text: str) -> list[Region]:
    """`regions` with every other stretch of visible text added as boilerplate."""
    result: list[Region] = []
    position = 0
    for region in regions + [Region("end", len(text), len(text))]:
        start, end = _trim(text, position, region.start)
        if end > start:
            result.append(Region("boilerplate", start, end))
        if region.kind != "end":
            result.append(region)
        position = max(position, region.end)
    return result
