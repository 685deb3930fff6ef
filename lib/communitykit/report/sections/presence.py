"""Presence: the figure table, posts per channel against plan, the content mix, and when
members write."""

from __future__ import annotations

from ... import charts
from ... import playbook as playbook_mod
from ...html import Html, fmt_number, fmt_points, heading, table
from ...i18n import tr
from ..context import Report
from ..figure_table import figure_table

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def render(report: Report) -> Html:
    c = report.figures.presence.current
    channels = c.channels
    chart = charts.bars(
        [x["platform"] for x in channels], [x["posts"] for x in channels],
        planned=[x["planned"] for x in channels], ylabel=tr("posts in the period"),
        title=tr("Posts per channel against plan"),
    ) if channels else ""
    mix = [(x["pillar"], fmt_number(x["posts"]), fmt_number(x["actual_share"], "ratio"),
            fmt_number(x["planned_share"], "ratio"),
            _signed_pct(x["gap"])) for x in c.content_mix]
    heat = charts.heatmap(
        {tr(k): v for k, v in _weekday_grid(c.inbound_by_weekday_hour).items()},
        {tr(k): v for k, v in _business_grid(report).items()},
        title=tr("When members write (inbound messages, local time)"),
        xlabel=tr("hour of day (local time); orange outline = business hours"),
        scale_label=tr("messages per hour slot"))
    return Html(
        heading(3, tr("Presence and cadence"))
        + figure_table(report, "presence")
        + chart
        + table([tr("Channel"), tr("Posts"), tr("Planned"), tr("Adherence")],
                [(x["platform"], fmt_number(x["posts"]), fmt_number(x["planned"], "planned"),
                  fmt_number(x["adherence"], "ratio")) for x in channels], numeric=(1, 2, 3),
                caption=tr("Planned: the playbook's posts per week, pro rata for partial "
                           "weeks."))
        + heading(3, tr("Content mix against plan"))
        + table([tr("Pillar"), tr("Posts"), tr("Actual share"), tr("Planned share"),
                 tr("Gap")], mix, numeric=(1, 2, 3, 4))
        + _mix_by_channel(report)
        + heat
    )


def _mix_by_channel(report: Report) -> str:
    """Team posts by pillar and channel."""
    mix = report.figures.presence.current.content_mix_by_channel
    channels = sorted({x["platform"] for x in mix})
    pillars = list(dict.fromkeys(x["pillar"] for x in mix))
    posts = {(x["platform"], x["pillar"]): x["posts"] for x in mix}
    rows = [(pillar, *(fmt_number(posts.get((c, pillar), 0)) for c in channels),
             fmt_number(sum(posts.get((c, pillar), 0) for c in channels)))
            for pillar in pillars]
    return (heading(3, tr("Posts by pillar and channel"))
            + table([tr("Pillar"), *channels, tr("All channels")], rows,
                    numeric=tuple(range(1, len(channels) + 2))))


def _business_grid(report: Report) -> dict[str, list[bool]]:
    days = report.playbook.business_hours.days
    grid = {}
    for short, name in zip(playbook_mod.WEEKDAYS, WEEKDAY_NAMES, strict=True):
        hours = days.get(short)
        grid[name] = [hours is not None and hours[0] <= f"{h:02d}:00" < hours[1]
                      for h in range(24)]
    return grid


def _weekday_grid(grid: dict[str, list[int]]) -> dict[str, list[int]]:
    """The metrics' weekday keys (Mon..Sun) in order."""
    return {name: grid[name] for name in WEEKDAY_NAMES if name in grid}


def _signed_pct(value: float | None) -> str:
    if value is None:
        return "–"
    return tr("{pts} pts", pts=fmt_points(value))
