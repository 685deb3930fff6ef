"""DiscordChatExporter JSON: one channel per file, with reply links."""

from __future__ import annotations

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
    decode,
    mention_list,
    parse_id,
    parse_json,
    reaction_total,
)


class DiscordJson(Importer):
    name = "discord_json"
    platform = "discord"
    description = "DiscordChatExporter, format JSON (one file per channel)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        return path.suffix.lower() == ".json" and '"guild"' in head and '"channel"' in head

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        try:
            document = parse_json(decode(path), account.repairs)
        except json.JSONDecodeError as exc:
            raise ImportFailed(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from None
        if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
            raise ImportFailed("expected DiscordChatExporter JSON with a 'messages' list",
                               file=path)
        channel = document.get("channel")
        channel = channel if isinstance(channel, dict) else {}
        container = str(channel.get("id") or path.stem)
        kept = []
        for number, item in enumerate(document["messages"], start=1):
            account.rows_read += 1
            try:
                author = item["author"]
                reference = item.get("reference") or {}
                parent = reference.get("messageId")
                kept.append({
                    "platform": context.platform or "discord",
                    "message_id": parse_id(item["id"]),
                    "post_id": None,
                    "container": container,
                    "parent_id": parse_id(parent) if parent else None,
                    "mentions": _mentions(item.get("mentions")),
                    "author_id": parse_id(author["id"]),
                    "author_name": author.get("nickname") or author.get("name"),
                    "created_at": checked(pd.Timestamp(item["timestamp"]).tz_convert("UTC"),
                                          "timestamp"),
                    "text": str(item.get("content") or ""),
                    "likes": reaction_total(item.get("reactions")),
                    "kind": "bot" if author.get("isBot") else "chat",
                    ROW: number,
                })
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                account.reject(number, f"message {number}: {exc!s}".strip())
        account.notes.append(f"channel #{channel.get('name', '?')}; rows are messages in order")
        frame = pd.DataFrame(kept)
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)


def _mentions(people: object) -> str | None:
    """The ids of the users a message mentions (DiscordChatExporter's ``mentions[]``)."""
    if not isinstance(people, list):
        return None
    return mention_list(parse_id(p["id"]) for p in people if isinstance(p, dict) and p.get("id"))
