"""Telegram Desktop's chat history export (``result.json``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from .base import ROW, Importer, ImportResult, SourceContext
from .dates import check_time
from .json_docs import load_json
from .messages import LOCAL, epoch, message_frame, need
from .values import mention_list, parse_id, reaction_total

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
        account = self.account(path)
        document = load_json(path, account.repairs)
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
        frame = message_frame(kept, path, context, account)
        return ImportResult({"messages": frame}, account)

    def _message(self, item: dict[str, Any], chat: str, kind: str,
                 context: SourceContext) -> dict[str, object]:
        if need(item, "id") and item.get("date_unixtime"):
            utc, local = epoch(item["date_unixtime"]), None
        else:
            local = dt.datetime.fromisoformat(str(need(item, "date")))
            check_time(local, "date")
            utc = None
        reply = item.get("reply_to_message_id")
        return {
            "platform": context.platform or self.platform,
            "message_id": parse_id(item["id"]),
            "container": chat,
            "parent_id": parse_id(reply) if reply is not None else None,
            "mentions": _telegram_mentions(item),
            "author_id": parse_id(need(item, "from_id")),
            "author_name": item.get("from"),
            "created_at": utc,
            LOCAL: local,
            "text": _telegram_text(item.get("text")),
            "likes": reaction_total(item.get("reactions")),
            "kind": kind,
            "deleted": False,
        }
