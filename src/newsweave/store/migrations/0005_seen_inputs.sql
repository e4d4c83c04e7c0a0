-- 0005: input files whose every document is stored, with the size and modification time they
-- had when read, so that the next run skips them unread. A file whose size or mtime differs,
-- or that was read by another pipeline version, is read (and hashed) again.
CREATE TABLE IF NOT EXISTS seen_inputs (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    pipeline_version TEXT NOT NULL,
    documents INTEGER NOT NULL,                  -- documents read from it (counted as unchanged)
    seen_at TEXT NOT NULL
);
