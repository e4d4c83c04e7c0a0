"""Document ids: a hash of the decoded content, so re-reading the same text gives the same id."""

from __future__ import annotations

import hashlib


def content_id(raw: str) -> str:
    """The first 16 hex digits of the SHA-256 of `raw` (UTF-8)."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]
