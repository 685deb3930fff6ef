"""A draft review file (``communitykit review CLIENT --period P``): the report's findings
under "What happened", the actions still open from earlier reviews in the header, and
``draft: true`` so the report shows nothing of it until the strategist removes that line.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML

from ..errors import UserError
from ..i18n import tr, use_language
from ..periods import Period
from .action_carry import Carried, carry
from .review_notes import note_path, notes_until, read_note, review_file


def draft_text(carried: list[Carried], findings: list[str], period: Period, client_name: str,
               language: str) -> str:
    """The draft file's text in ``language``."""
    with use_language(language):
        header = [
            "---",
            "# " + tr("Review of {period} for {client}: a draft written by communitykit.",
                      period=period.label, client=" ".join(client_name.split())),
            "# " + tr("The report shows none of this file until you remove the next line."),
            "draft: true",
            "# " + tr("Actions: what, owner, due (YYYY-MM-DD), status (open, in progress, "
                      "done or dropped), and an id to update them in a later review."),
        ]
        if carried:
            header.append("actions:")
            for c in carried:
                note = tr("from the review of {period}", period=c.raised.label)
                if c.overdue:
                    note += ", " + tr("overdue")
                header.append(f"  # {note}")
                header += ["  " + line for line in _yaml([_fields(c)]).splitlines()]
        else:
            header.append("actions: []")
        header.append("---")
        happened = [f"- {' '.join(f.split())}" for f in findings] or [
            "- " + tr("(no report for this period yet: render it to list its findings here)")]
        body = ["", f"## {tr('What happened')}", "", *happened, "",
                f"## {tr('What we learned')}", "", "", f"## {tr('What we do next')}", "", ""]
    return "\n".join(header + body)


def _fields(c: Carried) -> dict[str, object]:
    a = c.action
    fields: dict[str, object] = {"id": a.id} if a.id else {}
    return {**fields, "what": a.what, "owner": a.owner, "due": a.due, "status": a.status}


def _yaml(data: object) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # as written
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def carried_into(client_dir: Path, period: Period) -> list[Carried]:
    """The actions still open from earlier reviews at ``period``, as its draft lists them
    (the period's own review file, if any, is not read)."""
    return carry(notes_until(client_dir, period, without=period.label), period).open


def draft_for(client_dir: Path, period: Period, findings: list[str], client_name: str,
              language: str) -> str:
    """The draft's text: ``findings`` and the actions still open from earlier reviews."""
    return draft_text(carried_into(client_dir, period), findings, period, client_name,
                      language)


def write_draft(client_dir: Path, period: Period, findings: list[str], client_name: str,
                language: str) -> Path:
    """Write the draft for ``period`` (``<period>.md``); an existing review file of the
    period, Markdown or YAML, is never replaced."""
    existing = review_file(client_dir, period.label)
    if existing is not None:
        raise UserError(f"a review for {period.label} already exists and is left as it is: "
                        "edit it, or delete it to write a new draft", file=existing)
    path = note_path(client_dir, period.label)
    text = draft_for(client_dir, period, findings, client_name, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # never over a file written meanwhile
        handle.write(text)
    read_note(path)  # the draft reads back as a valid review file
    return path
