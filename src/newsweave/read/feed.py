"""Read an RSS (2.0 or 1.0) or Atom feed file: each item is a Document with its title, link,
date and the feed's title as source; its text is the item's content (or summary), HTML turned
into text. Items are named `FILE#N` (the N-th item). An item without text is reported, since
the article behind its link is not in the file (`newsweave run --fetch` reads lists of URLs)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

from ..document import Document
from ..errors import InputError
from ..settings import Settings
from .decode import check_text
from .files import read_bytes
from .ids import content_id

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def read_feed(path: str, settings: Settings) -> Iterator[Document | InputError]:
    """Each item of a feed file as a Document, or an InputError naming the item."""
    try:
        root = ElementTree.fromstring(read_bytes(path, settings.max_file_bytes))
    except InputError as e:
        yield e
        return
    except ElementTree.ParseError as e:
        yield InputError(path, f"not a readable RSS or Atom feed (XML error: {e})")
        return
    if root.tag == f"{_ATOM}feed":
        source, items = root.findtext(f"{_ATOM}title"), [_atom_entry(entry) for entry in root.iter(f"{_ATOM}entry")]
    elif root.tag == "rss":
        source, items = root.findtext("channel/title"), [_rss_item(item, "") for item in root.iter("item")]
    elif root.tag.endswith("RDF"):
        source, items = root.findtext(f"{_RSS1}channel/{_RSS1}title"), [_rss_item(item, _RSS1) for item in root.iter(f"{_RSS1}item")]
    else:
        yield InputError(path, f"not an RSS or Atom feed (its root element is <{root.tag}>)")
        return
    if not items:
        yield InputError(path, "the feed has no items")
    for number, (title, link, published, body) in enumerate(items, 1):
        where = f"{path}#{number}"
        text = _text(body)
        if not text:
            yield InputError(where, f"feed item {number} ({title or link or 'untitled'}) has no text, only a link")
            continue
        try:
            check_text(text, where)
        except InputError as e:
            yield e
            continue
        yield Document(id=content_id(text), name=f"{os.path.basename(path)}#{number}", path=path, raw=text,
                       format="text", title=_clean(title), source=_clean(source), url=_clean(link),
                       published=_iso_date(published))


def _rss_item(item: ElementTree.Element, ns: str) -> tuple:
    body = item.findtext(_CONTENT) or item.findtext(f"{ns}description")
    return (item.findtext(f"{ns}title"), item.findtext(f"{ns}link"),
            item.findtext("pubDate") or item.findtext(_DC_DATE), body)


def _atom_entry(entry: ElementTree.Element) -> tuple:
    links = entry.findall(f"{_ATOM}link")
    link = next((node.get("href") for node in links if node.get("rel", "alternate") == "alternate"), None)
    body = entry.findtext(f"{_ATOM}content") or entry.findtext(f"{_ATOM}summary")
    return (entry.findtext(f"{_ATOM}title"), link,
            entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated"), body)


def _text(body: str | None) -> str:
    """An item's text: HTML (escaped in the feed, as feeds carry it) turned into plain text."""
    if not body or not body.strip():
        return ""
    if "<" in body:
        from inscriptis import get_text

        body = get_text(body)
    return "\n\n".join(line.strip() for line in body.splitlines() if line.strip())


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _iso_date(value: str | None) -> str | None:
    """RSS dates are RFC 822 ("Tue, 03 Jun 2025 08:00:00 GMT"), Atom and Dublin Core ISO 8601."""
    value = _clean(value)
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None  # an unreadable date: the cleaner looks for one in the text
