"""The command line's ``review``: a draft of a period's commentary and actions, and the
author's line ``report`` prints when a period has no commentary yet (docs/commentary.md)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .paths import Client, Workspace
from .periods import Period


def _say(text: str) -> None:
    print(text, flush=True)


def commentary_hint(client: Client, period: Period) -> str | None:
    """The author's line when the period has no commentary yet; reading every review file
    first, a mistake in one fails the report before its kernel starts."""
    from .report.review_notes import author_hint

    return author_hint(client.folder, period, client.name, client.workspace.root)


def cmd_review(args: argparse.Namespace, ws: Workspace) -> int:
    """Write the draft review file of a period: the report's findings and the actions
    still open; an existing file (Markdown or YAML) is never replaced. The planning
    notebooks' review step writes it through the same functions (``plan.review_step``)."""
    from .plan.review_step import period_label, report_command, report_findings, review_period
    from .report.review_draft import write_draft

    client = ws.client(args.client)
    label = period_label(client, args.period)  # last-month: on today's date in its timezone
    period = review_period(label)
    findings = report_findings(client, label)
    if findings is None:
        _say(f"no report for {label} yet: the draft lists no findings (render it first with "
             f"`{report_command(client.name, period)}` to have them)")
    path = write_draft(client.folder, period, findings or [], client.playbook.client.name,
                       client.language)
    _say(f"draft written: {path}; write the commentary and actions, remove `draft: true`, "
         f"then run `{report_command(client.name, period)}`")
    return 0


def register(sub: argparse._SubParsersAction, client_type: Callable[[str], str]) -> None:
    """Add ``review`` to the command line."""
    p = sub.add_parser("review", help="write a draft of a period's commentary and actions")
    p.add_argument("client", type=client_type)
    p.add_argument("--period", required=True,
                   help="2026-10, 2026-W43, 2026-Q3, 2026-10-01_2026-10-15, last-week, "
                        "last-month or last-quarter")
    p.set_defaults(run=cmd_review)
