"""Data coverage: which days the store has data for, per channel, against the periods.

Not a figure of the team's work: it tells the reader whether a figure, or a change
against the previous period, rests on a period the data covers only in part.
A channel covers the days from its first to its last post, message or daily row (local
dates); a period is "full" when those days include all of its days, "partial" when they
include some, "none" otherwise.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..dataset import Dataset
from ..periods import Period
from .results import Coverage


def channel_spans(data: Dataset) -> dict[str, tuple[dt.date, dt.date]]:
    """First and last local day with data, per channel."""
    if "channel_spans" in data.derived:
        spans: dict[str, tuple[dt.date, dt.date]] = data.derived["channel_spans"]
        return spans
    tz = data.playbook.tz
    days = [_first_last(frame["platform"], frame["created_at"].dt.tz_convert(tz))
            for frame in (data.posts, data.messages)]
    days.append(_first_last(data.daily["platform"], data.daily["date"]))
    days.append(data.history.spans(tz))
    every: dict[str, list[dt.date]] = {}
    for found in days:
        for platform, span in found.items():
            every.setdefault(str(platform), []).extend(span)
    spans = {platform: (min(every[platform]), max(every[platform])) for platform in sorted(every)}
    data.derived["channel_spans"] = spans
    return spans


def _first_last(platform: pd.Series, when: pd.Series) -> dict[str, tuple[dt.date, dt.date]]:
    """Days of the first and last of ``when`` per platform (missing values left out): the
    times are compared before they become days, which keeps their order."""
    span = when.groupby(platform, sort=False).agg(["min", "max"]).dropna()
    return {p: (first.date(), last.date())
            for p, first, last in zip(span.index, span["min"], span["max"], strict=True)}


def covered(span: tuple[dt.date, dt.date] | None, period: Period) -> str:
    """How much of ``period`` a span of days covers: full, partial or none."""
    last_day = period.end - dt.timedelta(days=1)
    if span is None or span[1] < period.start or span[0] > last_day:
        return "none"
    if span[0] <= period.start and span[1] >= last_day:
        return "full"
    return "partial"


def store_span(spans: dict[str, tuple[dt.date, dt.date]]) -> tuple[dt.date, dt.date] | None:
    """From the first day of any channel to the last day of any channel."""
    if not spans:
        return None
    return min(s[0] for s in spans.values()), max(s[1] for s in spans.values())


def compute(data: Dataset, period: Period) -> Coverage:
    """Spans per channel and of the whole store, and how they cover this period and the
    previous one."""
    spans = channel_spans(data)
    store = store_span(spans)
    previous = period.previous()
    return Coverage(
        channels=[{"platform": p, "first_day": s[0].isoformat(), "last_day": s[1].isoformat()}
                     for p, s in spans.items()],
        store_first_day=store[0].isoformat() if store else None,
        store_last_day=store[1].isoformat() if store else None,
        current=covered(store, period),
        previous=covered(store, previous),
        partial_channels_current=[p for p, s in spans.items()
                                     if covered(s, period) == "partial"],
        partial_channels_previous=[p for p, s in spans.items()
                                      if covered(s, previous) == "partial"],
    )
