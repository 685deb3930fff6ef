"""Public promises in words that match the settings they come from.

A response commitment (``cadence.response``) or an escalation row (``rules.escalation``)
is a duration on a clock. On the business clock, time runs only in opening hours, so
``1d`` is 24 opening hours: three working days for a team open eight hours a day, not
one. ``within`` says a commitment the way it will be measured ("within 8 working hours",
"within 2 working days", "within 4 hours, at any time"), and ``overpromises`` lists the
commitments a team cannot keep with its opening hours.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from .playbook import WEEKDAYS, BusinessHours, Playbook, parse_duration

WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "calendar": "within {time}, at any time",
        "hours": "within {hours} working {unit}",
        "days": "within {days} working {unit}",
        "hours_about": "within {hours} working hours (about {days} working days)",
        "hour": ("hour", "hours"), "day": ("day", "days"), "minute": ("minute", "minutes"),
        "days_names": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "range": "{first}–{last}", "sep": ", ", "closed": "closed",
    },
    "zh": {
        "calendar": "{time}内（全天候，含夜间与周末）",
        "hours": "{hours}个工作小时内",
        "days": "{days}个工作日内",
        "hours_about": "{hours}个工作小时内（约{days}个工作日）",
        "hour": ("小时", "小时"), "day": ("天", "天"), "minute": ("分钟", "分钟"),
        "days_names": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        "range": "{first}至{last}", "sep": "，", "closed": "休息",
    },
}


def _words(language: str) -> dict[str, Any]:
    return WORDS.get(language, WORDS["en"])


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _unit(language: str, unit: str, count: float) -> str:
    one, many = _words(language)[unit]
    return str(one if count == 1 else many)


def day_hours(hours: BusinessHours) -> float:
    """A working day's length in hours: the most common among the open weekdays (the
    longer one on a tie), e.g. 9 for a team open 09:00–18:00 on weekdays."""
    lengths = Counter(_length(opens, closes) for opens, closes in hours.days.values())
    if not lengths:
        return 0.0
    return max(lengths, key=lambda h: (lengths[h], h))


def _length(opens: str, closes: str) -> float:
    def minutes(text: str) -> int:
        h, m = text.split(":")
        return int(h) * 60 + int(m)
    return (minutes(closes) - minutes(opens)) / 60


def calendar_words(duration: dt.timedelta, language: str) -> str:
    """``4 hours``, ``1 day``, ``2 hours 30 minutes`` (``4小时`` in Chinese)."""
    total = int(duration.total_seconds() // 60)
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{value}{_unit(language, unit, value)}" if language == "zh"
             else f"{value} {_unit(language, unit, value)}"
             for value, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if value]
    return ("" if language == "zh" else " ").join(parts)


def within(duration: str, clock: str, hours: BusinessHours, language: str) -> str:
    """A commitment as members should read it: on the calendar clock as a plain time
    around the clock; on the business clock in working hours, or in working days when it
    is a whole number of the team's working days."""
    words = _words(language)
    span = parse_duration(duration)
    if clock == "calendar":
        return str(words["calendar"]).format(time=calendar_words(span, language))
    total = span.total_seconds() / 3600
    day = day_hours(hours)
    if day and total >= day and abs(total / day - round(total / day)) < 1e-9:
        days = round(total / day)
        return str(words["days"]).format(days=days, unit=_unit(language, "day", days))
    if not day or total <= day:
        return str(words["hours"]).format(hours=_number(total),
                                          unit=_unit(language, "hour", total))
    return str(words["hours_about"]).format(hours=_number(total), days=_number(total / day))


def opening_words(hours: BusinessHours, language: str) -> str:
    """``Mon–Fri 09:00–18:00, Sat 10:00–16:00``: runs of weekdays with the same hours."""
    words = _words(language)
    names = words["days_names"]
    runs: list[tuple[int, int, tuple[str, str]]] = []
    for index, day in enumerate(WEEKDAYS):
        span = hours.days.get(day)
        if span is None:
            continue
        if runs and runs[-1][1] == index - 1 and runs[-1][2] == span:
            runs[-1] = (runs[-1][0], index, span)
        else:
            runs.append((index, index, span))
    parts = []
    for first, last, (opens, closes) in runs:
        days = names[first] if first == last else str(words["range"]).format(
            first=names[first], last=names[last])
        parts.append(f"{days} {opens}–{closes}")
    return str(words["sep"]).join(parts) or str(words["closed"])


def longest_closure(hours: BusinessHours) -> dt.timedelta:
    """The longest stretch of a regular week (no holidays) with the team closed, e.g.
    63 hours from Friday 18:00 to Monday 09:00."""
    week = 7 * 24 * 60
    spans = []
    for index, day in enumerate(WEEKDAYS):
        if day in hours.days:
            opens, closes = hours.days[day]
            spans.append((index * 1440 + round(_length("00:00", opens) * 60),
                          index * 1440 + round(_length("00:00", closes) * 60)))
    if not spans:
        return dt.timedelta(days=7)
    gaps = [(spans[(i + 1) % len(spans)][0] - spans[i][1]) % week for i in range(len(spans))]
    return dt.timedelta(minutes=max(gaps))


def overpromises(pb: Playbook) -> list[str]:
    """Escalations on the calendar clock by default (no ``clock`` written) faster than a
    closed team can act: such a promise holds at night and at weekends only with someone
    on call, which a row states by writing ``clock: calendar``."""
    closure = longest_closure(pb.business_hours)
    problems = []
    for row in pb.rules.escalation:
        span = parse_duration(row.handle_within)
        if "clock" not in row.model_fields_set and span < closure:
            hours = opening_words(pb.business_hours, "en")
            problems.append(
                f"rules/escalation ({row.severity}): handle_within {row.handle_within} runs at "
                f"any time, but the team is closed for up to "
                f"{calendar_words(closure, 'en')} in a row ({hours}): "
                "if someone is on call for it, say so with `clock: calendar`; otherwise set "
                "`clock: business` so the promise counts only opening hours")
    return problems
