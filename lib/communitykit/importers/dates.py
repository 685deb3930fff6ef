"""Dates and times as the exports write them, and local times turned into UTC."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import pandas as pd

from .account import ImportAccount
from .base import SourceContext
from .settle import EARLIEST, LATEST

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
SLASH_DATE = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$")
YEAR_FIRST_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?$")
SERIAL = re.compile(r"^\d{4,6}(\.\d+)?$")
NAMED_FORMATS = (
    "%b %d, %Y", "%B %d, %Y", "%a, %b %d, %Y", "%b %d, %Y %I:%M %p", "%B %d, %Y %I:%M %p",
    "%b %d, %Y %H:%M", "%d %b %Y", "%d %B %Y", "%d %b %Y %H:%M", "%d %b %Y %I:%M %p",
)


def localize(naive: pd.Series, tz: ZoneInfo) -> tuple[pd.Series, int]:
    """Local wall times to UTC; DST gaps and repeats resolve to the earlier instant.

    Returns the UTC series and how many times were ambiguous or missing.
    """
    first = naive.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
    trouble = first.isna() & naive.notna()
    if trouble.any():
        fixed = naive[trouble].map(lambda t: _earlier_instant(t.to_pydatetime(), tz))
        first[trouble] = pd.to_datetime(fixed, utc=True).dt.tz_convert(tz)
    return first.dt.tz_convert("UTC"), int(trouble.sum())


def _earlier_instant(local: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    candidates = [local.replace(tzinfo=tz, fold=f).astimezone(dt.UTC) for f in (0, 1)]
    return min(candidates)


def check_time(value: dt.date, name: str = "the date") -> None:
    """Raise ValueError for a date or time the store cannot hold (e.g. 1600-01-01 or
    9999-12-31: damage, or a placeholder for "no date"); ``name`` says which."""
    if value is pd.NaT:
        return
    moment = (value.replace(tzinfo=None) if isinstance(value, dt.datetime)
              else dt.datetime(value.year, value.month, value.day))
    if not EARLIEST <= moment <= LATEST:
        raise ValueError(f"{name} {value.year:04d}-{value.month:02d}-{value.day:02d} is "
                         f"outside the years {EARLIEST.year + 1} to {LATEST.year - 1} the kit "
                         "can store")


def checked(stamp: pd.Timestamp, name: str = "the time") -> pd.Timestamp:
    """``stamp`` when the store can hold it (see :func:`check_time`), else ValueError."""
    check_time(stamp, name)
    return stamp


def date_order(values: Iterable[str], account: ImportAccount) -> bool:
    """Whether ``1/8/2025``-style dates are month first, decided for the whole file.

    A first part above 12 proves day first; otherwise month first (the US form). Dates
    that read either way are counted in a note instead of being guessed silently.
    """
    parts = [(int(m[1]), int(m[2])) for v in values if (m := SLASH_DATE.match(v.strip()))]
    month_first = not any(a > 12 for a, _ in parts)
    proven = not month_first or any(b > 12 for _, b in parts)
    ambiguous = sum(1 for a, b in parts if a <= 12 and b <= 12 and a != b)
    if ambiguous:
        order = "month/day" if month_first else "day/month"
        why = "other dates in the file prove it" if proven else "nothing in the file proves " \
            "the order: the US form assumed"
        account.notes.append(f"{ambiguous} dates read either way (day/month or month/day): "
                             f"read as {order} ({why})")
    return month_first


def parse_when(text: str, month_first: bool = True) -> dt.datetime:
    """A date or time in any form the exports use; naive unless the text has an offset."""
    value = text.strip()
    if not value:
        raise ValueError("the date is empty")
    if m := SLASH_DATE.match(value):
        return _slash(m, month_first)
    if m := YEAR_FIRST_SLASH.match(value):
        year, month, day, hour, minute = (int(g) if g else 0 for g in m.groups())
        return dt.datetime(year, month, day, hour, minute)
    if SERIAL.match(value):
        return EXCEL_EPOCH + dt.timedelta(days=float(value))
    try:
        return dt.datetime.fromisoformat(value.replace(" +", "+").replace(" -", "-"))
    except ValueError:
        pass
    for form in NAMED_FORMATS:
        try:
            return dt.datetime.strptime(value, form)
        except ValueError:
            continue
    raise ValueError(f"date {value!r} is in no known form")


def _slash(m: re.Match[str], month_first: bool) -> dt.datetime:
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    month, day = (first, second) if month_first else (second, first)
    hour, minute, second_ = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
    if m[7]:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with {m[7]}")
        hour = hour % 12 + (12 if m[7].lower() == "pm" else 0)
    return dt.datetime(year, month, day, hour, minute, second_)


def utc_times(values: pd.Series, tz: ZoneInfo) -> tuple[pd.Series, int]:
    """Datetimes (naive = local to ``tz``, or aware) as UTC; and the DST-shifted count."""
    aware = values.map(lambda v: v.tzinfo is not None)
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    shifted = 0
    if (~aware).any():
        naive = pd.to_datetime(values[~aware].tolist()).astype("datetime64[ns]")
        local, shifted = localize(pd.Series(naive, index=values[~aware].index), tz)
        out[~aware] = local
    if aware.any():
        out[aware] = pd.to_datetime(values[aware].tolist(), utc=True)
    return out, shifted


def finish_times(frame: pd.DataFrame, context: SourceContext, account: ImportAccount,
                 what: str) -> None:
    """Turn the ``local_time`` column into ``created_at`` (UTC), with notes."""
    if frame.empty:
        return
    times = frame.pop("local_time")
    frame["created_at"], shifted = utc_times(times, context.timezone)
    if shifted:
        account.notes.append(f"{shifted} {what} fell in a DST change: the earlier instant kept")
    if times.map(lambda v: v.tzinfo is None).any():
        account.notes.append(f"{what} without an offset read as {context.timezone.key} time")
