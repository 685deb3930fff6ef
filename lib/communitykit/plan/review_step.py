"""The review step (``notebooks/plan/review.ipynb``; ``communitykit plan <client> review``):
after a period's report is rendered, the strategist sees its findings (read back from the
report's metrics.json, never recomputed), the actions still open from earlier reviews,
and the draft review file that ``communitykit review`` writes, through the same code
(``report.review_draft``). An existing review file of the period is never replaced: the
step shows it and its check instead.

``period_label``, ``review_period`` and ``report_findings`` are shared with
``communitykit review`` (``cli_review``).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from .. import relative_periods
from ..errors import UserError
from ..html import Html, esc, fmt_date, fmt_number, paragraph, table
from ..i18n import tr, use_language
from ..paths import Client, Workspace
from ..periods import Period, parse_date
from ..report.review_notes import MAX_BYTES, note_path, period_named, read_note, review_file

if TYPE_CHECKING:
    from ..delivery.summary import Summary

def latest_report(client: Client) -> str | None:
    """The label of the client's rendered report whose period ends last (None without
    one): folders of ``reports/<client>/`` named after a period and holding metrics.json."""
    folder = client.workspace.reports / client.name
    found = [period for path in sorted(folder.glob("*/metrics.json"))
             if (period := period_named(path.parent.name)) is not None]
    return max(found, key=lambda p: (p.end, p.start)).label if found else None


def period_label(client: Client, text: str | None, today: str | dt.date | None = None) -> str:
    """The label of the period to review: ``text`` as written (``2026-10``, ``2026-W43``,
    ``2026-Q3``, ``2026-10-01_2026-10-15``), a relative period (``last-month``) resolved on
    ``today`` (default: today in the client's timezone), or, for None, the latest rendered
    report (last month when there is none)."""
    day = parse_date(today, "today") if isinstance(today, str) else today
    if text is None or not str(text).strip():
        latest = latest_report(client)
        if latest is not None:
            return latest
        text = "last-month"
    text = str(text).strip()
    if relative_periods.is_relative(text):
        return relative_periods.resolve(text, day or relative_periods.today(client.playbook.tz))
    return text


def review_period(label: str) -> Period:
    """The period of a label; anything else is refused with the forms allowed."""
    period = period_named(label)
    if period is None:
        raise UserError(f"period {label!r} is not understood: use a month (2026-10), an ISO "
                        "week (2026-W43), a quarter (2026-Q3), dates (2026-10-01_2026-10-15) "
                        "or last-week, last-month, last-quarter")
    return period


def report_command(client: str, period: Period) -> str:
    """The command that renders the report of ``period``."""
    if period.kind == "custom":
        last = period.end - dt.timedelta(days=1)
        return f"communitykit report {client} --from {period.start} --to {last}"
    return f"communitykit report {client} --period {period.label}"


def report_summary(client: Client, label: str) -> Summary | None:
    """The rendered report's summary (its metrics.json) in the client's language; None
    when the period has no rendered report."""
    from ..delivery.summary import read

    folder = client.workspace.report_dir(client.name, label)
    return read(folder, client.language) if (folder / "metrics.json").is_file() else None


def report_findings(client: Client, label: str) -> list[str] | None:
    """The findings of the rendered report as plain sentences (None: not rendered)."""
    summary = report_summary(client, label)
    return None if summary is None else [f.text for f in summary.findings]


class ReviewStep:
    """The review notebook's logic for one client and period."""

    def __init__(self, client: Client, period: Period) -> None:
        self.client = client
        self.period = period

    @classmethod
    def open(cls, client: str, workspace: str | Path | None = None, period: str | None = None,
             today: str | dt.date | None = None) -> ReviewStep:
        ws = Workspace(Path(workspace)) if workspace else Workspace.find()
        handle = ws.client(client)
        return cls(handle, review_period(period_label(handle, period, today)))

    @property
    def language(self) -> str:
        return self.client.language

    @property
    def report_folder(self) -> Path:
        return self.client.workspace.report_dir(self.client.name, self.period.label)

    @functools.cached_property
    def summary(self) -> Summary | None:
        """The rendered report's summary, read once (None: not rendered yet)."""
        return report_summary(self.client, self.period.label)

    def about(self) -> Html:
        """Which period this review is of, and its dates."""
        last = self.period.end - dt.timedelta(days=1)
        with use_language(self.language):
            return Html(paragraph(tr("Review of {period} ({first} – {last}) for {client}",
                                     period=self.period.label, first=fmt_date(self.period.start),
                                     last=fmt_date(last),
                                     client=" ".join(self.client.playbook.client.name.split())),
                                  "note"))

    def findings(self) -> Html:
        """The report's findings, headline figures and goals; or how to render it."""
        with use_language(self.language):
            summary = self.summary
            if summary is None:
                return Html(paragraph(tr(
                    "The report of {period} is not rendered yet, so there are no findings to "
                    "show. Render it with `{command}` and run this notebook again: the draft "
                    "then lists its findings.", period=self.period.label,
                    command=report_command(self.client.name, self.period)), "warn"))
            out = paragraph(tr("From the rendered report: {path}",
                               path=self.report_folder / "report.html"), "note")
            if summary.findings:
                out += "<ul>" + "".join(f"<li>{esc(f.text)}</li>" for f in summary.findings)
                out += "</ul>"
            else:
                out += paragraph(tr("The report has no findings for this period."), "note")
            if summary.headlines:
                out += table([tr("Figure"), tr("Value"), tr("Change"), tr("Compared with")],
                             [(h.label, h.value, h.change, h.versus) for h in summary.headlines],
                             fold=False)
            if summary.goals:
                out += table([tr("Goal"), tr("Status"), tr("Current"), tr("Target")],
                             [(g.label, g.status, g.current, g.target) for g in summary.goals],
                             fold=False)
            return Html(out)

    def open_actions(self) -> Html:
        """The actions still open from earlier reviews, as the report will show them."""
        from ..report.action_carry import ActionList
        from ..report.review_draft import carried_into
        from ..report.sections.commentary import actions_html

        with use_language(self.language):
            carried = carried_into(self.client.folder, self.period)
            if not carried:
                return Html(paragraph(tr("No action is open from earlier reviews."), "note"))
            return Html(paragraph(tr("Actions from earlier reviews not yet done or dropped: "
                                     "{n}. The draft lists them, to update their status.",
                                     n=fmt_number(len(carried))), "note")
                        + actions_html(ActionList(carried, []), with_heading=False))

    def draft(self, save: bool = False) -> Html:
        """The draft review file: written when ``save`` (never over an existing file),
        else shown; an existing review file of the period is shown with its check."""
        from ..report.review_draft import draft_for, write_draft

        existing = review_file(self.client.folder, self.period.label)
        with use_language(self.language):
            if existing is not None:
                return Html(self._existing(existing))
            findings = [f.text for f in summary.findings] if (summary := self.summary) else []
            name = self.client.playbook.client.name
            if save:
                path = write_draft(self.client.folder, self.period, findings, name,
                                   self.language)
                return Html(paragraph(tr(
                    "Draft written: {path}. Write the commentary and the actions there, remove "
                    "the line `draft: true`, then render the report again with `{command}`.",
                    path=path, command=report_command(self.client.name, self.period)), "good")
                    + f"<pre>{esc(path.read_text(encoding='utf-8'))}</pre>")
            text = draft_for(self.client.folder, self.period, findings, name, self.language)
            path = note_path(self.client.folder, self.period.label)
            return Html(paragraph(tr(
                "Not written yet: set save = True in the first cell and run again to write "
                "this draft to {path} (never over an existing file).", path=path), "note")
                + f"<pre>{esc(text)}</pre>")

    def _existing(self, path: Path) -> str:
        """An existing review file: its text and what the report makes of it."""
        with path.open("rb") as handle:
            text = handle.read(MAX_BYTES).decode("utf-8", errors="replace")
        out = paragraph(tr("A review file for {period} exists and is left as it is: {path}. "
                           "Edit it there; its text and its check follow.",
                           period=self.period.label, path=path), "note")
        out += f"<pre>{esc(text)}</pre>"
        try:
            note = read_note(path)
        except UserError as exc:
            return out + paragraph(tr("It has a mistake, and no report of the client runs "
                                      "until it is fixed: {problem}", problem=str(exc)), "bad")
        out += paragraph(tr("The file is valid (actions: {n}).", n=fmt_number(len(note.actions))),
                         "good")
        if note.draft:
            return out + paragraph(tr("It is still a draft: the report shows none of it until "
                                      "you remove the line `draft: true`."), "warn")
        if not note.commentary:
            return out + paragraph(tr("It has no commentary yet: the report shows only its "
                                      "actions."), "warn")
        return out + paragraph(tr("The report of {period} opens with its commentary.",
                                  period=self.period.label), "good")


def ran(client: Client, label: str, before: Path | None, save: bool) -> list[str]:
    """What ``communitykit plan <client> review`` says after the notebook ran: the draft
    written (or shown, in a dry run), or the existing review file left as it is; a
    mistake in that file is refused with its file, line and key (exit 1)."""
    if before is not None:
        note = read_note(before)
        state = (" (still a draft: the report shows none of it until you remove "
                 "`draft: true`)" if note.draft else "")
        return [f"review: {before} exists and is left as it is{state}"]
    command = report_command(client.name, review_period(label))
    rendered = (client.workspace.report_dir(client.name, label) / "metrics.json").is_file()
    lines = [] if rendered else [f"review: no report for {label} yet: the draft lists no "
                                 f"findings (render it first with `{command}` to have them)"]
    if not save:
        return [*lines, f"review: the draft for {label} is in the executed notebook, not "
                        "written (dry run)"]
    path = review_file(client.folder, label)
    return [*lines, f"review: draft written: {path}; write the commentary and actions, "
                    f"remove `draft: true`, then run `{command}`"]
