"""Responsiveness: the figure table, each channel, first answers by person, and the
questions nobody answered."""

from __future__ import annotations

from ...html import Cell, Html, Name, fmt_hours, fmt_number, heading, table
from ...i18n import tr
from ..context import LIST_ROWS, Report
from ..figure_table import figure_table
from ..lists import UNANSWERED_CSV


def render(report: Report) -> Html:
    return Html(
        heading(2, tr("Presence and responsiveness"), "responsiveness")
        + heading(3, tr("Responsiveness"))
        + figure_table(report, "responsiveness")
        + _by_channel(report)
        + _responders(report)
        + _unanswered(report)
    )


def _by_channel(report: Report) -> str:
    """Responsiveness per channel; a channel without team activity is not measured."""
    r = report.figures.responsiveness.current
    unmeasured = set(r.channels_without_team)
    rows: list[tuple[object, ...]] = []
    for platform, x in sorted(r.by_platform.items()):
        counts = (platform, fmt_number(x.get("inbound")), fmt_number(x.get("answered")),
                  fmt_number(x.get("pending")))
        if platform in unmeasured:
            rows.append((*counts, Cell(tr("not measured: no team activity in the data"),
                                       "status bad"), "", "", "", "", ""))
            continue
        rows.append((*counts, fmt_number(x.get("response_rate"), "ratio"),
                     *(fmt_hours(x.get(f"first_response_{clock}_{stat}_hours"))
                       for clock in ("business", "calendar") for stat in ("median", "p90")),
                     fmt_number(x.get("sla_compliance"), "ratio")))
    return (heading(3, tr("Responsiveness by channel"))
            + table([tr("Channel"), tr("Inbound"), tr("Answered"), tr("Pending"),
                     tr("Response rate"), tr("Median (business h)"),
                     tr("90th pct (business h)"), tr("Median (calendar h)"),
                     tr("90th pct (calendar h)"), tr("Within commitment")],
                    rows, numeric=tuple(range(1, 10))))


def _responders(report: Report) -> str:
    """First answers per team member and advocate, with their waits on both clocks."""
    rows = [(Name(x["responder"]), tr(x["group"]), fmt_number(x["first_answers"]),
             fmt_hours(x.get("median_business_hours")), fmt_hours(x.get("p90_business_hours")),
             fmt_hours(x.get("median_calendar_hours")), fmt_hours(x.get("p90_calendar_hours")),
             fmt_number(x.get("outside_business_hours_share"), "ratio"))
            for x in report.figures.responsiveness.current.responders]
    return (heading(3, tr("First answers by person"))
            + table([tr("Responder"), tr("Group"), tr("First answers"),
                     tr("Median wait (business h)"), tr("90th pct wait (business h)"),
                     tr("Median wait (calendar h)"), tr("90th pct wait (calendar h)"),
                     tr("Answered outside business hours")],
                    rows, numeric=tuple(range(2, 8)),
                    caption=tr("A message's first answer by the team and its first answer "
                               "by an advocate are each credited to the person who gave "
                               "it; waits are from the message to that answer.")))


def _unanswered(report: Report) -> str:
    r = report.figures.responsiveness.current
    questions = r.unanswered_questions
    total = r.unanswered_question_count
    rows = [(q["received"], q["platform"], Name(q["author"]), q["text"])
            for q in questions[:LIST_ROWS]]
    return (heading(3, tr("Unanswered questions ({n}, oldest first)", n=total))
            + table([tr("Received (local)"), tr("Channel"), tr("Member"), tr("Message")], rows)
            + report.more_line(max(total, len(questions)) - len(rows), UNANSWERED_CSV))
