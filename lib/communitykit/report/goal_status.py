"""How a goal's status is shown: its colour class, and the order of the status chips.
Used by the report and by the agency index."""

from __future__ import annotations

STATUS_CLASS = {"met": "good", "on track": "good", "at risk": "warn", "off track": "bad",
                "missed": "bad", "not started": "idle not-started", "partial data": "idle",
                "no data": "idle", "no baseline": "idle"}
# The goal line's chips, most urgent first.
STATUS_ORDER = ("off track", "missed", "at risk", "on track", "met", "partial data",
                "not started", "no data", "no baseline")
