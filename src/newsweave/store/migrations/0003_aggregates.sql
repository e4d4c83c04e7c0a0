-- 0003: aggregate tables (relations, memberships, sides, contradictions, timeline), rebuilt
-- from the events after every run by `aggregate.rebuild.rebuild_aggregates`. JSON columns
-- hold lists of ids.

CREATE TABLE IF NOT EXISTS relations (
    idx INTEGER PRIMARY KEY,                     -- strongest first
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    polarity TEXT NOT NULL,                      -- cooperative | conflictual
    types TEXT NOT NULL,                         -- JSON list, e.g. ["AID/military", "SUPPORT"]
    weight REAL NOT NULL,
    events TEXT NOT NULL,                        -- JSON list of event ids
    documents INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    first TEXT,
    last TEXT,
    publishers TEXT NOT NULL DEFAULT '[]',       -- JSON list of the independent publisher keys
    UNIQUE (source, target, polarity)
);
CREATE INDEX IF NOT EXISTS relations_source ON relations(source);
CREATE INDEX IF NOT EXISTS relations_target ON relations(target);

CREATE TABLE IF NOT EXISTS memberships (
    member TEXT NOT NULL,                        -- a person (leader, commander, spokesman)
    organisation TEXT NOT NULL,
    reason TEXT NOT NULL,                        -- kb-role | possessive | title-of
    evidence TEXT NOT NULL DEFAULT '[]',         -- JSON list: documents or the KB role
    PRIMARY KEY (member, organisation)
);

CREATE TABLE IF NOT EXISTS sides (
    entity TEXT PRIMARY KEY,
    conflict INTEGER NOT NULL,                   -- one signed component = one conflict
    side INTEGER NOT NULL,                       -- 0 or 1 within the conflict
    label TEXT NOT NULL,                         -- the side's best-connected actor
    score REAL NOT NULL,                         -- net signed weight that puts it there
    evidence TEXT NOT NULL DEFAULT '[]'          -- JSON list of [source, target, polarity]
);

CREATE TABLE IF NOT EXISTS contradictions (
    idx INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                          -- sides | polarity | denial | date | place
    about TEXT NOT NULL,
    entities TEXT NOT NULL,
    events TEXT NOT NULL,
    documents TEXT NOT NULL,
    explanation TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS timeline (
    idx INTEGER PRIMARY KEY,                     -- order of when it happened, undated last
    id TEXT NOT NULL,                            -- the first report's event id
    date TEXT,
    date_precision TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    source TEXT,
    target TEXT,
    place_name TEXT,
    place_lat REAL,
    place_lon REAL,
    place_country TEXT,
    sentence TEXT NOT NULL,
    modality TEXT NOT NULL,
    events TEXT NOT NULL,
    documents TEXT NOT NULL,
    sources INTEGER NOT NULL                     -- independent publishers reporting it
);
CREATE INDEX IF NOT EXISTS timeline_source ON timeline(source);
CREATE INDEX IF NOT EXISTS timeline_target ON timeline(target);
