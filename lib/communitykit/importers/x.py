"""X (Twitter) analytics exports: per-post activity and daily account activity."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from .base import (
    ImportAccount,
    Importer,
    ImportResult,
    SourceContext,
    csv_rows,
    decode,
    file_time,
    find_header,
    parse_count,
    parse_id,
    records,
    reject_rows,
)

PERMALINK_ID = re.compile(r"/status(?:es)?/(\d+)")
HANDLE_IN_NAME = re.compile(r"tweet_activity_metrics_(.+?)_\d{8}_\d{8}")
WINDOW_END = re.compile(r"_\d{8}_(\d{8})")


def _as_of(path: Path) -> pd.Timestamp:
    """Export window end from the file name, else the file's modification time."""
    if m := WINDOW_END.search(path.name):
        return pd.Timestamp(dt.datetime.strptime(m[1], "%Y%m%d"), tz="UTC")
    return file_time(path)


class XTweetActivity(Importer):
    """``tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv`` (likes or favorites era)."""

    name = "x_tweet_activity"
    platform = "x"
    description = "analytics.x.com > Tweets > Export data (By Tweet)"
    tables = ("posts",)
    required = ("tweet id", "time", "impressions")

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lower().splitlines()[0] if head else ""
        return first.startswith('"tweet id"') or first.startswith("tweet id,")

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = csv_rows(decode(path))
        header = find_header(rows, self.required, path)
        account = ImportAccount(str(path), self.name)
        handle_match = HANDLE_IN_NAME.search(path.name)
        handle = handle_match[1] if handle_match else None

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
                "platform": context.platform or "x",
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

        frame = pd.DataFrame(reject_rows(records(rows, header, account), account, build))
        account.notes.append("engagement = likes + replies + reposts (X has no saves here)")
        frame["metrics_as_of"] = _as_of(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)


class XDailyActivity(Importer):
    """``daily_tweet_activity_metrics_*.csv``: one row per day for the account."""

    name = "x_daily_activity"
    platform = "x"
    description = "analytics.x.com > Tweets > Export data (By day)"
    tables = ("account_daily",)
    required = ("date", "tweets published", "impressions")

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lower().splitlines()[0] if head else ""
        return first.replace('"', "").startswith("date,tweets published")

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = csv_rows(decode(path))
        header = find_header(rows, self.required, path)
        account = ImportAccount(str(path), self.name)
        handle_match = re.search(r"daily_tweet_activity_metrics_(.+?)_\d{8}", path.name)

        def build(row: dict[str, str]) -> dict[str, object]:
            try:
                date = dt.date.fromisoformat(row["date"].strip())
            except ValueError:
                raise ValueError(f"date {row['date']!r} is not YYYY-MM-DD") from None
            return {
                "platform": context.platform or "x",
                "account_id": handle_match[1] if handle_match else None,
                "date": pd.Timestamp(date),
                "impressions": parse_count(row["impressions"]),
                "engagements": parse_count(row.get("engagements")),
                "posts_published": parse_count(row["tweets published"]),
                "followers_gained": parse_count(row.get("follows")),
            }

        frame = pd.DataFrame(reject_rows(records(rows, header, account), account, build))
        account.notes.append("daily files hold follows gained, not a follower total")
        frame["metrics_as_of"] = _as_of(path)
        frame["source_file"] = path.name
        return ImportResult({"account_daily": frame}, account)
