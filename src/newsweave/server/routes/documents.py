"""GET /api/documents (with regions) and /api/documents/{id} (original text, regions, facts)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from ...records import to_dict
from ...store import web_queries
from ...store.web_queries import EventFilter
from ..deps import Page, Reader, as_json, reader
from .filters import date_query

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("")
def documents(page: Page = Depends(), since: str | None = date_query("Published on or after (YYYY[-MM[-DD]])."),
              until: str | None = date_query("Published on or before (YYYY[-MM[-DD]])."),
              r: Reader = Depends(reader)):
    """Documents in order of arrival, each with its regions (title, body, comments, boilerplate)."""
    total, items = web_queries.documents_page(r.conn, limit=page.limit, offset=page.offset,
                                              since=since or None, until=until or None)
    return as_json(page.wrap(total, items))


@router.get("/{doc_id}")
def document(doc_id: str, r: Reader = Depends(reader)):
    """One document: its record, original text (as read), regions, mentions and events.

    Offsets of regions, mentions and events are character offsets into `text`.
    """
    found = r.corpus.document(doc_id)
    if found is None:
        raise HTTPException(404, "no such document")
    record, text = found
    _, events = web_queries.events_page(r.conn, EventFilter(doc=doc_id, region=None), limit=10_000, offset=0)
    return as_json({**to_dict(record), "text": text, "mentions": web_queries.document_mentions(r.conn, doc_id),
                    "events": events})
