"""The cross-document stages, run in one order over a `Store`: near-duplicates, then entity
resolution (the analyst's corrections replayed on its result), then the aggregates.

This is the one place that orchestrates them and the only one that moves their records in and
out of the store: `aggregate/` and `resolve/` are functions from records to records and never
call each other. `runner.run` calls `rebuild_cross_document` at the end of every run; `correct`
records an analyst's correction and rebuilds what rests on entities.
"""

from __future__ import annotations

from collections.abc import Callable

from . import __version__
from .aggregate.duplicates import find_duplicates
from .aggregate.membership import LINKED_TYPES
from .aggregate.rebuild import build_aggregates
from .resolve.entities import Resolution
from .resolve.nodes import NameNodes
from .settings import Settings
from .store import Database, Store, run_lock

# Kept inputs of another format (what `Resolution.inputs` digests) or newsweave version (its
# resolution rules and knowledge base) are not compared: every document is read again.
INPUTS_FORMAT = f"1/{__version__}"


def rebuild_duplicates(store: Store, *, after_seq: int | None = None) -> int:
    """Flag every near-duplicate document; returns how many are flagged. `after_seq`: the
    documents up to that `seq` are unchanged since their duplicates were last set, so only
    pairs with a later document are compared."""
    new = None if after_seq is None else store.documents_after(after_seq)
    if new is not None and not new:
        return store.count_duplicates()
    duplicate_of = find_duplicates(store.shared_band_buckets(after_seq), store.fingerprints,
                                   store.document_order_keys, new=new,
                                   stored=None if new is None else store.duplicate_links())
    store.set_duplicates(duplicate_of, everything=new is None)
    return store.count_duplicates()


def _only_added_since(store: Store, kept: dict | None) -> bool:
    """Whether the documents a kept state recorded (its highest `seq` and its count) are all
    still stored: documents were only added since, none replaced or removed."""
    return kept is not None and store.documents_up_to(kept["seq"]) == kept["documents"]


def name_nodes(store: Store, seq: int, documents: int) -> NameNodes:
    """The name nodes of every stored document (`seq` the highest, `documents` how many): those
    kept by the last resolution with the documents added since folded in, or, when a document
    it held was replaced or removed (or none were kept), all folded anew. Keeps the result for
    the next resolution."""
    kept = store.name_nodes()
    nodes = NameNodes.from_json(kept["nodes"]) if kept is not None else None
    if kept is not None and nodes is not None and _only_added_since(store, kept):
        if kept["seq"] == seq:
            return nodes
        after_seq = kept["seq"]
    else:
        nodes, after_seq = NameNodes(), 0
    nodes.add_mentions(store.mention_keys(after_seq))
    nodes.add_event_actors(store.event_actor_keys(after_seq))
    store.set_name_nodes({"seq": seq, "documents": documents, "nodes": nodes.to_json()})
    return nodes


def resolve_entities(store: Store) -> int:
    """Resolve the stored mentions into entities (the corrections replayed) and point mentions
    and events at them, in one transaction; returns the number of entities.

    The name nodes are clustered anew, but only documents whose resolution may change are read
    again: those added since the last resolution and those naming a key whose entity, node or
    roles changed (`Resolution.inputs`). Every document is read when the corrections are
    replayed, or when the last resolution's documents were replaced or removed."""
    seq, documents = store.document_state()
    resolution = Resolution(name_nodes(store, seq, documents))
    inputs = resolution.inputs()
    overrides = store.overrides()
    store.start_staging()
    kept = store.resolution_inputs()
    chosen = not overrides and kept is not None and kept.get("format") == INPUTS_FORMAT \
        and _only_added_since(store, kept)
    if chosen:
        assert kept is not None
        before = kept["inputs"]
        store.select_documents([key for key, digest in inputs.items() if before.get(key) != digest], kept["seq"])
    renamed = resolution.assign(lambda: store.rows_by_document(chosen), overrides, store.stage_changes)
    # Only the records of entities that gained or lost a mention or an event are rebuilt.
    touched = store.touch_entities() if chosen else None
    entities = resolution.entities(store.resolved_mentions(chosen), store.resolved_actors(chosen), renamed, touched)
    store.write_resolution(entities, {"format": INPUTS_FORMAT, "seq": seq, "documents": documents,
                                      "inputs": inputs}, touched=chosen)
    return store.count_entities()


def rebuild_aggregates(store: Store, min_confidence: float | None = None) -> dict[str, int]:
    """Rebuild every aggregate table from the article events at or above `min_confidence`
    (None: the threshold the tables were last built at, else `Settings.min_confidence`), in
    one transaction with that threshold; returns how many rows each got."""
    if min_confidence is None:
        min_confidence = store.aggregates_threshold()
    if min_confidence is None:
        min_confidence = Settings().min_confidence
    tables = build_aggregates(store.body_events(min_confidence), store.actors(), store.document_publishers(),
                              store.adjacent_body_mentions(LINKED_TYPES), store.event_sentence)
    store.replace_aggregates(min_confidence=min_confidence, **tables)
    return {table: len(rows) for table, rows in tables.items()}


def rebuild_cross_document(store: Store, min_confidence: float = Settings.min_confidence, *,
                           version: str) -> tuple[int, int, dict[str, int]]:
    """The cross-document rebuild that ends every run: duplicates, then entities, then the
    aggregates (from events at or above `min_confidence`). Returns (duplicates flagged,
    entities, rows per aggregate table).

    What the last complete rebuild saw is recorded (highest document `seq`, document count,
    corrections, pipeline `version`, confidence threshold). Nothing changed since: nothing to
    do. Documents only added: only pairs with a new document are compared for near-duplicates,
    and entity resolution folds in only the new documents' names and reads again only the
    documents whose entities may change (`resolve_entities`). The aggregates are recomputed over
    the whole database (bounded: see benchmarks/RESULTS.md), since a new relation can change
    any side.
    """
    seq, documents = store.document_state()
    state = {"version": version, "seq": seq, "documents": documents,
             "overrides": store.overrides_state(), "min_confidence": min_confidence}
    last = store.rebuilt_state()
    if last == state:
        return store.cross_document_counts()
    only_added = last is not None and last.get("version") == version and _only_added_since(store, last)
    duplicates = rebuild_duplicates(store, after_seq=last["seq"] if last is not None and only_added else None)
    entities = resolve_entities(store)
    aggregates = rebuild_aggregates(store, min_confidence)
    store.set_rebuilt_state(state)
    return duplicates, entities, aggregates


def correct(db: Database, override: Callable[..., dict], *args) -> str:
    """Record the correction `override(entities, *args)` gives (`resolve.corrections`) in the
    database `db` under the run lock, then resolve again (every correction replayed) and refresh
    the aggregates; returns the id of the entity corrected."""
    with run_lock(db), Store.open(db) as store:
        recorded = override(store.entity_names(), *args)
        store.add_override(**recorded)
        resolve_entities(store)
        rebuild_aggregates(store)
    return recorded["entity"]
