"""Chat exports: DiscordChatExporter CSV, Slack workspace exports, Telegram and Messenger.

Also holds the small helpers the other community importers share (JSON loading, exact
epoch times, local times resolved after the fact).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ImportFailed
from .base import (
    INT64_MAX,
    LATEST,
    ROW,
    ImportAccount,
    Importer,
    ImportResult,
    SourceContext,
    check_time,
    checked,
    csv_rows,
    decode,
    find_header,
    head_text,
    localize,
    mention_list,
    parse_id,
    parse_json,
    reaction_total,
    records,
    reject_rows,
)

LOCAL = "_local"  # a naive local time, resolved to UTC by _frame
EPOCH = re.compile(r"^(\d{1,13})(?:\.(\d*))?$")


# ----------------------------------------------------------------- shared helpers


def _load_json(path: Path, notes: list[str]) -> Any:
    """The parsed document (repairs noted in ``notes``), or ImportFailed naming the line
    of the first error."""
    try:
        return parse_json(decode(path), notes)
    except json.JSONDecodeError as exc:
        raise ImportFailed(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None


def _epoch(value: object, unit: str = "s") -> pd.Timestamp:
    """Epoch seconds (``unit="s"``), milliseconds (``"ms"``) or either (``"auto"``:
    above 10^11 means ms), from an int, float or string, without float rounding."""
    match = EPOCH.match(str(value).strip())
    if isinstance(value, bool) or not match:
        raise ValueError(f"time {value!r} is not an epoch number")
    whole, fraction = int(match[1]), match[2] or ""
    if unit == "auto":
        unit = "ms" if whole > 10**11 else "s"
    if unit == "ms":
        nanos = whole * 10**6 + int((fraction + "000000")[:6])
    else:
        nanos = whole * 10**9 + int((fraction + "000000000")[:9])
    if nanos > INT64_MAX:
        raise ValueError(f"time {value!r} is after the year {LATEST.year - 1}: the kit cannot "
                         "store it")
    return checked(pd.Timestamp(nanos, unit="ns", tz="UTC"), "time")


def _stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on ``parts``: stable when rows move in the file."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode(), usedforsecurity=False)
    return f"{prefix}{digest.hexdigest()[:16]}"


def _number_repeats(ids: list[str]) -> list[str]:
    """Make repeated ids unique (``-2``, ``-3``...) in order of appearance."""
    seen: Counter[str] = Counter()
    out = []
    for value in ids:
        seen[value] += 1
        out.append(value if seen[value] == 1 else f"{value}-{seen[value]}")
    return out


def _frame(kept: list[dict[str, object]], path: Path, context: SourceContext,
           account: ImportAccount) -> pd.DataFrame:
    """Rows as a frame: naive ``_local`` times resolved in the source timezone."""
    frame = pd.DataFrame(kept)
    if LOCAL in frame:
        local = pd.to_datetime(frame.pop(LOCAL))
        has = local.notna()
        if has.any():
            utc, shifted = localize(local[has], context.timezone)
            created = pd.to_datetime(frame["created_at"], utc=True)
            created[has] = utc
            frame["created_at"] = created
            account.notes.append(f"{int(has.sum())} times without an offset read as "
                                 f"{context.timezone.key} local time")
            if shifted:
                account.notes.append(f"{shifted} local times fell in a DST change "
                                     "(earlier instant used)")
    frame["source_file"] = path.name
    return frame


def _time(value: object) -> tuple[pd.Timestamp | None, dt.datetime | None]:
    """(UTC time, None) when the text carries an offset, else (None, naive local time)."""
    text = str(value).strip()
    if EPOCH.match(text):
        return _epoch(text, "auto"), None
    try:
        stamp = pd.Timestamp(text)
    except ValueError:
        raise ValueError(f"time {text!r} is in no known form") from None
    if pd.isna(stamp):
        raise ValueError("the time is empty")
    checked(stamp, "time")
    if stamp.tzinfo is None:
        return None, stamp.to_pydatetime()
    return stamp.tz_convert("UTC"), None


def _need(item: object, key: str) -> Any:
    """``item[key]``, or a ValueError that says what is missing."""
    if not isinstance(item, dict):
        raise ValueError("the item is not a JSON object")
    value = item.get(key)
    if value is None or value == "":
        raise ValueError(f"no {key!r}")
    return value


def _first_names(head: str) -> list[str]:
    """Lower-case names of the first CSV row of ``head``."""
    first = head.splitlines()[0] if head.strip() else ""
    try:
        return [c.strip().lower() for c in next(csv.reader([first]), [])]
    except csv.Error:
        return []


# ------------------------------------------------------------ DiscordChatExporter CSV

SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s")
CHANNEL_IN_NAME = re.compile(r"\[(\d{15,22})\]")
REACTION_COUNT = re.compile(r"\((\d+)\)")
DCE_FORMATS = ("%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M",
               "%m/%d/%Y %H:%M:%S", "%d-%b-%y %I:%M %p")


def _day_first(dates: list[str]) -> tuple[bool, str | None]:
    """Whether slash dates are day/month, and a note on how that was decided."""
    pairs = [(int(m[1]), int(m[2])) for d in dates if (m := SLASH_DATE.match(d.strip()))]
    if not pairs:
        return False, None
    if any(a > 12 for a, _ in pairs) and not any(b > 12 for _, b in pairs):
        return True, "slash dates read as day/month: a first number above 12 settles it"
    if any(b > 12 for _, b in pairs):
        return False, None
    return False, (f"{len(pairs)} slash dates read as month/day (DiscordChatExporter's en-US "
                   "default): no date in the file settles the order")


def _dce_time(text: str, day_first: bool) -> tuple[pd.Timestamp | None, dt.datetime | None]:
    text = text.strip()
    if "T" in text or re.match(r"^\d{4}-", text):
        return _time(text)
    for form in DCE_FORMATS:
        if day_first and form.startswith("%m/%d"):
            form = "%d/%m" + form[5:]
        try:
            return None, dt.datetime.strptime(text, form)
        except ValueError:
            continue
    raise ValueError(f"date {text!r} is in no DiscordChatExporter form")


class DiscordCsv(Importer):
    """DiscordChatExporter CSV: no message ids and no reply links."""

    name = "discord_csv"
    platform = "discord"
    description = "DiscordChatExporter, format CSV (one file per channel)"
    tables = ("messages",)
    required = ("authorid", "author", "date", "content")

    def sniff(self, path: Path, head: str) -> bool:
        return path.suffix.lower() == ".csv" and tuple(_first_names(head)[:4]) == self.required

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = csv_rows(decode(path))
        header = find_header(rows, self.required, path, search=1)
        account = ImportAccount(str(path), self.name)
        items = records(rows, header, account)
        day_first, how = _day_first([row["date"] for _, row in items])
        channel = CHANNEL_IN_NAME.search(path.name)
        container = channel[1] if channel else path.stem

        def build(row: dict[str, str]) -> dict[str, object]:
            utc, local = _dce_time(row["date"], day_first)
            author = parse_id(row["authorid"])
            return {
                "platform": context.platform or self.platform,
                "message_id": _stable_id("csv-", author, row["date"].strip(), row["content"]),
                "container": container,
                "parent_id": None,
                "author_id": author,
                "author_name": row["author"] or None,
                "created_at": utc,
                LOCAL: local,
                "text": row["content"],
                "likes": sum(int(n) for n in REACTION_COUNT.findall(row.get("reactions", ""))),
                "kind": "chat",
                "deleted": False,
            }

        kept = reject_rows(items, account, build)
        ids = _number_repeats([str(r["message_id"]) for r in kept])
        for row, message_id in zip(kept, ids, strict=True):
            row["message_id"] = message_id
        account.notes.append(
            "DiscordChatExporter CSV has no message ids and no reply links: ids are hashes of "
            "author, date and content, and response times cannot be computed from reply "
            "links (only the flat-thread rule applies); export as JSON for reply links")
        if how:
            account.notes.append(how)
        return ImportResult({"messages": _frame(kept, path, context, account)}, account)


# ------------------------------------------------------------------ Slack export

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
        account = ImportAccount(str(path), self.name)
        if path.name.lower() in SLACK_META or _is_user_list(path):
            account.notes.append("Slack workspace metadata: read with each channel's day files")
            return ImportResult({"messages": _frame([], path, context, account)}, account)
        document = _load_json(path, account.repairs)
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
        return ImportResult({"messages": _frame(kept, path, context, account)}, account)

    def _message(self, item: dict[str, Any], path: Path, users: dict[str, dict[str, Any]],
                 direct: set[str], context: SourceContext) -> dict[str, object]:
        ts = str(_need(item, "ts"))
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
            "created_at": _epoch(ts),
            "text": str(item.get("text") or ""),
            "likes": reaction_total(item.get("reactions")),
            "kind": "bot" if bot else ("dm" if container in direct else "chat"),
            "deleted": item.get("subtype") == "tombstone",
        }


# --------------------------------------------------------------------- Telegram

TELEGRAM_TYPE = re.compile(r'"type":\s*"(personal_chat|bot_chat|saved_messages|private_group|'
                           r'private_supergroup|public_supergroup|private_channel|public_channel)"')


def _telegram_text(value: object) -> str:
    """Telegram text: a string, or a list of strings and ``{type, text}`` parts."""
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in value)
    return "" if value is None else str(value)


def _telegram_mentions(item: dict[str, Any]) -> str | None:
    """People a message mentions: ``mention`` parts (``@handle``, kept as ``handle``) and
    ``mention_name`` parts (users without a handle, kept as ``user<id>`` like ``from_id``),
    from ``text_entities`` or, in older exports, the parts of ``text``."""
    parts = item.get("text_entities")
    if not isinstance(parts, list):
        text = item.get("text")
        parts = text if isinstance(text, list) else []
    people: list[object] = []
    for part in parts:
        if not isinstance(part, dict):
            continue
        if part.get("type") == "mention":
            people.append(part.get("text"))
        elif part.get("type") == "mention_name" and part.get("user_id") is not None:
            user = parse_id(part["user_id"])
            people.append(user if user.startswith("user") else f"user{user}")
    return mention_list(people)


class TelegramJson(Importer):
    """Telegram Desktop export ``result.json``: one chat, or every chat of the account."""

    name = "telegram_json"
    platform = "telegram"
    description = "Telegram Desktop > Export chat history (JSON, result.json)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        if path.suffix.lower() != ".json":
            return False
        whole_account = '"about"' in head and "Telegram" in head and '"chats"' in head
        return whole_account or (bool(TELEGRAM_TYPE.search(head)) and '"messages"' in head)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        document = _load_json(path, account.repairs)
        if isinstance(document, dict) and isinstance(document.get("chats"), dict):
            chats = document["chats"].get("list") or []
        elif isinstance(document, dict) and isinstance(document.get("messages"), list):
            chats = [document]
        else:
            raise ImportFailed("expected a Telegram result.json with a 'messages' list",
                               file=path)
        kept: list[dict[str, object]] = []
        service = number = 0
        for chat in chats:
            kind = "dm" if chat.get("type") in {"personal_chat", "bot_chat"} else "chat"
            for item in chat.get("messages") or []:
                number += 1
                if isinstance(item, dict) and item.get("type") == "service":
                    service += 1
                    continue
                account.rows_read += 1
                try:
                    row = self._message(item, str(chat.get("id", path.stem)), kind, context)
                    kept.append({**row, ROW: number})
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    account.reject(number, f"message {number}: {exc!s}".strip())
        if service:
            account.notes.append(f"{service} service messages (joins, calls, pins) skipped: "
                                 "not messages")
        return ImportResult({"messages": _frame(kept, path, context, account)}, account)

    def _message(self, item: dict[str, Any], chat: str, kind: str,
                 context: SourceContext) -> dict[str, object]:
        if _need(item, "id") and item.get("date_unixtime"):
            utc, local = _epoch(item["date_unixtime"]), None
        else:
            local = dt.datetime.fromisoformat(str(_need(item, "date")))
            check_time(local, "date")
            utc = None
        reply = item.get("reply_to_message_id")
        return {
            "platform": context.platform or self.platform,
            "message_id": parse_id(item["id"]),
            "container": chat,
            "parent_id": parse_id(reply) if reply is not None else None,
            "mentions": _telegram_mentions(item),
            "author_id": parse_id(_need(item, "from_id")),
            "author_name": item.get("from"),
            "created_at": utc,
            LOCAL: local,
            "text": _telegram_text(item.get("text")),
            "likes": reaction_total(item.get("reactions")),
            "kind": kind,
            "deleted": False,
        }


# -------------------------------------------------------------------- Messenger


def _unmojibake(text: str) -> str:
    """Messenger writes UTF-8 bytes as latin-1 characters; undo that where it round-trips."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


