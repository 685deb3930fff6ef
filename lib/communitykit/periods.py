"""Report periods: half-open intervals of local dates in the client's timezone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pandas as pd

from .errors import UserError

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    """``[start, end)`` of local dates; ``label`` names the report folder."""

    start: dt.date
    end: dt.date
    label: str
    kind: str  # month, week, quarter or custom

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def previous(self) -> Period:
        """The period of the same length that ends where this one starts."""
        if self.kind == "month":
            last = self.start - dt.timedelta(days=1)
            return parse(f"{last.year}-{last.month:02d}")
        if self.kind == "quarter":
            last = self.start - dt.timedelta(days=1)
            return parse(f"{last.year}-Q{(last.month - 1) // 3 + 1}")
        if self.kind == "week":
            year, week, _ = (self.start - dt.timedelta(days=7)).isocalendar()
            return parse(f"{year}-W{week:02d}")
        start = self.start - dt.timedelta(days=self.days)
        return custom(start, self.start - dt.timedelta(days=1))

    def utc_bounds(self, tz: ZoneInfo) -> tuple[pd.Timestamp, pd.Timestamp]:
        """Start and end instants in UTC (local midnight in ``tz``)."""
        start = dt.datetime.combine(self.start, dt.time(), tzinfo=tz)
        end = dt.datetime.combine(self.end, dt.time(), tzinfo=tz)
        return pd.Timestamp(start).tz_convert("UTC"), pd.Timestamp(end).tz_convert("UTC")

    def describe(self) -> str:
        last = self.end - dt.timedelta(days=1)
        return f"{self.start:%d %b %Y} – {last:%d %b %Y}"


def parse(text: str) -> Period:
    """Parse ``2026-10``, ``2026-W43`` or ``2026-Q3``."""
    text = text.strip()
    if m := MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise UserError(f"period {text!r}: month must be 01 to 12")
        start = dt.date(year, month, 1)
        end = dt.date(year + month // 12, month % 12 + 1, 1)
        return Period(start, end, text, "month")
    if m := WEEK.match(text):
        try:
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            raise UserError(f"period {text!r}: {m[1]} has no ISO week {m[2]}") from None
        return Period(start, start + dt.timedelta(days=7), text, "week")
    if m := QUARTER.match(text):
        year, quarter = int(m[1]), int(m[2])
        start = dt.date(year, 3 * quarter - 2, 1)
        end = dt.date(year + quarter // 4, (3 * quarter) % 12 + 1, 1)
        return Period(start, end, text, "quarter")
    raise UserError(
        f"period {text!r} is not understood: use a month (2026-10), an ISO week (2026-W43), "
        "a quarter (2026-Q3), or --from/--to dates"
    )


def custom(first: dt.date, last: dt.date) -> Period:
    """Explicit dates, both included (as typed on the command line)."""
    if last < first:
        raise UserError(f"--to {last} is before --from {first}")
    return Period(first, last + dt.timedelta(days=1), f"{first}_{last}", "custom")


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} {text!r} is not a date (YYYY-MM-DD)") from None


def resolve(period: str | None, period_from: str | None, period_to: str | None) -> Period:
    """The period a report asks for: a named one, or the days from ``--from`` to ``--to``."""
    if period:
        return parse(period)
    if period_from and period_to:
        return custom(parse_date(period_from, "--from"), parse_date(period_to, "--to"))
    raise ValueError("give a period or both --from and --to")
