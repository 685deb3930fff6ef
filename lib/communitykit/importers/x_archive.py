"""X (Twitter) account archive: ``data/tweets.js`` (the account's own tweets and replies)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from .account import ImportAccount
from .base import ROW, Importer, ImportResult, SourceContext, decode, file_time
from .dates import checked
from .json_docs import parse_json
from .values import mention_list, parse_count, parse_id

ARCHIVE_HEAD = re.compile(r"^\s*window\.YTD\.(tweets?)\.part(\d+)\s*=\s*")
ACCOUNT_HEAD = re.compile(r"^\s*window\.YTD\.account\.part\d+\s*=\s*")
ARCHIVE_TIME = "%a %b %d %H:%M:%S %z %Y"
SELF = "self"


@dataclass(frozen=True)
class _Owner:
    """The archive's account: its numeric id and handle, either possibly unknown."""

    id: str | None
    handle: str | None

    @property
    def author_id(self) -> str:
        return self.id or self.handle or SELF

    @property
    def account_id(self) -> str:
        return self.handle or self.id or SELF


def _js_payload(text: str, head: re.Pattern[str], path: Path,
                notes: list[str]) -> list[object]:
    """The JSON array after ``window.YTD.<name>.partN =`` in an archive file (repairs
    noted in ``notes``)."""
    match = head.match(text)
    if not match:
        raise ImportFailed("not an X archive file: it does not start with "
                           "'window.YTD.tweets.part0 ='", file=path)
    body = text[match.end():].strip().rstrip(";")
    try:
        items = parse_json(body, notes)
    except json.JSONDecodeError as exc:
        line = text[: match.end()].count("\n") + exc.lineno
        raise ImportFailed(f"the array after '=' is not valid JSON: {exc.msg}", file=path,
                           row=line) from None
    if not isinstance(items, list):
        raise ImportFailed("expected a JSON array of tweets after '='", file=path)
    return items


def _tweet(item: object) -> dict[str, object]:
    """The tweet of an archive item: ``{"tweet": {...}}`` (or the bare object, older archives)."""
    tweet = item.get("tweet", item) if isinstance(item, dict) else None
    if not isinstance(tweet, dict):
        raise ValueError("the item is not a tweet object")
    return tweet


def _owner_in_tweets(items: list[object]) -> _Owner | None:
    """The author named in the first tweet itself, when a variant of the file carries it."""
    try:
        tweet = _tweet(items[0]) if items else {}
    except ValueError:
        return None
    user = tweet.get("user")
    user = user if isinstance(user, dict) else {}
    user_id = tweet.get("user_id_str") or user.get("id_str")
    handle = tweet.get("screen_name") or user.get("screen_name")
    if not (user_id or handle):
        return None
    return _Owner(str(user_id) if user_id else None, str(handle) if handle else None)


def _owner_in_account_js(path: Path) -> _Owner | None:
    """``accountId`` and ``username`` from the archive's ``account.js`` next to the file."""
    sibling = path.with_name("account.js")
    if not sibling.is_file():
        return None
    try:
        entries = _js_payload(decode(sibling), ACCOUNT_HEAD, sibling, [])
        account = entries[0]["account"]  # type: ignore[index]
        user_id, handle = account.get("accountId"), account.get("username")
    except (ImportFailed, IndexError, KeyError, TypeError, AttributeError):
        return None
    if not (user_id or handle):
        return None
    return _Owner(str(user_id) if user_id else None, str(handle) if handle else None)


def _archive_time(value: object) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(dt.datetime.strptime(str(value), ARCHIVE_TIME)).tz_convert("UTC")
    except ValueError:
        raise ValueError(
            f"created_at {value!r} is not like 'Fri Feb 20 09:10:58 +0000 2026'") from None
    return checked(stamp, "created_at")


def _permalink(owner: _Owner, tweet_id: str) -> str:
    return f"https://x.com/{owner.handle or 'i/web'}/status/{tweet_id}"


def _archive_post(tweet: dict[str, object], owner: _Owner, platform: str) -> dict[str, object]:
    """A tweet that is not a reply, as a posts row."""
    post_id = parse_id(tweet["id_str"])
    text = str(tweet.get("full_text") or tweet.get("text") or "")
    return {
        "platform": platform,
        "account_id": owner.account_id,
        "post_id": post_id,
        "permalink": _permalink(owner, post_id),
        "created_at": _archive_time(tweet["created_at"]),
        "author_id": owner.author_id,
        "author_name": owner.handle,
        "kind": "repost" if text.startswith("RT @") else None,
        "text": text,
        "reactions": parse_count(tweet.get("favorite_count")),
        "shares": parse_count(tweet.get("retweet_count")),
    }


