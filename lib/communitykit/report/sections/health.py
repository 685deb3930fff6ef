"""Community health: the figure table and members this period against the previous one."""

from __future__ import annotations

from ... import charts
from ...html import Html, heading
from ...i18n import tr
from ..context import Report
from ..figure_table import figure_table


def render(report: Report) -> Html:
    c, p = report.figures.health.current, report.figures.health.previous
    chart = charts.bars(
        [tr("active"), tr("new"), tr("returning")],
        [c.active_members, c.new_members, c.returning_members],
        previous=[p.active_members, p.new_members, p.returning_members],
        ylabel=tr("members"), title=tr("Members this period and the previous one"),
    )
    return Html(heading(2, tr("Community health"), "health")
                + figure_table(report, "health") + chart)
