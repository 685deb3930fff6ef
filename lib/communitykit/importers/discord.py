"""Discord channels as DiscordChatExporter saves them: JSON (with reply links) or CSV."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .base import ROW, Importer, ImportResult, SourceContext
from .dates import checked
from .json_docs import load_json
from .messages import LOCAL, message_frame, message_time, number_repeats, stable_id
from .rows import file_rows, find_header, first_names, records, reject_rows
from .values import mention_list, parse_id, reaction_total


class DiscordJson(Importer):
    name = "discord_json"
    platform = "discord"
    description = "DiscordChatExporter, format JSON (one file per channel)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        return path.suffix.lower() == ".json" and '"guild"' in head and '"channel"' in head

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        document = load_json(path, account.repairs)
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


# --- CSV ---------------------------------------------------------------------------------

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
        return message_time(text)
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
        return path.suffix.lower() == ".csv" and tuple(first_names(head)[:4]) == self.required

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = file_rows(path)
        header = find_header(rows, self.required, path, search=1)
        account = self.account(path)
        items = records(rows, header, account)
        day_first, how = _day_first([row["date"] for _, row in items])
        channel = CHANNEL_IN_NAME.search(path.name)
        container = channel[1] if channel else path.stem

        def build(row: dict[str, str]) -> dict[str, object]:
            utc, local = _dce_time(row["date"], day_first)
            author = parse_id(row["authorid"])
            return {
                "platform": context.platform or self.platform,
                "message_id": stable_id("csv-", author, row["date"].strip(), row["content"]),
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
        ids = number_repeats([str(r["message_id"]) for r in kept])
        for row, message_id in zip(kept, ids, strict=True):
            row["message_id"] = message_id
        account.notes.append(
            "DiscordChatExporter CSV has no message ids and no reply links: ids are hashes of "
            "author, date and content, and response times cannot be computed from reply "
            "links (only the flat-thread rule applies); export as JSON for reply links")
        if how:
            account.notes.append(how)
        frame = message_frame(kept, path, context, account)
        return ImportResult({"messages": frame}, account)