def _archive_reply(tweet: dict[str, object], owner: _Owner, platform: str) -> dict[str, object]:
    """A reply of the archive's owner, as a messages row."""
    return {
        "platform": platform,
        "message_id": parse_id(tweet["id_str"]),
        "post_id": None,
        "container": None,
        "parent_id": parse_id(tweet["in_reply_to_status_id_str"]),
        "mentions": _tweet_mentions(tweet),
        "author_id": owner.author_id,
        "author_name": owner.handle,
        "created_at": _archive_time(tweet["created_at"]),
        "text": str(tweet.get("full_text") or tweet.get("text") or ""),
        "likes": parse_count(tweet.get("favorite_count")),
        "kind": "reply",
    }


def _tweet_mentions(tweet: dict[str, object]) -> str | None:
    """The user ids a tweet mentions (``entities.user_mentions[].id_str``, else the handle)."""
    entities = tweet.get("entities")
    people = entities.get("user_mentions") if isinstance(entities, dict) else None
    if not isinstance(people, list):
        return None
    return mention_list(p.get("id_str") or p.get("screen_name")
                        for p in people if isinstance(p, dict))


class XArchiveTweets(Importer):
    """``data/tweets.js`` of an X account archive (also ``tweet.js``, ``tweets-part1.js``)."""

    name = "x_archive_tweets"
    platform = "x"
    description = "X > Settings > Download an archive of your data (data/tweets.js)"
    tables = ("posts", "messages")

    def sniff(self, path: Path, head: str) -> bool:
        return path.suffix.lower() == ".js" and bool(ARCHIVE_HEAD.match(head))

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = self.account(path)
        items = _js_payload(decode(path), ARCHIVE_HEAD, path, account.repairs)
        owner = self._owner(path, items, account)
        platform = context.platform or "x"
        posts: list[dict[str, object]] = []
        replies: list[dict[str, object]] = []
        for number, item in enumerate(items, start=1):
            account.rows_read += 1
            try:
                tweet = _tweet(item)
                if tweet.get("in_reply_to_status_id_str"):
                    replies.append({**_archive_reply(tweet, owner, platform), ROW: number})
                else:
                    posts.append({**_archive_post(tweet, owner, platform), ROW: number})
            except KeyError as exc:
                account.reject(number, f"tweet {number}: no {exc.args[0]!r} field")
            except (TypeError, ValueError) as exc:
                account.reject(number, f"tweet {number}: {exc}")
        self._notes(account, posts, replies)
        stamp = file_time(path)
        tables = {
            "posts": pd.DataFrame(posts).assign(metrics_as_of=stamp, source_file=path.name),
            "messages": pd.DataFrame(replies).assign(source_file=path.name),
        }
        return ImportResult(tables, account)

    @staticmethod
    def _owner(path: Path, items: list[object], account: ImportAccount) -> _Owner:
        """Who wrote the archive: from the tweets, else account.js beside it, else 'self'."""
        owner = _owner_in_tweets(items)
        where = "the tweets"
        if owner is None:
            owner, where = _owner_in_account_js(path), "account.js"
        if owner is None:
            account.notes.append(
                "tweets.js does not name the archive's owner: its posts and replies are stored "
                f"with author_id {SELF!r}; declare the account in the playbook (accounts: "
                f"platform x, handle {SELF!r}) so they count as the brand's, or import the "
                "file with the archive's account.js beside it")
            return _Owner(None, None)
        account.notes.append(
            f"archive owner @{owner.handle or '?'} (id {owner.id or '?'}) read from {where}")
        return owner

    @staticmethod
    def _notes(account: ImportAccount, posts: list[dict[str, object]],
               replies: list[dict[str, object]]) -> None:
        reposts = sum(1 for p in posts if p["kind"] == "repost")
        account.notes.append(
            f"{len(posts)} tweets to posts (likes, reposts), {len(replies)} replies to "
            "messages with the replied-to tweet as parent; the archive has no impressions")
        if reposts:
            account.notes.append(
                f"{reposts} retweets ('RT @...') kept as posts of kind 'repost'; "
                "the archive counts no likes or reposts on them")
        account.notes.append(
            "the archive holds only the account's own tweets: replies from others are "
            "not in it")
