"""Comments from Chinese platforms (Douyin, Weibo, Bilibili, Xiaohongshu).

Reads what common scrapers save (CSV, UTF-8 with BOM, or JSON lists, e.g. MediaCrawler)
and the platforms' web API responses (Douyin ``comments[]``, Bilibili ``data.replies``,
Xiaohongshu ``data.comments``, Weibo ``data``), with replies nested or flat.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ImportFailed
from .base import ROW, Importer, ImportResult, SourceContext
from .dates import checked
from .json_docs import load_json
from .messages import LOCAL, message_frame, message_time
from .rows import file_rows, first_names, records
from .values import mention_list, parse_count, parse_id

# Field aliases, most specific first; "a.b" reaches into a nested object.
ID = ("comment_id", "rpid_str", "rpid", "cid", "idstr", "id")
TIME = ("create_time", "ctime", "created_at", "create_date_time")
TEXT = ("content.message", "content", "text_raw", "text", "message")
LIKES = ("like_count", "digg_count", "like", "like_counts", "comment_like_count")
AUTHOR_ID = ("user.uid", "user.idstr", "user.id", "member.mid", "user_info.user_id",
             "user_id", "uid", "mid")  # nested first: a Weibo comment's own "mid" is no user
AUTHOR_NAME = ("user.nickname", "user.screen_name", "member.uname", "user_info.nickname",
               "nickname", "uname", "screen_name")
POST_ID = ("aweme_id", "note_id", "video_id", "oid", "aid", "bvid", "status.id")
NESTED = ("reply_comment", "sub_comments", "replies", "comments")

# Field names that only one platform uses.
PLATFORM_FIELDS = (
    ("bilibili", {"rpid", "rpid_str", "uname", "ctime", "oid", "bvid", "video_id"}),
    ("weibo", {"rootid", "like_counts", "idstr", "comment_like_count"}),
    ("douyin", {"aweme_id", "cid", "digg_count", "reply_to_reply_id"}),
    ("xiaohongshu", {"note_id", "sub_comments", "target_comment", "user_info"}),
)
PLATFORM_NAMES = (("douyin", "douyin"), ("dy_", "douyin"), ("weibo", "weibo"),
                  ("bilibili", "bilibili"), ("bili", "bilibili"), ("xhs", "xiaohongshu"),
                  ("xiaohongshu", "xiaohongshu"), ("redbook", "xiaohongshu"))
TOP_LEVEL = {"", "0", "none", "null"}
WEIBO_TIME = "%a %b %d %H:%M:%S %z %Y"
TAG = re.compile(r"<[^<>]+>")  # [^<>]: linear on text full of "<"
HEX_ID = re.compile(r"^[0-9a-f]{24}$")  # Xiaohongshu ids: 24 hex digits, "66e0...1" included


def _id(value: object) -> str:
    """An exact id; a 24-hex Xiaohongshu id is never mistaken for a float like 66e21."""
    text = str(value).strip()
    return text if HEX_ID.match(text) else parse_id(text)


def _pick(item: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first present, non-empty value among ``names``."""
    for name in names:
        value: Any = item
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is not None and value != "" and not isinstance(value, (dict, list)):
            return value
    return None


def _platform(names: set[str], path: Path, context: SourceContext) -> str:
    """The playbook's platform, else one told by the field names, else by the file name."""
    if context.platform:
        return context.platform
    for platform, fields in PLATFORM_FIELDS:
        if names & fields:
            return platform
    lowered = path.name.lower()
    for token, platform in PLATFORM_NAMES:
        if token in lowered:
            return platform
    raise ImportFailed("cannot tell the platform (douyin, weibo, bilibili, xiaohongshu) from "
                       "the fields or the file name: declare it in the playbook's "
                       "exports.sources", file=path)


def _cn_time(value: object) -> tuple[pd.Timestamp | None, dt.datetime | None]:
    """Epoch seconds or ms, Weibo's ``Tue Oct 06 10:00:00 +0800 2026``, or ISO text."""
    text = str(value).strip()
    try:
        stamp = pd.Timestamp(dt.datetime.strptime(text, WEIBO_TIME)).tz_convert("UTC")
    except ValueError:
        return message_time(text)
    return checked(stamp, "time"), None


def _parent(item: dict[str, Any], own: str, inherited: str | None) -> str | None:
    """The replied comment: explicit parent fields, else the comment holding this reply."""
    for names in (("reply_to_reply_id",), ("parent_comment_id", "reply_id", "parent"),
                  ("target_comment.id",), ("rootid", "root")):
        value = _pick(item, names)
        if value is not None and str(value).strip().lower() not in TOP_LEVEL:
            text = _id(value)
            if text != own:
                return text
    return inherited


