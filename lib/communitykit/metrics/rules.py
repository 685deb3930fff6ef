"""Rules and escalations: flags per rule category and escalations handled.

A flag is a member message matching a rule category's patterns. Flags at or above the
playbook's ``escalate_from`` severity are escalations, owned by the escalation matrix
row of their severity; one is handled in time when a team answer follows within that
row's ``handle_within``, on the row's clock: calendar by default (escalations do not wait
for opening hours), or business (only opening hours count, as for answers).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..dataset import Dataset
from ..playbook import SEVERITY_ORDER, parse_duration
from .results import Rules
from .stats import flag, period_mask, rounded, rows

TEXT_LIMIT = 200
COLUMNS = ("created_at", "platform", "display_name", "text", "team_answer_at", "team_answer_by")


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> Rules:
    rules = data.playbook.rules
    m = data.messages
    members = period_mask(m, start, end) & flag(m, "is_member")
    flagged = {c.id: rows(m, members & flag(m, f"flag_{c.id}"), COLUMNS)
               for c in rules.categories}
    tz = data.playbook.tz
    categories: list[dict[str, Any]] = []
    for category in rules.categories:
        hits = flagged[category.id]
        categories.append({
            "category": category.id, "label": category.label, "severity": category.severity,
            "flags": len(hits),
            "examples": [_excerpt(row, tz) for row in hits.head(3).itertuples()],
        })
    matrix = {row.severity: row for row in rules.escalation}
    threshold = SEVERITY_ORDER[rules.escalate_from]
    escalations: list[dict[str, Any]] = []
    for category in rules.categories:
        if SEVERITY_ORDER[category.severity] < threshold:
            continue
        row = matrix[category.severity]
        within = parse_duration(row.handle_within)
        hits = flagged[category.id]
        handled_at = hits["team_answer_at"].where(hits["team_answer_at"] < end)
        taken = (data.clock.elapsed(hits["created_at"], handled_at) if row.clock == "business"
                 else handled_at - hits["created_at"])
        for hit, took in zip(hits.itertuples(), taken, strict=True):
            handled = not pd.isna(took)
            after = took if handled else None
            status = "open" if not handled else (
                "handled in time" if after is not None and after <= within else "handled late")
            escalations.append({
                **_excerpt(hit, tz),
                "category": category.id, "severity": category.severity, "owner": row.owner,
                "handle_within": row.handle_within, "clock": row.clock,
                "handled_by": hit.team_answer_by if handled else None,
                "handled_after_hours": (rounded(after.total_seconds() / 3600, 2)
                                        if after is not None else None),
                "status": status,
            })
    escalations.sort(key=lambda e: (e["received"], e["category"]))
    statuses = [e["status"] for e in escalations]
    return Rules(
        flags=int(sum(c["flags"] for c in categories)),
        by_category=categories,
        escalations=len(escalations),
        escalations_handled_in_time=statuses.count("handled in time"),
        escalations_handled_late=statuses.count("handled late"),
        escalations_open=statuses.count("open"),
        escalation_list=escalations,
    )


def _excerpt(row: Any, tz: Any) -> dict[str, Any]:
    return {
        "received": row.created_at.tz_convert(tz).strftime("%Y-%m-%d %H:%M"),
        "platform": row.platform,
        "author": row.display_name,
        "text": str(row.text)[:TEXT_LIMIT],
    }
