"""Facebook Messenger threads (``message_1.json`` from 'Download your information')."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from .base import Importer, ImportResult, SourceContext
from .json_docs import load_json
from .messages import epoch, message_frame, need, stable_id
from .rows import reject_rows


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
        account = self.account(path)
        document = load_json(path, account.repairs)
        if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
            raise ImportFailed("expected a Messenger export with a 'messages' list", file=path)
        container = _unmojibake(str(document.get("thread_path") or document.get("title")
                                    or path.parent.name))
        people = document.get("participants") or []
        kind = "dm" if len(people) <= 2 else "chat"

        def build(item: dict[str, Any]) -> dict[str, object]:
            sender = _unmojibake(str(need(item, "sender_name")))
            stamp = str(need(item, "timestamp_ms"))
            text = _unmojibake(str(item.get("content") or ""))
            return {
                "platform": context.platform or self.platform,
                "message_id": stable_id("fbm-", container, sender, stamp, text),
                "container": container,
                "parent_id": None,
                "author_id": sender,
                "author_name": sender,
                "created_at": epoch(stamp, "ms"),
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
        frame = message_frame(kept, path, context, account)
        return ImportResult({"messages": frame}, account)
