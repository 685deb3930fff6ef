"""What every section reads: the client, the period, the playbook, the data and its figures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..dataset import Dataset
from ..html import fmt_number, paragraph
from ..i18n import tr
from ..metrics.results import Figures
from ..paths import Workspace
from ..periods import Period
from ..playbook import Playbook

# Lists longer than this show their first rows and say how many more there are.
LIST_ROWS = 15


@dataclass
class Report:
    """One client's period, as the sections render it."""

    client: str
    period: Period
    workspace: Workspace
    playbook: Playbook
    playbook_sha256: str
    store_version: str | None
    data: Dataset
    figures: Figures
    lists_folder: Path | None = None  # where the full lists were written beside the report

    @property
    def language(self) -> str:
        return self.playbook.client.language

    def more_line(self, hidden: int, csv_name: str | None = None) -> str:
        """The line under a cut list: how many rows are not shown, and where they are."""
        if hidden <= 0:
            return ""
        if csv_name and self.lists_folder is not None:
            text = tr("… and {n} more: all of them are in {file} beside this report.",
                      n=fmt_number(hidden), file=csv_name)
        else:
            text = tr("… and {n} more.", n=fmt_number(hidden))
        return paragraph(text, "more")
