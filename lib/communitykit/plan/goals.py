"""Planning step 6, measuring success: goals picked from the metric catalogue, each with a
baseline measured on a past period of the client's own data, a target, a direction and a
deadline. Before the answers, each metric's six periods up to the baseline period, its trend
and a suggested target (``goal_history``). A goal is refused when the data cannot measure
its metric, when its target is already met by the baseline, when its direction contradicts
the target or the metric, and (until confirmed) when its measured baseline is 0."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from .. import goal_history, metrics, periods
from ..catalogue import CATALOGUE, GOAL_METRICS
from ..errors import UserError
from ..goal_history import History
from ..html import Html, fmt_number, heading, paragraph
from ..i18n import tr
from ..metrics.results import Section
from ..paths import Workspace
from ..periods import Period
from ..playbook import Playbook
from . import history_view
from .common import PlanStep, in_playbook_language, period_words, rows_table

# Where each metric's figures come from: (table, column that must hold values or None).
REQUIRES: dict[str, tuple[str, str | None]] = {
    "followers": ("account_daily", "followers"),
    "follower_growth_rate": ("account_daily", "followers"),
    "engagement_rate": ("posts", "impressions"),
    "engagement": ("posts", None),
    "team_posts": ("posts", None),
    "cadence_adherence": ("posts", None),
    "longest_silence_hours": ("posts", None),
}
TABLE_OF = {"posts": "posts", "messages": "messages", "account_daily": "daily"}
DIRECTIONS = {"up": "at_least", "down": "at_most", "at_least": "at_least",
              "at_most": "at_most"}


def default_baseline_period(playbook: Playbook, data_end: dt.date | None) -> str:
    """The last complete month before ``data_end`` (or before today)."""
    day = data_end or dt.date.today()
    first = day.replace(day=1)
    if day < (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return f"{first.year}-{first.month:02d}"


class GoalsPlan(PlanStep):
    STEP: ClassVar[str] = "goals"
    TITLE: ClassVar[str] = "Goals"
    SECTIONS: ClassVar[tuple[str, ...]] = ("goals",)
    EXTRA_KEYS: ClassVar[tuple[str, ...]] = ("baseline_period",)

    def __init__(self, client: str, workspace: Workspace) -> None:
        super().__init__(client, workspace)
        self._figures: dict[tuple[str | None, str], dict[str, Section]] = {}

    # ---- baselines -------------------------------------------------------------------------
    def baseline_period(self, given: str | None = None) -> Period:
        return periods.parse(str(given) if given else
                             default_baseline_period(self.playbook, self.data_end()))

    def measure(self, metric: str, period: Period, channel: str | None = None) -> float | None:
        """The metric's value over ``period`` (one channel or all), or None."""
        if self.data is None:
            return None
        key = (channel, period.label)
        if key not in self._figures:
            data = metrics.only_platform(self.data, channel) if channel else self.data
            self._figures[key] = metrics.section_figures(data, period)
        return metrics.metric_value(self._figures[key], metric)

    def why_unmeasurable(self, metric: str, period: Period, channel: str | None) -> str:
        """Why the data gives no value for ``metric`` over ``period``."""
        if self.data is None:
            return tr("no data has been imported for this client yet")
        table, column = REQUIRES.get(metric, ("messages", None))
        frame: pd.DataFrame = getattr(self.data, TABLE_OF[table])
        if channel:
            frame = frame[frame["platform"] == channel]
        where = tr(" on {channel}", channel=channel) if channel else ""
        names = {"posts": tr("posts"), "messages": tr("messages"),
                 "account_daily": tr("account daily")}
        if frame.empty:
            return tr("the store has no {table} rows{where}", table=names[table], where=where)
        if column and frame[column].notna().sum() == 0:
            return tr("the {table} exports{where} have no values in the '{column}' column",
                      table=names[table], where=where, column=column)
        return tr("nothing in {period}{where} to measure it from", period=period.label,
                  where=where)

    def histories(self, period: str | None = None) -> list[History]:
        """Every catalogue metric over the six periods up to the baseline period, with its
        trend and suggested target (figures computed once per period)."""
        last = self.baseline_period(period)
        return [goal_history.history(metric, last, self.measure) for metric in GOAL_METRICS]

    def _chosen(self, period: str | None, answers: str | Path | Mapping[str, Any] | None,
                edited: Mapping[str, Any] | None) -> str | None:
        """The baseline period: the notebook's, else the answers', else None (default)."""
        if period:
            return period
        given = self.answers(answers, edited).get("baseline_period")
        return str(given) if given else None

    @in_playbook_language
    def baselines(self, period: str | None = None,
                  answers: str | Path | Mapping[str, Any] | None = None,
                  edited: Mapping[str, Any] | None = None) -> Html:
        """Every catalogue metric over the six periods up to the baseline period (the
        notebook's ``baseline_period``, else the answers', else the last complete month):
        the last value is the baseline; with its trend and a suggested target."""
        note = self.no_data()
        if note is not None:
            return note
        chosen = self.baseline_period(self._chosen(period, answers, edited))
        found = self.histories(chosen.label)
        rows = [self._history_row(h, chosen) for h in found]
        return Html(heading(3, tr("Baselines in {period} ({dates})", period=chosen.label,
                                  dates=period_words(chosen)))
                    + paragraph(tr("Each metric of the catalogue measured on the client's own "
                                   "data over the six periods up to the baseline period, all "
                                   "channels together; the last column is the baseline. A "
                                   "goal needs a metric that can be measured here."))
                    + paragraph(tr("The suggested target is the best value of these periods "
                                   "when it beats the latest (reached before, so realistic); "
                                   "else the trend carried {ahead} periods on when it goes the "
                                   "better way; else the latest improved by {step}. The trend "
                                   "is flat when it changes less than {flat} of the mean over "
                                   "the periods.", ahead=goal_history.AHEAD,
                                   step=fmt_number(goal_history.STEP_UP, "ratio"),
                                   flat=fmt_number(goal_history.FLAT, "ratio")))
                    + rows_table([tr("Metric"), tr("What"), tr("Better when"),
                                  *found[0].periods, tr("Trend"), tr("Suggested target"),
                                  tr("Why")], rows, numeric=(3, 4, 5, 6, 7, 8, 10)))

    def _history_row(self, found: History, chosen: Period) -> list[object]:
        metric = CATALOGUE[found.metric]
        head = [metric.id, tr(metric.label),
                tr("higher") if metric.better == "up" else tr("lower")]
        if found.values[-1] is None:
            why = tr("cannot measure: {why}", why=self.why_unmeasurable(metric.id, chosen,
                                                                        None))
            return [*head, *(fmt_number(v, metric.unit) for v in found.values), "–", "–", why]
        return [*head, *(fmt_number(v, metric.unit) for v in found.values),
                history_view.trend_words(found), fmt_number(found.suggested, metric.unit),
                history_view.reason_words(found)]

    @in_playbook_language
    def history_chart(self, period: str | None = None,
                      answers: str | Path | Mapping[str, Any] | None = None,
                      edited: Mapping[str, Any] | None = None) -> Html:
        """The measurable metrics over the six periods, one small chart each, with the
        suggested target dashed."""
        note = self.no_data()
        if note is not None:
            return note
        chosen = self.baseline_period(self._chosen(period, answers, edited))
        found = self.histories(chosen.label)
        title = tr("Six periods up to {period}; dashed: the suggested target",
                   period=chosen.label)
        return Html(heading(3, tr("History of the metrics")) + history_view.small_multiples(
            found, title))

    # ---- answers ---------------------------------------------------------------------------
    def updates(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """Goals completed with their defaults: direction from the metric, baseline period,
        start the day after the baseline period."""
        out = super().updates(answers)
        if "goals" not in out:
            return out
        if not isinstance(out["goals"], list):
            raise UserError(tr("goals: give a list of goals (id, metric, target, deadline)"))
        period = self.baseline_period(answers.get("baseline_period"))
        completed = []
        for goal in out["goals"]:
            if not isinstance(goal, Mapping):
                raise UserError(tr("goals: each goal is a mapping, got {goal}", goal=repr(goal)))
            goal = dict(goal)
            metric = CATALOGUE.get(str(goal.get("metric")))
            direction = goal.get("direction")
            if direction is None and metric is not None:
                direction = "up" if metric.better == "up" else "down"
            if direction is not None:
                goal["direction"] = DIRECTIONS.get(str(direction), direction)
            goal.setdefault("baseline", {"period": period.label})
            goal.setdefault("start", period.end)
            completed.append(goal)
        out["goals"] = completed
        return out

    def check(self, answers: Mapping[str, Any], candidate: Playbook) -> list[str]:
        if "goals" not in answers:
            return []
        problems = []
        for goal in candidate.goals:
            metric = CATALOGUE[goal.metric]
            where = tr(" on {channel}", channel=goal.channel) if goal.channel else ""
            key = tr(" [key path: '{key}']", key=f"goals/{goal.id}")
            measured_on = self.baseline_period(goal.baseline.period
                                               or answers.get("baseline_period"))
            measured = self.measure(goal.metric, measured_on, goal.channel)
            if self.data is not None and measured is None:
                problems.append(tr(
                    "goal {goal}: the client's data cannot measure {metric} ({label}){where} "
                    "in {period}: {why}", goal=repr(goal.id), metric=goal.metric,
                    label=tr(metric.label), where=where, period=measured_on.label,
                    why=self.why_unmeasurable(goal.metric, measured_on, goal.channel)) + key)
                continue
            baseline = goal.baseline.value if goal.baseline.value is not None else measured
            if baseline is None:
                problems.append(tr("goal {goal}: no data to measure a baseline; give baseline: "
                                   "{{value: ...}}", goal=repr(goal.id)) + key)
                continue
            wrong = self._direction_problems(goal, metric.better, baseline)
            if not wrong and goal.baseline.value is None and baseline == 0:
                wrong = [tr("goal {goal}: {metric}{where} was 0 in {period}, so a change from "
                            "it says nothing: is {target} the absolute level you want? Confirm "
                            "it by giving the goal baseline: {{value: 0}}", goal=repr(goal.id),
                            metric=goal.metric, where=where, period=measured_on.label,
                            target=fmt_number(goal.target, metric.unit)) + key]
            problems.extend(wrong)
        return problems

    @staticmethod
    def _direction_problems(goal: Any, better: str, baseline: float) -> list[str]:
        up = goal.direction == "at_least"
        values = {"goal": repr(goal.id), "direction": goal.direction, "metric": goal.metric,
                  "target": f"{goal.target:g}", "baseline": f"{baseline:g}"}
        key = tr(" [key path: '{key}']", key=f"goals/{goal.id}")
        if (better == "up") != up:
            text = (tr("goal {goal}: direction {direction} contradicts the metric {metric}, "
                       "where higher is better; use at_least", **values) if better == "up" else
                    tr("goal {goal}: direction {direction} contradicts the metric {metric}, "
                       "where lower is better; use at_most", **values))
        elif goal.target == baseline:
            text = tr("goal {goal}: the target {target} is already met by the baseline "
                      "{baseline}; set a target beyond it", **values)
        elif up and goal.target < baseline:
            text = tr("goal {goal}: direction {direction} but the target {target} is below the "
                      "baseline {baseline}, so it is already met; raise the target", **values)
        elif not up and goal.target > baseline:
            text = tr("goal {goal}: direction {direction} but the target {target} is above the "
                      "baseline {baseline}, so it is already met; lower the target", **values)
        else:
            return []
        return [text + key]

    @in_playbook_language
    def review(self) -> Html:
        """The saved goals with their measured baselines."""
        playbook = self.saved or self.playbook
        rows = []
        for goal in playbook.goals:
            metric = CATALOGUE[goal.metric]
            if goal.baseline.period:
                base = self.measure(goal.metric, periods.parse(goal.baseline.period),
                                    goal.channel)
                source = goal.baseline.period
            else:
                base, source = goal.baseline.value, tr("entered")
            rows.append([goal.id, tr(metric.label), goal.channel or tr("all channels"),
                         fmt_number(base, metric.unit), source,
                         ("≥ " if goal.direction == "at_least" else "≤ ")
                         + fmt_number(goal.target, metric.unit),
                         f"{goal.start} → {goal.deadline}"])
        return Html(heading(3, tr("Goals in the playbook"))
                    + rows_table([tr("Goal"), tr("Metric"), tr("Channel"), tr("Baseline"),
                                  tr("Measured on"), tr("Target"), tr("Start → deadline")],
                                 rows, empty=tr("No goals yet.")))
