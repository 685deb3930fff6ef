"""Goal status: not started, met, on track, at risk, off track or missed."""

from __future__ import annotations

import datetime as dt

from ..catalogue import CATALOGUE
from ..playbook import Goal
from .results import GoalRow
from .stats import rounded

AT_RISK_SHARE = 0.10


def status(goal: Goal, baseline: float | None, current: float | None, today: dt.date) -> str:
    """Status of ``goal`` at the end of a period whose last day is ``today``."""
    if today < goal.start:
        return "not started"
    if current is None:
        return "no data"
    sign = 1 if goal.direction == "at_least" else -1
    if sign * (current - goal.target) >= 0:
        return "met"
    if today > goal.deadline:
        return "missed"
    if baseline is None:
        return "no baseline"
    span = (goal.deadline - goal.start).days
    elapsed = min(max((today - goal.start).days, 0), span)
    expected = baseline + (goal.target - baseline) * elapsed / span
    shortfall = sign * (expected - current)
    if shortfall <= 0:
        return "on track"
    if shortfall <= AT_RISK_SHARE * abs(goal.target - baseline):
        return "at risk"
    return "off track"


def expected_value(goal: Goal, baseline: float | None, today: dt.date) -> float | None:
    if baseline is None:
        return None
    span = (goal.deadline - goal.start).days
    elapsed = min(max((today - goal.start).days, 0), span)
    return rounded(baseline + (goal.target - baseline) * elapsed / span, 4)


def row(goal: Goal, baseline: float | None, current: float | None, previous: float | None,
        today: dt.date) -> GoalRow:
    metric = CATALOGUE[goal.metric]
    return GoalRow(
        id=goal.id,
        metric=goal.metric,
        label=metric.label,
        unit=metric.unit,
        channel=goal.channel,
        direction=goal.direction,
        target=goal.target,
        baseline=baseline,
        baseline_source=goal.baseline.period or "entered",
        start=goal.start.isoformat(),
        deadline=goal.deadline.isoformat(),
        current=current,
        previous=previous,
        expected=expected_value(goal, baseline, today),
        status=status(goal, baseline, current, today),
        note=goal.note,
    )
