"""Facebook Pages: the legacy Insights post export and comments from the Graph API. Post
tables and insight files of Meta Business Suite are read in ``meta``; Messenger threads
in ``messenger``."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import ROW, Importer, ImportResult, SourceContext, file_time
from .dates import checked, date_order, finish_times, parse_when
from .json_docs import load_json
from .rows import (
    file_rows,
    first_row,
    padded_records,
    pick,
    reject_rows,
    reject_unreadable,
    take_notes,
)
from .values import mention_list, parse_count, parse_id

# --- legacy Facebook Insights --------------------------------------------------------------

LEGACY_LAYOUT = (
    "post id", "permalink", "post message", "type", "countries", "languages", "posted",
    "audience targeting", "lifetime post total reach", "lifetime post organic reach",
    "lifetime post paid reach", "lifetime post total impressions",
    "lifetime post organic impressions", "lifetime post paid impressions",
    "lifetime engaged users",
)
LEGACY_ALIASES = {
    "post id": ("post id", "social_network_id"),
    "reach": ("lifetime post total reach", "reach"),
    "impressions": ("lifetime post total impressions", "impressions"),
    "reactions": ("lifetime post stories by action type - like", "likes"),
    "comments": ("lifetime post stories by action type - comment", "comments"),
    "shares": ("lifetime post stories by action type - share", "shares"),
    "clicks": ("lifetime post consumers by type - link clicks", "clicks"),
}
PAGE_POST = re.compile(r'^"?\d+_\d+"?,"?https://(www\.)?facebook\.com/', re.MULTILINE)
US_SECONDS = re.compile(r"\d{2}/\d{2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M")
POST_ID = re.compile(r"^\d+(_\d+)?$")


def _legacy_names(row: list[str]) -> list[str]:
    return [c.strip().strip("'\"").strip().lower() for c in row]


class FacebookInsightsLegacy(Importer):
    """Legacy Facebook Insights post export: names row, description row, then posts."""

    name = "facebook_insights_legacy"
    platform = "facebook"
    description = "Facebook Page Insights (legacy) > Export data > Post data (CSV)"
    tables = ("posts",)

    def sniff(self, path: Path, head: str) -> bool:
        first = _legacy_names(first_row(head))
        if "post id" in first and "lifetime post total reach" in first:
            return True
        return bool(PAGE_POST.search(head) and US_SECONDS.search(head))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        read = file_rows(path)
        rows = list(read)
        header = next((i for i, r in enumerate(rows[:5]) if {"post id", "social_network_id"}
                       & set(_legacy_names(r))), None)
        if header is None:
            raise ImportFailed("no legacy Insights header (Post ID) in the first 5 rows",
                               file=path, column="post id")
        account = self.account(path)
        names, by_position = _legacy_header(rows[header])
        if by_position:
            account.notes.append("header row incomplete: columns " + ", ".join(by_position)
                                 + " read by their place in the legacy layout")
        rows = rows[:header] + [names] + rows[header + 1:]
        if len(rows) > header + 1 and not POST_ID.match(rows[header + 1][0].strip()):
            rows[header + 1] = []  # the description row: skipped, not counted
            account.notes.append("the description row under the header skipped")
        items = padded_records(rows, header, account)
        take_notes(read, account)
        reject_unreadable(rows, header, account)
        month_first = date_order((r.get("posted", "") for _, r in items), account)
        platform = context.platform or self.platform

        def build(row: dict[str, str]) -> dict[str, object]:
            out: dict[str, object] = {
                "platform": platform,
                "post_id": parse_id(pick(row, LEGACY_ALIASES["post id"])),
                "permalink": row.get("permalink") or None,
                "local_time": parse_when(row.get("posted", ""), month_first),
                "text": row.get("post message", ""),
            }
            page = str(out["post_id"]).split("_")[0] if "_" in str(out["post_id"]) else None
            out["account_id"] = out["author_id"] = page
            for column in ("reach", "impressions", "reactions", "comments", "shares", "clicks"):
                out[column] = parse_count(pick(row, LEGACY_ALIASES[column]))
            return out

        frame = pd.DataFrame(reject_rows(items, account, build))
        finish_times(frame, context, account, "posted times")
        account.notes.append("legacy Insights wrote times in the Page's (often Pacific) time: "
                             "declare the timezone in the playbook if it is not the client's")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)


def _legacy_header(row: list[str]) -> tuple[list[str], list[str]]:
    """Header names; blank names within the known layout filled in by position."""
    names = _legacy_names(row)
    if names and names[0] == "social_network_id":
        names[0] = "post id"
    filled = []
    for index, name in enumerate(names):
        if not name and index < len(LEGACY_LAYOUT) and LEGACY_LAYOUT[index] not in names:
            names[index] = LEGACY_LAYOUT[index]
            filled.append(LEGACY_LAYOUT[index])
    return names, filled


# --- Facebook Graph API comments -----------------------------------------------------------

class FacebookComments(Importer):
    """Page comments from the Graph API: ``message``, ``created_time``, nested ``comments``."""

    name = "facebook_graph_comments"
    platform = "facebook"
    description = "Facebook Graph API GET /{post-id}/comments (JSON)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        compact = head.replace(" ", "").replace("\n", "").replace("\r", "")
        return (path.suffix.lower() == ".json" and compact.startswith('{"data":[')
                and '"created_time"' in head and '"timestamp"' not in head
                and ('"message"' in head or '"from"' in head))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        document = load_json(path, account.repairs)
        if not isinstance(document, dict) or not isinstance(document.get("data"), list):
            raise ImportFailed("expected an object with a 'data' list of comments", file=path)
        kept: list[dict[str, object]] = []
        platform = context.platform or self.platform

        def take(item: object, parent: str | None) -> None:
            account.rows_read += 1
            number = account.rows_read
            try:
                kept.append({**_fb_comment(item, parent, platform), ROW: number})
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                account.reject(number, f"comment {number}: {str(exc).strip(chr(39))}")
            if isinstance(item, dict):
                for reply in (item.get("comments") or {}).get("data") or []:
                    take(reply, str(item.get("id")))

        for item in document["data"]:
            take(item, None)
        account.notes.append("rows are numbered in reading order, replies after their comment; "
                             "post id = the comment id before its last '_'")
        frame = pd.DataFrame(kept)
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)


def _fb_comment(item: object, parent: str | None, platform: str) -> dict[str, object]:
    if not isinstance(item, dict):
        raise ValueError("a comment is not an object")
    comment_id = parse_id(item["id"])
    sender = item.get("from")
    if not sender or not sender.get("id"):
        raise ValueError("no 'from' (the API leaves it out without the Page's permission)")
    parent_id = (item.get("parent") or {}).get("id") or parent
    post = comment_id.rsplit("_", 1)[0] if "_" in comment_id else None
    return {
        "platform": platform,
        "message_id": comment_id,
        "post_id": post,
        "container": post,
        "parent_id": parse_id(parent_id) if parent_id else None,
        "mentions": _tagged(item.get("message_tags")),
        "author_id": parse_id(sender["id"]),
        "author_name": sender.get("name"),
        "created_at": _utc(item["created_time"]),
        "text": str(item.get("message") or ""),
        "likes": parse_count(item.get("like_count")),
        "kind": "reply" if parent_id else "comment",
    }


def _tagged(tags: object) -> str | None:
    """The ids of the people and Pages a comment tags (Graph API ``message_tags[].id``)."""
    if not isinstance(tags, list):
        return None
    return mention_list(parse_id(t["id"]) for t in tags if isinstance(t, dict) and t.get("id"))


def _utc(value: object) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(str(value)).tz_convert("UTC")
    except (ValueError, TypeError):
        raise ValueError(f"created_time {value!r} is not ISO 8601 with an offset") from None
    return checked(stamp, "created_time")
