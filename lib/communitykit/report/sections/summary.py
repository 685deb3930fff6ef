"""The summary: the goals' status line, notes on the data, the headline tiles and the
findings that need attention."""

from __future__ import annotations

from ...catalogue import HEADLINES
from ...html import Html, esc, fmt_number, heading, paragraph
from ...i18n import tr
from ...metrics.results import Figures
from ..context import Report
from ..findings import MOVERS, coverage_gaps, findings, partly_covered, thin_note, uncovered
from ..goal_status import STATUS_CLASS, STATUS_ORDER
from ..sparklines import block as trends_block
from ..sparklines import links_nav
from ..tiles import tiles


def render(report: Report) -> Html:
    figures = report.figures
    items = "".join(
        f'<li class="finding {f.tone}"><a href="#{esc(f.section)}">{esc(f.text)}</a></li>'
        for f in findings(figures))
    return Html(
        links_nav(report)
        + heading(2, tr("Summary"), "summary")
        + _goal_status_line(figures)
        + "".join(paragraph(note, "data-note") for note in notes(figures))
        + f'<div class="tiles">{"".join(tiles(figures))}</div>'
        + (f'<h3>{esc(tr("What needs attention"))}</h3><ul class="findings">{items}</ul>'
           if items else paragraph(tr("Nothing needs attention this period."), "calm"))
        + trends_block(report)
    )


def notes(figures: Figures) -> list[str]:
    """Plain sentences about the data behind the figures: periods the data covers only
    in part, changes resting on too little data, and what became of the previous
    period's pending messages."""
    out = []
    if partly_covered(figures, "current"):
        out.append(tr("The data covers this period only in part ({gaps}): days without "
                      "data are missing, not zero.", gaps=coverage_gaps(figures, "current")))
    if uncovered(figures, "previous"):
        out.append(tr("The data has no day of the previous period: there is nothing to "
                      "compare this period with."))
    elif partly_covered(figures, "previous"):
        out.append(tr("The data covers the previous period only in part ({gaps}): "
                      "changes against it are marked as such.",
                      gaps=coverage_gaps(figures, "previous")))
    if not uncovered(figures, "previous"):
        out.append(thin_note(figures, (*HEADLINES, *MOVERS)) or "")
    pending = figures.responsiveness.current.previous_pending or {}
    if pending.get("messages"):
        out.append(tr("Messages pending at the end of the previous period: {n}. Since "
                      "then: answered in time {in_time}, answered late {late}, still "
                      "unanswered {open}.", n=fmt_number(pending["messages"]),
                      in_time=fmt_number(pending.get("answered_in_time", 0)),
                      late=fmt_number(pending.get("answered_late", 0)),
                      open=fmt_number(pending.get("unanswered", 0))))
    return [n for n in out if n]


def _goal_status_line(figures: Figures) -> str:
    if not figures.goals:
        return paragraph(tr("No goals are set in the playbook."), "goal-line")
    counts: dict[str, int] = {}
    for g in figures.goals:
        counts[g.status] = counts.get(g.status, 0) + 1
    chips = "".join(
        f'<a class="chip {STATUS_CLASS.get(status, "")}" href="#goals">'
        f"{esc(tr('{n} ' + status, n=counts[status]))}</a>"
        for status in (*STATUS_ORDER, *sorted(set(counts) - set(STATUS_ORDER)))
        if status in counts)
    return f'<p class="goal-line"><span>{esc(tr("Goals"))}</span> {chips}</p>'
