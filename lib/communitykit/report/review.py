"""The review of one client's period: its figures, metrics.json, and each section's HTML.

The review notebook opens it (``Review.open``), saves metrics.json and calls one method per
section; each method renders its section (``sections/``) in the playbook's language.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import metrics, periods
from ..definitions import DECISIONS, METRICS_JSON_DEFINITIONS
from ..faults import checkpoint
from ..html import Html
from ..i18n import use_language
from ..metrics.results import Figures
from ..paths import Workspace
from ..periods import Period
from . import findings, lists, quality
from .context import Report
from .sections import (
    appendix,
    commentary,
    goals,
    health,
    listening,
    member_levels,
    presence,
    reach,
    responsiveness,
    rules,
    summary,
    title,
    voices,
)

SCHEMA = "communitykit.metrics/1"
Section = Callable[[Report], Html]


def _section(render: Section) -> Callable[[Review], Html]:
    """A notebook cell's call: the section rendered in the playbook's language (each cell
    is its own context)."""

    @functools.wraps(render)
    def method(self: Review) -> Html:
        with use_language(self.language):
            return render(self.report)

    return method


class Review:
    """Figures of one client and period, and the HTML of each section."""

    def __init__(self, client: str, period: Period, workspace: Workspace | None = None) -> None:
        workspace = workspace or Workspace.find()
        handle = workspace.client(client)
        data = handle.dataset(period)
        self.report = Report(
            client=client, period=period, workspace=workspace, playbook=handle.playbook,
            playbook_sha256=hashlib.sha256(handle.playbook_file.read_bytes()).hexdigest(),
            store_version=handle.store.version, data=data,
            figures=metrics.compute(data, period))

    @classmethod
    def open(cls, client: str, period: str | None = None, period_from: str | None = None,
             period_to: str | None = None, workspace: str | None = None) -> Review:
        checkpoint("report:executing")
        ws = Workspace(Path(workspace)) if workspace else None
        return cls(client, periods.resolve(period, period_from, period_to), ws)

    @property
    def figures(self) -> Figures:
        return self.report.figures

    @property
    def language(self) -> str:
        return self.report.language

    @property
    def data(self) -> Any:
        return self.report.data

    def metrics_document(self) -> dict[str, Any]:
        """The content of metrics.json."""
        r = self.report
        return {
            "schema": SCHEMA,
            "client": {"id": r.client, "name": r.playbook.client.name,
                       "timezone": r.playbook.client.timezone},
            **r.figures.to_json(),
            "data_quality": quality.data_quality(r),
            "playbook": {"sha256": r.playbook_sha256, "version": r.playbook.version,
                         "last_revision": quality.last_revision(r.playbook)},
            "store_version": r.store_version,
            "definitions": dict(METRICS_JSON_DEFINITIONS),
            "decisions": dict(DECISIONS),
        }

    def save_metrics(self, path: str | Path | None) -> None:
        """Write metrics.json, and beside it the CSV files of the lists the report cuts
        (the runner passes the path, in the folder that becomes the report's; None when
        run by hand)."""
        if path is None:
            return
        document = self.metrics_document()
        text = json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False)
        Path(path).write_text(text + "\n", encoding="utf-8")
        lists.write_lists(self.report, Path(path).parent, document["data_quality"])
        commentary.write_notes(self.report, Path(path).parent)  # for the mail

    def findings(self) -> list[str]:
        """The summary's findings as plain sentences (in the report language)."""
        with use_language(self.language):
            return [f.text for f in findings.findings(self.figures)]

    title = _section(title.render)
    commentary = _section(commentary.render)
    summary = _section(summary.render)
    goals = _section(goals.render)
    responsiveness = _section(responsiveness.render)
    presence = _section(presence.render)
    health = _section(health.render)
    member_levels = _section(member_levels.render)
    listening = _section(listening.render)
    rules = _section(rules.render)
    voices = _section(voices.render)
    reach = _section(reach.render)
    appendix = _section(appendix.render)
