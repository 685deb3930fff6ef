"""Mention and inbox exports of social media management tools (Sprout Social, Hootsuite,
Brandwatch, Agorapulse and the like): one CSV format family for every network."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import Importer, ImportResult, SourceContext
from .dates import date_order, finish_times, parse_when
from .rows import column_like, csv_rows, file_rows, pick, records, reject_rows
from .values import parse_id

DATE_NAMES = ("date", "timestamp", "date/time", "date & time", "created at", "created",
              "published", "published date", "time")
TEXT_NAMES = ("message", "mention", "text", "content", "full text", "snippet", "message text",
              "mention text", "mention content", "post text", "post content")
AUTHOR_NAMES = ("author", "from", "author name", "author username", "author handle",
                "username", "screen name", "profile", "sender")
NETWORK_NAMES = ("network", "social network", "platform", "source", "channel")
ID_NAMES = ("message id", "mention id", "post id", "resource id", "guid", "id")
LINK_NAMES = ("permalink", "url", "link", "message link", "message url", "mention url",
              "post url", "link to post")
AUTHOR_ID_NAMES = ("author id", "profile id", "user id", "sender id")
NETWORKS = {"twitter": "x", "x": "x", "x (twitter)": "x", "twitter/x": "x",
            "facebook": "facebook", "instagram": "instagram", "linkedin": "linkedin",
            "youtube": "youtube", "tiktok": "tiktok", "reddit": "reddit", "threads": "threads"}
UTC_MARK = re.compile(r"\((utc|gmt)\)")


def _mention_header(rows: list[list[str]]) -> int | None:
    """Index of a mention header: date, text, author and network or sentiment columns."""
    for index, row in enumerate(rows[:30]):
        if (column_like(row, DATE_NAMES) and column_like(row, TEXT_NAMES)
                and column_like(row, AUTHOR_NAMES)
                and (column_like(row, NETWORK_NAMES) or column_like(row, ["sentiment"]))):
            return index
    return None


class ToolMentions(Importer):
    """Mention exports of Sprout Social, Hootsuite, Brandwatch, Agorapulse and the like."""

    name = "mentions_tool"
    platform = "from the Network column"
    description = "Management tool mentions/inbox export (CSV with Date, Network, Author, ...)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        if path.suffix.lower() not in {".csv", ".txt"}:
            return False
        lines = head.splitlines()[:-1] or head.splitlines()  # the last line may be cut off
        try:
            return _mention_header(csv_rows("\n".join(lines))) is not None
        except csv.Error:
            return False

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = file_rows(path)
        header = _mention_header(rows)
        if header is None:
            raise ImportFailed("no header with date, message, author and network or sentiment "
                               "columns in the first 30 rows", file=path)
        names = rows[header]
        col = {key: column_like(names, aliases) or "" for key, aliases in (
            ("date", DATE_NAMES), ("text", TEXT_NAMES), ("author", AUTHOR_NAMES),
            ("network", NETWORK_NAMES), ("id", ID_NAMES), ("link", LINK_NAMES),
            ("author_id", AUTHOR_ID_NAMES), ("sentiment", ["sentiment"]))}
        account = self.account(path)
        items = records(rows, header, account)
        month_first = date_order((r.get(col["date"], "") for _, r in items), account)
        in_utc = bool(UTC_MARK.search(col["date"]))

        def build(row: dict[str, str]) -> dict[str, object]:
            when = parse_when(row[col["date"]], month_first)
            if in_utc and when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            author = pick(row, [col["author_id"], col["author"]])
            if not author:
                raise ValueError("no author")
            return {
                "platform": context.platform or _network(row.get(col["network"], "")),
                "message_id": _mention_id(row.get(col["id"], ""), row.get(col["link"], "")),
                "author_id": author,
                "author_name": row.get(col["author"]) or None,
                "local_time": when,
                "text": row.get(col["text"], ""),
                "kind": "mention",
                "sentiment": (row.get(col["sentiment"]) or "").strip().lower() or None,
            }

        frame = pd.DataFrame(reject_rows(items, account, build))
        if header:
            account.notes.append(f"{header} metadata rows above the header skipped")
        finish_times(frame, context, account, "mention times")
        account.notes.append("mentions have no reply links: they are not part of response time")
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)


def _network(value: str) -> str:
    name = value.strip().lower()
    return NETWORKS.get(name, re.sub(r"\W+", "_", name).strip("_") or "other")


def _mention_id(raw_id: str, link: str) -> str:
    """The id column, else the permalink; a float-damaged id falls back to the link too."""
    if raw_id.strip():
        try:
            return parse_id(raw_id)
        except ValueError:
            if not link.strip():
                raise
    if link.strip():
        return link.strip()
    raise ValueError("no message id and no permalink")
