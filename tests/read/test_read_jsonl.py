"""JSON Lines: one Document per line, metadata kept, a broken line costs only itself."""

from __future__ import annotations

import json

from newsweave.document import Document
from newsweave.errors import FileTooLarge, InputError
from newsweave.read import read_paths
from newsweave.settings import Settings


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_records_with_metadata(tmp_path):
    path = _write(tmp_path / "feed.jsonl", [
        json.dumps({"text": "First story.", "url": "https://x.org/1", "title": "One",
                    "published": "2017-05-29", "source": "AFP"}),
        "",
        json.dumps({"html": "<p>Second story.</p>"}),
    ])
    first, second = read_paths([path], Settings())
    assert (first.name, first.format, first.raw) == ("feed.jsonl#1", "text", "First story.")
    assert (first.url, first.title, first.published, first.source) == \
        ("https://x.org/1", "One", "2017-05-29", "AFP")
    assert (second.name, second.format, second.raw) == ("feed.jsonl#3", "html", "<p>Second story.</p>")
    assert second.path == str(path)


def test_broken_lines_reported_others_read(tmp_path):
    path = _write(tmp_path / "feed.jsonl", [
        json.dumps({"text": "Good one."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Good two."}),
    ])
    items = list(read_paths([path], Settings()))
    assert [i.raw for i in items if isinstance(i, Document)] == ["Good one.", "Good two."]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert len(errors) == 3
    for number, fragment in zip((2, 3, 4), ("not valid JSON", "not a JSON object", "no 'text'")):
        assert any(f"line {number}" in e and fragment in e and "feed.jsonl" in e for e in errors)


def test_overlong_line_refused_alone(tmp_path):
    path = _write(tmp_path / "feed.jsonl", [
        json.dumps({"text": "x" * 5000}),
        json.dumps({"text": "Short."}),
    ])
    items = list(read_paths([path], Settings(max_file_bytes=1000)))
    assert isinstance(items[0], FileTooLarge) and "line 1" in str(items[0])
    assert items[1].raw == "Short." and items[1].name == "feed.jsonl#2"
