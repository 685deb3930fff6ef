"""YouTube: Studio's advanced analytics table (one row per video) and comments from the
Data API (JSON, or a CSV made from it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .account import ImportAccount
from .base import ROW, Importer, ImportResult, SourceContext, file_time
from .dates import finish_times, parse_when
from .json_docs import load_json
from .rows import file_rows, find_header, first_row, first_row_names, pick, records, reject_rows
from .values import parse_count, parse_id
from .youtube_dates import studio_day_order

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


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
        account = self.account(path)
        rows = file_rows(path)
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
        names = set(first_row_names(head))
        return bool(names & set(CSV_COLUMNS["video"])) and bool(
            names & {"comment_id", "commentid", "comment id", "textoriginal", "textdisplay"})

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        platform = context.platform or self.platform
        if path.suffix.lower() == ".json":
            return self._read_json(path, platform, account)
        return self._read_csv(path, context, platform, account)

    def _read_json(self, path: Path, platform: str, account: ImportAccount) -> ImportResult:
        document = load_json(path, account.repairs)
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
        rows = file_rows(path)
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
