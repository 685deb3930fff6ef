"""The action items the mail lists, grouped as the report groups them.

Read from the report's ``commentary.json`` (``report.sections.commentary.write_notes``):
the open and in-progress actions first, in the report's order (overdue ones first), each
with its status and its age ("new this period", "since 2026-09 (31 days)"); then the
actions done or dropped this period, once. Worded with the report's words
(``status_text``, "overdue", "{n} days") in the current language; the texts are plain
text, the message escapes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..html import fmt_date, fmt_number
from ..i18n import tr


@dataclass(frozen=True)
class MailAction:
    what: str
    owner: str
    due: str  # as the report writes it: "10 Dec 2026"
    status: str  # "in progress", "open · overdue", "done" (translated)
    tone: str  # the report's colour of the status: bad (overdue), good (done), flat
    since: str  # "new this period", "since 2026-09 (31 days)"; "" for a closed action

    @property
    def template(self) -> str:
        """The line's wording in the current language, its fields still to fill."""
        if self.since:
            return tr("{action} ({owner}, due {date}): {status} · {since}")
        return tr("{action} ({owner}, due {date}): {status}")

    @property
    def fields(self) -> dict[str, str]:
        return {"action": self.what, "owner": self.owner, "date": self.due,
                "status": self.status, "since": self.since}

    @property
    def text(self) -> str:
        """The whole line as plain text."""
        return self.template.format(**self.fields)


def since(raised: str, age_days: int) -> str:
    """The action's age as the report's "Since" column gives it, in words for a line."""
    if age_days == 0:
        return tr("new this period")
    return tr("since {period} ({days})", period=raised,
              days=tr("{n} days", n=fmt_number(age_days)))


def mail_action(entry: dict[str, Any], *, closed: bool) -> MailAction:
    """One action of commentary.json, worded for the mail."""
    from ..report.sections.commentary import status_text

    status = str(entry["status"])
    overdue = bool(entry.get("overdue"))
    return MailAction(
        what=str(entry["what"]), owner=str(entry["owner"]),
        due=fmt_date(dt.date.fromisoformat(str(entry["due"]))),
        status=status_text(status) + (f" · {tr('overdue')}" if overdue else ""),
        tone="bad" if overdue else "good" if status == "done" else "flat",
        since="" if closed else since(str(entry["raised"]), int(entry["age_days"])))


def read_actions(doc: dict[str, Any]) -> tuple[list[MailAction], list[MailAction]]:
    """The open actions and the actions closed this period of a commentary.json."""
    return ([mail_action(e, closed=False) for e in doc["open"]],
            [mail_action(e, closed=True) for e in doc["closed"]])
