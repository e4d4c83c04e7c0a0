"""Segment a plain-text scrape into regions: title, dateline, body, comments, boilerplate.

A scraped page is read line by line. Each line gets features (words, function-word density,
terminal punctuation, indentation, script) and a score: prose scores its length, menus,
widgets and credits score below zero. The article body is the best-scoring run of lines
(a maximum-sum segment) before the first comment section; what comes before it gives the
title and datelines, what comes after it gives comments (one region each, with author and
time when the page gives them) and boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, Region
from . import patterns as P
from .pubdate import dateline_date, parse_date

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass
class Line:
    start: int  # offsets of the stripped line in the text
    end: int
    text: str  # stripped
    indent: int
    words: int
    stop_ratio: float
    terminal: bool  # ends like a sentence
    boilerplate: str | None  # name of the matching boilerplate pattern
    foreign: bool  # mostly in another script than the page
    blank_before: bool


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    position = 0
    blank = True
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            start = position + lead
            words = _WORD.findall(stripped)
            stops = sum(1 for w in words if w.lower() in P.STOPWORDS_ANY)
            # Chinese and Japanese write no spaces: count characters as words there
            ideographs = sum(1 for char in stripped if "\u3040" <= char <= "\u9fff")
            lines.append(Line(
                start=start, end=start + len(stripped), text=stripped,
                indent=len(content[:lead].expandtabs(4)),
                words=max(len(words), ideographs // P.IDEOGRAPHS_PER_WORD),
                stop_ratio=stops / len(words) if words else 0.0,
                terminal=bool(P.SENTENCE_END.search(stripped)),
                boilerplate=_boilerplate_kind(stripped), foreign=False, blank_before=blank))
            blank = False
        else:
            blank = True
        position += len(raw)
    _mark_foreign(lines)
    if not _stopwords_cover(lines):
        for line in lines:  # a language the lists do not know: judge prose by length alone
            line.stop_ratio = 1.0
    return lines


def _stopwords_cover(lines: list[Line]) -> bool:
    """Whether the function-word lists know the page's language (its long lines use them)."""
    long_lines = [line for line in lines if len(line.text) >= P.LONG_LINE_CHARS and not line.foreign]
    if not long_lines:
        return True
    known = sum(1 for line in long_lines if line.stop_ratio >= P.PROSE_MIN_STOPWORD_RATIO / 2)
    return known / len(long_lines) >= P.STOPWORD_COVERAGE_MIN_SHARE


def _boilerplate_kind(line: str) -> str | None:
    for name, pattern in P.BOILERPLATE_LINES.items():
        if pattern.match(line):
            return name
    return None


# A line's script is judged from its first this many characters: enough to tell, and a
# megabyte-long line costs no more than a paragraph.
LINE_SCRIPT_SAMPLE = 4000


@lru_cache(maxsize=8192)
def _script(char: str) -> str | None:
    code = ord(char)
    for name, ranges in P.SCRIPT_RANGES.items():
        if any(low <= code <= high for low, high in ranges):
            return name
    return "latin" if char.isalpha() else None


def _line_script(text: str) -> str | None:
    counts: dict[str, int] = {}
    for char in text[:LINE_SCRIPT_SAMPLE]:
        script = _script(char) if char.isalpha() else None
        if script:
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    if not total:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count / total >= P.FOREIGN_SCRIPT_MIN_SHARE else None


def _mark_foreign(lines: list[Line]) -> None:
    """Flag lines in another script than the page's main one (interface strings)."""
    weight: dict[str, int] = {}
    scripts = [_line_script(line.text) for line in lines]
    for line, script in zip(lines, scripts):
        if script:
            weight[script] = weight.get(script, 0) + len(line.text)
    if not weight:
        return
    main = max(weight.items(), key=lambda item: item[1])[0]
    for line, script in zip(lines, scripts):
        line.foreign = script is not None and script != main


def is_prose(line: Line) -> bool:
    return (line.words >= P.PROSE_MIN_WORDS and line.stop_ratio >= P.PROSE_MIN_STOPWORD_RATIO
            and (line.terminal or line.words >= 2 * P.PROSE_MIN_WORDS))


