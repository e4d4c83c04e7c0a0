-- Analyst corrections to entity resolution (`newsweave merge/split/rename`), replayed in order
-- after every automatic resolution so that they survive re-runs and new documents.
CREATE TABLE IF NOT EXISTS entity_overrides (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,      -- replay order
    action TEXT NOT NULL,                       -- merge | split | rename
    entity TEXT NOT NULL,                       -- merge: the entity kept; split/rename: the entity
    other TEXT,                                 -- merge: the entity absorbed
    names TEXT NOT NULL DEFAULT '[]',           -- split: surface forms; merge: the absorbed one's names
    name TEXT,                                  -- rename: the new name
    created_at TEXT NOT NULL
);
