"""Who stands behind a report: the publisher key that counts independent sources.

Copies of one text (documents marked `duplicate_of`, syndicated wire copy crediting the same
source) are one publisher; a report that credits another outlet ("according to Asharq
al-Awsat", "DEBKA revealed") counts as that outlet, not as the site that repeated it; a
document with no known publisher (no `source`, no url) is its own publisher.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# KB role words that make an organisation a news outlet (curated roles: "news agency@GB@@").
OUTLET_ROLE_WORDS = ("news", "newspaper", "agency", "broadcaster", "television", "radio", "outlet",
                     "magazine", "website")

# Attribution text naming an outlet the KB does not know: media words in a proper name.
OUTLET_NAME_RE = re.compile(
    r"\b(?:news(?:paper)?|agency|times|post|herald|gazette|tribune|daily|tv|television|radio|"
    r"press|journal|observer|monitor|telegraph|guardian|al-?jazeera|file)\b", re.IGNORECASE)

# Words that mark an attribution as a kind of person or office, not an outlet ("US military
# sources", "the foreign ministry", "his office"): the reporting site stays the publisher.
NOT_OUTLET_RE = re.compile(r"\b(?:sources?|officials?|office|ministry|spokes\w*|statement|minister)\s*$",
                           re.IGNORECASE)

# A leading possessive owner: "DEBKAfile's military sources" -> "DEBKAfile".
POSSESSIVE_RE = re.compile(r"^(.+?)['’]s\b")

# Prefixes of a host name that do not distinguish publishers.
HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def _kb():
    try:
        from ..kb import knowledge_base
    except ImportError:  # the knowledge base is optional for the aggregate steps
        return None
    return knowledge_base()


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@lru_cache(maxsize=4096)
def cited_outlet(attribution: str | None) -> str | None:
    """The outlet an attribution names, as a publisher key, or None (the site speaks itself)."""
    if not attribution:
        return None
    text = re.sub(r"^(?:the|a)\s+", "", attribution.strip(), flags=re.IGNORECASE)
    owner = POSSESSIVE_RE.match(text)
    candidates = [owner.group(1)] if owner else []
    candidates.append(text)
    kb = _kb()
    for candidate in candidates:
        for entry in (kb.lookup(candidate) if kb else []):
            if entry.type == "ORGANIZATION" and any(
                    word in role[0].lower() for role in entry.roles for word in OUTLET_ROLE_WORDS):
                return f"outlet:{entry.id}"
    for candidate in candidates:
        if OUTLET_NAME_RE.search(candidate) and not NOT_OUTLET_RE.search(candidate) and candidate[:1].isupper():
            return f"outlet:{_normal(candidate)}"
    return None


def url_host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def publisher_of_document(doc_id: str, documents: dict) -> str:
    """The publisher key of a stored document (`documents`: id -> row with source, url,
    duplicate_of); a duplicate takes the key of the copy it repeats."""
    seen = set()
    row = documents.get(doc_id)
    while row is not None and row["duplicate_of"] and row["duplicate_of"] not in seen:
        seen.add(row["id"])
        row = documents.get(row["duplicate_of"]) or row
        if row["id"] in seen:
            break
    if row is None:
        return f"doc:{doc_id}"
    if row["source"]:
        return f"source:{_normal(row['source'])}"
    host = url_host(row["url"])
    return f"host:{host}" if host else f"doc:{row['id']}"


def publisher_of_event(event, documents: dict) -> str:
    """An event's independent source: the outlet it credits, else its document's publisher."""
    return cited_outlet(event["attribution"]) or publisher_of_document(event["doc"], documents)
