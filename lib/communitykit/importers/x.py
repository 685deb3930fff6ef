"""X (Twitter) analytics exports: per-post and daily activity, the legacy analytics.x.com
files and the 2024+ x.com Analytics files. The account archive is read in ``x_archive``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from .account import ImportAccount
from .base import file_time
from .csv_base import CsvFile, CsvImporter, Items, Record
from .dates import localize
from .rows import first_names, records
from .values import parse_count, parse_id

PERMALINK_ID = re.compile(r"/status(?:es)?/(\d+)")
HANDLE_IN_NAME = re.compile(r"tweet_activity_metrics_(.+?)_\d{8}_\d{8}")
DAILY_HANDLE_IN_NAME = re.compile(r"daily_tweet_activity_metrics_(.+?)_\d{8}")
WINDOW_END = re.compile(r"_\d{8}_(\d{8})")
STATUS_LINK = re.compile(r"(?:twitter|x)\.com/([^/?#]+)/status(?:es)?/(\d+)")


def _as_of(path: Path) -> pd.Timestamp:
    """Export window end from the file name, else the file's modification time."""
    if m := WINDOW_END.search(path.name):
        return pd.Timestamp(dt.datetime.strptime(m[1], "%Y%m%d"), tz="UTC")
    return file_time(path)


class XTweetActivity(CsvImporter):
    """``tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv`` (likes or favorites era)."""

    name = "x_tweet_activity"
    platform = "x"
    description = "analytics.x.com > Tweets > Export data (By Tweet)"
    table = "posts"
    required = ("tweet id", "time", "impressions")
    notes = ("engagement = likes + replies + reposts (X has no saves here)",)

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lower().splitlines()[0] if head else ""
        return first.startswith('"tweet id"') or first.startswith("tweet id,")

    def builder(self, file: CsvFile, items: Items) -> Callable[[dict[str, str]], Record]:
        handle_match = HANDLE_IN_NAME.search(file.path.name)
        handle = handle_match[1] if handle_match else None
        platform = self.platform_of(file)

        def build(row: dict[str, str]) -> dict[str, object]:
            permalink = row.get("tweet permalink") or ""
            try:
                post_id = parse_id(row["tweet id"])
            except ValueError:
                recovered = PERMALINK_ID.search(permalink)
                if not recovered:
                    raise
                post_id = recovered[1]
            when = row["time"].strip()
            try:
                created = pd.Timestamp(dt.datetime.strptime(when, "%Y-%m-%d %H:%M %z"))
            except ValueError:
                raise ValueError(f"time {when!r} is not 'YYYY-MM-DD HH:MM +0000'") from None
            author = handle or (permalink.split("/")[3] if permalink.count("/") > 3 else None)
            return {
                "platform": platform,
                "account_id": author,
                "post_id": post_id,
                "permalink": permalink or None,
                "created_at": created.tz_convert("UTC"),
                "author_id": author,
                "author_name": author,
                "text": row.get("tweet text", ""),
                "impressions": parse_count(row.get("impressions")),
                "reactions": parse_count(row.get("likes", row.get("favorites"))),
                "comments": parse_count(row.get("replies")),
                "shares": parse_count(row.get("retweets")),
                "clicks": parse_count(row.get("url clicks")),
                "follows": parse_count(row.get("follows")),
            }

        return build

    def as_of(self, path: Path) -> pd.Timestamp:
        return _as_of(path)


class XDailyActivity(CsvImporter):
    """``daily_tweet_activity_metrics_*.csv``: one row per day for the account."""

    name = "x_daily_activity"
    platform = "x"
    description = "analytics.x.com > Tweets > Export data (By day)"
    table = "account_daily"
    required = ("date", "tweets published", "impressions")
    notes = ("daily files hold follows gained, not a follower total",)

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lower().splitlines()[0] if head else ""
        return first.replace('"', "").startswith("date,tweets published")

    def build(self, row: dict[str, str], file: CsvFile) -> Record:
        handle_match = DAILY_HANDLE_IN_NAME.search(file.path.name)
        try:
            date = dt.date.fromisoformat(row["date"].strip())
        except ValueError:
            raise ValueError(f"date {row['date']!r} is not YYYY-MM-DD") from None
        return {
            "platform": self.platform_of(file),
            "account_id": handle_match[1] if handle_match else None,
            "date": pd.Timestamp(date),
            "impressions": parse_count(row["impressions"]),
            "engagements": parse_count(row.get("engagements")),
            "posts_published": parse_count(row["tweets published"]),
            "followers_gained": parse_count(row.get("follows")),
        }

    def as_of(self, path: Path) -> pd.Timestamp:
        return _as_of(path)


# --- x.com Analytics, 2024+ ----------------------------------------------------------------

