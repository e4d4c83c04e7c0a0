"""Extract: PLOVER events between actors, with provenance, attribution and modality."""
