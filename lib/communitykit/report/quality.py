"""The data behind a period's figures: the import accounts of its files, shown without the
workspace's absolute paths."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from .. import classify
from ..playbook import Playbook
from .context import Report


def data_quality(report: Report) -> dict[str, Any]:
    """Import accounts of the files behind this period and the previous one."""
    period, playbook, data = report.period, report.playbook, report.data
    start, _ = period.previous().utc_bounds(playbook.tz)
    _, end = period.utc_bounds(playbook.tz)
    used: set[str] = set()
    for frame in (data.posts, data.messages):
        inside = (frame["created_at"] >= start) & (frame["created_at"] < end)
        used.update(frame.loc[inside, "source_file"].dropna().unique().tolist())
    d = data.daily
    start_day = pd.Timestamp(period.previous().start)
    end_day = pd.Timestamp(period.end)
    used.update(d[(d["date"] >= start_day) & (d["date"] < end_day)]["source_file"].dropna())
    latest: dict[str, dict[str, Any]] = {}
    for account in data.accounts:
        name = Path(str(account["file"])).name
        if name in used:
            latest[name] = account
    files = [_shareable(latest[n], report.workspace.root) for n in sorted(latest)]
    return {
        "files": len(files),
        "rows_read": sum(int(a["rows_read"]) for a in files),
        "rows_kept": sum(int(a["kept"]) for a in files),
        "rows_duplicate": sum(int(a["duplicate"]) for a in files),
        "rows_rejected": sum(int(a["rejected"]) for a in files),
        "accounts": [
            {k: a[k] for k in ("file", "format", "rows_read", "kept", "duplicate",
                               "rejected", "rejected_rows", "notes", "imported_at") if k in a}
            for a in files
        ],
        "excluded_as_spam": report.figures.responsiveness.current.excluded_as_spam,
        "texts_cut_for_analysis": texts_cut_for_analysis(report),
    }


def texts_cut_for_analysis(report: Report) -> int:
    """Messages of this period whose text is longer than the analysed opening."""
    start, end = report.period.utc_bounds(report.playbook.tz)
    m = report.data.messages
    inside = (m["created_at"] >= start) & (m["created_at"] < end)
    return int(classify.cut_for_analysis(m.loc[inside, "text"]).sum())


def last_revision(playbook: Playbook) -> str | None:
    """The playbook's last revision as one line (date, step, note)."""
    if not playbook.revisions:
        return None
    r = playbook.revisions[-1]
    return f"{r.date} {r.step}: {r.note}".strip()


def _shareable(account: dict[str, Any], root: Path) -> dict[str, Any]:
    """An import account as a report carries it: the file relative to the workspace
    (or by its name), never the absolute path the store holds."""
    roots = {str(root), str(root.resolve())}
    return {**account,
            "file": shared_path(account["file"], root),
            "notes": [unrooted(str(n), roots) for n in account.get("notes") or []],
            "rejected_rows": [{**r, "reason": unrooted(str(r["reason"]), roots)}
                              for r in account.get("rejected_rows") or []]}


def shared_path(file: object, root: Path) -> str:
    """An imported file's path as a report names it: relative to the workspace ``root``
    when the file is inside it, else its name alone."""
    path = Path(str(file))
    if not path.is_absolute():
        return path.name if ".." in path.parts else path.as_posix()
    for base in (root, root.resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.name


def unrooted(text: str, roots: set[str]) -> str:
    """``text`` with the workspace's absolute folder left out of the paths it names."""
    for root in sorted(roots, key=len, reverse=True):
        text = text.replace(os.path.join(root, ""), "")
    return text
