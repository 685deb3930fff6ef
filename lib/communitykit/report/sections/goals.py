"""The goals table: each goal's baseline, target, expected value, figures and status."""

from __future__ import annotations

from ...html import Cell, Html, fmt_number, heading, table
from ...i18n import tr
from ..context import Report
from ..goal_status import STATUS_CLASS


def render(report: Report) -> Html:
    rows = [
        (tr(g.label) + (f" ({g.channel})" if g.channel else ""),
         fmt_number(g.baseline, g.unit), fmt_number(g.target, g.unit),
         fmt_number(g.expected, g.unit), fmt_number(g.current, g.unit),
         fmt_number(g.previous, g.unit), g.deadline,
         Cell(tr(g.status), f"status {STATUS_CLASS.get(g.status, '')}".strip()))
        for g in report.figures.goals
    ]
    markup = table([tr("Goal"), tr("Baseline"), tr("Target"), tr("Expected now"),
                    tr("This period"), tr("Previous"), tr("Deadline"), tr("Status")],
                   rows, numeric=(1, 2, 3, 4, 5))
    return Html(heading(2, tr("Goals"), "goals") + markup)
