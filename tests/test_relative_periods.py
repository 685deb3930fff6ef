"""Relative periods (last-week, last-month, last-quarter): the last complete period before
today, in the client's timezone; dates around ISO-week, month, quarter and year edges
worked out by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from communitykit import periods, relative_periods
from communitykit.relative_periods import resolve

D = dt.date


@pytest.mark.parametrize(("today", "expected"), [
    (D(2026, 10, 26), "2026-W43"),  # a Monday: the week that ended yesterday (19-25 Oct)
    (D(2026, 10, 25), "2026-W42"),  # a Sunday: its own week is not complete yet
    (D(2026, 1, 1), "2025-W52"),  # Thu of 2026-W01 (29 Dec-4 Jan); 2025 has 52 weeks
    (D(2026, 1, 4), "2025-W52"),  # Sunday closing 2026-W01
    (D(2026, 1, 5), "2026-W01"),  # the Monday after: 2026-W01 began in 2025
    (D(2021, 1, 10), "2020-W53"),  # 2020 had 53 ISO weeks (28 Dec 2020-3 Jan 2021)
    (D(2021, 1, 3), "2020-W52"),  # inside 2020-W53
])
def test_last_week(today: dt.date, expected: str) -> None:
    assert resolve("last-week", today) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (D(2026, 1, 1), "2025-12"), (D(2026, 3, 31), "2026-02"), (D(2026, 11, 1), "2026-10"),
    (D(2024, 3, 1), "2024-02"), (D(2026, 12, 31), "2026-11"),
])
def test_last_month(today: dt.date, expected: str) -> None:
    assert resolve("last-month", today) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (D(2026, 1, 1), "2025-Q4"), (D(2026, 3, 31), "2025-Q4"), (D(2026, 4, 1), "2026-Q1"),
    (D(2026, 7, 15), "2026-Q2"), (D(2026, 10, 1), "2026-Q3"), (D(2026, 12, 31), "2026-Q3"),
])
def test_last_quarter(today: dt.date, expected: str) -> None:
    assert resolve("last-quarter", today) == expected


def _own_start(kind: str, day: dt.date) -> dt.date:
    if kind == "week":
        return day - dt.timedelta(days=day.weekday())
    if kind == "month":
        return day.replace(day=1)
    return D(day.year, (day.month - 1) // 3 * 3 + 1, 1)


@pytest.mark.parametrize("word", ["last-week", "last-month", "last-quarter"])
def test_every_day_of_two_years_names_the_period_just_before_its_own(word: str) -> None:
    """The period is complete (it ends on or before today) and is the last one: today's
    own period starts where it ends."""
    day = D(2025, 1, 1)
    while day < D(2027, 1, 1):
        period = periods.parse(resolve(word, day))
        assert period.end <= day and period.end == _own_start(period.kind, day), (word, day)
        day += dt.timedelta(days=1)


def test_today_is_the_date_in_the_clients_timezone() -> None:
    instant = dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.UTC)  # 1 Nov in Shanghai, 31 Oct in NY
    shanghai = relative_periods.today(ZoneInfo("Asia/Shanghai"), instant)
    new_york = relative_periods.today(ZoneInfo("America/New_York"), instant)
    assert (shanghai, new_york) == (D(2026, 11, 1), D(2026, 10, 31))
    assert resolve("last-month", shanghai) == "2026-10"
    assert resolve("last-month", new_york) == "2026-09"


def test_other_periods_pass_through_and_words_are_checked() -> None:
    tz = ZoneInfo("UTC")
    assert relative_periods.label("2026-W43", tz) == "2026-W43"
    assert relative_periods.label(" Last-Month ", tz, D(2026, 2, 10)) == "2026-01"
    with pytest.raises(Exception, match="not a relative period"):
        resolve("last-year", D(2026, 2, 10))


def test_report_resolves_a_relative_period_in_the_playbooks_timezone(
        imported_ws: object, monkeypatch: pytest.MonkeyPatch,
        cli: Callable[..., tuple[int, str, str]]) -> None:
    """The handcalc store holds 15 Oct to 30 Nov 2026: on 5 Mar 2027 last-month is
    2027-02, which has no data (refused before a kernel starts)."""
    asked: list[object] = []

    def fixed(tz: ZoneInfo | None, now: dt.datetime | None = None) -> dt.date:
        asked.append(tz)
        return D(2027, 3, 5)

    monkeypatch.setattr(relative_periods, "today", fixed)
    code, out, err = cli("report", "handcalc", "--period", "last-month")
    assert "last-month: 2027-02 (today is 2027-03-05 in America/New_York)" in out
    assert code == 1 and "period 2027-02" in err and "Traceback" not in err
    assert asked == [ZoneInfo("America/New_York")]
