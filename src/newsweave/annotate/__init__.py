"""Annotate: sentences, entity mentions, time expressions and places, per document."""
