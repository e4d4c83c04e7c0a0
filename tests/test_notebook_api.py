"""Issue 14, item 5: the Python API is notebook-first.

DataFrames for documents, entities, events, relations, timeline and sides (places flattened,
partial dates beside datetime columns), the actor graph as networkx, HTML display of the corpus
and its records, the CLI's defaults (reader comments left out unless asked) and ValueError for
an invalid filter.
"""

from __future__ import annotations

import sys

import networkx as nx
import pytest

import newsweave
from newsweave.notebook import frame
from newsweave.records import EventRecord, PlaceRecord
from small_db import HAFTAR_ID, build_db

COMMENT = "Haftar will punish Russia, says a reader."
HOSTILE = "Russia supplied Khalifa Haftar <script>alert(1)</script> with jets."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("api") / "small.db", body=HOSTILE, comment=COMMENT)
    with newsweave.open(db) as opened:
        yield opened


def test_comments_are_left_out_unless_asked(corpus):
    """Issue 14: Corpus.events() listed reader-comment events that the CLI and the UI leave out."""
    assert [e.region for e in corpus.events()] == ["body"]
    assert sorted(e.region for e in corpus.events(comments=True)) == ["body", "comment"]
    assert [e.region for e in corpus.events(region="comment")] == ["comment"]


@pytest.mark.parametrize("method, filters, bad", [
    ("events", {"type": "NOTATYPE"}, "NOTATYPE"),
    ("events", {"region": "footer"}, "footer"),
    ("events", {"since": "2017-13"}, "2017-13"),
    ("events", {"until": "2017-02-32"}, "2017-02-32"),
    ("timeline", {"since": "last week"}, "last week"),
    ("timeline", {"min_sources": -1}, "-1"),
    ("relations", {"min_sources": -2}, "-2"),
    ("entities", {"type": "ALIEN"}, "ALIEN"),
])
def test_invalid_filters_raise_value_error_naming_the_value(corpus, method, filters, bad):
    """Issue 14: bad filters returned []."""
    with pytest.raises(ValueError, match=bad):
        getattr(corpus, method)(**filters)


def test_graph_is_the_exported_actor_graph(corpus):
    graph = corpus.graph()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["RUS"]["label"] == "Russia" and graph.nodes[HAFTAR_ID]["type"] == "PERSON"
    edges = list(graph.get_edge_data("RUS", HAFTAR_ID).values())
    assert [(e["polarity"], e["types"]) for e in edges] == [("cooperative", "AID")]
    assert not graph.has_edge(HAFTAR_ID, "RUS")  # the threat is a reader's comment


def test_corpus_and_records_show_as_escaped_html(corpus):
    page = corpus._repr_html_()
    assert "<table>" in page and "documents" in page and "1 at confidence" in page
    event = corpus.events()[0]._repr_html_()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in event and "<script>" not in event
    assert "Khalifa Belqasim Omar Haftar" in corpus.entities(type="PERSON")[0]._repr_html_()


def test_frames_need_pandas_and_say_how_to_install_it(corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        corpus.events_frame()


@pytest.fixture
def pd():
    return pytest.importorskip("pandas")  # an optional dependency: these tests need it


def test_every_view_has_a_frame(corpus, pd):
    frames = {name: getattr(corpus, f"{name}_frame")() for name in
              ("documents", "entities", "events", "relations", "timeline", "sides")}
    assert {name: len(df) for name, df in frames.items()} == {
        "documents": 1, "entities": 2, "events": 1, "relations": 1, "timeline": 1, "sides": 0}
    assert "id" in frames["documents"] and "regions" not in frames["documents"]
    assert {"entity", "side", "label"} <= set(frames["sides"].columns)  # columns even when empty


def test_frames_use_the_same_filters_and_defaults(corpus, pd):
    assert list(corpus.events_frame(comments=True)["region"]) == ["body", "comment"]
    assert corpus.events_frame(type="THREATEN").empty
    with pytest.raises(ValueError, match="2017-13"):
        corpus.timeline_frame(since="2017-13")


def test_relations_frame_has_names_beside_ids(corpus, pd):
    row = corpus.relations_frame().iloc[0]
    assert (row["source"], row["source_name"]) == ("RUS", "Russia")
    assert row["target_name"] == "Khalifa Belqasim Omar Haftar"
    assert row["first_start"] == pd.Timestamp("2020-01-17") and row["last_end"] == pd.Timestamp("2020-01-17")


def test_partial_dates_become_datetime_columns_and_places_are_flattened(pd):
    cairo = PlaceRecord("Cairo", 30.06, 31.25, "EG")
    events = [EventRecord(f"e{i}", "d", "AID", None, "A", "B", date, precision, place, "s", 0, 1, "body", None,
                          "asserted", 0.9)
              for i, (date, precision, place) in enumerate([("2017-05", "month", cairo), ("2016", "year", None),
                                                            ("2017-05-29", "day", None), (None, None, None)])]
    df = frame(events, EventRecord)
    assert str(df["date_start"].dtype).startswith("datetime64") and str(df["date_end"].dtype).startswith("datetime64")
    assert list(df["date_start"][:3]) == [pd.Timestamp("2017-05-01"), pd.Timestamp("2016-01-01"),
                                          pd.Timestamp("2017-05-29")]
    assert list(df["date_end"][:3]) == [pd.Timestamp("2017-05-31"), pd.Timestamp("2016-12-31"),
                                        pd.Timestamp("2017-05-29")]
    assert pd.isna(df["date_start"][3])
    assert "place" not in df and list(df.loc[0, ["place_name", "place_lat", "place_lon", "place_country"]]) == [
        "Cairo", 30.06, 31.25, "EG"]
    assert pd.isna(df.loc[1, "place_name"])
    assert df.sort_values("date_start")["id"].tolist()[:3] == ["e1", "e0", "e2"]
