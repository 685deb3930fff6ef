"""Video platforms: YouTube Studio tables, YouTube Data API comments, TikTok analytics."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    parse_json,
    records,
    reject_rows,
)
from .platforms import finish_times, first_row, parse_when, pick

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def _first_names(head: str) -> list[str]:
    return [c.strip().lower() for c in first_row(head)]


# --- YouTube Studio ------------------------------------------------------------------------

STUDIO_IDS = ("content", "video")  # Advanced mode names it Content; older tables, Video
STUDIO_COLUMNS = {
    "views": ("views", "video views"),
    "impressions": ("impressions",),
    "reactions": ("likes",),
    "comments": ("comments added", "comments"),
    "shares": ("shares",),
}
COMPANION = re.compile(r"^(chart data|totals)( \(\d+\))?\.csv$", re.IGNORECASE)


def studio_name(cell: str) -> str:
    """A Studio header name as the kit matches it: lower case, without soft hyphens (the
    Kaggle copy of a Studio table has them inside names) or doubled spaces."""
    return " ".join(cell.replace("\u00ad", "").replace("\ufeff", "").lower().split())


class YouTubeStudio(Importer):
    """YouTube Studio > Analytics > Advanced mode > Export: ``Table data.csv`` (also its
    older ``Video, Video title, ...`` form, Excel re-saves, and the zip's companions)."""

    name = "youtube_studio"
    platform = "youtube"
    description = "YouTube Studio advanced analytics export, Table data.csv (one row per video)"
    tables = ("posts",)

    def sniff(self, path: Path, head: str) -> bool:
        names = [studio_name(c) for c in first_row(head)]
        if names[:1] == ["date"] and COMPANION.match(path.name):
            return True
        return bool(names) and names[0] in STUDIO_IDS and "video publish time" in names

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        rows = csv_rows(decode(path))
        if COMPANION.match(path.name) and rows and studio_name(rows[0][0]) == "date":
            return self._companion(path, account)
        header = find_header([[studio_name(c) for c in r] for r in rows[:10]],
                             ("video publish time",), path)
        rows[header] = [studio_name(c) for c in rows[header]]
        id_column = next((n for n in STUDIO_IDS if n in rows[header]), None)
        if id_column is None:
            raise ImportFailed("no video id column (Content or Video) in the header",
                               file=path, column="content")
        items = self._videos(records(rows, header, account), id_column, account)
        order = studio_day_order([r["video publish time"] for _, r in items])
        account.notes.extend(order.notes)
        columns = {key: pick_name(rows[header], names) for key, names in STUDIO_COLUMNS.items()}

        def build(row: dict[str, str]) -> dict[str, object]:
            video = row[id_column].strip()
            if not VIDEO_ID.match(video):
                raise ValueError(f"{id_column} {video!r} is not an 11-character video id")
            counts = {key: parse_count(row[name]) if name else None
                      for key, name in columns.items()}
            return {
                "platform": context.platform or self.platform,
                "post_id": video,
                "permalink": f"https://www.youtube.com/watch?v={video}",
                "local_time": order.read(row["video publish time"]),
                "text": row.get("video title", ""),
                **counts,
                "follows": _net_subscribers(row),
            }

        frame = pd.DataFrame(reject_rows(items, account, build))
        finish_times(frame, context, account, "publish dates")
        account.notes.append("publish dates only: videos placed at 00:00 local time; "
                             "'Subscribers' per video is net subscribers gained (read as "
                             "follows, may be negative), not a follower total")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)

    @staticmethod
    def _videos(items: list[tuple[int, dict[str, str]]], id_column: str,
                account: ImportAccount) -> list[tuple[int, dict[str, str]]]:
        """The video rows; the ``Total`` row is a summary, neither kept nor rejected."""
        videos = []
        for line, row in items:
            if row[id_column].strip().lower() == "total":
                account.rows_read -= 1
                account.notes.append(f"the Total row (line {line}) skipped")
            else:
                videos.append((line, row))
        return videos

    def _companion(self, path: Path, account: ImportAccount) -> ImportResult:
        account.notes.append(f"{path.name} of the Studio export holds daily figures for "
                             "the chart: not imported (the per-video figures are read from "
                             "Table data.csv)")
        return ImportResult({"posts": pd.DataFrame()}, account)


def pick_name(header: list[str], names: Iterable[str]) -> str | None:
    """The first of ``names`` present in ``header``."""
    return next((n for n in names if n in header), None)


def _net_subscribers(row: dict[str, str]) -> int | None:
    """Net subscribers gained by the video: ``Subscribers``, else gained minus lost."""
    if "subscribers" in row:
        return parse_count(row["subscribers"])
    gained, lost = (parse_count(row.get(c)) for c in ("subscribers gained", "subscribers lost"))
    return None if gained is None or lost is None else gained - lost


# --- YouTube Studio dates: the file's own evidence ----------------------------------------

NUMERIC_DATE = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$")
EXCEL_FORMS = ("%d-%b-%y", "%d-%b-%Y")  # Excel's re-save of "May 8, 2020": 8-May-20
DECISIVE = math.log(1000)  # the weekday evidence must favour one reading 1000 to 1