def line_score(line: Line) -> float:
    """How much a line looks like article prose: positive for prose, negative for furniture."""
    if line.boilerplate or line.foreign:
        return P.BOILERPLATE_LINE_SCORE
    if is_prose(line):
        return float(line.words)
    if line.terminal and line.words >= 3 and line.stop_ratio >= P.PROSE_MIN_STOPWORD_RATIO:
        return line.words / 2  # a short sentence
    return P.SHORT_LINE_SCORE


# --- comments ----------------------------------------------------------------------------


@dataclass
class CommentHead:
    first: int  # index of the header's first line
    last: int  # index of its last line (a "Posted ..." line under the name)
    author: str | None
    posted: str | None


def _name_like(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= P.AUTHOR_MAX_WORDS and len(text) <= P.AUTHOR_MAX_CHARS
            and not P.SENTENCE_END.search(text.rstrip(")")) and not P.NOT_AUTHOR.match(text)
            and not parse_date(text))


def _posted_line(text: str) -> tuple[str | None, str | None] | None:
    """(name, ISO time) of a "Posted [by X] [on] DATE" or bare date-time line, else None."""
    match = P.POSTED.match(text)
    if match and (match.group("name") or parse_date(match.group("date") or "")):
        found = parse_date(match.group("date") or "", with_time=True)
        return match.group("name"), found.value if found else None
    found = parse_date(text, with_time=True)
    if found and len(text) - (found.end - found.start) <= 12:  # a line that is a timestamp
        return None, found.value
    return None


def comment_head(lines: list[Line], i: int) -> CommentHead | None:
    """The comment header starting at line `i` ("1. Name / Posted …", "• Name", "X says:")."""
    line = lines[i]
    says = P.SAYS.match(line.text)
    if says and _name_like(says.group("name")):
        posted = parse_date(says.group("date") or "", with_time=True)
        head = CommentHead(i, i, says.group("name"), posted.value if posted else None)
        return _with_posted_below(lines, head)
    line_posted = _posted_line(line.text)
    if line_posted and line_posted[0]:
        return CommentHead(i, i, line_posted[0].strip(), line_posted[1])
    bullet = P.BULLET.match(line.text)
    name = bullet.group("rest") if bullet else line.text
    if not _name_like(name) or i + 1 >= len(lines):
        return None
    below = lines[i + 1]
    below_posted = _posted_line(below.text)
    if below_posted:
        return CommentHead(i, i + 1, name, below_posted[1])
    # "• Name" above text indented deeper: a threaded reply
    if bullet and not bullet.group("bullet")[0].isdigit() and below.indent > line.indent and below.words >= 3:
        return CommentHead(i, i, name, None)
    return None


def _with_posted_below(lines: list[Line], head: CommentHead) -> CommentHead:
    if head.posted is None and head.last + 1 < len(lines):
        below = _posted_line(lines[head.last + 1].text)
        if below and below[1]:
            return CommentHead(head.first, head.last + 1, head.author, below[1])
    return head


def _is_comment_marker(line: Line) -> bool:
    return any(p.match(line.text) for p in P.COMMENT_MARKERS.values())


def _is_end_marker(line: Line) -> bool:
    return any(p.match(line.text) for p in P.END_MARKERS.values())


# --- segmentation ------------------------------------------------------------------------


