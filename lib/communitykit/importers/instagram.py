"""Instagram: comments as the Graph API returns them. Post tables and insight files come
from Meta Business Suite (``meta``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import ROW, Importer, ImportResult, SourceContext
from .dates import checked
from .json_docs import load_json
from .values import parse_count, parse_id


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
        account = self.account(path)
        document = load_json(path, account.repairs)
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
