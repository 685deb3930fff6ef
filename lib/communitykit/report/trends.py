"""Each headline figure over the last six periods of the same length, and a year before,
read from the reports already rendered (their metrics.json), never recomputed here.

The current report gives its own period and the previous one (it computes both); every
earlier period comes from ``reports/<client>/<label>/metrics.json``, or, when no report
is rendered for it, from the figures computed for the trends alone
(``data/<client>/figures-only/<label>/metrics.json``, written by ``report --fill-trends``:
``run.fill_trends``). A period with neither is a gap, never a zero: "no data" when the
store holds nothing of it (it lies outside the store's first and last day, which the
current report's figures carry, or ``--fill-trends`` found none in the store as it still
is), else "not rendered".

``series`` reads the same from a report's figures alone: the agency index draws each
client's trends with it (``run.standing``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import metrics
from ..catalogue import CATALOGUE, HEADLINES
from ..errors import UserError
from ..metrics.coverage import covered
from ..metrics.results import Figures, GoalRow, read_back
from ..paths import Workspace
from ..periods import Period, custom, parse
from .context import Report
from .findings import section_values, uncovered
from .tiles import headlines

PERIODS = 6  # the current period and the five before it
# What a point holds: a figure, no figure (the report measured none), or a gap: no day of
# the period in the data, no report rendered, or a metrics.json that cannot be read.
FIGURE, NO_FIGURE = "figure", "no figure"
NO_DATA, NOT_RENDERED, UNREADABLE = "no data", "not rendered", "unreadable"
# Where an earlier period's figures come from: its rendered report, or figures alone.
REPORT, FIGURES_ONLY = "report", "figures only"
FIGURES_ONLY_FOLDER = "figures-only"
NO_DATA_MARK = "no-data.json"  # beside: the store version in which the period had no data


@dataclass(frozen=True)
class Point:
    """A headline figure in one period (``value`` is None unless ``state`` is FIGURE),
    and where it was read (``source``)."""

    label: str
    value: float | None
    state: str
    source: str = REPORT


@dataclass(frozen=True)
class GoalPath:
    """A goal's path from its baseline (at its start) to its target (at its deadline), as
    the expected value at the last day of each charted period (None before the start)."""

    baseline: float
    baseline_source: str
    target: float
    deadline: dt.date
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Trend:
    """One headline figure: its points, oldest first (the last is the current period), the
    same period a year before (None when the period has no such thing) and its goal's path."""

    metric: str
    label: str  # translated
    unit: str
    better: str
    points: tuple[Point, ...]
    year_ago: Point | None
    goal: GoalPath | None


@dataclass(frozen=True)
class Links:
    """Relative links to the previous and next periods' reports, when they are rendered."""

    previous: str | None
    next: str | None


def earlier(period: Period, n: int = PERIODS) -> list[Period]:
    """The ``n`` periods of the same length ending with ``period``, oldest first."""
    out = [period]
    while len(out) < n:
        out.append(out[-1].previous())
    return out[::-1]


def year_before(period: Period) -> Period | None:
    """The same month, ISO week or quarter a year before (None for dates given by hand, or
    a week 53 the year before lacks)."""
    year, rest = period.label[:4], period.label[4:]
    if period.kind not in ("month", "week", "quarter"):
        return None
    try:
        return parse(f"{int(year) - 1}{rest}")
    except UserError:
        return None


def following(period: Period) -> Period:
    """The period of the same length that starts where ``period`` ends."""
    end = period.end
    if period.kind == "month":
        return parse(f"{end.year}-{end.month:02d}")
    if period.kind == "quarter":
        return parse(f"{end.year}-Q{(end.month - 1) // 3 + 1}")
    if period.kind == "week":
        year, week, _ = end.isocalendar()
        return parse(f"{year}-W{week:02d}")
    return custom(end, end + dt.timedelta(days=period.days - 1))


def figures_only_file(workspace: Workspace, client: str, label: str) -> Path:
    """Where the figures of a period computed for the trends alone are kept: beside the
    client's store, never among its reports."""
    return workspace.data_dir(client) / FIGURES_ONLY_FOLDER / label / "metrics.json"


def no_data_file(workspace: Workspace, client: str, label: str) -> Path:
    """Where ``--fill-trends`` notes that the store held no data of a period."""
    return figures_only_file(workspace, client, label).with_name(NO_DATA_MARK)


def gather(report: Report) -> list[Trend]:
    """The trend of each headline figure of ``report``."""
    return series(report.figures, report.period, report.workspace, report.client,
                  getattr(report, "store_version", None))