@dataclass(frozen=True)
class NumericDate:
    """A date written with numbers only, like ``08-05-2020``, ``7/16/2020`` or ``5.8.20``."""

    first: int
    second: int
    year: int
    padded: bool  # a part written with a leading zero: 08
    bare: bool  # a one-digit part written without one: 7

    @classmethod
    def parse(cls, text: str) -> NumericDate | None:
        m = NUMERIC_DATE.match(text.strip())
        if not m:
            return None
        year = int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        parts = (m[1], m[3])
        return cls(int(m[1]), int(m[3]), year, any(p.startswith("0") for p in parts),
                   any(len(p) == 1 for p in parts))

    @property
    def certain(self) -> bool | None:
        """True: month first is the only reading; False: day first is; None: either."""
        if self.second > 12 >= self.first:
            return True
        if self.first > 12 >= self.second:
            return False
        return None

    @property
    def either(self) -> bool:
        return self.first != self.second and max(self.first, self.second) <= 12

    def date(self, month_first: bool) -> dt.date:
        month, day = (self.first, self.second) if month_first else (self.second, self.first)
        return dt.date(self.year, month, day)


@dataclass
class DayOrder:
    """How this file's numeric dates read: each one the only way it can, and those that
    read either way ``month_first`` or not, as the file's evidence decided."""

    month_first: bool = True
    notes: list[str] = field(default_factory=list)

    def read(self, text: str) -> dt.datetime:
        number = NumericDate.parse(text)
        if number is None:
            return _other_date(text, self.month_first)
        certain = number.certain
        month_first = self.month_first if certain is None else certain
        try:
            day = number.date(month_first)
        except ValueError:
            raise ValueError(f"date {text.strip()!r} does not exist") from None
        return dt.datetime(day.year, day.month, day.day)


def _other_date(text: str, month_first: bool) -> dt.datetime:
    for form in EXCEL_FORMS:
        try:
            return dt.datetime.strptime(text.strip(), form)
        except ValueError:
            continue
    return parse_when(text, month_first)


def studio_day_order(values: Iterable[str]) -> DayOrder:
    """Decide how the dates that read either way are read, from the file's own dates.

    A value with a part above 12 can be read one way only, and proves that order for the
    file. When nothing proves it, month first (YouTube's English form). When the dates that
    read either way are written differently from the proven ones (zero-padded ``08-05-2020``
    beside bare ``7-16-2020``), a spreadsheet rewrote them, possibly swapping day and month:
    their order is then the one whose weekdays match the channel's publishing weekdays in
    the proven dates, if that evidence is decisive.
    """
    numbers = [n for v in values if (n := NumericDate.parse(v))]
    either = [n for n in numbers if n.either]
    certain = [n for n in numbers if n.certain is not None and _exists(n)]
    month_first = [n for n in certain if n.certain]
    day_first = [n for n in certain if not n.certain]
    order = DayOrder(month_first=len(month_first) >= len(day_first))
    if month_first and day_first:
        order.notes.append(f"the file mixes date orders: {len(month_first)} dates can only be "
                           f"month/day, {len(day_first)} only day/month; each read the only "
                           "way it can")
    if not either:
        return order
    said = "month/day" if order.month_first else "day/month"
    proven = month_first if order.month_first else day_first
    if not proven:
        order.notes.append(f"{len(either)} dates read either way (day/month or month/day): "
                           "read as month/day (nothing in the file proves the order: "
                           "YouTube's English form assumed)")
    elif _rewritten(proven, either):
        _weigh_weekdays(order, proven, either)
    else:
        order.notes.append(f"{len(either)} dates read either way (day/month or month/day): "
                           f"read as {said} (other dates in the file prove it)")
    return order


def _exists(number: NumericDate) -> bool:
    try:
        number.date(bool(number.certain))
    except ValueError:
        return False
    return True


def _rewritten(proven: list[NumericDate], either: list[NumericDate]) -> bool:
    """Whether the proven dates and those that read either way were written by two hands:
    bare one-digit parts in the first, zero-padded ones (and no bare ones) in the second."""
    return (any(n.bare for n in proven) and not any(n.padded for n in proven)
            and any(n.padded for n in either) and not any(n.bare for n in either))


def _weigh_weekdays(order: DayOrder, proven: list[NumericDate],
                    either: list[NumericDate]) -> None:
    """Read ``either`` in the order whose weekdays fit the proven dates' weekdays, when the
    fit is decisive; otherwise keep the proven order and say the dates may be swapped."""
    said = "month/day" if order.month_first else "day/month"
    other = "day/month" if order.month_first else "month/day"
    weekdays = Counter(n.date(order.month_first).weekday() for n in proven)

    def fit(month_first: bool) -> float:
        return sum(math.log((weekdays[n.date(month_first).weekday()] + 1) / (len(proven) + 7))
                   for n in either)

    evidence = fit(not order.month_first) - fit(order.month_first)
    written = (f"{len(either)} publish dates that read either way are zero-padded while the "
               f"{len(proven)} dates that can only be {said} are not: a spreadsheet rewrote "
               "them and may have swapped day and month")
    if evidence >= DECISIVE:
        order.month_first = not order.month_first
        order.notes.append(f"{written}; read as {other}, the reading whose weekdays match "
                           f"the channel's publishing weekdays in the {said} dates "
                           f"(odds above 1000 to 1)")
    else:
        order.notes.append(f"{written}; read as {said} (their weekdays do not decide): "
                           "check them against YouTube Studio")


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
            document = parse_json(decode(path), account.repairs)
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
