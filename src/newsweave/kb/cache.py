"""A prepared copy of the knowledge base, so that a process loads it in a fraction of a second.

Parsing `generated.json.gz` and `curated.txt` and indexing every alias takes a second or more
per process. The indexes that result are written once with `marshal` (Python's fastest
serialiser for plain dicts, lists and strings) to the user's cache folder, under a name that
fingerprints the data files, the format and the Python version; a changed data file simply
makes a new name. Generated entries are kept as JSON text and made `Entry` objects only when
looked up. A cache that cannot be written or read is ignored: the knowledge base is then built
from the data as before.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import tempfile
from pathlib import Path

# Bump when the layout below changes.
FORMAT = 2
# Data files whose size and modification time name the cache.
DATA_FILES = ("generated.json.gz", "curated.txt", "first_names.txt")


def cache_dir() -> Path:
    """`$NEWSWEAVE_CACHE_DIR`, else `$XDG_CACHE_HOME/newsweave` (`~/.cache/newsweave`)."""
    if os.environ.get("NEWSWEAVE_CACHE_DIR"):
        return Path(os.environ["NEWSWEAVE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsweave"


def cache_path(data_dir: Path) -> Path:
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]} {data_dir.resolve()}".encode())
    for name in DATA_FILES:
        path = data_dir / name
        stat = path.stat() if path.exists() else None
        digest.update(f"|{name}:{stat and stat.st_size}:{stat and stat.st_mtime_ns}".encode())
    return cache_dir() / f"kb-{digest.hexdigest()[:16]}.marshal"


def dump(kb, path: Path) -> None:
    """Write `kb`'s indexes to `path` atomically; errors (a read-only home) are ignored."""
    entries = [tuple(getattr(e, name) for name in e.__slots__) for e in kb.entries.values()]
    raw = {i: item if isinstance(item, str) else json.dumps(item, separators=(",", ":"))
           for i, item in kb.raw.items() if i not in kb.entries}
    data = {"format": FORMAT, "by_alias": kb.by_alias, "raw": raw, "entries": entries,
            "by_code": kb.by_code, "demonyms": kb.demonyms, "adjectives": kb.adjectives, "metonyms": kb.metonyms,
            "first_names": kb.first_names, "acronyms": kb.acronyms}
    write_marshal(data, path)


def write_marshal(data, path: Path) -> None:
    """Write `data` (plain dicts, lists, strings, numbers) to `path` atomically; errors (a
    read-only home) are ignored. Also the gazetteer's prepared copy."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            temporary = f.name
            f.write(marshal.dumps(data))
        os.replace(temporary, path)  # readers never see a half-written file
    except (OSError, ValueError):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def read_marshal(path: Path):
    """What `write_marshal` wrote to `path`, or None when the file is missing or unreadable."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def read(path: Path) -> dict | None:
    """The prepared indexes, or None when there is no usable cache at `path`."""
    data = read_marshal(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data
