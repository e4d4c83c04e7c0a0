"""The run loop with batches in flight (issue 6): input order, copies stored once, input counting."""

from __future__ import annotations

import json

import pytest

from newsweave import runner
from newsweave.engines.local import Submitted
from newsweave.settings import Settings


class Delayed:
    """A fake engine that keeps several batches in flight and returns documents unprocessed."""

    window = 3

    def __init__(self, settings):
        self.submitted: list[list[str]] = []

    def submit(self, docs):
        self.submitted.append([doc.id for doc in docs])
        return Submitted(list(docs))

    def close(self):
        pass


@pytest.fixture
def engine(monkeypatch):
    engines = []
    monkeypatch.setattr(runner, "make_engine", lambda settings: engines.append(Delayed(settings)) or engines[-1])
    return engines


def test_a_copy_in_a_later_batch_is_stored_once_while_the_first_is_in_flight(tmp_path, engine):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_text(f"Story number {i} about the siege of the port.", "utf-8")
    (folder / "b_copy.txt").write_text("Story number 0 about the siege of the port.", "utf-8")
    report = runner.run([folder], Settings(db=tmp_path / "x.db", batch_size=2))
    submitted = [doc_id for batch in engine[0].submitted for doc_id in batch]
    assert len(submitted) == len(set(submitted)) == 5
    assert (report.read, report.added, report.unchanged) == (6, 5, 1)


def test_inputs_are_counted_before_reading(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("x", "utf-8")
    (tmp_path / "d" / "two.html").write_text("<p>x</p>", "utf-8")
    (tmp_path / "d" / "notes.md").write_text("not an input", "utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": f"t{i}"}) for i in range(3)), "utf-8")  # no final newline
    # notes.md counts too: a folder's file of another kind is an item the run reports (issue 14).
    assert runner.count_inputs([tmp_path / "d", jsonl]) == 6
    assert runner.count_inputs([tmp_path / "crawl.warc.gz"]) is None  # unknown without reading it


def test_a_rerun_reads_no_stored_file_and_starts_no_engine(tmp_path, engine, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Story number {i} about the siege of the port.", "utf-8")
    settings = Settings(db=tmp_path / "x.db", batch_size=2)
    runner.run([folder], settings)
    assert len(engine) == 1

    read, read_file = [], runner.read_file
    monkeypatch.setattr(runner, "read_file", lambda path, s: read.append(path) or iter(()))
    report = runner.run([folder], settings)
    assert (report.read, report.added, report.unchanged) == (3, 0, 3)
    assert read == [] and len(engine) == 1  # nothing read again, no engine (no model) started

    monkeypatch.setattr(runner, "read_file", read_file)
    (folder / "a1.txt").write_text("Story number 1 about the siege of the port, updated.", "utf-8")
    report = runner.run([folder], settings)
    assert (report.read, report.added, report.unchanged) == (3, 1, 2)

