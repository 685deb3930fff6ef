"""Reddit: comments and submissions as JSON lines (Pushshift / Arctic Shift dumps)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .base import ROW, Importer, ImportResult, SourceContext, decode, file_time
from .json_docs import parse_json
from .messages import epoch, message_frame, need
from .values import parse_count, parse_id

REDDIT_GONE = {"[deleted]", "[removed]"}
REDDIT_MARKS = ('"link_id"', '"subreddit"', '"subreddit_id"')
REDDIT_SCORES = frozenset({"likes", "reactions"})  # scores (up minus down votes): may be < 0


def _reddit_id(value: object, prefix: str) -> str:
    """A Reddit id without its type prefix (``t1_``, ``t3_``)."""
    text = parse_id(value)
    return text[len(prefix):] if text.startswith(prefix) else text


class RedditJsonl(Importer):
    """Reddit comments and submissions as JSON lines (Pushshift / Arctic Shift dumps)."""

    name = "reddit_jsonl"
    platform = "reddit"
    description = "Reddit dump, one JSON object per line (comments and/or submissions)"
    tables = ("messages", "posts")

    def sniff(self, path: Path, head: str) -> bool:
        first = head.lstrip().split("\n", 1)[0]
        return (path.suffix.lower() != ".csv" and first.startswith("{") and '"author"' in first
                and ('"created_utc"' in first or any(m in first for m in REDDIT_MARKS)))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        platform = context.platform or self.platform
        comments: list[dict[str, object]] = []
        posts: list[dict[str, object]] = []
        repaired: list[str] = []
        for line, text in enumerate(decode(path).splitlines(), start=1):
            if not text.strip():
                continue
            account.rows_read += 1
            try:
                item = parse_json(text, repaired)
                if not isinstance(item, dict):
                    raise ValueError("the line is not a JSON object")
                if "body" in item or "title" not in item:
                    comments.append({**_reddit_comment(item, platform), ROW: line})
                else:
                    posts.append({**_reddit_post(item, platform, path), ROW: line})
            except json.JSONDecodeError as exc:
                account.reject(line, f"not valid JSON: {exc.msg} (column {exc.colno})")
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                account.reject(line, str(exc).strip("'\""))
        notes = account.notes
        if repaired:
            account.repairs.append(f"{len(repaired)} lines held a lone UTF-16 surrogate (half "
                                   "of an emoji): replaced by U+FFFD")
        if posts:
            notes.append("submissions read as posts: the report counts every imported post as "
                         "the client's own, so import only the brand's submissions")
        gone = sum(1 for c in comments if c["deleted"])
        if gone:
            notes.append(f"{gone} comments deleted or removed: kept as deleted, text emptied")
        marked = sum(1 for c in comments if c.pop("_distinguished"))
        if marked:
            notes.append(f"{marked} comments distinguished by moderators or admins: name "
                         "those accounts in the playbook's roster to count them as the team")
        tables = {"messages": message_frame(comments, path, context, account)}
        if posts:
            tables["posts"] = message_frame(posts, path, context, account)
        return ImportResult(tables, account, signed=REDDIT_SCORES)


def _reddit_comment(item: dict[str, Any], platform: str) -> dict[str, object]:
    body = str(item.get("body") or "")
    parent = str(item.get("parent_id") or "")
    gone = body.strip() in REDDIT_GONE
    return {
        "platform": platform,
        "message_id": _reddit_id(need(item, "id"), "t1_"),
        "post_id": _reddit_id(need(item, "link_id"), "t3_"),
        "container": item.get("subreddit"),
        "parent_id": _reddit_id(parent, "t1_") if parent.startswith("t1_") else None,
        "author_id": parse_id(need(item, "author")),
        "author_name": item.get("author"),
        "created_at": epoch(need(item, "created_utc")),
        "text": "" if gone else body,
        "likes": parse_count(item.get("score")),
        "kind": "reply" if parent.startswith("t1_") else "comment",
        "deleted": gone,
        "_distinguished": bool(item.get("distinguished")),
    }


def _reddit_post(item: dict[str, Any], platform: str, path: Path) -> dict[str, object]:
    link = str(item.get("permalink") or "")
    title, body = str(item.get("title") or ""), str(item.get("selftext") or "")
    retrieved = item.get("retrieved_on") or item.get("retrieved_utc")
    return {
        "platform": platform,
        "account_id": item.get("subreddit"),
        "post_id": _reddit_id(need(item, "id"), "t3_"),
        "permalink": f"https://www.reddit.com{link}" if link.startswith("/") else link or None,
        "created_at": epoch(need(item, "created_utc")),
        "author_id": parse_id(need(item, "author")),
        "author_name": item.get("author"),
        "kind": "submission",
        "text": f"{title}\n\n{body}" if body and body not in REDDIT_GONE else title,
        "reactions": parse_count(item.get("score")),
        "comments": parse_count(item.get("num_comments")),
        "metrics_as_of": epoch(retrieved) if retrieved else
        file_time(path),
    }