def _objects(value: object) -> list[dict[str, Any]]:
    """The JSON objects of a list value; nothing for any other value."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _mentioned(item: dict[str, Any]) -> str | None:
    """The users a comment mentions, by id: Douyin ``text_extra`` (type 0 is an @user),
    Bilibili ``content.members[].mid``, Xiaohongshu ``at_users[].user_id``."""
    content = item.get("content")
    found = [(e, "user_id") for e in _objects(item.get("text_extra")) if e.get("type") == 0]
    if isinstance(content, dict):
        found += [(m, "mid") for m in _objects(content.get("members"))]
    found += [(u, "user_id") for u in _objects(item.get("at_users"))]
    return mention_list(_id(p[key]) for p, key in found if p.get(key) not in (None, "", 0, "0"))


def _walk(items: list[Any], parent: str | None = None
          ) -> Iterator[tuple[Any, str | None]]:
    """Each comment with the id of the comment it is nested in, replies after it."""
    for item in items:
        yield item, parent
        if isinstance(item, dict):
            own = _pick(item, ID)
            for key in NESTED:
                if isinstance(item.get(key), list):
                    yield from _walk(item[key], str(own) if own is not None else parent)


def _comment_list(document: Any, path: Path) -> list[Any]:
    """The comment list of a scraper's JSON list or an API response."""
    if isinstance(document, list):
        return document
    for _ in range(3):
        if not isinstance(document, dict):
            break
        for key in ("comments", "replies", "data"):
            if isinstance(document.get(key), list):
                return list(document[key])
        document = document.get("data")
    raise ImportFailed("no comment list found (expected a list, or 'comments', 'replies' or "
                       "'data' holding one)", file=path)


class CnComments(Importer):
    """Douyin, Weibo, Bilibili and Xiaohongshu comments (scraper CSV/JSON or web API)."""

    name = "cn_comments"
    platform = "douyin, weibo, bilibili or xiaohongshu"
    description = "Chinese platform comments: scraper CSV/JSON (e.g. MediaCrawler) or web API"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        if path.suffix.lower() == ".csv":
            names = set(first_names(head))
            has_id = bool(names & {"comment_id", "rpid", "cid"}) or {"id", "rootid"} <= names
            return has_id and bool(names & set(TIME)) and bool(names & {"content", "message",
                                                                         "text"})
        if path.suffix.lower() != ".json":
            return False
        marks = ('"comment_id"', '"rpid"', '"cid"', '"rootid"')
        return any(m in head for m in marks) and any(f'"{t}"' in head for t in TIME)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        if path.suffix.lower() == ".csv":
            rows = file_rows(path)
            if not rows:
                raise ImportFailed("the file is empty", file=path)
            items: list[tuple[int, Any, str | None]] = [
                (line, row, None) for line, row in records(rows, 0, account)]
        else:
            found = _comment_list(load_json(path, account.repairs), path)
            items = [(n, item, parent) for n, (item, parent) in enumerate(_walk(found), 1)]
            account.rows_read += len(items)
        names = {k for _, item, _ in items if isinstance(item, dict) for k in item}
        platform = _platform(names, path, context)
        kept = []
        for number, item, parent in items:
            try:
                kept.append({**self._comment(item, parent, platform), ROW: number})
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                account.reject(number, f"comment {number}: {exc!s}".strip())
        account.notes.append(f"platform {platform}; a reply points at the comment it answers, "
                             "or at its top-level comment when the export names no other")
        frame = message_frame(kept, path, context, account)
        return ImportResult({"messages": frame}, account)

    def _comment(self, item: Any, inherited: str | None, platform: str) -> dict[str, object]:
        if not isinstance(item, dict):
            raise ValueError("the item is not an object")
        own = _pick(item, ID)
        if own is None:
            raise ValueError("no comment id")
        message_id = _id(own)
        when = _pick(item, TIME)
        if when is None:
            raise ValueError("no creation time")
        utc, local = _cn_time(when)
        author = _pick(item, AUTHOR_ID)
        post = _pick(item, POST_ID)
        parent = _parent(item, message_id, inherited)
        text = html.unescape(TAG.sub("", str(_pick(item, TEXT) or "")))
        return {
            "platform": platform,
            "message_id": message_id,
            "post_id": _id(post) if post is not None else None,
            "container": _id(post) if post is not None else None,
            "parent_id": parent,
            "mentions": _mentioned(item),
            "author_id": _id(author) if author is not None else None,
            "author_name": _pick(item, AUTHOR_NAME),
            "created_at": utc,
            LOCAL: local,
            "text": text,
            "likes": parse_count(_pick(item, LIKES)),
            "kind": "reply" if parent else "comment",
            "deleted": False,
        }
