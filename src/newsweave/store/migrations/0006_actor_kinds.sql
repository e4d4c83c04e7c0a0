-- 0006: names apart from descriptions, and actors' sectors (issue 11).
-- mentions.kind: name | nominal | pronoun ("Indian Army" / "Indian troops", "28 people" / "they").
-- entities.sector: CAMEO-style sector code (GOV for a state, MIL for armed forces, REB, MED...);
-- entities.state: the state entity armed forces belong to; entities.generic: 1 for a generic
-- group ("civilians", "28 people"), one entity per document, never merged across documents.
ALTER TABLE mentions ADD COLUMN kind TEXT NOT NULL DEFAULT 'name';
ALTER TABLE entities ADD COLUMN sector TEXT;
ALTER TABLE entities ADD COLUMN state TEXT;
ALTER TABLE entities ADD COLUMN generic INTEGER NOT NULL DEFAULT 0;
