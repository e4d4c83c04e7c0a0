"""The Python API: run a corpus, open a database, query it, analyse one text without a database.

The CLI is a thin layer over these functions, with the same defaults (reader comments left out
unless asked for); an invalid filter value raises ValueError. For notebooks: the views as
pandas DataFrames (`*_frame`), the actor graph as networkx (`graph()`), and HTML display of the
corpus and of every record.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from pathlib import Path

from .document import EVENT_TYPES, MENTION_TYPES, Document, Region
from .errors import FilterError
from .aggregate.records import MembershipRecord, SideRecord, TimelineRecord
from .notebook import frame
from .records import (
    ContradictionRecord,
    DocumentRecord,
    EntityRecord,
    ErrorRecord,
    EventRecord,
    MentionRecord,
    RelationRecord,
    table_html,
)
from .settings import DEFAULT_DB, Settings
from .store import aggregates, connect, display, location, queries
from .store.filters import EventFilter, check_choice, check_confidence, check_count, check_window
from .store.time_limit import TimeLimit


class Corpus:
    """A newsweave database opened for reading.

    Its views (events, timeline, relations, sides, contradictions) use the article events at or
    above `min_confidence` (default `Settings.min_confidence`). The aggregates stored by the
    last run were built at the run's threshold; at another one they are rebuilt for this
    Corpus only, in memory (the database is not changed). `time_limit`: a deadline every query
    must meet (the server's; none by default).
    """

    def __init__(self, db: str | Path = DEFAULT_DB, *, min_confidence: float | None = None,
                 time_limit: TimeLimit | None = None):
        self.db = location(db)
        self.min_confidence = Settings.min_confidence if min_confidence is None else min_confidence
        check_confidence(self.min_confidence)
        self._conn = connect(self.db, readonly=True)
        self._aggregates_ready = False
        if time_limit is not None:
            time_limit.watch(self._conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def documents(self) -> list[DocumentRecord]:
        return queries.documents(self._conn)

    def document(self, doc_id: str) -> tuple[DocumentRecord, str] | None:
        """A document's record and its original text."""
        return queries.document(self._conn, doc_id)

    def mentions(self) -> list[MentionRecord]:
        return builtins.list(queries.mentions(self._conn))

    def entities(self, *, name: str | None = None, type: str | None = None) -> list[EntityRecord]:
        """Resolved entities, most mentioned first; `type` is a mention type (PERSON, COUNTRY…)."""
        check_choice("type", type, MENTION_TYPES)
        return queries.entities(self._conn, name=name, type=type)

    def events(self, *, actor: str | None = None, type: str | None = None, region: str | None = None,
               since: str | None = None, until: str | None = None,
               min_confidence: float | None = None, comments: bool = False) -> list[EventRecord]:
        """Events at or above `min_confidence` (default: the Corpus's), in reading order;
        `since`/`until` (YYYY[-MM[-DD]]) keep those whose date may fall in the window (the rule
        in `store/filters.py`). Reader comments are left out, as in the CLI, unless `comments`
        (or `region="comment"`). Raises ValueError for an invalid value: an unknown type or
        region, a bad date or window, an actor matching no entity."""
        return queries.events(self._conn, self.event_filter(
            actor=actor, type=type, region=region, since=since, until=until,
            min_confidence=min_confidence, comments=comments))

    def event_filter(self, *, actor: str | None = None, type: str | None = None, region: str | None = None,
                     since: str | None = None, until: str | None = None,
                     min_confidence: float | None = None, comments: bool = False) -> EventFilter:
        """The filter `events()` applies for these arguments (ValueError for an invalid one)."""
        if region is None and not comments:
            region = "body"
        threshold = self.min_confidence if min_confidence is None else min_confidence
        return EventFilter(actor=actor, type=type, region=region, since=since, until=until,
                           min_confidence=threshold)

    def resolve_actor(self, actor: str) -> list[str]:
        """The ids of the entities that `actor` (an id, a name or an alias) stands for."""
        return queries.entity_ids_matching(self._conn, actor)

    def _actor_ids(self, actor: str | None) -> list[str] | None:
        """The entities `actor` stands for; ValueError when it stands for none (a misspelt
        name is an error, not an empty answer)."""
        if not actor:
            return None
        ids = self.resolve_actor(actor)
        if not ids:
            raise FilterError("actor", actor, "matches no entity")
        return ids

    def _aggregated(self):
        """The connection, its aggregate tables built at this Corpus's threshold."""
        if not self._aggregates_ready:
            if aggregates.aggregates_threshold(self._conn) != self.min_confidence:
                from .crossdoc import rebuild_aggregates
                from .store import Store

                aggregates.use_private_aggregates(self._conn)
                rebuild_aggregates(Store(self._conn), self.min_confidence)
            self._aggregates_ready = True
        return self._conn

    def timeline(self, *, actor: str | None = None, since: str | None = None, until: str | None = None,
                 min_sources: int = 0) -> list[TimelineRecord]:
        """Article events ordered by when they happened (undated last), one entry per real
        event with all its reports; `since`/`until` are ISO dates (partial allowed)."""
        check_window(since, until)
        check_count("min_sources", min_sources)
        return aggregates.timeline(self._aggregated(), actor_ids=self._actor_ids(actor), since=since, until=until,
                                   min_sources=min_sources)

    def timeline_page(self, *, limit: int, offset: int = 0, actor: str | None = None, since: str | None = None,
                      until: str | None = None, min_sources: int = 0,
                      type: str | None = None) -> tuple[int, list[TimelineRecord]]:
        """(how many entries `timeline` gives, one page of them), of one event `type` if given:
        cut in the database, not after reading the whole timeline."""
        check_window(since, until)
        check_count("min_sources", min_sources)
        check_choice("type", type, EVENT_TYPES)
        actor_ids, conn, type = self._actor_ids(actor), self._aggregated(), type.upper() if type else None
        return (aggregates.timeline_count(conn, actor_ids=actor_ids, since=since, until=until,
                                          min_sources=min_sources, type=type),
                aggregates.timeline(conn, actor_ids=actor_ids, since=since, until=until, min_sources=min_sources,
                                    type=type, limit=limit, offset=offset))

    def relations(self, *, actor: str | None = None, min_sources: int = 0, since: str | None = None,
                  until: str | None = None, type: str | None = None,
                  events: EventFilter | None = None) -> list[RelationRecord]:
        """Actor-to-actor relations from article text, best-sourced first. `since`, `until`
        and `type` (or a whole `events` filter) keep the relations with at least one event they
        keep; counts stay the whole relation's (as the export has them)."""
        check_count("min_sources", min_sources)
        if events is None and (since or until or type):
            events = self.event_filter(since=since, until=until, type=type)
        return aggregates.relations(self._aggregated(), actor_ids=self._actor_ids(actor), min_sources=min_sources,
                                    events=events)

    def contradictions(self) -> list[ContradictionRecord]:
        return aggregates.contradictions(self._aggregated())

    def sides(self) -> list[SideRecord]:
        """Actors with the side they stand on in each conflict, and the relations that say so."""
        return aggregates.sides(self._aggregated())

    def memberships(self) -> list[MembershipRecord]:
        """Leader -> organisation (or state) links used to draw the sides."""
        return aggregates.memberships(self._aggregated())

    def search(self, text: str, *, limit: int = 20) -> list[dict]:
        check_count("limit", limit, least=1)
        return queries.search(self._conn, text, limit=limit)

    def errors(self) -> list[ErrorRecord]:
        return queries.errors(self._conn)

    def counts(self) -> dict:
        return queries.counts(self._conn, min_confidence=self.min_confidence)

    # DataFrames (pandas needed): the same records and filters as the methods above, places
    # flattened, each partial date beside <date>_start and <date>_end datetimes (notebook.py).

    def documents_frame(self):
        return frame(self.documents(), DocumentRecord)

    def entities_frame(self, **filters):
        """`filters`: as `entities()` (name, type)."""
        return frame(self.entities(**filters), EntityRecord)

    def events_frame(self, **filters):
        """`filters`: as `events()` (actor, type, since, until, comments…); names beside ids."""
        return frame(self.events(**filters), EventRecord)

    def timeline_frame(self, **filters):
        """`filters`: as `timeline()` (actor, since, until, min_sources)."""
        return frame(self.timeline(**filters), TimelineRecord)

    def relations_frame(self, **filters):
        """`filters`: as `relations()` (actor, min_sources); source_name and target_name added."""
        names = {e.id: e.name for e in self.entities()}
        return frame(self.relations(**filters), RelationRecord,
                     source_name=lambda row: names.get(row["source"]),
                     target_name=lambda row: names.get(row["target"]))

    def sides_frame(self):
        return frame(self.sides(), SideRecord)

    def graph(self):
        """The actor graph as a networkx MultiDiGraph, as the GraphML export builds it: nodes are
        entity ids (label, type, country, mentions, side…), one edge per relation."""
        from .export.graphml import build_graph

        return build_graph(self)

    def _repr_html_(self) -> str:
        counts = self.counts()
        sides: dict = {}
        for row in self.sides():
            sides.setdefault((row.conflict, row.label), []).append(row.name)
        return table_html(f"newsweave corpus {display(self.db)}", [
            ("documents", counts["documents"]), ("actors and things", counts["entities"]),
            ("article events", f"{counts['confident_events']} at confidence ≥ {self.min_confidence:g} "
                               f"(of {counts['events']}; {counts['comment_events']} in reader comments)"),
            *((f"conflict {conflict + 1}, {label}'s side", members) for (conflict, label), members in sides.items()),
            ("disputes", [c.about for c in self.contradictions()]),
        ])


def run(paths: Iterable[str | Path], db: str | Path = DEFAULT_DB, *, settings: Settings | None = None,
        on_progress=None, **options) -> Corpus:
    """Read and process `paths` into the database `db` (same as `newsweave run`); open it."""
    settings = (settings or Settings()).but(db=location(db), **options)
    from . import runner  # the NLP stack loads only when a run needs it

    runner.run(paths, settings, on_progress=on_progress)
    return Corpus(settings.db)


def open(db: str | Path = DEFAULT_DB, *, min_confidence: float | None = None) -> Corpus:  # noqa: A001 - the documented API name
    return Corpus(db, min_confidence=min_confidence)


_stages_cache: dict[Settings, list] = {}


def analyze_text(text: str, *, published: str | None = None, title: str | None = None,
                 format: str = "text", settings: Settings | None = None) -> Document:
    """Run every per-document stage on one text, with no database; returns the Document."""
    from .pipeline import build_stages, process
    from .read import content_id

    settings = settings or Settings()
    stages = _stages_cache.get(settings)
    if stages is None:
        stages = _stages_cache[settings] = build_stages(settings)
    doc = Document(id=content_id(text), name="<text>", path="<text>", raw=text, format=format,
                   title=title, published=published)
    return process(doc, stages)


# Analyst corrections to entity resolution (`newsweave merge/split/rename`). Each is recorded in
# the database and replayed after every later resolution, so it survives re-runs and new
# documents. Entities are named by id or by an unambiguous name or alias.

def merge(db: str | Path, a: str, b: str) -> str:
    """Make entity `b` part of entity `a`; returns `a`'s id."""
    from .crossdoc import correct
    from .resolve import corrections

    return correct(location(db), corrections.merge_override, a, b)


def split(db: str | Path, entity: str, *aliases: str) -> str:
    """Give the mentions of `entity` written as `aliases` their own entity; returns `entity`'s id."""
    from .crossdoc import correct
    from .resolve import corrections

    return correct(location(db), corrections.split_override, entity, list(aliases))


def rename(db: str | Path, entity: str, name: str) -> str:
    """Give `entity` a new display name (its id stays); returns its id."""
    from .crossdoc import correct
    from .resolve import corrections

    return correct(location(db), corrections.rename_override, entity, name)


def corrections(db: str | Path = DEFAULT_DB) -> list[dict]:
    """The recorded corrections, oldest first: {seq, action, entity, other, names, name, created_at}."""
    from .store import resolution

    conn = connect(location(db), readonly=True)
    try:
        return resolution.overrides(conn)
    finally:
        conn.close()


__all__ = ["Corpus", "Region", "analyze_text", "corrections", "merge", "open", "rename", "run", "split"]