def best_block(scores: list[float], walls: set[int]) -> tuple[int, int] | None:
    """The maximum-sum run of line scores (Kadane), not crossing walls: (first, last) lines."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if i in walls:
            total, start = 0.0, i + 1
            continue
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _comment_start(lines: list[Line], scores: list[float]) -> int:
    """Index of the first line of the comment section (len(lines) when there is none).

    A section heading or form opens it; so does a comment header, but only when another one
    follows (one "Name / date" pair alone is more often the article's byline).
    """
    heads = [i for i in range(len(lines)) if comment_head(lines, i)]
    prose_chars = 0
    for i, line in enumerate(lines):
        if prose_chars >= P.MIN_BODY_CHARS_BEFORE_MARKER:
            if _is_comment_marker(line):
                return i
            if i in heads and sum(1 for h in heads if h >= i) >= P.MIN_COMMENT_HEADS:
                return i
        if scores[i] > 0:
            prose_chars += len(line.text)
    return len(lines)


def segment(text: str) -> list[Region]:
    """Regions of a plain-text page, sorted, non-overlapping, `text[r.start:r.end]` exact."""
    lines = split_lines(text)
    if not lines:
        return []
    scores = [line_score(line) for line in lines]
    cut = _comment_start(lines, scores)
    walls = {i for i, line in enumerate(lines) if _is_end_marker(line)}
    span = best_block(scores[:cut], walls)
    if span is None:
        first, last = cut, cut - 1
    else:
        first, last = _widen(scores[:cut], walls, span)
    regions = _header_regions(lines[:first])
    regions += _body_regions(lines, first, last)
    _pick_title(text, lines, regions, first)
    regions += _tail_regions(lines, last + 1, cut)
    if not any(r.kind == "body" for r in regions):
        _text_as_body(lines, regions)
    return regions


def _text_as_body(lines: list[Line], regions: list[Region]) -> None:
    """A page with no block of prose (a one-line story, a wire headline with its sentence) is all
    body where it is not furniture: text is not thrown away for being short."""
    plain = {line.start for line in lines if not line.boilerplate and not line.foreign}
    candidates = [r for r in regions if r.start in plain and r.kind in ("boilerplate", "title")]
    keep_title = len(candidates) > 1 and candidates[0].kind == "title"
    for region in candidates[1:] if keep_title else candidates:
        region.kind, region.note = "body", None


def _widen(scores: list[float], walls: set[int], span: tuple[int, int]) -> tuple[int, int]:
    """Take in neighbouring blocks of prose that an image or a list split from the main one."""
    first, last = span
    best = sum(scores[first:last + 1])
    while True:
        grown = False
        right = best_block(scores[last + 1:], {w - last - 1 for w in walls if w > last})
        if right:
            lo, hi = last + 1 + right[0], last + 1 + right[1]
            if _joins(scores, walls, best, last + 1, lo, hi):
                last, grown = hi, True
        left = best_block(scores[:first], {w for w in walls if w < first})
        if left and _joins(scores, walls, best, left[1] + 1, left[0], left[1], gap_end=first):
            first, grown = left[0], True
        if not grown:
            return first, last


def _joins(scores, walls, best, gap_start, lo, hi, *, gap_end=None) -> bool:
    """Whether block lo..hi, separated by the gap from gap_start, is part of the article."""
    gap = range(gap_start, lo) if gap_end is None else range(gap_start, gap_end)
    if walls & set(gap):
        return False
    block = sum(scores[lo:hi + 1])
    return block >= P.EXTRA_BLOCK_MIN_SHARE * best and sum(scores[i] for i in gap) >= -P.EXTRA_BLOCK_MAX_GAP


def _header_regions(lines: list[Line]) -> list[Region]:
    """Datelines and boilerplate above the body (the title is chosen by `_pick_title`)."""
    regions = []
    for line in lines:
        kind = "dateline" if dateline_date(line.text) and line.words <= 12 else "boilerplate"
        regions.append(Region(kind, line.start, line.end,
                              note=line.boilerplate or ("foreign script" if line.foreign else None)))
    return regions


def _pick_title(text: str, lines: list[Line], regions: list[Region], body_first: int) -> None:
    """Mark the headline: a headline-like line opening the body, else the best one above it."""
    by_start = {line.start: line for line in lines}
    body = [r for r in regions if r.kind == "body"]
    if body:
        line = by_start.get(body[0].start)
        if line and line.end == body[0].end and headline_like(line) and not line.text.endswith((":", ";")):
            body[0].kind = "title"
            return
    above = [r for r in regions if r.kind == "boilerplate" and r.start < (body[0].start if body else len(text))]
    candidates = [r for r in above if r.start in by_start and headline_like(by_start[r.start])]
    if not candidates:
        return
    heads = [_key(split_title(text[r.start:r.end])[0]) for r in candidates]
    everything = [_key(text[line.start:line.end]) for line in lines]
    for region, head in zip(candidates, heads):
        if everything.count(head) + heads.count(head) >= 2:  # headline shown twice: page title and h1
            region.kind, region.note = "title", None
            return
    best = max(candidates, key=lambda r: by_start[r.start].words)
    best.kind, best.note = "title", None


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def headline_like(line: Line) -> bool:
    """A headline: a few words, starting with a capital, not a sentence-final period, not lowercase."""
    text = line.text
    if line.boilerplate or line.foreign or not 3 <= line.words <= P.TITLE_MAX_WORDS:
        return False
    if text == text.lower() or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘"):
        return False
    return not text.endswith(".") or text.endswith("...")


def _body_regions(lines: list[Line], first: int, last: int) -> list[Region]:
    """One body region per paragraph; furniture inside the block stays boilerplate."""
    regions: list[Region] = []
    for i in range(first, last + 1):
        line = lines[i]
        if line.boilerplate or line.foreign:
            regions.append(Region("boilerplate", line.start, line.end,
                                  note=line.boilerplate or "foreign script"))
            continue
        if dateline_date(line.text) and line.words <= 8 and not line.terminal:
            regions.append(Region("dateline", line.start, line.end))
            continue
        previous = regions[-1] if regions else None
        if previous and previous.kind == "body" and _continues(lines[i - 1], line):
            previous.end = line.end
        else:
            regions.append(Region("body", line.start, line.end))
    return regions


def _continues(previous: Line, line: Line) -> bool:
    """Whether `line` wraps on from `previous` in the same paragraph (hard-wrapped dumps)."""
    if line.blank_before or len(previous.text) > P.WRAPPED_LINE_MAX_CHARS:
        return False
    return not previous.terminal or line.text[:1].islower()


def _tail_regions(lines: list[Line], start: int, cut: int) -> list[Region]:
    """Footer boilerplate and datelines up to the comment section, then comments."""
    regions = []
    for i in range(start, min(cut, len(lines))):
        line = lines[i]
        kind = "dateline" if dateline_date(line.text) and line.words <= 10 else "boilerplate"
        regions.append(Region(kind, line.start, line.end, note=line.boilerplate))
    regions += comment_regions(lines, cut)
    return regions


def comment_regions(lines: list[Line], start: int) -> list[Region]:
    """Comments (header to last line of text) and boilerplate from line `start` on."""
    regions: list[Region] = []
    current: Region | None = None
    teasers = False  # under a "Related"/"Check Also" heading, headerless text is no comment
    i = start
    while i < len(lines):
        line = lines[i]
        head = comment_head(lines, i)
        if head:
            current = Region("comment", line.start, lines[head.last].end,
                             author=_clean_author(head.author), posted=head.posted)
            regions.append(current)
            i, teasers = head.last + 1, False
            continue
        ends_thread = line.boilerplate or line.foreign or _is_comment_marker(line) or _is_end_marker(line)
        if ends_thread:
            current = None
            teasers = _is_end_marker(line) or (teasers and not _is_comment_marker(line))
            regions.append(Region("boilerplate", line.start, line.end,
                                  note=line.boilerplate or "comment section"))
        elif current is not None:
            current.end = line.end
        elif line.words >= 3 and not teasers:  # text under no header: an anonymous comment
            current = Region("comment", line.start, line.end)
            regions.append(current)
        else:
            regions.append(Region("boilerplate", line.start, line.end, note="comment section"))
        i += 1
    return regions


def _clean_author(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s*\(.*\)\s*$", "", name).strip(" :-|")  # "Avi (IDF:71)" -> "Avi"
    return name or None


# --- title and source --------------------------------------------------------------------


def split_title(line: str) -> tuple[str, str | None]:
    """(headline, site name) from "Headline | Site" or "Headline / Section / Site"."""
    for separator in P.TITLE_SEPARATORS:
        if separator not in line:
            continue
        parts = [part.strip() for part in line.split(separator) if part.strip()]
        if len(parts) < 2:
            continue
        head, site = max(parts[:-1], key=len), parts[-1]
        if len(site.split()) <= P.SITE_NAME_MAX_WORDS and len(head) > len(site):
            return head, site
    return line, None


def clean_plaintext(doc: Document) -> Document:
    """Plain-text cleaner. Reads `raw`; sets `text` (= raw), `offsets` (None), `regions`, `title`."""
    doc.text = doc.raw
    doc.offsets = None
    doc.regions = segment(doc.text)
    for region in doc.regions_of("title"):
        head, site = split_title(doc.text[region.start:region.end])
        doc.title = doc.title or head
        doc.source = doc.source or site
        break
    return doc
