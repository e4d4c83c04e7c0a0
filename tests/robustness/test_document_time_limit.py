"""Issue 7: `Settings.max_seconds_per_document` stops a document that hangs a stage; it is
reported as a per-document error and the run goes on."""

from __future__ import annotations

import signal
import time

from newsweave.clean import clean
from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.pipeline import process_safely
from newsweave.settings import Settings
from robustness.helpers import run_with


def doc(name: str = "slow.txt") -> Document:
    return Document(id=name, name=name, path=f"/in/{name}", raw="Some text.\n")


def hang(document: Document) -> Document:
    if "slow" in document.name:
        try:
            time.sleep(30)
        except Exception:  # a stage's broad handler must not swallow the watchdog
            pass
        time.sleep(30)
    return document


def test_a_hanging_stage_is_stopped_and_reported():
    began = time.monotonic()
    result = process_safely(doc(), [hang], seconds=0.3)
    assert time.monotonic() - began < 5
    assert isinstance(result, InputError)
    assert result.path == "/in/slow.txt" and "took longer than 0.3 s" in result.reason


def test_the_watchdog_is_disarmed_and_the_old_handler_restored():
    before = signal.getsignal(signal.SIGALRM)
    assert isinstance(process_safely(doc("fast.txt"), [hang], seconds=5), Document)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_no_limit_means_no_timer():
    assert isinstance(process_safely(doc("fast.txt"), [hang], seconds=None), Document)


def test_an_input_error_raised_by_a_stage_fails_that_document_only():
    def refuse(document: Document) -> Document:
        raise InputError(document.path, "refused by a stage")

    result = process_safely(doc("fast.txt"), [refuse])
    assert isinstance(result, InputError) and result.reason == "refused by a stage"


def test_a_run_skips_the_slow_document_and_stores_the_others(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "slow.txt", "b.txt"):
        (folder / name).write_text(f"Report {name}.\n\nThe convoy reached the valley on Saturday.\n", "utf-8")
    settings = Settings(db=tmp_path / "t.db", max_seconds_per_document=0.5)
    began = time.monotonic()
    report = run_with([clean, hang], [folder], settings)
    assert time.monotonic() - began < 20
    assert report.added == 2
    assert [(p.rsplit("/", 1)[-1], "took longer than" in r) for p, r in report.errors] == [("slow.txt", True)]
