"""The page's opening: the strategist's commentary on the period and the action items
carried from review to review (``report/review_notes.py``, ``report/action_carry.py``).

Nothing at all when the period has no commentary and no action is open or closed: the
manager never sees an empty box (the author is told on the command line instead).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ...html import Cell, Html, esc, fmt_date, fmt_number, heading, table
from ...i18n import tr
from ...periods import Period
from ..action_carry import ActionList, Carried, carry
from ..context import Report
from ..review_notes import ReviewNote, notes_until


@dataclass(frozen=True)
class Notes:
    """What the opening shows: this period's commentary (Markdown) and the actions."""

    commentary: str
    actions: ActionList


def gather(report: Report) -> Notes:
    """This period's commentary and the actions carried to it."""
    return notes_of(report.workspace.client_dir(report.client), report.period)


def notes_of(client_dir: Path, period: Period) -> Notes:
    """The commentary and actions of ``period`` as the review files in ``client_dir`` say
    now (``send`` compares them with the report's commentary.json)."""
    notes = notes_until(client_dir, period)
    return Notes(commentary_of(notes, period.label), carry(notes, period))


def commentary_of(notes: list[ReviewNote], label: str) -> str:
    """The Markdown commentary written for the period ``label`` ('' when none, or when
    its file is still a draft)."""
    return next((n.commentary for n in notes if n.period.label == label and not n.draft), "")


def render(report: Report) -> Html:
    notes = gather(report)
    body = ""
    if notes.commentary.strip():  # Markdown and its sanitiser are imported only then
        from ..commentary_html import to_html

        body = to_html(notes.commentary)
    if not body and not notes.actions:
        return Html("")
    title = (tr("Commentary and actions") if body and notes.actions
             else tr("Commentary") if body else tr("Actions"))
    return Html(f'<section class="commentary-block">{heading(2, title, "commentary")}'
                + (f'<div class="commentary">{body}</div>' if body else "")
                + actions_html(notes.actions, with_heading=bool(body)) + "</section>")


def status_text(status: str) -> str:
    return {"open": tr("open"), "in progress": tr("in progress"), "done": tr("done"),
            "dropped": tr("dropped")}.get(status, status)


def since_text(c: Carried) -> str:
    """When the action was raised: "new", or "2026-09 · 31 days"."""
    if c.new:
        return tr("new this period")
    return f"{c.raised.label} · " + tr("{n} days", n=fmt_number(c.age_days))


def status_cell(c: Carried) -> Cell:
    text = status_text(c.action.status)
    if c.overdue:
        return Cell(f"{text} · {tr('overdue')}", "status bad")
    return Cell(text, "status good" if c.action.status == "done" else "status")


def actions_html(actions: ActionList, *, with_heading: bool = True) -> str:
    if not actions:
        return ""
    out = ""
    if actions.open:
        if with_heading:
            out += f'<h3>{esc(tr("Open actions"))}</h3>'
        out += table([tr("Action"), tr("Action owner"), tr("Due"), tr("Status"), tr("Since")],
                      [(c.action.what, c.action.owner, fmt_date(c.action.due), status_cell(c),
                        since_text(c)) for c in actions.open], fold=False)
    if actions.closed:
        out += f'<h3>{esc(tr("Closed this period"))}</h3>'
        out += table([tr("Action"), tr("Action owner"), tr("Due"), tr("Status")],
                     [(c.action.what, c.action.owner, fmt_date(c.action.due), status_cell(c))
                      for c in actions.closed], fold=False)
    return out


NOTES_FILE = "commentary.json"


def write_notes(report: Report, folder: Path) -> None:
    """``commentary.json`` beside the report: the commentary and actions as the page shows
    them, for the mail that sends it (``delivery.summary``); nothing when there are none."""
    document = notes_document(gather(report), report.period.label)
    if document is None:
        return
    (folder / NOTES_FILE).write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n",
                                     encoding="utf-8")


def notes_document(notes: Notes, label: str) -> dict[str, object] | None:
    """What commentary.json holds for ``notes`` of the period ``label`` (None: no file)."""
    if not notes.commentary and not notes.actions:
        return None
    return {"period": label, "commentary": notes.commentary,
            "open": [_action_json(c) for c in notes.actions.open],
            "closed": [_action_json(c) for c in notes.actions.closed]}


def _action_json(c: Carried) -> dict[str, object]:
    a = c.action
    return {"id": a.id, "what": a.what, "owner": a.owner, "due": a.due.isoformat(),
            "status": a.status, "overdue": c.overdue, "raised": c.raised.label,
            "age_days": c.age_days}
