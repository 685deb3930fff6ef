"""The full lists a report cuts, written beside it as CSV files for a spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..cells import safe_row
from .context import Report

UNANSWERED_CSV = "unanswered-questions.csv"
REJECTED_CSV = "rejected-rows.csv"
REQUESTS_CSV = "requests.csv"


def write_lists(report: Report, folder: Path, dq: dict[str, Any]) -> None:
    """Every unanswered question, every rejected row and every member request."""
    questions = report.figures.responsiveness.current.unanswered_questions
    write_csv(folder / UNANSWERED_CSV, ("received", "channel", "member", "message"),
              [(q["received"], q["platform"], q["author"], q["text"]) for q in questions])
    write_csv(folder / REJECTED_CSV, ("file", "row", "reason"),
              [(Path(str(a["file"])).name, r["row"], r["reason"]) for a in dq["accounts"]
               for r in a["rejected_rows"]])
    register = report.figures.listening.current.request_register
    write_csv(folder / REQUESTS_CSV, ("requested", "owner", "members", "messages",
                                      "first_seen", "last_seen", "previous", "trend",
                                      "asked_as", "examples"),
              [(x["item"], x["owner"], x["members"], x["messages"], x["first_seen"],
                x["last_seen"], x["previous"], x["trend"], " | ".join(x["asked_as"]),
                " | ".join(e["text"] for e in x["examples"])) for x in register])
    report.lists_folder = folder


def write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """A CSV that Excel opens as UTF-8 (byte order mark); text cells are kept from being
    read as formulas."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(safe_row(list(row)) for row in rows)
