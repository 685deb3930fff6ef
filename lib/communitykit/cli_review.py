"""The command line's ``review``: a draft of a period's commentary and actions, and the
author's line ``report`` prints when a period has no commentary yet (docs/commentary.md)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from . import relative_periods
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
    still open; an existing file is never replaced."""
    from .delivery.summary import read as read_summary
    from .periods import parse
    from .report.review_draft import write_draft

    client = ws.client(args.client)
    label = args.period
    if relative_periods.is_relative(label):  # last-month: on today's date in its timezone
        label = relative_periods.resolve(label, relative_periods.today(client.playbook.tz))
    period = parse(label)
    folder = client.workspace.report_dir(client.name, label)
    findings: list[str] = []
    if (folder / "metrics.json").is_file():
        findings = [f.text for f in read_summary(folder, client.language).findings]
    else:
        _say(f"no report for {label} yet: the draft lists no findings (render it first with "
             f"`communitykit report {client.name} --period {label}` to have them)")
    path = write_draft(client.folder, period, findings, client.playbook.client.name,
                       client.language)
    _say(f"draft written: {path}; write the commentary and actions, remove `draft: true`, "
         f"then run `communitykit report {client.name} --period {label}`")
    return 0


def register(sub: argparse._SubParsersAction, client_type: Callable[[str], str]) -> None:
    """Add ``review`` to the command line."""
    p = sub.add_parser("review", help="write a draft of a period's commentary and actions")
    p.add_argument("client", type=client_type)
    p.add_argument("--period", required=True,
                   help="2026-10, 2026-W43, 2026-Q3, last-week, last-month or last-quarter")
    p.set_defaults(run=cmd_review)
