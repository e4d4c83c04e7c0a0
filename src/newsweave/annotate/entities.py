"""Entity mentions: spaCy's NER corrected by the knowledge base of real-world actors.

Reads `scratch["parses"]`. Adds `mentions`.
"""

from __future__ import annotations

from ..document import Document, Mention
from ..settings import Settings

SPACY_TO_MENTION_TYPE = {
    "PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "COUNTRY", "LOC": "LOCATION",
    "FAC": "FACILITY", "NORP": "NATIONALITY", "DATE": "DATE", "MONEY": "MONEY",
    "QUANTITY": "QUANTITY", "PRODUCT": "OTHER", "EVENT": "OTHER", "LAW": "OTHER",
}


class EntityRecognizer:
    def __init__(self, settings: Settings):
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        doc.mentions = []
        for index, parsed in doc.scratch.get("parses", []):
            region = doc.regions[index]
            for ent in parsed.ents:
                kind = SPACY_TO_MENTION_TYPE.get(ent.label_)
                if kind is None:
                    continue
                start = region.start + ent.start_char
                doc.mentions.append(
                    Mention(start, start + len(ent.text), ent.text, kind, region.kind, name=ent.text)
                )
        return doc