def _x_day(value: str) -> dt.date:
    """``"Tue, Jul 14, 2026"`` (also ``"Jul 14, 2026"`` or ``2026-07-14``) as a date."""
    text = value.strip()
    for form in ("%a, %b %d, %Y", "%b %d, %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"date {value!r} is not like Tue, Jul 14, 2026")


def _without_totals(
    items: list[tuple[int, dict[str, str]]], column: str, account: ImportAccount
) -> list[tuple[int, dict[str, str]]]:
    """Rows less summary rows (``Total`` in ``column``), which are neither kept nor rejected."""
    kept = []
    for line, row in items:
        if row[column].strip().lower() == "total":
            account.rows_read -= 1
            account.notes.append(f"the Total row (line {line}) skipped")
        else:
            kept.append((line, row))
    return kept


def _midnight_utc(frame: pd.DataFrame, tz: ZoneInfo, account: ImportAccount) -> pd.DataFrame:
    """Replace the ``day`` column with ``created_at``: local midnight of that day, in UTC."""
    if frame.empty:
        return frame.drop(columns="day", errors="ignore")
    frame["created_at"], shifted = localize(pd.to_datetime(frame.pop("day")), tz)
    if shifted:
        account.notes.append(f"{shifted} dates had no local midnight (DST change)")
    return frame
class XContent2024(CsvImporter):
    """``account_analytics_content_<from>_<to>.csv``: one row per post (2024+ X analytics)."""

    name = "x_content_2024"
    platform = "x"
    description = "x.com > Analytics > Content > Export (account_analytics_content_*.csv)"
    table = "posts"
    required = ("post id", "date", "impressions")

    def sniff(self, path: Path, head: str) -> bool:
        names = set(first_names(head))
        return set(self.required) <= names and bool({"post text", "post link"} & names)

    def items(self, file: CsvFile) -> Items:
        return _without_totals(records(file.rows, file.header, file.account), "post id",
                               file.account)

    def build(self, row: dict[str, str], file: CsvFile) -> Record:
        link = (row.get("post link") or "").strip()
        handle, post_id = _post_identity(row["post id"], link)
        return {
            "platform": self.platform_of(file),
            "account_id": handle,
            "post_id": post_id,
            "permalink": link or None,
            "day": _x_day(row["date"]),
            "author_id": handle,
            "author_name": handle,
            "text": row.get("post text", ""),
            "impressions": parse_count(row["impressions"]),
            "reactions": parse_count(row.get("likes")),
            "comments": parse_count(row.get("replies")),
            "shares": parse_count(row.get("reposts")),
            "saves": parse_count(row.get("bookmarks")),
            "clicks": parse_count(row.get("url clicks")),
            "follows": parse_count(row.get("new follows")),
        }

    def finish(self, frame: pd.DataFrame, file: CsvFile) -> pd.DataFrame:
        frame = _midnight_utc(frame, file.context.timezone, file.account)
        file.account.notes.extend([
            "the export gives the day of each post, not the time: created_at is local "
            f"midnight ({file.context.timezone.key}); hour-of-day figures do not apply",
            "shares = Reposts (as in older X exports); X's 'Shares' (sent by DM or copied "
            "link) are not counted; saves = Bookmarks",
            "the file lists the account's replies among its posts (no column tells them "
            "apart)",
        ])
        return super().finish(frame, file)


def _post_identity(raw_id: str, link: str) -> tuple[str | None, str]:
    """(handle from the link, exact post id); an Excel-damaged id is taken from the link."""
    found = STATUS_LINK.search(link)
    handle = found[1] if found else None
    try:
        return handle, parse_id(raw_id)
    except ValueError:
        if not found:
            raise
        return handle, found[2]
class XOverview2024(CsvImporter):
    """``account_overview_analytics*.csv``: one row per day for the account (2024+ X)."""

    name = "x_overview_2024"
    platform = "x"
    description = "x.com > Analytics > Overview > Export (account_overview_analytics.csv)"
    table = "account_daily"
    required = ("date", "impressions")
    notes = ("daily follows and unfollows, not a follower total",
             "the overview export does not name the account: rows carry no account_id")

    def sniff(self, path: Path, head: str) -> bool:
        names = first_names(head)
        daily = {"new follows", "unfollows", "create post"}
        return names[:1] == ["date"] and "impressions" in names and bool(daily & set(names))

    def items(self, file: CsvFile) -> Items:
        return _without_totals(records(file.rows, file.header, file.account), "date",
                               file.account)

    def build(self, row: dict[str, str], file: CsvFile) -> Record:
        return {
            "platform": self.platform_of(file),
            "account_id": None,
            "date": pd.Timestamp(_x_day(row["date"])),
            "impressions": parse_count(row["impressions"]),
            "engagements": parse_count(row.get("engagements")),
            "followers_gained": parse_count(row.get("new follows")),
            "followers_lost": parse_count(row.get("unfollows")),
            "posts_published": parse_count(row.get("create post")),
        }
