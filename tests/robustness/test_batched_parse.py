"""Issue 15: a worker parses the regions of several documents in one `nlp.pipe` call
(`process_many`); each document still fails alone, within its own time limit, and comes out
exactly as when processed by itself."""

from __future__ import annotations

import time
from dataclasses import asdict

import pytest

from newsweave.clean import clean
from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.pipeline import process_many, process_safely
from newsweave.read import read_paths
from newsweave.settings import Settings
from robustness.helpers import loaded_stages, run_with

pytestmark = pytest.mark.slow


def annotations(doc: Document) -> dict:
    return {key: value for key, value in asdict(doc).items() if key != "scratch"}


def test_documents_parsed_together_are_annotated_as_when_parsed_alone(seeds_dir):
    stages = loaded_stages()
    read = [doc for doc in read_paths([seeds_dir], Settings()) if isinstance(doc, Document)]
    alone = [annotations(process_safely(doc, stages)) for doc in read]
    together = process_many([doc for doc in read_paths([seeds_dir], Settings()) if isinstance(doc, Document)],
                            stages)
    assert len(together) == len(alone) > 1 and all(isinstance(doc, Document) for doc in together)
    assert [annotations(doc) for doc in together] == alone


def test_a_document_that_breaks_the_batched_parse_fails_alone(tmp_path, monkeypatch):
    stages = loaded_stages()
    parser = stages[1].stages[0]
    truecase = parser.truecase

    def breaks_on_poison(text, **kwargs):
        if "poison" in text:
            raise ValueError("odd input")
        return truecase(text, **kwargs)

    monkeypatch.setattr(parser, "truecase", breaks_on_poison)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, word in (("a.txt", "convoy"), ("b.txt", "poison"), ("c.txt", "column")):
        (folder / name).write_text(f"Report {name}.\n\nThe {word} reached the valley on Saturday.\n", "utf-8")
    report = run_with(stages, [folder], Settings(db=tmp_path / "t.db"))
    assert report.added == 2
    assert [(path.rsplit("/", 1)[-1], "ValueError: odd input" in reason) for path, reason in report.errors] \
        == [("b.txt", True)]


class HangingPrepare:
    """A stage whose shared work for several documents hangs when one of them is `slow`."""

    def prepare(self, docs: list[Document]) -> None:
        if any("slow" in doc.name for doc in docs):
            time.sleep(30)

    def __call__(self, doc: Document) -> Document:
        if "slow" in doc.name:
            time.sleep(30)
        return doc


def test_a_batch_that_runs_too_long_is_redone_one_document_at_a_time():
    docs = [Document(id=name, name=name, path=f"/in/{name}", raw="Some text.\n")
            for name in ("a.txt", "slow.txt", "b.txt")]
    began = time.monotonic()
    results = process_many(docs, [clean, HangingPrepare()], seconds=0.3)
    assert time.monotonic() - began < 10
    assert [type(result) for result in results] == [Document, InputError, Document]
    assert results[1].path == "/in/slow.txt" and "took longer than 0.3 s" in results[1].reason
