"""Meta Business Suite exports: post tables, per-metric insight files, Graph API comments."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import (
    ROW,
    ImportAccount,
    Importer,
    ImportResult,
    SourceContext,
    checked,
    csv_rows,
    decode,
    file_time,
    find_header,
    localize,
    parse_count,
    parse_id,
    parse_json,
    records,
    reject_rows,
)


class MetaPosts(Importer):
    """Post export of Meta Business Suite (Facebook or Instagram), English headers."""

    name = "meta_posts"
    platform = "instagram or facebook"
    description = "Meta Business Suite > Insights > Content > Export (posts, CSV)"
    tables = ("posts",)
    required = ("post id", "publish time")

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lower().splitlines()[0] if head else ""
        return all(f'"{r}"' in first or r in first.split(",") for r in self.required)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        return self.read_rows(path, csv_rows(decode(path)), context)

    def read_rows(self, path: Path, rows: list[list[str]], context: SourceContext) -> ImportResult:
        """Read already split CSV rows (English headers) of ``path``."""
        header = find_header(rows, self.required, path)
        names = {c.strip().lower() for c in rows[header]}
        platform = context.platform or ("instagram" if "account username" in names else "facebook")
        account = ImportAccount(str(path), self.name)

        def build(row: dict[str, str]) -> dict[str, object]:
            published = row["publish time"].strip()
            try:
                local = dt.datetime.strptime(published, "%m/%d/%Y %H:%M")
            except ValueError:
                raise ValueError(f"publish time {published!r} is not MM/DD/YYYY HH:MM") from None
            likes = parse_count(row.get("likes") or row.get("reactions"))
            return {
                "platform": platform,
                "account_id": parse_id(row.get("account id") or row.get("page id") or "0"),
                "post_id": parse_id(row["post id"]),
                "permalink": row.get("permalink") or None,
                "local_time": local,
                "author_id": parse_id(row.get("account id") or row.get("page id") or "0"),
                "author_name": row.get("account username") or row.get("page name") or None,
                "kind": None,
                "text": row.get("description") or row.get("title") or "",
                "impressions": parse_count(row.get("impressions") or row.get("views")),
                "reach": parse_count(row.get("reach")),
                "views": parse_count(row.get("views")),
                "reactions": likes,
                "comments": parse_count(row.get("comments")),
                "shares": parse_count(row.get("shares")),
                "saves": parse_count(row.get("saves")),
                "clicks": parse_count(row.get("link clicks") or row.get("other clicks")),
                "follows": parse_count(row.get("follows")),
            }

        kept = reject_rows(records(rows, header, account), account, build)
        frame = pd.DataFrame(kept)
        if not frame.empty:
            frame["created_at"], shifted = localize(
                pd.to_datetime(frame.pop("local_time")), context.timezone
            )
            if shifted:
                account.notes.append(f"{shifted} publish times fell in a DST change")
            account.notes.append(f"publish times read as {context.timezone.key} local time")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)


class MetaInsight(Importer):
    """Per-metric insight file: UTF-16, ``sep=,``, a title line, then Date,Primary."""

    name = "meta_insight"
    platform = "instagram or facebook"
    description = "Meta Business Suite > Insights > Export (one metric, e.g. followers)"
    tables = ("account_daily",)

    def sniff(self, path: Path, head: str) -> bool:
        lines = [line.strip().lower() for line in head.splitlines()[:3]]
        return len(lines) == 3 and lines[0].startswith("sep=") and '"date"' in lines[2]

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = csv_rows(decode(path))
        if len(rows) < 2:
            raise ImportFailed("an insight file needs a title line and a header", file=path)
        title = " ".join(rows[0]).strip()
        column = _insight_column(title, path)
        platform = context.platform or ("instagram" if "instagram" in title.lower() else "facebook")
        header = find_header(rows, ("date", "primary"), path, search=3)
        account = ImportAccount(str(path), self.name)
        account.notes.append(f"metric {title!r} read as {column}")

        def build(row: dict[str, str]) -> dict[str, object]:
            day = row["date"].strip()[:10]
            try:
                date = dt.date.fromisoformat(day)
            except ValueError:
                raise ValueError(f"date {row['date']!r} is not YYYY-MM-DD") from None
            return {"platform": platform, "date": pd.Timestamp(date),
                    column: parse_count(row["primary"])}

        # +1: the sep= line was dropped before the rows were numbered
        items = [(line + 1, row) for line, row in records(rows, header, account)]
        frame = pd.DataFrame(reject_rows(items, account, build))
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"account_daily": frame}, account)


def _insight_column(title: str, path: Path) -> str:
    lowered = title.lower()
    if "unfollow" in lowered:
        return "followers_lost"
    if "follows" in lowered or "new follower" in lowered:
        return "followers_gained"
    if "follower" in lowered:
        return "followers"
    if "impression" in lowered or "views" in lowered:
        return "impressions"
    raise ImportFailed(
        f"insight metric {title!r} is not one the kit uses "
        "(followers, follows, unfollows, impressions, views)",
        file=path,
        row=2,
    )


class InstagramComments(Importer):
    """Comments as the Instagram Graph API returns them (``data`` with nested ``replies``)."""

    name = "instagram_graph_comments"
    platform = "instagram"
    description = "Instagram Graph API GET /{media-id}/comments (JSON)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        compact = head.replace(" ", "").replace("\n", "")
        return path.suffix.lower() == ".json" and compact.startswith('{"data":[') and (
            '"timestamp"' in head and ('"text"' in head or '"from"' in head)
        )

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        try:
            document = parse_json(decode(path), account.repairs)
        except json.JSONDecodeError as exc:
            raise ImportFailed(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None
        if not isinstance(document, dict) or not isinstance(document.get("data"), list):
            raise ImportFailed("expected an object with a 'data' list of comments", file=path)
        platform = context.platform or self.platform
        media_from_name = path.stem.split("_")[-1] if "_" in path.stem else None
        kept: list[dict[str, object]] = []

        def take(item: object, number: int, parent: str | None, media: str | None) -> None:
            account.rows_read += 1
            try:
                if not isinstance(item, dict):
                    raise ValueError("a comment is not an object")
                sender = item.get("from") or {}
                media_id = (item.get("media") or {}).get("id") or media or media_from_name
                kept.append({
                    "platform": platform,
                    "message_id": parse_id(item["id"]),
                    "post_id": parse_id(media_id) if media_id else None,
                    "container": parse_id(media_id) if media_id else None,
                    "parent_id": parse_id(item.get("parent_id") or parent) if (
                        item.get("parent_id") or parent) else None,
                    "author_id": parse_id(sender.get("id") or item["username"]),
                    "author_name": sender.get("username") or item.get("username"),
                    "created_at": _graph_time(item["timestamp"]),
                    "text": str(item.get("text") or ""),
                    "likes": parse_count(item.get("like_count")),
                    "kind": "reply" if (item.get("parent_id") or parent) else "comment",
                    ROW: number,
                })
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                account.reject(number, f"comment {number}: {exc}")
                return
            replies = (item.get("replies") or {}).get("data") or []
            for reply in replies:
                take(reply, account.rows_read + 1, str(item["id"]), media_id)

        for item in document["data"]:
            take(item, account.rows_read + 1, None, None)
        account.notes.append("rows are numbered in reading order, replies after their comment")
        frame = pd.DataFrame(kept)
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)


def _graph_time(value: object) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(str(value)).tz_convert("UTC")
    except (ValueError, TypeError):
        raise ValueError(f"timestamp {value!r} is not ISO 8601 with an offset") from None
    return checked(stamp, "timestamp")
