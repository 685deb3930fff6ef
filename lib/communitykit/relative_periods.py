"""Relative periods: ``last-week``, ``last-month`` and ``last-quarter``, the last complete
ISO week, calendar month or quarter before today, as the label ``periods.parse`` reads.

Today is the date in the client's timezone (``today``), so one cron line run just after
midnight names the same period for every client wherever the machine is.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .errors import UserError

RELATIVE = ("last-week", "last-month", "last-quarter")


def is_relative(text: str | None) -> bool:
    return text is not None and text.strip().lower() in RELATIVE


def resolve(word: str, today: dt.date) -> str:
    """The label of the last complete period named by ``word`` before ``today``:
    ``2026-W43``, ``2026-10`` or ``2026-Q3``."""
    word = word.strip().lower()
    if word == "last-week":
        year, week, _ = (today - dt.timedelta(days=7)).isocalendar()
        return f"{year}-W{week:02d}"
    if word == "last-month":
        last = today.replace(day=1) - dt.timedelta(days=1)
        return f"{last.year}-{last.month:02d}"
    if word == "last-quarter":
        first_of_quarter = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        last = first_of_quarter - dt.timedelta(days=1)
        return f"{last.year}-Q{(last.month - 1) // 3 + 1}"
    raise UserError(f"period {word!r} is not a relative period: use one of "
                    + ", ".join(RELATIVE))


def today(tz: ZoneInfo | None, now: dt.datetime | None = None) -> dt.date:
    """The date in ``tz`` (the machine's timezone when None) at ``now`` (default: now)."""
    instant = now or dt.datetime.now(dt.UTC)
    return instant.astimezone(tz).date()


def label(text: str, tz: ZoneInfo, on: dt.date | None = None) -> str:
    """``text`` as a period label: a relative period resolved on ``on`` (default today in
    ``tz``), any other text unchanged (``periods.parse`` checks it)."""
    if not is_relative(text):
        return text
    return resolve(text, on or today(tz))
