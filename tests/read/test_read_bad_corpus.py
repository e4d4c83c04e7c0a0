"""The bad-input corpus: every bad file is reported with its reason, every good one is read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsweave.document import Document
from newsweave.errors import InputError
from newsweave.read import read_paths
from newsweave.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bad_inputs import EXPECTED_ERRORS, EXPECTED_RECORDS, write_bad_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    expected = write_bad_corpus(folder)
    items = list(read_paths([folder], Settings()))
    return expected, items


def _for(items, name):
    docs = [i for i in items if isinstance(i, Document) and i.name.split("#")[0] == name]
    errors = [i for i in items if isinstance(i, InputError) and Path(i.path.split(":")[0]).name == name]
    return docs, errors


def test_every_file_has_an_outcome(corpus):
    expected, items = corpus
    for name, outcome in expected.items():
        docs, errors = _for(items, name)
        if outcome == "ok":
            assert len(docs) == 1 and not errors, name
        else:
            assert len(errors) == EXPECTED_ERRORS.get(name, 1), name
            assert outcome in str(errors[0]), (name, str(errors[0]))
            assert len(docs) == EXPECTED_RECORDS.get(name, 0), name


def test_errors_name_their_file(corpus):
    _, items = corpus
    for error in (i for i in items if isinstance(i, InputError)):
        assert Path(error.path.split(":")[0]).name in str(error)


def test_latin1_accents_decoded(corpus):
    _, items = corpus
    (doc,), _ = _for(items, "latin1.txt")
    assert "général" in doc.raw and "quitté" in doc.raw


def test_utf16_without_bom_decoded(corpus):
    _, items = corpus
    (doc,), _ = _for(items, "utf16_nobom.txt")
    assert doc.raw.startswith("Aid convoy reaches Veldt valley")


def test_huge_file_error_says_size_and_limit(corpus):
    _, items = corpus
    _, (error,) = _for(items, "huge.txt")
    assert "50.0 MB" in str(error) and "20.0 MB" in str(error)
