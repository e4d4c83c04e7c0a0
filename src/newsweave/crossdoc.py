"""The cross-document stages, run in one order: near-duplicates, then entity resolution (the
analyst's corrections replayed on its result), then the aggregates.

This is the one place that orchestrates them: `runner.run` calls `rebuild_cross_document` at
the end of every run, and `correct` records an analyst's correction and rebuilds what rests on
entities. The stages themselves (`aggregate/`, `resolve/`) never call each other.
"""

from __future__ import annotations

from pathlib import Path

from .aggregate.duplicates import rebuild_duplicates
from .aggregate.rebuild import rebuild_aggregates
from .resolve.entities import resolve_entities
from .settings import Settings
from .store import connect, crossdoc, run_lock
from .store.aggregates import AGGREGATE_TABLES


def rebuild_cross_document(conn, min_confidence: float = Settings.min_confidence, *,
                           version: str) -> tuple[int, int, dict[str, int]]:
    """The cross-document rebuild that ends every run: duplicates, then entities, then the
    aggregates (from events at or above `min_confidence`). Returns (duplicates flagged,
    entities, rows per aggregate table).

    What the last complete rebuild saw is recorded (highest document `seq`, document count,
    corrections, pipeline `version`, confidence threshold). Nothing changed since: nothing to
    do. Documents only added: only pairs with a new document are compared for near-duplicates.
    Entities and aggregates are recomputed over the whole database either way (bounded: see
    benchmarks/RESULTS.md), since a new mention can change any entity's canonical name and id
    and a new relation any side.
    """
    seq, documents = crossdoc.document_state(conn)
    state = {"version": version, "seq": seq, "documents": documents,
             "overrides": crossdoc.overrides_state(conn), "min_confidence": min_confidence}
    last = crossdoc.rebuilt_state(conn)
    if last == state:
        return crossdoc.cross_document_counts(conn, AGGREGATE_TABLES)
    only_added = (last is not None and last.get("version") == version
                  and crossdoc.documents_up_to(conn, last["seq"]) == last["documents"])
    duplicates = rebuild_duplicates(conn, after_seq=last["seq"] if only_added else None)
    entities = resolve_entities(conn)
    aggregates = rebuild_aggregates(conn, min_confidence)
    crossdoc.set_rebuilt_state(conn, state)
    return duplicates, entities, aggregates


def correct(db: Path, record, *args):
    """Record one correction in database `db` under the run lock, then resolve again (the
    corrections replayed) and refresh the aggregates; returns `record`'s result."""
    with run_lock(db):
        conn = connect(db)
        try:
            result = record(conn, *args)
            resolve_entities(conn)
            rebuild_aggregates(conn)
        finally:
            conn.close()
    return result
