"""Rules and escalations: flags per rule category and every escalation with its status."""

from __future__ import annotations

from typing import Any

from ...html import Cell, Html, Name, fmt_hours, fmt_number, heading, paragraph, table
from ...i18n import tr
from ..context import Report

ESCALATION_CLASS = {"handled in time": "status good", "handled late": "status warn",
                    "open": "status bad"}


def render(report: Report) -> Html:
    c, p = report.figures.rules.current, report.figures.rules.previous
    prev_flags = {x["category"]: x["flags"] for x in p.by_category}
    categories = [(x["label"], tr(x["severity"]), fmt_number(x["flags"]),
                   fmt_number(prev_flags.get(x["category"], 0)), _examples(x))
                  for x in c.by_category]
    escalations = [(e["received"], e["platform"], Name(e["author"]), e["text"],
                    tr(e["severity"]), e["owner"], e["handle_within"],
                    Name(e["handled_by"]),
                    fmt_hours(e["handled_after_hours"]),
                    Cell(tr(e["status"]), ESCALATION_CLASS[e["status"]]))
                   for e in c.escalation_list]
    summary = tr("{flags} messages broke a rule ({previous} in the previous period); "
                 "{escalations} were escalations: {in_time} handled in time, {late} late, "
                 "{open} still open.", flags=c.flags, previous=p.flags,
                 escalations=c.escalations, in_time=c.escalations_handled_in_time,
                 late=c.escalations_handled_late, open=c.escalations_open)
    return Html(
        heading(2, tr("Rules and escalations"), "rules") + paragraph(summary)
        + table([tr("Rule category"), tr("Severity"), tr("Flags"), tr("Previous"),
                 tr("Examples")], categories, numeric=(2, 3))
        + heading(3, tr("Escalations"))
        + table([tr("Received (local)"), tr("Channel"), tr("Member"), tr("Message"),
                 tr("Severity"), tr("Owner"), tr("Handle within"), tr("Handled by"),
                 tr("After"), tr("Status")], escalations)
    )


def _examples(category: dict[str, Any]) -> str:
    """A rule category's example messages, saying how many flags they leave out."""
    texts = [e["text"] for e in category["examples"]]
    hidden = int(category["flags"]) - len(texts)
    if hidden > 0:
        texts.append(tr("and {n} more", n=fmt_number(hidden)))
    return " · ".join(texts)
