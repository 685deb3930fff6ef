"""Every figure of the review report, for a period and the previous one.

``compute`` returns ``results.Figures``, typed: each section's figures for the period and the
previous one, the data's coverage, the goals with their status, and the member levels
(``Figures.to_json`` is the content of ``metrics.json``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping

import pandas as pd

from .. import memory, periods
from ..catalogue import CATALOGUE
from ..dataset import Dataset
from ..periods import Period
from . import (
    coverage,
    goals,
    health,
    levels,
    listening,
    presence,
    reach,
    responsiveness,
    rules,
    voices,
)
from .coverage import store_span
from .results import Figures, GoalRow, Pair, PeriodInfo, Section
from .stats import rounded

SECTIONS = ("responsiveness", "presence", "health", "listening", "reach", "rules", "voices")
TABLES = ("posts", "messages", "daily")
# The tables a section's figures read, where not all: a goal on one channel of such a
# section filters only these (filtering every column of the messages costs the most).
SECTION_TABLES = {"reach": ("posts", "daily")}


def section_figures(data: Dataset, period: Period, sections: tuple[str, ...] = SECTIONS
                    ) -> dict[str, Section]:
    start, end = period.utc_bounds(data.playbook.tz)
    previous_start, _ = period.previous().utc_bounds(data.playbook.tz)
    compute: dict[str, Callable[[], Section]] = {
        "responsiveness": lambda: responsiveness.compute(data, start, end, previous_start),
        "presence": lambda: presence.compute(data, start, end),
        "health": lambda: health.compute(data, start, end, previous_start),
        "reach": lambda: reach.compute(data, start, end),
        "rules": lambda: rules.compute(data, start, end),
        "voices": lambda: voices.compute(data, start, end),
        "listening": lambda: listening.compute(data, start, end, previous_start),
    }
    found = {}
    for name in sections:
        found[name] = compute[name]()
        memory.give_back()  # what the section freed: the next one's peak starts lower
    return found


def only_platform(data: Dataset, platform: str, tables: tuple[str, ...] = TABLES) -> Dataset:
    """The same data restricted to one channel (for goals with a channel filter); of the
    ``TABLES``, those not in ``tables`` are left empty."""
    def scoped(table: str) -> pd.DataFrame:
        frame: pd.DataFrame = getattr(data, table)
        return frame[frame["platform"] == platform] if table in tables else frame.iloc[:0]

    return dataclasses.replace(
        data, **{table: scoped(table) for table in TABLES},
        history=data.history.of_platform(platform),
    )


def metric_value(figures: Mapping[str, Section], metric_id: str) -> float | None:
    """A catalogue metric's value among section figures (None when not measured)."""
    metric = CATALOGUE[metric_id]
    value = getattr(figures[metric.section], metric.key)
    return None if value is None else float(value)


def goal_rows(data: Dataset, period: Period,
              known: dict[tuple[str | None, str], dict[str, Section]] | None = None,
              ) -> list[GoalRow]:
    """Goal rows; ``known`` holds figures already computed, by (channel, period label).

    Other figures are computed for the goal's section only."""
    today = period.end - dt.timedelta(days=1)
    cache = {key: dict(value) for key, value in (known or {}).items()}
    scoped: dict[tuple[str, tuple[str, ...]], Dataset] = {}
    spans = coverage.channel_spans(data)

    def figures(channel: str | None, p: Period, metric: str) -> dict[str, Section]:
        found = cache.setdefault((channel, p.label), {})
        section = CATALOGUE[metric].section
        if section not in found:
            found.update(section_figures(channel_data(channel, section), p, (section,)))
        return found

    def channel_data(channel: str | None, section: str) -> Dataset:
        if not channel:
            return data
        key = (channel, SECTION_TABLES.get(section, TABLES))
        if key not in scoped:
            scoped[key] = only_platform(data, *key)
        return scoped[key]

    rows = []
    for goal in data.playbook.goals:
        current = metric_value(figures(goal.channel, period, goal.metric), goal.metric)
        previous = metric_value(figures(goal.channel, period.previous(), goal.metric),
                                goal.metric)
        if goal.baseline.period:
            baseline = metric_value(
                figures(goal.channel, periods.parse(goal.baseline.period), goal.metric),
                goal.metric,
            )
        else:
            baseline = goal.baseline.value
        row = goals.row(goal, baseline, current, previous, today)
        span = spans.get(goal.channel) if goal.channel else store_span(spans)
        row.coverage = coverage.covered(span, period)
        if row.coverage != "full" and row.status not in ("met", "not started"):
            row.status = "partial data" if row.coverage == "partial" else "no data"
        rows.append(row)
    return rows


def compute(data: Dataset, period: Period) -> Figures:
    """Current and previous figures of every section, and the goals."""
    start, end = period.utc_bounds(data.playbook.tz)
    data.require_data(start, end, period.label)
    previous = period.previous()
    current_figures = section_figures(data, period)
    previous_figures = section_figures(data, previous)
    pairs = {name: Pair(current_figures[name], previous_figures[name]) for name in SECTIONS}
    figures = Figures(
        period=_describe(period),
        previous_period=_describe(previous),
        coverage=coverage.compute(data, period),
        **pairs,  # type: ignore[arg-type]
        goals=goal_rows(data, period, {(None, period.label): current_figures,
                                       (None, previous.label): previous_figures}),
    )
    figures.member_levels = levels.compute(data, period)
    return figures


def _describe(period: Period) -> PeriodInfo:
    return PeriodInfo(label=period.label, start=period.start.isoformat(),
                      end_exclusive=period.end.isoformat(), kind=period.kind)


def change(current: float | None, previous: float | None) -> float | None:
    """Absolute change, or None when either side is missing."""
    if current is None or previous is None or pd.isna(current) or pd.isna(previous):
        return None
    return rounded(float(current) - float(previous), 4)
