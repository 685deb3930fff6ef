"""Business-hours clock: how much opening time lies between two instants.

Opening intervals are built per local day (weekday hours, minus public and
extra holidays, plus the country's make-up working days) and converted to UTC,
so DST changes are handled by the timezone database. ``BusinessClock.elapsed``
is vectorised: with ``B(t)`` the opening time from the first interval up to
``t``, the business time between ``a`` and ``b`` is ``B(b) - B(a)``. A message
that arrives while closed thus starts its clock at the next opening, and a
reply before that opening takes 0.

The intervals start a week before the first day asked for and end 45 days
after the last; an instant outside them widens the span (by at least a year,
so a run of later instants rebuilds rarely), so every instant asked of the
clock is measured against real opening hours.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

import holidays as holidays_lib
import numpy as np
import pandas as pd

from .playbook import WEEKDAYS, Holidays, Playbook

BEFORE = dt.timedelta(days=7)
AFTER = dt.timedelta(days=45)
GROWTH = dt.timedelta(days=366)
NAT = np.iinfo(np.int64).min
MAKE_UP = "make-up working day"
_BUILT = ("_calendar", "holidays", "workdays", "intervals", "_cumulative", "_span_ns")


class BusinessClock:
    """Opening intervals of one playbook over a span of local dates (widened on demand)."""

    def __init__(self, playbook: Playbook, first: dt.date, last: dt.date) -> None:
        self.playbook = playbook
        self.first = first - BEFORE
        self.last = last + AFTER

    def cover(self, first: dt.date, last: dt.date) -> None:
        """Make sure the local days ``first``..``last`` (inclusive) have their intervals."""
        if first >= self.first and last <= self.last:
            return
        if first < self.first:
            self.first = min(first - dt.timedelta(days=1), self.first - GROWTH)
        if last > self.last:
            self.last = max(last + dt.timedelta(days=1), self.last + GROWTH)
        for name in _BUILT:
            self.__dict__.pop(name, None)

    def holidays_between(self, start: dt.date, end: dt.date) -> dict[dt.date, str]:
        """Closed days (public holidays and the team's own) in ``[start, end)``."""
        self.cover(start, end)
        return {d: name for d, name in self.holidays.items() if start <= d < end}

    def workdays_between(self, start: dt.date, end: dt.date) -> dict[dt.date, str]:
        """Make-up working days opened in ``[start, end)``."""
        self.cover(start, end)
        return {d: name for d, name in self.workdays.items() if start <= d < end}

    @cached_property
    def _calendar(self) -> holidays_lib.HolidayBase | None:
        spec = self.playbook.business_hours.holidays
        return public_calendar(spec, range(self.first.year, self.last.year + 1))

    @cached_property
    def holidays(self) -> dict[dt.date, str]:
        """Closed days of the span's years: the country's holidays, then the team's own."""
        spec = self.playbook.business_hours.holidays
        found: dict[dt.date, str] = {}
        if self._calendar is not None:
            found.update({day: str(name) for day, name in sorted(self._calendar.items())})
        for day in spec.extra:
            found.setdefault(day, "team day off")
        return dict(sorted(found.items()))

    @cached_property
    def workdays(self) -> dict[dt.date, str]:
        """Make-up working days of the span's years that open (weekend days declared
        working days by the country), unless a holiday or a team day off closes them."""
        calendar = self._calendar
        if calendar is None or self._make_up_hours is None:
            return {}
        years = set(range(self.first.year, self.last.year + 1))
        return {
            day: MAKE_UP
            for day in sorted(calendar.weekend_workdays)
            if day.year in years and day not in self.holidays
        }

    @cached_property
    def _make_up_hours(self) -> tuple[str, str] | None:
        """Hours of a make-up working day: those of the earliest weekday Mon-Fri with hours."""
        days = self.playbook.business_hours.days
        return next((days[d] for d in WEEKDAYS[:5] if d in days), None)

    def hours_on(self, day: dt.date) -> tuple[str, str] | None:
        """Opening and closing local time of ``day``, or None when closed."""
        self.cover(day, day)
        if day in self.holidays:
            return None
        if day in self.workdays:
            return self._make_up_hours
        return self.playbook.business_hours.days.get(WEEKDAYS[day.weekday()])

    @cached_property
    def intervals(self) -> tuple[np.ndarray, np.ndarray]:
        """UTC opening and closing instants (int64 ns), sorted."""
        tz = self.playbook.tz
        opens: list[int] = []
        closes: list[int] = []
        day = self.first
        while day <= self.last:
            hours = self.hours_on(day)
            if hours:
                opens.append(_local_instant(day, hours[0], tz))
                closes.append(_local_instant(day, hours[1], tz))
            day += dt.timedelta(days=1)
        return np.array(opens, dtype="int64"), np.array(closes, dtype="int64")

    @cached_property
    def _cumulative(self) -> np.ndarray:
        opens, closes = self.intervals
        return np.concatenate([[0], np.cumsum(closes - opens)])

    @cached_property
    def _span_ns(self) -> tuple[int, int]:
        """UTC instants of the span's first local midnight and the midnight after its end."""
        tz = self.playbook.tz
        return (_local_instant(self.first, "00:00", tz),
                _local_instant(self.last, "24:00", tz))

    def _cover_instants(self, ns: np.ndarray) -> None:
        """Widen the span when an instant (NaT aside) falls outside it."""
        valid = ns[ns != NAT]
        if valid.size == 0:
            return
        low, high = int(valid.min()), int(valid.max())
        span_low, span_high = self._span_ns
        if low >= span_low and high < span_high:
            return
        tz = self.playbook.tz
        self.cover(pd.Timestamp(low, tz="UTC").tz_convert(tz).date(),
                   pd.Timestamp(high, tz="UTC").tz_convert(tz).date())

    def _opening_time_until(self, ns: np.ndarray) -> np.ndarray:
        opens, closes = self.intervals
        idx = np.searchsorted(opens, ns, side="right") - 1
        safe = np.clip(idx, 0, None)
        within = np.clip(ns - opens[safe], 0, closes[safe] - opens[safe])
        return np.where(idx >= 0, self._cumulative[safe] + within, 0)

    def elapsed(self, start: pd.Series, end: pd.Series) -> pd.Series:
        """Business time between ``start`` and ``end`` (UTC timestamps), as timedeltas."""
        a = _ns(start)
        b = _ns(end)
        self._cover_instants(np.concatenate([a, b]))
        result = self._opening_time_until(b) - self._opening_time_until(a)
        out = pd.Series(pd.to_timedelta(result, unit="ns"), index=start.index)
        return out.where(start.notna() & end.notna())

    def is_open(self, when: pd.Series) -> pd.Series:
        """Whether each instant lies inside business hours."""
        ns = _ns(when)
        self._cover_instants(ns)
        opens, closes = self.intervals
        idx = np.searchsorted(opens, ns, side="right") - 1
        safe = np.clip(idx, 0, None)
        return pd.Series((idx >= 0) & (ns < closes[safe]), index=when.index)


def public_calendar(spec: Holidays, years: range) -> holidays_lib.HolidayBase | None:
    """The holidays library's calendar for the playbook's choice: the country's national
    days of the chosen categories, and the subdivision's own only when asked for (None
    when the playbook names no country)."""
    if spec.country is None:
        return None
    subdivision = spec.subdivision if spec.subdivision_holidays else None
    return holidays_lib.country_holidays(
        spec.country, subdiv=subdivision, years=years, categories=tuple(spec.categories)
    )


def _local_instant(day: dt.date, clock: str, tz: dt.tzinfo) -> int:
    hour, minute = (int(x) for x in clock.split(":"))
    extra = dt.timedelta(days=1) if hour == 24 else dt.timedelta()
    local = dt.datetime.combine(day, dt.time(hour % 24, minute), tzinfo=tz) + extra
    return int(pd.Timestamp(local).tz_convert("UTC").value)


def _ns(series: pd.Series) -> np.ndarray:
    """Nanoseconds since the epoch; NaT becomes the smallest int64 (masked by callers)."""
    return pd.DatetimeIndex(pd.to_datetime(series, utc=True)).as_unit("ns").asi8
