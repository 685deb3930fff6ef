"""Discourse forums: posts from the API (topic ``/t/{id}.json``, ``/posts.json``) or a CSV."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from .base import ROW, Importer, ImportResult, SourceContext
from .json_docs import load_json
from .messages import LOCAL, message_frame, message_time, need
from .rows import file_rows, find_header, first_names, records
from .values import mention_list, parse_count, parse_id

BREAK = re.compile(r"<br\s*/?>|</p>|</li>|</h\d>|</blockquote>", re.IGNORECASE)
TAG = re.compile(r"<[^<>]+>")  # [^<>]: linear on text full of "<"
MENTION_LINK = re.compile(r'<a[^<>]*class="mention"[^<>]*>@([^<\s]+)</a>')  # cooked @username


def _html_text(cooked: str) -> str:
    """Discourse ``cooked`` HTML as plain text: tags dropped, entities decoded."""
    text = html.unescape(TAG.sub("", BREAK.sub("\n", cooked)))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _discourse_posts(document: Any, path: Path) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        stream = document.get("post_stream")
        if isinstance(stream, dict) and isinstance(stream.get("posts"), list):
            return list(stream["posts"])
        if isinstance(document.get("latest_posts"), list):
            return list(document["latest_posts"])
    raise ImportFailed("expected Discourse posts: a list, 'post_stream.posts' or "
                       "'latest_posts'", file=path)


class DiscoursePosts(Importer):
    """Discourse posts from the API (topic ``/t/{id}.json``, ``/posts.json``) or a CSV."""

    name = "discourse_posts"
    platform = "discourse"
    description = "Discourse posts: API JSON (post_stream, latest_posts) or CSV"
    tables = ("messages",)
    required = ("id", "topic_id", "post_number")

    def sniff(self, path: Path, head: str) -> bool:
        if path.suffix.lower() == ".csv":
            return set(self.required) <= set(first_names(head))
        if path.suffix.lower() != ".json":
            return False
        return ('"post_stream"' in head or '"latest_posts"' in head
                or ('"topic_id"' in head and '"post_number"' in head))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        items: list[tuple[int, Any]]
        if path.suffix.lower() == ".csv":
            rows = file_rows(path)
            items = list(records(rows, find_header(rows, self.required, path), account))
        else:
            posts = _discourse_posts(load_json(path, account.repairs), path)
            items = list(enumerate(posts, start=1))
            account.rows_read += len(items)
        numbers = {(str(p.get("topic_id")).strip(), str(p.get("post_number")).strip()):
                   str(p.get("id")).strip() for _, p in items if isinstance(p, dict)}
        kept, unresolved = [], 0
        for number, item in items:
            try:
                row = self._post(item, numbers, context)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                account.reject(number, f"post {number}: {exc!s}".strip())
                continue
            unresolved += 1 if row.pop("_unresolved") else 0
            kept.append({**row, ROW: number})
        if unresolved:
            account.notes.append(f"{unresolved} replies point at a post number not in this file:"
                                 " kept as top-level posts of their topic")
        frame = message_frame(kept, path, context, account)
        return ImportResult({"messages": frame}, account)

    def _post(self, item: Any, numbers: dict[tuple[str, str], str],
              context: SourceContext) -> dict[str, object]:
        topic = parse_id(need(item, "topic_id"))
        target = str(item.get("reply_to_post_number") or "").strip()
        parent = numbers.get((topic, target)) if target else None
        utc, local = message_time(need(item, "created_at"))
        raw = item.get("raw")
        username = parse_id(need(item, "username"))
        return {
            "platform": context.platform or self.platform,
            "message_id": parse_id(need(item, "id")),
            "container": topic,
            "parent_id": parent,
            "mentions": mention_list(MENTION_LINK.findall(str(item.get("cooked") or ""))),
            "author_id": username,
            "author_name": item.get("name") or username,
            "created_at": utc,
            LOCAL: local,
            "text": str(raw) if raw else _html_text(str(item.get("cooked") or "")),
            "likes": parse_count(item.get("like_count")),
            "kind": "topic" if str(item.get("post_number")) == "1" else "reply",
            "deleted": bool(item.get("deleted_at") or item.get("user_deleted") is True),
            "_unresolved": int(bool(target) and parent is None),
        }
