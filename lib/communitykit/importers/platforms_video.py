"""Video platforms: YouTube Studio tables, YouTube Data API comments, TikTok analytics."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import (
    ROW,
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
from .platforms import date_order, finish_times, first_row, parse_when, pick

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def _first_names(head: str) -> list[str]:
    return [c.strip().lower() for c in first_row(head)]


# --- YouTube Studio ------------------------------------------------------------------------

class YouTubeStudio(Importer):
    """YouTube Studio > Analytics > Advanced mode > Export: ``Table data.csv``."""

    name = "youtube_studio"
    platform = "youtube"
    description = "YouTube Studio advanced analytics export, Table data.csv (one row per video)"
    tables = ("posts",)
    required = ("content", "video publish time")

    def sniff(self, path: Path, head: str) -> bool:
        names = _first_names(head)
        return bool(names) and names[0] == "content" and "video publish time" in names

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = csv_rows(decode(path))
        header = find_header(rows, self.required, path)
        account = ImportAccount(str(path), self.name)
        items = []
        for line, row in records(rows, header, account):
            if row["content"].strip().lower() == "total":
                account.rows_read -= 1  # a summary row, not a video: neither kept nor rejected
                account.notes.append(f"the Total row (line {line}) skipped")
            else:
                items.append((line, row))
        month_first = date_order((r["video publish time"] for _, r in items), account)

        def build(row: dict[str, str]) -> dict[str, object]:
            video = row["content"].strip()
            if not VIDEO_ID.match(video):
                raise ValueError(f"content {video!r} is not an 11-character video id")
            return {
                "platform": context.platform or self.platform,
                "post_id": video,
                "permalink": f"https://www.youtube.com/watch?v={video}",
                "local_time": parse_when(row["video publish time"], month_first),
                "text": row.get("video title", ""),
                "views": parse_count(row.get("views")),
                "impressions": parse_count(row.get("impressions")),
                "follows": parse_count(row.get("subscribers")),
            }

        frame = pd.DataFrame(reject_rows(items, account, build))
        finish_times(frame, context, account, "publish dates")
        account.notes.append("publish dates only: videos placed at 00:00 local time; "
                             "'Subscribers' per video is net subscribers gained (read as "
                             "follows, may be negative), not a follower total")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)


# --- YouTube comments ----------------------------------------------------------------------

CSV_COLUMNS = {
    "message_id": ("comment_id", "commentid", "comment id", "id"),
    "text": ("textoriginal", "textdisplay", "comments", "comment", "text"),
    "likes": ("like_count", "likecount", "like count", "likes"),
    "created": ("publishedat", "published_at", "date"),
    "video": ("vidid", "videoid", "video_id", "video id"),
    "author_id": ("authorchannelid", "author_channel_id", "authorchannelid.value", "user_id",
                  "channel_id"),
    "author_name": ("authordisplayname", "author_display_name", "author"),
    "parent": ("parentid", "parent_id"),
}


class YouTubeComments(Importer):
    """YouTube Data API comments: ``commentThreads`` JSON, or a CSV dump of them."""

    name = "youtube_comments"
    platform = "youtube"
    description = "YouTube Data API commentThreads.list (JSON) or a CSV made from it"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        if path.suffix.lower() == ".json":
            return '"topLevelComment"' in head or '"youtube#comment' in head
        names = set(_first_names(head))
        return bool(names & set(CSV_COLUMNS["video"])) and bool(
            names & {"comment_id", "commentid", "comment id", "textoriginal", "textdisplay"})

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        platform = context.platform or self.platform
        if path.suffix.lower() == ".json":
            return self._read_json(path, platform, account)
        return self._read_csv(path, context, platform, account)

    def _read_json(self, path: Path, platform: str, account: ImportAccount) -> ImportResult:
        try:
            document = json.loads(decode(path))
        except json.JSONDecodeError as exc:
            raise ImportFailed(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None
        kept: list[dict[str, object]] = []
        partial = 0
        for thread in _threads(document, path):
            top, replies = _unpack(thread)
            for comment in [top, *replies]:
                account.rows_read += 1
                try:
                    kept.append({**_yt_comment(comment, platform), ROW: account.rows_read})
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    number = account.rows_read
                    account.reject(number, f"comment {number}: {str(exc).strip(chr(39))}")
            total = (thread.get("snippet") or {}).get("totalReplyCount") or 0
            partial += int(total) > len(replies)
        account.notes.append("rows are numbered in reading order, replies after their comment")
        if partial:
            account.notes.append(f"{partial} threads list fewer replies than totalReplyCount "
                                 "(commentThreads returns at most 5): fetch comments.list with "
                                 "parentId for the rest")
        frame = pd.DataFrame(kept)
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)

    def _read_csv(self, path: Path, context: SourceContext, platform: str,
                  account: ImportAccount) -> ImportResult:
        rows = csv_rows(decode(path))
        names = {c.strip().lower() for c in rows[0]} if rows else set()
        col = {key: [a for a in aliases if a in names] for key, aliases in CSV_COLUMNS.items()}
        for key in ("message_id", "created", "author_id"):
            if not col[key]:
                raise ImportFailed(f"no {key} column (one of {', '.join(CSV_COLUMNS[key])})",
                                   file=path, column=CSV_COLUMNS[key][0])

        def build(row: dict[str, str]) -> dict[str, object]:
            parent = pick(row, col["parent"])
            video = pick(row, col["video"]) or None
            return {
                "platform": platform,
                "message_id": parse_id(pick(row, col["message_id"])),
                "post_id": video, "container": video,
                "parent_id": parent or None,
                "author_id": parse_id(pick(row, col["author_id"])),
                "author_name": pick(row, col["author_name"]) or None,
                "local_time": parse_when(pick(row, col["created"])),
                "text": pick(row, col["text"]),
                "likes": parse_count(pick(row, col["likes"])),
                "kind": "reply" if parent else "comment",
            }

        frame = pd.DataFrame(reject_rows(records(rows, 0, account), account, build))
        finish_times(frame, context, account, "comment times")
        if not col["parent"]:
            account.notes.append("this CSV has no parent ids: every comment read as top level, "
                                 "so replies and response times cannot be told from it")
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)


def _threads(document: object, path: Path) -> list[dict]:
    """commentThreads items from a list response, a list of responses or a bare list."""
    pages = document if isinstance(document, list) else [document]
    items: list[dict] = []
    for page in pages:
        if isinstance(page, dict) and isinstance(page.get("items"), list):
            items.extend(i for i in page["items"] if isinstance(i, dict))
        elif isinstance(page, dict) and "snippet" in page:
            items.append(page)
        else:
            raise ImportFailed("expected commentThreads JSON (an object with 'items')", file=path)
    return items


def _unpack(thread: dict) -> tuple[object, list[object]]:
    """(top-level comment, replies) of a thread; a bare comment has no replies."""
    snippet = thread.get("snippet") or {}
    if "topLevelComment" not in snippet:
        return thread, []
    replies = (thread.get("replies") or {}).get("comments") or []
    video = snippet.get("videoId")
    top = snippet["topLevelComment"]
    if video and isinstance(top, dict):
        top.setdefault("snippet", {}).setdefault("videoId", video)
        for reply in replies:
            if isinstance(reply, dict):
                reply.setdefault("snippet", {}).setdefault("videoId", video)
    return top, list(replies)


def _yt_comment(comment: object, platform: str) -> dict[str, object]:
    if not isinstance(comment, dict):
        raise ValueError("a comment is not an object")
    snippet = comment["snippet"]
    channel = (snippet.get("authorChannelId") or {}).get("value")
    if not channel:
        raise ValueError("no authorChannelId")
    parent = snippet.get("parentId")
    video = snippet.get("videoId")
    try:
        created = pd.Timestamp(snippet["publishedAt"]).tz_convert("UTC")
    except (ValueError, TypeError):
        raise ValueError(f"publishedAt {snippet['publishedAt']!r} is not ISO 8601") from None
    return {
        "platform": platform,
        "message_id": parse_id(comment["id"]),
        "post_id": video, "container": video,
        "parent_id": parse_id(parent) if parent else None,
        "author_id": parse_id(channel),
        "author_name": snippet.get("authorDisplayName"),
        "created_at": created,
        "text": str(snippet.get("textOriginal") or snippet.get("textDisplay") or ""),
        "likes": parse_count(snippet.get("likeCount")),
        "kind": "reply" if parent else "comment",
    }


# --- TikTok --------------------------------------------------------------------------------

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


class _TikTokDaily(Importer):
    """Shared reading of TikTok's daily CSV files (dates like ``August 31``)."""

    platform = "tiktok"
    tables = ("account_daily",)
    required: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def sniff(self, path: Path, head: str) -> bool:
        return tuple(_first_names(head)[: len(self.required)]) == self.required

    def values(self, row: dict[str, str]) -> dict[str, object]:
        raise NotImplementedError

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = csv_rows(decode(path))
        header = find_header(rows, self.required, path)
        account = ImportAccount(str(path), self.name)
        items = records(rows, header, account)
        until = dt.datetime.fromtimestamp(path.stat().st_mtime, context.timezone).date()
        years, note = infer_years((r["date"] for _, r in items), until)
        if note:
            account.notes.append(note)

        def build(row: dict[str, str]) -> dict[str, object]:
            text = row["date"].strip()
            md = _month_day(text)
            if md is None:
                day = parse_when(text).date()
            elif not _valid(years[md], md):
                raise ValueError(f"{text!r} does not exist in {years[md]}")
            else:
                day = dt.date(years[md], *md)
            return {"platform": context.platform or self.platform,
                    "date": pd.Timestamp(day), **self.values(row)}

        frame = pd.DataFrame(reject_rows(items, account, build))
        account.notes.extend(self.notes)
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"account_daily": frame}, account)


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
        names = _first_names(head)
        return names[:2] == ["date", "followers"] and any(
            n.startswith("difference in followers") for n in names)

    def values(self, row: dict[str, str]) -> dict[str, object]:
        change = parse_count(pick(row, [k for k in row if k.startswith("difference")]))
        return {"followers": parse_count(row["followers"]),
                "followers_gained": None if change is None else max(change, 0),
                "followers_lost": None if change is None else max(-change, 0)}


IMPORTERS: tuple[Importer, ...] = (
    YouTubeStudio(), YouTubeComments(), TikTokOverview(), TikTokFollowers())
