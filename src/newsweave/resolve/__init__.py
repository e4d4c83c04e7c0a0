"""Resolve mentions across documents into entities (one per real-world actor)."""
