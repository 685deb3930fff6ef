"""Periods and the business-hours clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from communitykit import periods, playbook
from communitykit.clock import BusinessClock
from communitykit.errors import UserError

FIXTURE = Path(__file__).parent / "fixtures" / "handcalc" / "playbook.yaml"


@pytest.mark.parametrize(
    ("text", "start", "end", "previous"),
    [
        ("2026-10", dt.date(2026, 10, 1), dt.date(2026, 11, 1), "2026-09"),
        ("2026-01", dt.date(2026, 1, 1), dt.date(2026, 2, 1), "2025-12"),
        ("2026-12", dt.date(2026, 12, 1), dt.date(2027, 1, 1), "2026-11"),
        ("2026-W43", dt.date(2026, 10, 19), dt.date(2026, 10, 26), "2026-W42"),
        ("2026-W01", dt.date(2025, 12, 29), dt.date(2026, 1, 5), "2025-W52"),
        ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 10, 1), "2026-Q2"),
        ("2026-Q1", dt.date(2026, 1, 1), dt.date(2026, 4, 1), "2025-Q4"),
        ("2026-Q4", dt.date(2026, 10, 1), dt.date(2027, 1, 1), "2026-Q3"),
    ],
)
def test_named_periods(text: str, start: dt.date, end: dt.date, previous: str) -> None:
    p = periods.parse(text)
    assert (p.start, p.end) == (start, end)
    assert p.previous().label == previous


def test_custom_period_and_its_previous() -> None:
    p = periods.custom(dt.date(2026, 10, 10), dt.date(2026, 10, 19))
    assert p.days == 10 and p.label == "2026-10-10_2026-10-19"
    prev = p.previous()
    assert (prev.start, prev.end) == (dt.date(2026, 9, 30), dt.date(2026, 10, 10))


@pytest.mark.parametrize("text", ["2026-13", "2026-W60", "October", "2026-Q5"])
def test_bad_periods_say_what_is_allowed(text: str) -> None:
    with pytest.raises(UserError, match="period"):
        periods.parse(text)


def test_utc_bounds_follow_the_local_offset() -> None:
    tz = playbook.load(FIXTURE).tz
    start, end = periods.parse("2026-11").utc_bounds(tz)
    assert start.isoformat() == "2026-11-01T04:00:00+00:00"  # EDT
    assert end.isoformat() == "2026-12-01T05:00:00+00:00"  # EST


def _elapsed(a: str, b: str) -> float:
    pb = playbook.load(FIXTURE)
    clock = BusinessClock(pb, dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    s = clock.elapsed(pd.Series([pd.Timestamp(a)]), pd.Series([pd.Timestamp(b)]))
    return s.iloc[0].total_seconds() / 3600


def test_friday_evening_to_monday_morning() -> None:
    assert _elapsed("2026-11-06T23:30Z", "2026-11-09T14:30Z") == 0.5


def test_answered_before_opening_takes_zero() -> None:
    assert _elapsed("2026-11-07T15:00Z", "2026-11-09T13:59Z") == 0.0


def test_holiday_is_closed() -> None:
    # Tue 16:00 -> Thu 10:00 EST across Veterans Day (Wed 11 Nov)
    assert _elapsed("2026-11-10T21:00Z", "2026-11-12T15:00Z") == 2.0


def test_dst_week_counts_local_opening_hours() -> None:
    # Fri 30 Oct 16:00 EDT -> Mon 2 Nov 10:00 EST: 1 h + 1 h, whatever the offsets
    assert _elapsed("2026-10-30T20:00Z", "2026-11-02T15:00Z") == 2.0