def series(figures: Figures, period: Period, workspace: Workspace, client: str,
           store_version: str | None = None) -> list[Trend]:
    """The trend of each headline figure of the report of ``period`` whose ``figures`` are
    given (computed, or read back from its metrics.json): the current and the previous
    period from them, each earlier one from its metrics.json in ``workspace``."""
    charted = earlier(period)
    ago = year_before(period)
    before = _previous_values(figures)
    stored = _store_span(figures)
    rendered = {p.label: _rendered(workspace, client, p, store_version, stored)
                for p in (*charted[:-2], *([ago] if ago else []))}
    out = []
    for h in headlines(figures):  # their labels in the report's language
        points = [*(_point(label, rendered[label], h.metric)
                    for label in (p.label for p in charted[:-2])),
                  _own(charted[-2].label, before[h.metric], uncovered(figures, "previous")),
                  _own(charted[-1].label, h.now, uncovered(figures, "current"))]
        m = CATALOGUE[h.metric]
        out.append(Trend(h.metric, h.label, h.unit, m.better, tuple(points),
                         _point(ago.label, rendered[ago.label], h.metric) if ago else None,
                         _goal_path(figures.goals, h.metric, charted)))
    return out


def period_of(figures: Figures) -> Period:
    """The period of a report's figures (as its metrics.json gives it)."""
    p = figures.period
    return Period(dt.date.fromisoformat(p.start), dt.date.fromisoformat(p.end_exclusive),
                  p.label, p.kind)


def links(report: Report) -> Links:
    """Links from this report to the previous and next periods' reports, when rendered."""
    def link(period: Period) -> str | None:
        folder = report.workspace.report_dir(report.client, period.label)
        return f"../{period.label}/report.html" if (folder / "report.html").is_file() else None

    return Links(link(report.period.previous()), link(following(report.period)))


def _own(label: str, value: float | None, no_data: bool) -> Point:
    """A point the current report computed (its period, or the previous one)."""
    if no_data:
        return Point(label, None, NO_DATA)
    return Point(label, value, FIGURE if value is not None else NO_FIGURE)


def _previous_values(figures: Figures) -> dict[str, float | None]:
    """The headline figures of the previous period, as the current report computed them."""
    before = section_values(figures)[1]
    return {metric: metrics.metric_value(before, metric) for metric in HEADLINES}


Read = tuple[dict[str, float | None] | str, str]  # the figures (or why none), their source


Span = tuple[dt.date, dt.date]  # the store's first and last day


def _store_span(figures: Figures) -> Span | None:
    """The store's first and last day when the report was computed (None: not known)."""
    first, last = figures.coverage.store_first_day, figures.coverage.store_last_day
    try:
        return (dt.date.fromisoformat(first), dt.date.fromisoformat(last)) \
            if first and last else None
    except (TypeError, ValueError):
        return None


def _rendered(workspace: Workspace, client: str, period: Period,
              store_version: str | None = None, stored: Span | None = None) -> Read:
    """The headline figures of the rendered report of ``period``, else of its figures
    alone, or why there are none: no data when the period lies outside the store's days
    (``stored``) or the fill found none in this store version, else not rendered."""
    label = period.label
    path = workspace.report_dir(client, label) / "metrics.json"
    if path.is_file():
        return _read(path, label), REPORT
    alone = figures_only_file(workspace, client, label)
    if alone.is_file():
        return _read(alone, label), FIGURES_ONLY
    if store_version is not None and _marked(no_data_file(workspace, client, label)) \
            == store_version:
        return NO_DATA, FIGURES_ONLY
    if stored is not None and covered(stored, period) == "none":
        return NO_DATA, REPORT
    return NOT_RENDERED, REPORT


def _marked(path: Path) -> str | None:
    """The store version a no-data note was written for (None without a readable one)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8")).get("store_version")
    except (OSError, ValueError, AttributeError):
        return None
    return found if isinstance(found, str) else None


def _read(path: Path, label: str) -> dict[str, float | None] | str:
    """The headline figures of a metrics.json of period ``label``, or why there are none."""
    try:
        doc: Any = json.loads(path.read_text(encoding="utf-8"))
        figures = read_back(doc)
        if figures.period.label != label:
            return UNREADABLE
        if uncovered(figures, "current"):
            return NO_DATA
        return {h.metric: h.now for h in headlines(figures)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return UNREADABLE


def _point(label: str, read: Read, metric: str) -> Point:
    rendered, source = read
    if isinstance(rendered, str):
        return Point(label, None, rendered, source)
    value = rendered.get(metric)
    return Point(label, value, FIGURE if value is not None else NO_FIGURE, source)


def _goal_path(goals: list[GoalRow], metric: str, charted: list[Period]) -> GoalPath | None:
    """The path of the first goal on ``metric`` for all channels with a baseline."""
    goal = next((g for g in goals if g.metric == metric and g.channel is None
                 and g.baseline is not None), None)
    if goal is None or goal.baseline is None:
        return None
    try:
        start, deadline = dt.date.fromisoformat(goal.start), dt.date.fromisoformat(goal.deadline)
    except (TypeError, ValueError):
        return None
    span = max((deadline - start).days, 1)
    values: list[float | None] = []
    for p in charted:
        last = p.end - dt.timedelta(days=1)
        if p.label == goal.baseline_source:
            values.append(goal.baseline)
        elif last < start:
            values.append(None)
        else:  # as metrics.goals.expected_value: straight from baseline to target
            elapsed = min((last - start).days, span)
            values.append(goal.baseline + (goal.target - goal.baseline) * elapsed / span)
    return GoalPath(goal.baseline, goal.baseline_source, goal.target, deadline, tuple(values))