class MessengerJson(Importer):
    """Facebook Messenger ``message_1.json`` from 'Download your information'."""

    name = "messenger_json"
    platform = "messenger"
    description = "Facebook/Messenger > Download your information > Messages (JSON)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        return (path.suffix.lower() == ".json" and '"participants"' in head
                and '"sender_name"' in head and '"timestamp_ms"' in head)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        document = _load_json(path, account.repairs)
        if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
            raise ImportFailed("expected a Messenger export with a 'messages' list", file=path)
        container = _unmojibake(str(document.get("thread_path") or document.get("title")
                                    or path.parent.name))
        people = document.get("participants") or []
        kind = "dm" if len(people) <= 2 else "chat"

        def build(item: dict[str, Any]) -> dict[str, object]:
            sender = _unmojibake(str(_need(item, "sender_name")))
            stamp = str(_need(item, "timestamp_ms"))
            text = _unmojibake(str(item.get("content") or ""))
            return {
                "platform": context.platform or self.platform,
                "message_id": _stable_id("fbm-", container, sender, stamp, text),
                "container": container,
                "parent_id": None,
                "author_id": sender,
                "author_name": sender,
                "created_at": _epoch(stamp, "ms"),
                "text": text,
                "likes": len(item.get("reactions") or []),
                "kind": kind,
                "deleted": bool(item.get("is_unsent")),
            }

        items = list(enumerate(document["messages"], start=1))
        account.rows_read += len(items)
        kept = reject_rows(items, account, build)
        account.notes.append(
            "Messenger has no message ids, sender ids or reply links: ids are hashes of thread, "
            "sender, time and text, and senders are known by display name only")
        return ImportResult({"messages": _frame(kept, path, context, account)}, account)
