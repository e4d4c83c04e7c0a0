-- newsweave database, schema version 1. Later versions are migrations/NNNN_*.sql.
-- Spans (start/end) are offsets into documents.text; documents.offsets maps them to raw.

CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,      -- order of arrival
    id TEXT NOT NULL UNIQUE,                    -- content hash
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    raw TEXT NOT NULL,
    text TEXT,                                  -- NULL when the analysed text is raw itself
    offsets BLOB,                               -- zlib(uint32 array) text->raw, NULL when identity
    title TEXT,
    source TEXT,
    url TEXT,
    published TEXT,
    published_precision TEXT,
    language TEXT,
    duplicate_of TEXT,
    fingerprint BLOB,
    words INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    pipeline_version TEXT NOT NULL,
    added_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS regions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    author TEXT,
    posted TEXT,
    note TEXT,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE IF NOT EXISTS sentences (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    region INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    region TEXT NOT NULL,
    entity_key TEXT,                             -- as the recognizer linked it
    entity TEXT,                                 -- resolved entity id (after overrides)
    kb_id TEXT,
    name TEXT,
    country TEXT,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE INDEX IF NOT EXISTS mentions_entity_key ON mentions(entity_key);

CREATE TABLE IF NOT EXISTS timexes (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    precision TEXT,
    kind TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE IF NOT EXISTS places (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    lat REAL,
    lon REAL,
    country TEXT,
    start INTEGER,
    end INTEGER,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,                         -- doc id + index
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    source_key TEXT,                             -- as extracted
    target_key TEXT,
    source TEXT,                                 -- resolved entity ids
    target TEXT,
    source_text TEXT,
    target_text TEXT,
    date TEXT,
    date_precision TEXT,
    place_name TEXT,
    place_lat REAL,
    place_lon REAL,
    place_country TEXT,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    region TEXT NOT NULL,
    attribution TEXT,
    modality TEXT NOT NULL,
    confidence REAL NOT NULL,
    trigger TEXT,
    trigger_start INTEGER,
    trigger_end INTEGER
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_type ON events(type);

-- Cross-document tables, rebuilt by resolve/aggregate after each run.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',          -- JSON list
    country TEXT,
    kb_id TEXT,
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0,
    comment_mentions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS lsh_bands (
    band TEXT NOT NULL,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, doc)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS errors (
    path TEXT NOT NULL,
    reason TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (path, reason)
);

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL,                        -- JSON list of paths
    read INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);

CREATE VIRTUAL TABLE IF NOT EXISTS body_fts USING fts5(
    doc UNINDEXED, title, body, tokenize = 'porter unicode61'
);
