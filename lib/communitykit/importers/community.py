"""Community sources: Reddit dumps and Discourse posts here; chat exports in
``community_chat``, Chinese platforms in ``community_cn``. ``IMPORTERS`` lists them all."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from ..errors import ImportFailed
from .base import (
    ROW,
    ImportAccount,
    Importer,
    ImportResult,
    SourceContext,
    csv_rows,
    decode,
    file_time,
    find_header,
    mention_list,
    parse_count,
    parse_id,
    parse_json,
    records,
)
from .community_chat import (
    LOCAL,
    DiscordCsv,
    MessengerJson,
    SlackExport,
    TelegramJson,
    _epoch,
    _first_names,
    _frame,
    _load_json,
    _need,
    _time,
)
from .community_cn import CnComments

# ------------------------------------------------------------------------ Reddit

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
        account = ImportAccount(str(path), self.name)
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
        tables = {"messages": _frame(comments, path, context, account)}
        if posts:
            tables["posts"] = _frame(posts, path, context, account)
        return ImportResult(tables, account, signed=REDDIT_SCORES)


def _reddit_comment(item: dict[str, Any], platform: str) -> dict[str, object]:
    body = str(item.get("body") or "")
    parent = str(item.get("parent_id") or "")
    gone = body.strip() in REDDIT_GONE
    return {
        "platform": platform,
        "message_id": _reddit_id(_need(item, "id"), "t1_"),
        "post_id": _reddit_id(_need(item, "link_id"), "t3_"),
        "container": item.get("subreddit"),
        "parent_id": _reddit_id(parent, "t1_") if parent.startswith("t1_") else None,
        "author_id": parse_id(_need(item, "author")),
        "author_name": item.get("author"),
        "created_at": _epoch(_need(item, "created_utc")),
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
        "post_id": _reddit_id(_need(item, "id"), "t3_"),
        "permalink": f"https://www.reddit.com{link}" if link.startswith("/") else link or None,
        "created_at": _epoch(_need(item, "created_utc")),
        "author_id": parse_id(_need(item, "author")),
        "author_name": item.get("author"),
        "kind": "submission",
        "text": f"{title}\n\n{body}" if body and body not in REDDIT_GONE else title,
        "reactions": parse_count(item.get("score")),
        "comments": parse_count(item.get("num_comments")),
        "metrics_as_of": _epoch(retrieved) if retrieved else
        file_time(path),
    }


# --------------------------------------------------------------------- Discourse

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
            return set(self.required) <= set(_first_names(head))
        if path.suffix.lower() != ".json":
            return False
        return ('"post_stream"' in head or '"latest_posts"' in head
                or ('"topic_id"' in head and '"post_number"' in head))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        items: list[tuple[int, Any]]
        if path.suffix.lower() == ".csv":
            rows = csv_rows(decode(path))
            items = list(records(rows, find_header(rows, self.required, path), account))
        else:
            posts = _discourse_posts(_load_json(path, account.repairs), path)
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
        return ImportResult({"messages": _frame(kept, path, context, account)}, account)

    def _post(self, item: Any, numbers: dict[tuple[str, str], str],
              context: SourceContext) -> dict[str, object]:
        topic = parse_id(_need(item, "topic_id"))
        target = str(item.get("reply_to_post_number") or "").strip()
        parent = numbers.get((topic, target)) if target else None
        utc, local = _time(_need(item, "created_at"))
        raw = item.get("raw")
        username = parse_id(_need(item, "username"))
        return {
            "platform": context.platform or self.platform,
            "message_id": parse_id(_need(item, "id")),
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


IMPORTERS = (
    DiscordCsv(),
    SlackExport(),
    TelegramJson(),
    MessengerJson(),
    RedditJsonl(),
    DiscoursePosts(),
    CnComments(),
)
