"""Before a report is mailed: does its commentary still say what the review files say?

The report writes the commentary and actions it shows to ``commentary.json`` beside it
(``report.sections.commentary.write_notes``). ``send`` reads the period's review notes
again through the same functions (``notes_of``, ``notes_document``) and compares: when
they differ, or the review files cannot be read (a mistake, two files for one period),
it refuses before anything is written or sent, naming the command that renders the
report again. Nothing here depends on today's date: an unchanged file always passes.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import UserError
from ..plan.review_step import report_command
from ..report.review_notes import folder as reviews_folder
from ..report.review_notes import period_named
from ..report.sections.commentary import NOTES_FILE, notes_document, notes_of


def check(client_dir: Path, report_folder: Path, client: str, label: str) -> None:
    """Refuse (``UserError``, one line) when the review notes of period ``label`` no
    longer give the commentary and actions of the report in ``report_folder``."""
    period = period_named(label)
    if period is None:  # send parsed the label already
        raise UserError(f"period {label!r} is not understood")
    again = f"render it again with `{report_command(client, period)}`"
    try:
        now = notes_document(notes_of(client_dir, period), label)
    except UserError as exc:
        raise UserError("the review file changed since the report was rendered and cannot "
                        f"be read: {' '.join(str(exc).split())}; fix it, then {again}; "
                        "nothing was sent") from None
    written = _written(report_folder / NOTES_FILE, again)
    if now == written:
        return
    now_, then = now or {}, written or {}
    differ = [what for what, keys in (("commentary", ("commentary",)),
                                      ("actions", ("open", "closed")))
              if any(now_.get(k) != then.get(k) for k in keys)]
    what = " and ".join(differ) or "notes"
    verb = "differs" if what == "commentary" else "differ"
    raise UserError(f"the review file changed since the report was rendered: the {what} "
                    f"of {label} {verb} from the report's; {again} (or send with --render); "
                    "nothing was sent", file=reviews_folder(client_dir))


def _written(path: Path, again: str) -> dict[str, object] | None:
    """The report's commentary.json (None when the report has none)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise UserError(f"not the commentary of this kit's reports ({type(exc).__name__}); "
                        f"{again}; nothing was sent", file=path) from None
    if not isinstance(found, dict):
        raise UserError(f"not the commentary of this kit's reports; {again}; nothing was sent",
                        file=path)
    return found
