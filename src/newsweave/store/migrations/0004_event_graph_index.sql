-- A covering index for the actor-graph aggregation (graph view, relations): the query reads
-- only these columns of article events, so it no longer has to visit the wide event rows.
CREATE INDEX IF NOT EXISTS events_graph ON events(region, source, target, type, modality, date, doc);
