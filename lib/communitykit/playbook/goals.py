"""The client's goals: a catalogue metric, a target and a baseline, each number checked
against the metric's unit (a share may be written as a percentage)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Literal

from pydantic import ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..catalogue import GOAL_METRICS
from .fields import Number, Platform, Slug, Strict

PERCENT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$")
SIGNED_RATIOS = ("net_sentiment", "follower_growth_rate")


class Baseline(Strict):
    value: Number | None = None
    period: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Baseline:
        if (self.value is None) == (self.period is None):
            raise ValueError("a baseline is either a 'value' or a 'period' to measure, not both")
        return self


class Goal(Strict):
    id: Slug
    metric: str
    channel: Platform | None = None
    direction: Literal["at_least", "at_most"]  # default: the metric's better direction
    target: Number
    baseline: Baseline
    start: dt.date
    deadline: dt.date
    note: str = ""

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, value: str) -> str:
        if value not in GOAL_METRICS:
            close = difflib.get_close_matches(value, list(GOAL_METRICS), n=3, cutoff=0.6)
            hint = f"did you mean {' or '.join(map(repr, close))}? " if close else ""
            raise ValueError(f"unknown metric {value!r}; {hint}"
                             "docs/metrics.md lists every metric a goal can name")
        return value

    @model_validator(mode="before")
    @classmethod
    def _better_direction(cls, data: object) -> object:
        if (isinstance(data, dict) and "direction" not in data
                and data.get("metric") in GOAL_METRICS):
            better = GOAL_METRICS[data["metric"]].better
            return {**data, "direction": "at_least" if better == "up" else "at_most"}
        return data

    @field_validator("target", mode="before")
    @classmethod
    def _target_percentage(cls, value: object, info: ValidationInfo) -> object:
        return _percentage(value, info.data.get("metric"))

    @field_validator("target")
    @classmethod
    def _target_in_range(cls, value: float, info: ValidationInfo) -> float:
        problem = _out_of_range(value, info.data.get("metric"))
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("baseline", mode="before")
    @classmethod
    def _baseline_percentage(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, dict) and "value" in value:
            try:
                number = _percentage(value["value"], info.data.get("metric"))
            except ValueError as exc:
                raise _at("value", str(exc)) from None
            return {**value, "value": number}
        return value

    @field_validator("baseline")
    @classmethod
    def _baseline_in_range(cls, value: Baseline, info: ValidationInfo) -> Baseline:
        if value.value is not None:
            problem = _out_of_range(value.value, info.data.get("metric"))
            if problem:
                raise _at("value", problem)
        return value

    @model_validator(mode="after")
    def _deadline_after_start(self) -> Goal:
        if self.deadline <= self.start:
            raise ValueError(f"deadline {self.deadline} must be after start {self.start}")
        return self


def _unit(metric: str | None) -> str | None:
    found = GOAL_METRICS.get(metric) if metric else None
    return found.unit if found else None


def _percentage(value: object, metric: str | None) -> object:
    """``"85%"`` as 0.85 for a rate or share; anything else is left to the type check."""
    match = PERCENT.match(value) if isinstance(value, str) else None
    if match is None:
        return value
    unit = _unit(metric)
    if unit is not None and unit != "ratio":
        raise ValueError(
            f"{value!r} is a percentage, but {metric} is a {unit}: write a plain number"
        )
    number = float(match.group(1))
    low = -100 if metric in SIGNED_RATIOS else 0
    if not low <= number <= 100:
        raise ValueError(f"{value!r} is outside {low}% to 100%")
    return number / 100


def _out_of_range(value: float, metric: str | None) -> str | None:
    """Why a goal's number cannot be meant for ``metric``, or None when it can."""
    unit = _unit(metric)
    if unit == "ratio":
        if value > 1:
            return (f"{value:g} is more than 1, and {metric} is a share from 0 to 1: "
                    f'for {value:g}% write {value / 100:g} or "{value:g}%"')
        low = -1 if metric in SIGNED_RATIOS else 0
        if value < low:
            return f"{value:g} is below {low}: {metric} runs from {low} to 1"
    elif unit in ("count", "hours") and value < 0:
        return f"{value:g} is negative, and {metric} is a number of {unit}s: write 0 or more"
    return None


def _at(key: str, message: str) -> PydanticCustomError:
    """An error about ``key`` inside the field being validated (added to the key path)."""
    return PydanticCustomError("value_at", "{message}", {"message": message, "at": key})
