"""Business-hours clock: how much opening time lies between two instants.

Opening intervals are built per local day (weekday hours, minus public and
extra holidays) and converted to UTC, so DST changes are handled by the
timezone database. ``BusinessClock.elapsed`` is vectorised: with ``B(t)`` the
opening time from the first interval up to ``t``, the business time between
``a`` and ``b`` is ``B(b) - B(a)``. A message that arrives while closed thus
starts its clock at the next opening, and a reply before that opening takes 0.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

import holidays as holidays_lib
import numpy as np
import pandas as pd

from .playbook import WEEKDAYS, Playbook


class BusinessClock:
    """Opening intervals of one playbook over a span of dates."""

    def __init__(self, playbook: Playbook, first: dt.date, last: dt.date) -> None:
        self.playbook = playbook
        self.first = first - dt.timedelta(days=7)
        self.last = last + dt.timedelta(days=45)

    @cached_property
    def holidays(self) -> dict[dt.date, str]:
        spec = self.playbook.business_hours.holidays
        found: dict[dt.date, str] = {}
        if spec.country:
            years = range(self.first.year, self.last.year + 1)
            calendar = holidays_lib.country_holidays(
                spec.country, subdiv=spec.subdivision, years=years
            )
            found.update({day: str(name) for day, name in sorted(calendar.items())})
        for day in spec.extra:
            found.setdefault(day, "team day off")
        return found

    @cached_property
    def intervals(self) -> tuple[np.ndarray, np.ndarray]:
        """UTC opening and closing instants (int64 ns), sorted."""
        tz = self.playbook.tz
        days = self.playbook.business_hours.days
        opens: list[int] = []
        closes: list[int] = []
        day = self.first
        while day <= self.last:
            hours = days.get(WEEKDAYS[day.weekday()])
            if hours and day not in self.holidays:
                start = _local_instant(day, hours[0], tz)
                end = _local_instant(day, hours[1], tz)
                opens.append(start)
                closes.append(end)
            day += dt.timedelta(days=1)
        return np.array(opens, dtype="int64"), np.array(closes, dtype="int64")

    @cached_property
    def _cumulative(self) -> np.ndarray:
        opens, closes = self.intervals
        return np.concatenate([[0], np.cumsum(closes - opens)])

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
        result = self._opening_time_until(b) - self._opening_time_until(a)
        out = pd.Series(pd.to_timedelta(result, unit="ns"), index=start.index)
        return out.where(start.notna() & end.notna())

    def is_open(self, when: pd.Series) -> pd.Series:
        """Whether each instant lies inside business hours."""
        opens, closes = self.intervals
        ns = _ns(when)
        idx = np.searchsorted(opens, ns, side="right") - 1
        safe = np.clip(idx, 0, None)
        return pd.Series((idx >= 0) & (ns < closes[safe]), index=when.index)


def _local_instant(day: dt.date, clock: str, tz: dt.tzinfo) -> int:
    hour, minute = (int(x) for x in clock.split(":"))
    extra = dt.timedelta(days=1) if hour == 24 else dt.timedelta()
    local = dt.datetime.combine(day, dt.time(hour % 24, minute), tzinfo=tz) + extra
    return int(pd.Timestamp(local).tz_convert("UTC").value)


def _ns(series: pd.Series) -> np.ndarray:
    """Nanoseconds since the epoch; NaT becomes the smallest int64 (masked by callers)."""
    return pd.DatetimeIndex(pd.to_datetime(series, utc=True)).as_unit("ns").asi8
