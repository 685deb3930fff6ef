"""TikTok Studio analytics: the daily overview and follower history CSV files, whose dates
carry no year."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from .csv_base import CsvFile, CsvImporter, Items, Record
from .dates import parse_when
from .rows import first_row_names, pick
from .values import parse_count

MONTH_DAY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})$")


def _month_day(text: str) -> tuple[int, int] | None:
    m = MONTH_DAY.match(text.strip())
    if not m:
        return None
    for form in ("%B %d %Y", "%b %d %Y"):
        try:
            day = dt.datetime.strptime(f"{m[1]} {m[2]} 2000", form)  # 2000: Feb 29 exists
            return day.month, day.day
        except ValueError:
            continue
    return None


def infer_years(values: Iterable[str], until: dt.date) -> tuple[dict[tuple[int, int], int], str]:
    """Years for year-less ``(month, day)`` dates of one export window (under a year long).

    The window's last day is the one before the longest gap around the calendar; it is
    placed on or before ``until`` (the file's date); earlier days count back from it.
    """
    days = sorted({md for v in values if (md := _month_day(v))},
                  key=lambda md: dt.date(2000, *md))
    if not days:
        return {}, ""
    ordinals = [dt.date(2000, *md).timetuple().tm_yday for md in days]
    gaps = [(ordinals[(i + 1) % len(days)] - ordinals[i]) % 366 or 366
            for i in range(len(days))]
    last = days[max(range(len(days)), key=lambda i: gaps[i])]
    year = until.year + 1
    years: dict[tuple[int, int], int] = {}
    while not years or dt.date(year, *last) > until:
        year -= 1
        years = {md: year if md <= last else year - 1 for md in days}
        if not all(_valid(y, md) for md, y in years.items()):
            years = {}  # a February 29 outside a leap year: one year earlier
    note = (f"dates carry no year: the latest, {dt.date(year, *last)}, placed on or before the "
            f"file's date {until}; earlier dates count back from it")
    return years, note


def _valid(year: int, md: tuple[int, int]) -> bool:
    try:
        dt.date(year, *md)
    except ValueError:
        return False
    return True
class _TikTokDaily(CsvImporter):
    """Shared reading of TikTok's daily CSV files (dates like ``August 31``)."""

    platform = "tiktok"
    table = "account_daily"

    def sniff(self, path: Path, head: str) -> bool:
        return tuple(first_row_names(head)[: len(self.required)]) == self.required

    def values(self, row: dict[str, str]) -> dict[str, object]:
        raise NotImplementedError

    def builder(self, file: CsvFile, items: Items) -> Callable[[dict[str, str]], Record]:
        until = dt.datetime.fromtimestamp(file.path.stat().st_mtime,
                                          file.context.timezone).date()
        years, note = infer_years((r["date"] for _, r in items), until)
        if note:
            file.account.notes.append(note)

        def build(row: dict[str, str]) -> dict[str, object]:
            text = row["date"].strip()
            md = _month_day(text)
            if md is None:
                day = parse_when(text).date()
            elif not _valid(years[md], md):
                raise ValueError(f"{text!r} does not exist in {years[md]}")
            else:
                day = dt.date(years[md], *md)
            return {"platform": self.platform_of(file),
                    "date": pd.Timestamp(day), **self.values(row)}

        return build


class TikTokOverview(_TikTokDaily):
    name = "tiktok_overview"
    description = "TikTok Studio > Analytics > Overview > Download (Overview.csv)"
    required = ("date", "video views", "profile views")
    notes = ("video views read as impressions; engagements = likes + comments + shares; "
             "profile views not kept",)

    def values(self, row: dict[str, str]) -> dict[str, object]:
        parts = [parse_count(row.get(c)) for c in ("likes", "comments", "shares")]
        known = [p for p in parts if p is not None]
        return {"impressions": parse_count(row["video views"]),
                "engagements": sum(known) if known else None}


class TikTokFollowers(_TikTokDaily):
    name = "tiktok_followers"
    description = "TikTok Studio > Analytics > Followers > Download (FollowerHistory.csv)"
    required = ("date", "followers")
    notes = ("the daily difference is net: a rise read as gained, a fall as lost",)

    def sniff(self, path: Path, head: str) -> bool:
        names = first_row_names(head)
        return names[:2] == ["date", "followers"] and any(
            n.startswith("difference in followers") for n in names)

    def values(self, row: dict[str, str]) -> dict[str, object]:
        change = parse_count(pick(row, [k for k in row if k.startswith("difference")]))
        return {"followers": parse_count(row["followers"]),
                "followers_gained": None if change is None else max(change, 0),
                "followers_lost": None if change is None else max(-change, 0)}
