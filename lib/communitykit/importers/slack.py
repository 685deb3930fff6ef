"""Slack workspace exports: ``<channel>/<YYYY-MM-DD>.json`` day files plus ``users.json``."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from .base import ROW, Importer, ImportResult, SourceContext, decode, head_text
from .json_docs import load_json, parse_json
from .messages import epoch, message_frame, need
from .values import mention_list, parse_id, reaction_total

SLACK_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>")  # <@U123ABC> or <@U123ABC|name>
SLACK_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
SLACK_META = frozenset({"users.json", "channels.json", "groups.json", "dms.json", "mpims.json",
                        "integration_logs.json", "canvases.json", "org_users.json"})
def _is_user_list(path: Path) -> bool:
    """A users.json saved under another name: a list of user objects, no messages."""
    head = head_text(path)
    return '"is_bot"' in head and '"real_name"' in head and '"ts"' not in head


SLACK_SERVICE = frozenset({
    "channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name",
    "channel_archive", "channel_unarchive", "group_join", "group_leave", "group_topic",
    "group_purpose", "group_name", "group_archive", "group_unarchive", "pinned_item",
    "unpinned_item", "bot_add", "bot_remove",
})


def _slack_root_of(path: Path) -> bool:
    """Whether ``path`` sits beside channel folders holding day files."""
    try:
        return any(SLACK_DAY.match(day.name) for folder in path.parent.iterdir()
                   if folder.is_dir() for day in folder.iterdir())
    except OSError:
        return False


def _slack_list(path: Path) -> tuple[dict[str, Any], ...]:
    """A root metadata file (users.json, dms.json...) as objects, () if absent or bad."""
    try:
        return _slack_objects(path, path.stat().st_mtime_ns)
    except OSError:
        return ()


@functools.lru_cache(maxsize=32)
def _slack_objects(path: Path, stamp: int) -> tuple[dict[str, Any], ...]:
    """Parsed once per file version: every day file of a workspace asks for users.json."""
    try:
        data = parse_json(decode(path), [])  # names only: a repair is not worth a note
    except (ImportFailed, json.JSONDecodeError):
        return ()
    return tuple(d for d in data if isinstance(d, dict)) if isinstance(data, list) else ()


class SlackExport(Importer):
    """Slack workspace export: ``<channel>/<YYYY-MM-DD>.json`` plus ``users.json``."""

    name = "slack_export"
    platform = "slack"
    description = "Slack workspace export (zip or folder of <channel>/<YYYY-MM-DD>.json)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        if path.name.lower() in SLACK_META:
            return head.lstrip().startswith("[") and _slack_root_of(path)
        is_list = head.lstrip().startswith("[") and '"ts"' in head
        if SLACK_DAY.match(path.name):
            return is_list
        # a message list saved under another name (e.g. one thread), or users.json renamed
        messages = is_list and '"text"' in head and ('"user"' in head or '"bot_id"' in head)
        users = (head.lstrip().startswith("[") and '"is_bot"' in head
                 and '"real_name"' in head and '"ts"' not in head)
        return path.suffix.lower() == ".json" and (messages or users)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        if path.name.lower() in SLACK_META or _is_user_list(path):
            account.notes.append("Slack workspace metadata: read with each channel's day files")
            return ImportResult({"messages": message_frame([], path, context, account)}, account)
        document = load_json(path, account.repairs)
        if not isinstance(document, list):
            raise ImportFailed("expected a Slack day file: a JSON list of messages", file=path)
        root = path.parent.parent
        users = {str(u.get("id")): u for u in _slack_list(root / "users.json")}
        direct = {str(c.get(k)) for name in ("dms.json", "mpims.json")
                  for c in _slack_list(root / name) for k in ("id", "name")}
        if not users:
            account.notes.append("no users.json beside the channel folder: bots are known "
                                 "only from their bot_message subtype")
        kept: list[dict[str, object]] = []
        service = 0
        for number, item in enumerate(document, start=1):
            if isinstance(item, dict) and item.get("subtype") in SLACK_SERVICE:
                service += 1
                continue
            account.rows_read += 1
            try:
                kept.append({**self._message(item, path, users, direct, context), ROW: number})
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                account.reject(number, f"message {number}: {exc!s}".strip())
        if service:
            account.notes.append(f"{service} channel events (joins, topics, pins) skipped: "
                                 "not messages")
        account.notes.append("thread replies point at the thread's first message (thread_ts)")
        frame = message_frame(kept, path, context, account)
        return ImportResult({"messages": frame}, account)

    def _message(self, item: dict[str, Any], path: Path, users: dict[str, dict[str, Any]],
                 direct: set[str], context: SourceContext) -> dict[str, object]:
        ts = str(need(item, "ts"))
        thread = str(item.get("thread_ts") or ts)
        author = str(item.get("user") or item.get("bot_id") or "")
        user = users.get(author, {})
        profile = item.get("user_profile") or {}
        container = str(item.get("channel_name") or path.parent.name)
        bot = item.get("subtype") == "bot_message" or bool(user.get("is_bot"))
        return {
            "platform": context.platform or self.platform,
            "message_id": ts,
            "container": container,
            "parent_id": thread if thread != ts else None,
            "mentions": mention_list(SLACK_MENTION.findall(str(item.get("text") or ""))),
            "author_id": parse_id(author),
            "author_name": (profile.get("real_name") or user.get("real_name")
                            or item.get("username") or user.get("name") or None),
            "created_at": epoch(ts),
            "text": str(item.get("text") or ""),
            "likes": reaction_total(item.get("reactions")),
            "kind": "bot" if bot else ("dm" if container in direct else "chat"),
            "deleted": item.get("subtype") == "tombstone",
        }
