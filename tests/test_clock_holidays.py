"""The business clock beyond the data, national and regional holidays, make-up working days.

Every expected number of hours is counted by hand from a calendar in the comments.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.clock import BusinessClock
from communitykit.errors import PlaybookError

WEEK = {d: ["09:00", "17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}
CN_WEEK = {d: ["09:00", "18:00"] for d in ("mon", "tue", "wed", "thu", "fri")}


def _playbook(timezone: str, days: dict[str, list[str]], **holidays: Any) -> playbook.Playbook:
    return playbook.Playbook.model_validate({
        "client": {"name": "Clock test", "timezone": timezone},
        "business_hours": {"days": days, "holidays": holidays},
        "accounts": [{"platform": "instagram", "handle": "brand"}],
    })


def _clock(pb: playbook.Playbook, first: str = "2026-10-01",
           last: str = "2026-10-31") -> BusinessClock:
    return BusinessClock(pb, dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def _hours(clock: BusinessClock, a: str, b: str) -> float:
    s = clock.elapsed(pd.Series([pd.Timestamp(a)]), pd.Series([pd.Timestamp(b)]))
    return float(s.iloc[0].total_seconds() / 3600)


def _open(clock: BusinessClock, when: str) -> bool:
    return bool(clock.is_open(pd.Series([pd.Timestamp(when)])).iloc[0])


# --- the clock covers every instant asked of it ---------------------------------------------

NEW_YORK = _playbook("America/New_York", WEEK, country="US")


def test_months_after_the_data_counts_real_opening_hours() -> None:
    # Data in October 2026 only. Mon 1 Mar 2027 09:00 EST -> Mon 8 Mar 09:00 EST (DST starts
    # 14 Mar): five working days of 8 h, no US holiday that week = 40 h.
    clock = _clock(NEW_YORK)
    assert _hours(clock, "2027-03-01T14:00Z", "2027-03-08T14:00Z") == 40.0
    assert _open(clock, "2027-03-03T15:00Z")  # Wed 10:00 EST
    assert not _open(clock, "2027-03-06T15:00Z")  # Saturday


def test_a_quarter_whose_activity_stops_early() -> None:
    # Tue 1 Dec 2026 09:00 EST -> Tue 5 Jan 2027 09:00 EST. December has 23 weekdays
    # (1-4, 7-11, 14-18, 21-25, 28-31) minus Christmas (Fri 25) = 22; January: Fri 1 is
    # New Year's Day, Mon 4 counts = 1. 23 days x 8 h = 184 h (the span used to end 15 Dec).
    clock = _clock(NEW_YORK)
    assert _hours(clock, "2026-12-01T14:00Z", "2027-01-05T14:00Z") == 184.0


def test_before_the_data_too() -> None:
    # Mon 5 Jan 2026 09:00 EST -> Mon 12 Jan 09:00 EST: 5 x 8 h (MLK day is 19 Jan).
    clock = _clock(NEW_YORK)
    assert _hours(clock, "2026-01-05T14:00Z", "2026-01-12T14:00Z") == 40.0
    # and one pair spanning from before the data to after it: Fri 2 Oct 16:00 EDT ->
    # Mon 5 Oct 10:00 EDT = 1 h + 1 h, unchanged by the widening.
    assert _hours(clock, "2026-10-02T20:00Z", "2026-10-05T14:00Z") == 2.0


def test_widening_keeps_nat_out() -> None:
    clock = _clock(NEW_YORK)
    start = pd.Series([pd.Timestamp("2027-03-01T14:00Z"), pd.NaT])
    end = pd.Series([pd.Timestamp("2027-03-02T14:00Z"), pd.Timestamp("2027-03-02T14:00Z")])
    out = clock.elapsed(start, end)
    assert out.iloc[0] == pd.Timedelta(hours=8) and pd.isna(out.iloc[1])


def test_holidays_between_widens_the_span() -> None:
    clock = _clock(NEW_YORK)
    days = clock.holidays_between(dt.date(2027, 5, 1), dt.date(2027, 6, 1))
    assert days == {dt.date(2027, 5, 31): "Memorial Day"}


# --- national holidays by default, the region's only when asked -----------------------------

def _ny(**extra: Any) -> playbook.Playbook:
    return _playbook("America/New_York", WEEK, country="US", subdivision="NY", **extra)


def test_national_holidays_only_by_default() -> None:
    clock = _clock(_ny())
    closed = clock.holidays_between(dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert dt.date(2026, 11, 3) not in closed  # Election Day (New York)
    assert dt.date(2026, 2, 12) not in closed  # Lincoln's Birthday (New York)
    assert closed[dt.date(2026, 11, 26)] == "Thanksgiving Day"
    # Mon 2 Nov 10:00 EST -> Wed 4 Nov 10:00 EST: 7 h + 8 h (Election Day open) + 1 h
    assert _hours(clock, "2026-11-02T15:00Z", "2026-11-04T15:00Z") == 16.0


def test_subdivision_holidays_when_asked() -> None:
    clock = _clock(_ny(subdivision_holidays=True))
    closed = clock.holidays_between(dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert closed[dt.date(2026, 11, 3)] == "Election Day"
    assert closed[dt.date(2026, 2, 12)] == "Lincoln's Birthday"
    assert dt.date(2026, 11, 26) in closed
    # same pair: Tuesday closed, 7 h + 1 h
    assert _hours(clock, "2026-11-02T15:00Z", "2026-11-04T15:00Z") == 8.0


def test_other_categories_only_when_listed() -> None:
    shanghai = {"country": "CN"}
    june = dt.date(2026, 6, 1)  # Children's Day: a half day off in China, not public
    plain = _clock(_playbook("Asia/Shanghai", CN_WEEK, **shanghai))
    both = _clock(_playbook("Asia/Shanghai", CN_WEEK, **shanghai,
                            categories=["public", "half_day"]))
    assert june not in plain.holidays
    assert both.holidays[june] == "Children's Day"
    # Mon 1 Jun 10:00 CST -> Tue 2 Jun 10:00 CST: 8 h + 1 h, or only Tuesday's 1 h
    assert _hours(plain, "2026-06-01T02:00Z", "2026-06-02T02:00Z") == 9.0
    assert _hours(both, "2026-06-01T02:00Z", "2026-06-02T02:00Z") == 1.0


# --- make-up working days ---------------------------------------------------------------------

SHANGHAI = _playbook("Asia/Shanghai", CN_WEEK, country="CN")


def test_golden_week_closed_and_make_up_saturday_open() -> None:
    clock = _clock(SHANGHAI)
    closed = clock.holidays_between(dt.date(2026, 10, 1), dt.date(2026, 10, 8))
    assert set(closed) == {dt.date(2026, 10, d) for d in (1, 2, 3, 5, 6, 7)}  # 4th: Sunday
    opened = clock.workdays_between(dt.date(2026, 9, 1), dt.date(2026, 11, 1))
    assert opened == {dt.date(2026, 9, 20): "make-up working day",
                      dt.date(2026, 10, 10): "make-up working day"}
    assert _open(clock, "2026-10-10T02:00Z")  # Saturday 10:00 CST, a working day
    assert not _open(clock, "2026-10-10T10:30Z")  # 18:30, after Monday's closing
    assert not _open(clock, "2026-10-03T02:00Z")  # National Day holiday, Saturday


def test_business_hours_across_golden_week() -> None:
    # Wed 30 Sep 17:00 CST -> Mon 12 Oct 10:00 CST: 1 h (30 Sep) + 0 (1-7 Oct closed)
    # + 9 h (Thu 8) + 9 h (Fri 9) + 9 h (Sat 10, make-up day) + 0 (Sun 11) + 1 h = 29 h
    clock = _clock(SHANGHAI)
    assert _hours(clock, "2026-09-30T09:00Z", "2026-10-12T02:00Z") == 29.0
    # the make-up Sunday 20 Sep: 09:00 -> 18:00 CST = 9 h
    assert _hours(clock, "2026-09-20T00:00Z", "2026-09-20T12:00Z") == 9.0


def test_make_up_day_takes_the_earliest_weekday_with_hours() -> None:
    days = {"tue": ["10:00", "16:00"], "wed": ["08:00", "20:00"]}  # no Monday hours
    clock = _clock(_playbook("Asia/Shanghai", days, country="CN"))
    assert clock.hours_on(dt.date(2026, 10, 10)) == ("10:00", "16:00")
    # Sat 10 Oct, whole day: 10:00-16:00 CST = 6 h
    assert _hours(clock, "2026-10-09T16:00Z", "2026-10-10T16:00Z") == 6.0


def test_team_day_off_closes_a_make_up_day() -> None:
    clock = _clock(_playbook("Asia/Shanghai", CN_WEEK, country="CN", extra=["2026-10-10"]))
    assert clock.holidays[dt.date(2026, 10, 10)] == "team day off"
    assert dt.date(2026, 10, 10) not in clock.workdays
    assert _hours(clock, "2026-10-09T16:00Z", "2026-10-10T16:00Z") == 0.0


def test_no_weekday_hours_means_no_make_up_day() -> None:
    clock = _clock(_playbook("Asia/Shanghai", {"sat": ["10:00", "12:00"]}, country="CN"))
    assert clock.workdays == {}
    assert clock.hours_on(dt.date(2026, 10, 10)) == ("10:00", "12:00")  # its own Saturday


# --- validation -------------------------------------------------------------------------------

def _refused(tmp_path: Path, holidays: str) -> str:
    path = tmp_path / "playbook.yaml"
    path.write_text(
        "client: {name: X, timezone: Asia/Shanghai}\n"
        f"business_hours: {{days: {{mon: ['09:00', '18:00']}}, holidays: {holidays}}}\n"
        "accounts: [{platform: weibo, handle: x}]\n", encoding="utf-8")
    with pytest.raises(PlaybookError) as err:
        playbook.load(path)
    return str(err.value)


def test_unknown_category_lists_the_country_s(tmp_path: Path) -> None:
    message = _refused(tmp_path, "{country: CN, categories: [public, bank]}")
    assert "holiday category 'bank' not known for CN; allowed: half_day, public" in message
    assert "business_hours/holidays" in message


def test_subdivision_settings_need_their_parts(tmp_path: Path) -> None:
    assert "needs a subdivision" in _refused(tmp_path, "{country: US, subdivision_holidays: true}")
    assert "needs a country" in _refused(tmp_path, "{subdivision: NY}")
    assert "need a country" in _refused(tmp_path, "{categories: [optional]}")


def test_templates_close_on_their_region_s_days_when_they_say_so() -> None:
    templates = Path(__file__).resolve().parents[1] / "playbooks" / "templates"
    england = _clock(playbook.load(templates / "TEMPLATE.yaml"))  # GB-ENG, regional days on
    assert england.holidays_between(dt.date(2026, 4, 1), dt.date(2026, 9, 1)) == {
        dt.date(2026, 4, 3): "Good Friday", dt.date(2026, 4, 6): "Easter Monday",
        dt.date(2026, 5, 4): "May Day", dt.date(2026, 5, 25): "Spring Bank Holiday",
        dt.date(2026, 8, 31): "Late Summer Bank Holiday"}
    illinois = _clock(playbook.load(templates / "consumer-brand.yaml"))  # US-IL, national only
    assert dt.date(2026, 2, 12) not in illinois.holidays  # Lincoln's Birthday
    assert dt.date(2026, 11, 26) in illinois.holidays
