"""Where each client stands in a batch, for the agency index: goals on and off track, open
escalations, data problems, and the headline figures with their change and their last six
periods, all read back from the report's own ``metrics.json`` and those of the reports
before it (``report.trends``, never recomputed); and the order of need.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..metrics import results
from ..metrics.results import Figures
from ..paths import Workspace
from ..report.findings import coverage_gaps, partly_covered
from ..report.tiles import Headline, headlines
from ..report.trends import Trend, period_of, series
from .jobs import JobResult

# Tiers of need, most urgent first; the page states this order (``ORDER``).
FAILED, OFF_TRACK, ESCALATIONS, DATA, REST = range(5)
ORDER = ("Sorted by need: reports that failed, then goals off track, then open escalations, "
         "then data problems, then the rest; by name within each.")
OFF = ("off track", "missed")
ON = ("on track", "met")

@dataclass
class Standing:
    """One client's row in a period's index."""

    client: str
    name: str
    ok: bool
    error: str | None = None
    report: str | None = None  # report.html, relative to reports/
    pdf: str | None = None  # report.pdf when it exists and is not older than report.html
    pdf_error: str | None = None  # the report is in place; its PDF failed in this batch
    goals: list[tuple[str, str]] = field(default_factory=list)  # (label, status)
    escalations_open: int = 0
    escalations: int = 0
    coverage: str = "full"  # full, partial or none (the current period)
    gaps: str = ""  # where the data leaves the period uncovered
    problems: list[str] = field(default_factory=list)  # data problems, translated
    headlines: list[Headline] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)  # each headline figure's

    @property
    def off_track(self) -> int:
        return sum(status in OFF for _, status in self.goals)

    @property
    def on_track(self) -> int:
        return sum(status in ON for _, status in self.goals)

    @property
    def need(self) -> int:
        """The tier of need (``FAILED`` … ``REST``); a failed PDF is a failed job."""
        if not self.ok or self.pdf_error:
            return FAILED
        if self.off_track:
            return OFF_TRACK
        if self.escalations_open:
            return ESCALATIONS
        return DATA if self.problems else REST

    @property
    def needs_attention(self) -> bool:
        return self.need != REST


def by_need(rows: list[Standing]) -> list[Standing]:
    """Failed reports, goals off track (most first), open escalations (most first), data
    problems, the rest; by name within each."""
    def key(s: Standing) -> tuple[int, int, str, str]:
        count = -s.off_track if s.need == OFF_TRACK else (
            -s.escalations_open if s.need == ESCALATIONS else 0)
        return s.need, count, s.name.casefold(), s.client
    return sorted(rows, key=key)


def standing(reports: Path, result: JobResult) -> Standing:
    """A client's standing from its batch result and its report folder under ``reports``
    (the workspace's reports folder; a failed client keeps its row with the error; any
    goal or figure is read from the rendered report's metrics.json, the trends from the
    earlier periods' as the report's own trends read them)."""
    rendered = result.ok or result.pdf_failed  # a failed PDF leaves the report in place
    row = Standing(result.client, result.name, rendered, None if rendered else result.error,
                   result.report, pdf_error=result.error if result.pdf_failed else None)
    if not rendered or not result.report:
        return row
    folder = (reports / result.report).parent
    if _current_pdf(folder):
        row.pdf = (Path(result.report).parent / "report.pdf").as_posix()
    try:
        doc = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
        return _read(row, doc, results.read_back(doc), Workspace(reports.parent))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # a metrics.json of another version of the kit, or damaged: said, not guessed
        row.problems = [tr("the report's metrics.json cannot be read ({error})",
                           error=type(exc).__name__)]
        return row


def _current_pdf(folder: Path) -> bool:
    """Whether the report's PDF exists and is not older than its page (a PDF kept from an
    earlier rendering after its PDF failed is older: not linked)."""
    pdf, page = folder / "report.pdf", folder / "report.html"
    if not pdf.is_file():
        return False
    return not page.is_file() or pdf.stat().st_mtime >= page.stat().st_mtime


def _read(row: Standing, doc: dict[str, Any], figures: Figures,
          workspace: Workspace) -> Standing:
    goals = [(g.label, g.status) for g in figures.goals]
    rules = figures.rules.current
    coverage, gaps = figures.coverage.current, ""
    if partly_covered(figures, "current"):
        gaps = coverage_gaps(figures, "current")
        coverage = "none" if coverage == "none" else "partial"
    found = headlines(figures)
    row.goals, row.coverage, row.gaps, row.headlines = goals, coverage, gaps, found
    row.escalations_open, row.escalations = rules.escalations_open, rules.escalations
    row.problems = data_problems(doc)
    version = doc.get("store_version")
    row.trends = series(figures, period_of(figures), workspace, row.client,
                        version if isinstance(version, str) else None)
    return row


def data_problems(doc: dict[str, Any]) -> list[str]:
    """What keeps a client's figures from being read as they stand: channels with inbound
    messages and no team activity in the data (most often accounts that match no export),
    a period the data covers only in part, rows the import rejected."""
    responsiveness = (doc.get("responsiveness") or {}).get("current") or {}
    found = [tr("{platform}: inbound messages and no team activity in the data",
                platform=platform)
             for platform in responsiveness.get("channels_without_team") or []]
    coverage = doc.get("coverage") or {}
    if coverage.get("current", "full") != "full" or coverage.get("partial_channels_current"):
        found.append(tr("the data covers this period only in part"))
    rejected = (doc.get("data_quality") or {}).get("rows_rejected") or 0
    if rejected:
        found.append(tr("{n} rows rejected at import", n=rejected))
    return found
