"""Files people often mistake for community exports, refused with the reason.

``detect`` consults these only when no importer claims a file, so the user learns why
the file is not read instead of a bare "format not recognised".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ImportFailed, InputTooLarge
from .sheets import first_workbook_row


def _first_row_of_workbook(path: Path) -> list[str]:
    """The first row, through the workbook guard: a workbook too large to open is refused
    with its limit; any other unreadable workbook is simply not a known refusal."""
    try:
        return first_workbook_row(path)
    except InputTooLarge:
        raise
    except ImportFailed:
        return []


def _header(head: str) -> str:
    return head.splitlines()[0].lower() if head else ""


REFUSALS: tuple[tuple[Callable[[Path, str], bool], str], ...] = (
    (lambda path, head: "campaign name" in _header(head)
     and ("amount spent" in _header(head) or "reporting starts" in _header(head)),
     "a Facebook Ads Manager report (paid results per campaign or ad): not community data, "
     "the kit does not import ad reports"),
    (lambda path, head: path.suffix.lower() == ".xlsx"
     and _first_row_of_workbook(path)[:1] == ["time period"],
     "an X Ads export (paid campaign results): not community data, the kit does not import "
     "ad reports"),
    (lambda path, head: path.suffix.lower() == ".xlsx"
     and {"date of message", "commentator username"} <= set(_first_row_of_workbook(path)),
     "a hand-kept moderation log, not a platform export: to import it anyway, declare a "
     "column mapping for it in the playbook (generic format, see docs/sources.md)"),
)


def refusal(path: Path, head: str) -> str | None:
    """Why the kit refuses ``path``, when it is a known kind of non-export."""
    return next((reason for test, reason in REFUSALS if test(path, head)), None)
