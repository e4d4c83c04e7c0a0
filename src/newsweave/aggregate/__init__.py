"""Aggregate across documents: near-duplicates, relations, sides, contradictions, timeline."""
