"""Hypothesis strategies for hostile text: every script, control characters, NUL, right-to-left
Arabic, zero-width characters, homoglyphs, CRLF line ends and very long lines."""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that break naive text handling, each with why it is here.
NASTY = [
    "\x00",  # NUL: C strings, SQLite text, binary sniffing
    "\r\n", "\r", "\n\n", "\t", "\x0b", "\x0c",  # line ends and odd whitespace
    "\x1b", "\x07", "\x7f", "\x85",  # control characters (ESC, BEL, DEL, NEL)
    "\u2028", "\u2029",  # line and paragraph separators (str.splitlines splits on them)
    "\u200b", "\u200c", "\u200d", "\ufeff",  # zero-width space, (non-)joiner, BOM
    "\u202e", "\u200f", "\u061c",  # right-to-left override, RLM, Arabic letter mark
    "Ѕіdі Ваrrаnі",  # Cyrillic homoglyphs of "Sidi Barrani"
    "Hafta\u200br",  # a zero-width space inside a name
    "قوات حفتر تسيطر على سرت",  # right-to-left Arabic
    "Ḥaftar", "e\u0301", "ﬁ", "Ⅻ", "𝐇𝐚𝐟𝐭𝐚𝐫",  # combining marks, ligatures, math letters
    "😀👨‍👩‍👧", "中文新闻", "Новости",  # emoji ZWJ sequences, CJK, Cyrillic
    "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<!--", "]]>",  # markup debris
    "Tripoli, March 3 (Reuters) - ", "The army attacked the rebels on Monday. ",
    "Comments", "Reply", "Posted by Ali on 2017-03-14", "Share this:",
]

texts = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(max_size=40)),
    max_size=40,
).map("".join)

long_line = st.builds(lambda unit, n: unit * n, st.sampled_from(["a", "word ", "ش", "\u200b", "<b>"]),
                      st.integers(1000, 60_000))

hostile_text = st.one_of(texts, st.builds(lambda a, b, c: a + b + c, texts, long_line, texts))

HTML_PIECES = [
    "<html>", "<head>", "<title>", "</title>", "<body>", "<div>", "</div>", "<p>", "</p>",
    "<script>var a = '</p>';</script>", "<style>p{}</style>", "<br>", "<br/>", "<!-- c -->",
    "<div class='comment'>", "<article>", "</article>", "<h1>", "</h1>", "<a href='x'>", "</a>",
    "<table><tr><td>", "</td></tr></table>", "<ul><li>", "</li></ul>", "<![CDATA[x]]>",
    "&nbsp;", "&amp;", "&lt;", "&#8217;", "&#x1F600;", "&bogus", "&#99999999;", "<p", "</",
    "<meta charset='utf-8'>", "<time datetime='2017-03-14'>", "</time>", "<noscript>", "<iframe>",
    "<svg><text>x</text></svg>", "<?xml version='1.0'?>", "<!DOCTYPE html>",
]

html = st.lists(st.one_of(st.sampled_from(HTML_PIECES), texts), max_size=40).map("".join)
