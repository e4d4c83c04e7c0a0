"""The Dask engine (issue 6): same export as the local engine, and no loss when a worker dies."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bad_inputs import ARTICLE_ONE, ARTICLE_TWO
from newsweave import runner
from newsweave.cli import app
from newsweave.settings import Settings

pytest.importorskip("distributed")
from distributed import WorkerPlugin  # noqa: E402
pytestmark = pytest.mark.slow
cli = CliRunner()

PLACES = ("Benghazi", "Tobruk", "Sirte", "Derna", "Misrata")


def make_corpus(folder: Path, count: int = 20) -> Path:
    """`count` articles: the two test articles with a varying closing line (and one exact copy)."""
    folder.mkdir()
    for i in range(count):
        base = ARTICLE_ONE if i % 2 else ARTICLE_TWO
        (folder / f"article_{i:03d}.txt").write_text(
            f"{base}\nReport number {i} from the desk in {PLACES[i % len(PLACES)]}.\n", "utf-8")
    (folder / "article_copy.txt").write_text((folder / "article_004.txt").read_text("utf-8"), "utf-8")
    return folder


def export(db: Path) -> dict:
    result = cli.invoke(app, ["export", "--db", str(db), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def stored_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM documents")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("dask") / "corpus")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("local") / "local.db"
    runner.run([corpus], Settings(db=db, engine="local"))
    return export(db)


def test_dask_run_exports_the_same_as_local(corpus, reference, database):
    """Into a SQLite file or a PostgreSQL database: the workers never touch the store."""
    db = database
    result = cli.invoke(app, ["run", str(corpus), "--db", str(db), "--engine", "dask", "--workers", "2",
                              "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert export(db) == reference
    assert len(reference["documents"]) == 20  # the exact copy is the same document


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(corpus, reference, tmp_path, monkeypatch):
    engines = []
    make_engine = runner.make_engine

    def capture(settings):
        engines.append(make_engine(settings))
        return engines[-1]

    killed = []

    def kill_a_busy_worker(report):
        # Called right after a batch was submitted: its tasks are running on the workers now.
        if not killed and report.added:
            client = engines[0].client
            pids = client.run(os.getpid)
            busy = [address for address, tasks in client.processing().items() if tasks] or list(pids)
            killed.append(pids[busy[0]])
            os.kill(killed[0], signal.SIGKILL)

    monkeypatch.setattr(runner, "make_engine", capture)
    db = tmp_path / "killed.db"
    report = runner.run([corpus], Settings(db=db, engine="dask", workers=2, batch_size=4),
                        on_progress=kill_a_busy_worker)
    assert killed, "no worker was killed"
    assert report.failed == 0 and report.added == 20
    ids = stored_ids(db)
    assert len(ids) == len(set(ids)) == 20
    assert export(db) == reference


def test_results_come_back_in_input_order(corpus):
    from newsweave.engines.dask import DaskEngine
    from newsweave.read import read_paths

    settings = Settings(engine="dask", workers=2)
    docs = [doc for doc in read_paths([corpus], settings)][:6]
    engine = DaskEngine(settings)
    try:
        pending = [engine.submit(docs[:3]), engine.submit(docs[3:])]
        results = [doc for batch in pending for doc in batch.result()]
    finally:
        engine.close()
    assert [doc.id for doc in results] == [doc.id for doc in docs]
    assert all(doc.sentences for doc in results)


class PoisonDocuments(WorkerPlugin):
    """Makes each worker process die on a document containing POISON, as a crash in native code
    (say a parser segfault on odd input) would."""

    name = "poison-documents"

    def setup(self, worker) -> None:
        from newsweave.engines import dask as engine

        process = engine.process_on_worker

        def process_or_die(doc, settings):
            if "POISON" in doc.raw:
                os._exit(1)
            return process(doc, settings)

        engine.process_on_worker = process_or_die  # tasks look the function up by name


def test_a_document_that_kills_every_worker_is_recorded_and_the_run_goes_on(corpus, tmp_path, monkeypatch):
    import dask
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test file
    (tmp_path / "corpus").mkdir()
    for path in sorted(corpus.glob("article_00*.txt")):
        (tmp_path / "corpus" / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (tmp_path / "corpus" / "poison.txt").write_text(ARTICLE_ONE + "\nPOISON\n", "utf-8")

    engines = []
    make_engine = runner.make_engine

    def with_poison(settings):
        engines.append(make_engine(settings))
        engines[-1].client.register_plugin(PoisonDocuments())
        return engines[-1]

    monkeypatch.setattr(runner, "make_engine", with_poison)
    db = tmp_path / "poison.db"
    # Give up on a task after its first lost worker (the default of 3 only makes this slower).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        report = runner.run([tmp_path / "corpus"], Settings(db=db, engine="dask", workers=2))
    assert [path for path, _ in report.errors] == [str(tmp_path / "corpus" / "poison.txt")], report.errors
    assert "KilledWorker" in report.errors[0][1]
    assert report.added == 10 and len(stored_ids(db)) == 10
