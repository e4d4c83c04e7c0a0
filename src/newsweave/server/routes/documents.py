"""GET /api/documents (with regions) and /api/documents/{id} (original text, regions, facts)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from ...records import to_dict
from ...settings import Settings
from ...store import queries
from ...store.filters import EventFilter, check_window
from ..deps import Page, Reader, as_json, reader
from ..twins import add_twins
from .filters import date_query

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("")
def documents(page: Page = Depends(), since: str | None = date_query("Published on or after (YYYY[-MM[-DD]])."),
              until: str | None = date_query("Published on or before (YYYY[-MM[-DD]])."),
              r: Reader = Depends(reader)):
    """Documents in order of arrival, each with its regions (title, body, comments, boilerplate);
    `since`/`until` keep those whose publication date may fall in the window."""
    check_window(since or None, until or None)
    total, items = queries.documents_page(r.conn, limit=page.limit, offset=page.offset,
                                              since=since or None, until=until or None)
    return as_json(page.wrap(total, items))


add_twins(router, documents, "documents")


@router.get("/{doc_id}")
def document(doc_id: str, r: Reader = Depends(reader)):
    """One document: its record, original text (as read), regions, mentions and events.

    Offsets of regions, mentions and events are character offsets into `text`.
    """
    found = r.corpus.document(doc_id)
    if found is None:
        raise HTTPException(404, "no such document")
    record, text = found
    _, events = queries.events_page(r.conn, EventFilter(doc=doc_id, min_confidence=Settings.min_confidence), limit=10_000, offset=0)
    return as_json({**to_dict(record), "text": text, "mentions": queries.document_mentions(r.conn, doc_id),
                    "events": events})
