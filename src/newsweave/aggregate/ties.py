"""Material ties: the article events that may put actors on sides, grouped like relations.

An event is a tie when it fights, coerces by force or deploys against someone (an enemy tie),
or arms, backs or fights with someone (an ally tie): `polarity.material_tie`. Left out:
- history: an event dated more than `HISTORY_DAYS` before its document was published
  ("the US has armed Pakistan since 1948") says where an actor stood then, not now;
- neutral actors (IGOs, NGOs: `neutral.py`) unless they fight or arm someone themselves.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta

from .polarity import ENEMY, material_tie
from .timeline import date_interval

# Background history: events this long before the report are not today's alignment.
HISTORY_DAYS = 365


def _published(documents: dict, doc: str) -> Date | None:
    row = documents.get(doc)
    value = row["published"] if row is not None else None
    span = date_interval(value)
    return span[0] if span else None


def is_history(event, documents: dict) -> bool:
    """Whether the event happened well before its document was published."""
    span = date_interval(event["date"], event["date_precision"])
    published = _published(documents, event["doc"])
    return bool(span and published and span[1] < published - timedelta(days=HISTORY_DAYS))


def tie_sign(event) -> int:
    return material_tie(event["type"], event["mode"], event["trigger"], bool(event["target"]))


def material_events(events: list, documents: dict, neutral: set[str]) -> list:
    """The events that are current material ties, those of neutral actors left out unless the
    actor itself fights or arms someone."""
    ties = [e for e in events if e["source"] and e["target"] and e["source"] != e["target"] and tie_sign(e)
            and not is_history(e, documents)]
    active = {e["source"] for e in ties if tie_sign(e) == ENEMY or (e["type"] == "AID" and e["mode"] == "military")}
    idle = neutral - active
    return [e for e in ties if e["source"] not in idle and e["target"] not in idle]

