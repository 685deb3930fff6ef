"""The demo client's exports: six months of a fictional bakery, in real export formats.

Deterministic: the same seed writes the same bytes. ``generate`` returns how many of
each planted kind of message it wrote, so tests can check that the report finds them.
Formats (see docs/sources.md): Meta Business Suite Instagram posts (CSV, UTF-8 BOM),
Instagram Graph API comments (JSON per post), Meta follower insight (UTF-16, ``sep=,``),
X analytics per tweet and per day (CSV), DiscordChatExporter (JSON per channel).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from . import demo_data as words

TZ = ZoneInfo("America/New_York")
FIRST = dt.date(2026, 5, 1)
LAST = dt.date(2026, 10, 31)
UTC = dt.UTC
BRAND_IG = ("17841400000000001", "northwindbiscuits")
BRAND_DISCORD = ("900000000000000001", "Northwind")
IG_TEAM = {  # handle -> (from.id, group)
    "mia.bakes.northwind": ("17841400000000011", "team"),
    "sam.at.northwind": ("17841400000000012", "team"),
    "liwei.northwind": ("17841400000000022", "employee"),
    "jordanbakes": ("17841400000000031", "ambassador"),
    "xiaohong.bakes": ("17841400000000032", "ambassador"),
    "chef.ana.ruiz": ("17841400000000041", "influencer"),
}
DISCORD_PEOPLE = {  # id -> (name, group)
    "900000000000000011": ("Mia Chen", "team"),
    "900000000000000012": ("Sam Ortiz", "team"),
    "900000000000000021": ("Priya N", "employee"),
    "900000000000000022": ("Li Wei", "employee"),
    "900000000000000031": ("Jordan", "ambassador"),
    "900000000000000032": ("小红", "ambassador"),
    "900000000000000034": ("Alex Kim", "ambassador"),
}
BOT = ("900000000000000099", "Crumb")
GUILD = {"id": "910000000000000000", "name": "Northwind Bakers Club",
         "iconUrl": "https://cdn.discordapp.com/embed/avatars/1.png"}
CHANNELS = (("910000000000000001", "general", "Say hello and share your bakes"),
            ("910000000000000002", "help-desk", "Questions about orders and recipes"))


@dataclass(frozen=True)
class Member:
    ig: tuple[str, str]
    discord: tuple[str, str]
    joined: int  # day index in the window (negative: before it)
    leaves: int


@dataclass
class Message:
    """One comment or chat message before it is written in its platform's shape."""

    id: str
    author_id: str
    author_name: str
    when: dt.datetime
    text: str
    parent: str | None = None
    likes: int = 0
    replies: list[Message] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (id, name) of people


class Demo:
    """Holds the random source, id counters and the planted-item counts."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 (demo data, not security)
        # how Discord answers link to what they answer: a stream of its own, so the rest of
        # the demo stays as it was when the links changed
        self.links = random.Random(seed * 1000 + 1)  # noqa: S311
        # members talking among themselves in the ambassadors' threads: a stream of its own
        self.chat = random.Random(seed * 1000 + 2)  # noqa: S311
        self.counts: Counter[str] = Counter()
        self._next_id = 0
        self.members = self._member_pool(360)
        self.ig_members = [m.ig for m in self.members]
        self.discord_members = [m.discord for m in self.members]

    def _member_pool(self, size: int) -> list[Member]:
        """Members who join before or during the window and stay a while, then drift away."""
        span = (LAST - FIRST).days
        pool = []
        for i in range(size):
            stem = words.MEMBER_NAMES[i % len(words.MEMBER_NAMES)]
            name = stem if i < len(words.MEMBER_NAMES) else f"{stem}{i // len(words.MEMBER_NAMES)}"
            joined = self.rng.randint(-90, span)
            pool.append(Member((f"178500000{i + 1:08d}", name),
                               (f"9200000000000{i + 1:05d}", name.split(".")[0]),
                               joined, joined + self.rng.randint(25, 220)))
        return pool

    def active_member(self, day: dt.date, platform: str) -> tuple[str, str]:
        """A member active on ``day`` (id, name) for ``platform``."""
        index = (day - FIRST).days
        pool = [m for m in self.members if m.joined <= index < m.leaves]
        member = self.rng.choice(pool)
        return member.ig if platform == "instagram" else member.discord

    def new_id(self, prefix: str, width: int) -> str:
        self._next_id += 1
        return f"{prefix}{self._next_id:0{width - len(prefix)}d}"

    def activity(self, day: dt.date) -> float:
        """How busy a day is: quiet weeks, a launch week, a price-complaint wave."""
        week = day.isocalendar()[1]
        if week in (21, 28, 35):
            return 0.25
        if dt.date(2026, 9, 14) <= day <= dt.date(2026, 9, 20):
            return 2.2
        if dt.date(2026, 8, 10) <= day <= dt.date(2026, 8, 21):
            return 1.5
        return 1.0 + (0.3 if day.month == 10 else 0.0)

    def member_text(self, day: dt.date) -> tuple[str, str]:
        """A member message for ``day``: (kind, text), Chinese about one time in five."""
        kind, text = self._member_text(day)
        if day.month == 10:  # the report's month: listening items counted exactly
            if kind == "request" or (kind == "question" and "补货" in text):  # restock asks
                self.counts["october_requests"] += 1
                if text in words.REQUESTS_JALAPENO:
                    self.counts["october_requests_jalapeno"] += 1
                    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
                        self.counts["october_requests_jalapeno_zh"] += 1
            elif kind == "complaint" and text in words.DELIVERY_COMPLAINTS:
                self.counts["october_complaints_delivery"] += 1
        return kind, text

    def _member_text(self, day: dt.date) -> tuple[str, str]:
        rng = self.rng
        zh = rng.random() < 0.2
        price_wave = dt.date(2026, 8, 10) <= day <= dt.date(2026, 8, 21)
        roll = rng.random()
        if price_wave and roll < 0.35:
            self.counts["complaints"] += 1
            return "complaint", rng.choice(words.PRICE_COMPLAINTS)
        if roll < 0.34:
            self.counts["questions"] += 1
            return "question", self._fill(rng.choice(words.QUESTIONS_ZH if zh else
                                                     words.QUESTIONS_EN), zh)
        if roll < 0.56:
            return "praise", self._fill(rng.choice(words.PRAISE_ZH if zh else words.PRAISE_EN),
                                        zh)
        if roll < 0.64:
            self.counts["complaints"] += 1
            return "complaint", self._fill(rng.choice(words.COMPLAINTS_ZH if zh else
                                                      words.COMPLAINTS_EN), zh)
        if roll < 0.69:
            self.counts["requests_jalapeno"] += 1
            return "request", rng.choice(words.REQUESTS_JALAPENO)
        if roll < 0.73:
            self.counts["requests_other"] += 1
            return "request", rng.choice(words.REQUESTS_OTHER)
        if roll < 0.745:
            self.counts["spam"] += 1
            return "spam", rng.choice(words.SPAM)
        return "chatter", rng.choice(words.CHATTER_ZH if zh else words.CHATTER_EN)

    def _fill(self, template: str, zh: bool) -> str:
        return template.format(x=self.rng.choice(words.PRODUCTS_ZH if zh else words.PRODUCTS_EN))

    def local(self, day: dt.date, start_hour: int, end_hour: int) -> dt.datetime:
        """A random local time on ``day`` between the hours, in UTC."""
        minute = self.rng.randrange(start_hour * 60, end_hour * 60)
        local = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=TZ)
        return local.astimezone(UTC)

    def member_time(self, day: dt.date) -> dt.datetime:
        """Members write mostly in the evening, some at night and during work hours."""
        roll = self.rng.random()
        if roll < 0.45:
            return self.local(day, 17, 23)
        if roll < 0.55:
            return self.local(day, 0, 7)
        return self.local(day, 7, 17)

    def answer_delay(self, when: dt.datetime) -> dt.datetime:
        """When the team answers: fast in opening hours, next opening otherwise, or slow."""
        rng = self.rng
        local = when.astimezone(TZ)
        open_now = local.weekday() < 5 and 9 <= local.hour < 17
        if open_now and rng.random() < 0.7:
            return when + dt.timedelta(minutes=rng.randint(4, 80))
        day = local.date() + dt.timedelta(days=1 if local.hour >= 9 else 0)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        opening = dt.datetime.combine(day, dt.time(9), tzinfo=TZ).astimezone(UTC)
        slow = dt.timedelta(hours=rng.choice((0, 0, 1, 3, 7))) if rng.random() < 0.3 else (
            dt.timedelta())
        return max(opening, when) + dt.timedelta(minutes=rng.randint(5, 50)) + slow


def _days() -> list[dt.date]:
    return [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


# ---- Instagram ---------------------------------------------------------------------------

@dataclass
class Post:
    id: str
    when: dt.datetime
    caption: str
    kind: str
    comments: list[Message] = field(default_factory=list)


def instagram(demo: Demo) -> list[Post]:
    rng = demo.rng
    posts = []
    for day in _days():
        if rng.random() < 3 / 7 * min(demo.activity(day), 1.6):
            pillar = rng.choices(list(words.POST_CAPTIONS), weights=(2, 3, 2, 2, 1.5))[0]
            post = Post(demo.new_id("180", 17), demo.local(day, 10, 19),
                        rng.choice(words.POST_CAPTIONS[pillar]),
                        rng.choice(("IG image", "IG carousel", "IG reel")))
            _comments(demo, post, day)
            posts.append(post)
    return posts


def _comments(demo: Demo, post: Post, day: dt.date) -> None:
    rng = demo.rng
    count = int(rng.randint(3, 11) * demo.activity(day))
    for _ in range(count):
        when = post.when + dt.timedelta(minutes=int(rng.expovariate(1 / 600)) + 2)
        if when.astimezone(TZ).date() > LAST:
            continue
        member_id, name = demo.active_member(when.astimezone(TZ).date(), "instagram")
        kind, text = demo.member_text(when.astimezone(TZ).date())
        comment = Message(demo.new_id("179", 17), member_id, name, when, text,
                          likes=rng.randint(0, 9))
        _ig_replies(demo, post, comment, kind)
        post.comments.append(comment)
        demo.counts["instagram_comments"] += 1 + len(comment.replies)


def _ig_replies(demo: Demo, post: Post, comment: Message, kind: str) -> None:
    rng = demo.rng
    roll = rng.random()
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in comment.text)
    if kind == "question" and roll < 0.15:
        handle = rng.choice(("jordanbakes", "xiaohong.bakes"))
        _reply(demo, comment, IG_TEAM[handle][0], handle, rng.choice(words.ADVOCATE_ANSWERS),
               comment.when + dt.timedelta(minutes=rng.randint(10, 240)))
        demo.counts["answered_only_by_ambassador"] += 1
        return
    if kind == "question" and roll > 0.9:
        demo.counts["unanswered_questions"] += 1
        return
    if kind in ("question", "complaint", "request") or (kind == "praise" and roll < 0.3):
        author = rng.choice((BRAND_IG, BRAND_IG, ("17841400000000011", "mia.bakes.northwind"),
                             ("17841400000000012", "sam.at.northwind"),
                             ("17841400000000022", "liwei.northwind")))
        text = rng.choice(words.TEAM_ANSWERS_ZH if zh else words.TEAM_ANSWERS_EN)
        _reply(demo, comment, author[0], author[1], text, demo.answer_delay(comment.when))
    if kind == "praise" and rng.random() < 0.05:  # the influencer joins in now and then
        _reply(demo, comment, IG_TEAM["chef.ana.ruiz"][0], "chef.ana.ruiz",
               "So glad you like them! Try them with my honey butter recipe",
               comment.when + dt.timedelta(minutes=rng.randint(30, 900)))
    if rng.random() < 0.12:
        member_id, name = demo.active_member(comment.when.astimezone(TZ).date(), "instagram")
        if member_id != comment.author_id:
            _reply(demo, comment, member_id, name, rng.choice(words.PEER_ANSWERS),
                   comment.when + dt.timedelta(minutes=rng.randint(3, 300)))


def _reply(demo: Demo, parent: Message, author_id: str, name: str, text: str,
           when: dt.datetime) -> None:
    parent.replies.append(Message(demo.new_id("179", 17), author_id, name, when, text,
                                  parent=parent.id, likes=demo.rng.randint(0, 3)))


def _graph_comment(message: Message, media_id: str) -> dict[str, object]:
    item: dict[str, object] = {
        "id": message.id,
        "text": message.text,
        "timestamp": message.when.strftime("%Y-%m-%dT%H:%M:%S+0000"),
        "username": message.author_name,
        "like_count": message.likes,
        "from": {"id": message.author_id, "username": message.author_name},
        "media": {"id": media_id},
    }
    if message.parent:
        item["parent_id"] = message.parent
    else:
        item["replies"] = {"data": [_graph_comment(r, media_id) for r in message.replies]}
    return item


def write_instagram(out: Path, posts: list[Post], demo: Demo) -> list[Path]:
    rng = demo.rng
    header = ["Post ID", "Account ID", "Account username", "Account name", "Description",
              "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
              "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"]
    rows = []
    for post in posts:
        comments = sum(1 + len(c.replies) for c in post.comments)
        views = rng.randint(1800, 9000)
        rows.append([
            post.id, BRAND_IG[0], BRAND_IG[1], "Northwind Biscuit Co.", post.caption,
            "0" if post.kind != "IG reel" else str(rng.randint(12, 60)),
            post.when.astimezone(TZ).strftime("%m/%d/%Y %H:%M"),
            f"https://www.instagram.com/p/{_shortcode(rng)}/", post.kind, "", "Lifetime",
            str(views), str(int(views * 0.7)), str(rng.randint(80, 600)),
            str(rng.randint(0, 40)), str(rng.randint(0, 25)), str(comments),
            str(rng.randint(5, 120)),
        ])
    files = [_write_csv(out / "instagram_posts_2026-05-01_2026-10-31.csv", header, rows,
                        encoding="utf-8-sig")]
    folder = out / "instagram_comments"
    folder.mkdir(parents=True, exist_ok=True)
    for post in posts:
        if not post.comments:
            continue
        doc = {"data": [_graph_comment(c, post.id) for c in post.comments],
               "paging": {"cursors": {"before": "QVFIUm" + post.id[-6:],
                                      "after": "QVFIUn" + post.id[-6:]}}}
        path = folder / f"comments_{post.id}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        files.append(path)
    return files


def _shortcode(rng: random.Random) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "".join(rng.choice(alphabet) for _ in range(11))


def write_followers(out: Path, demo: Demo) -> Path:
    """Daily follower totals: steady growth, a dip after the August price rise."""
    rng = demo.rng
    total = 12034
    lines = ["sep=,", '"Instagram followers"', '"Date","Primary"']
    for day in _days():
        if dt.date(2026, 8, 12) <= day <= dt.date(2026, 8, 22):
            total -= rng.randint(25, 55)
        else:
            total += rng.randint(2, 16) + (25 if dt.date(2026, 9, 14) <= day <= dt.date(
                2026, 9, 20) else 0)
        lines.append(f'"{day.isoformat()}T00:00:00","{total}"')
    path = out / "instagram_followers.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path


# ---- X -----------------------------------------------------------------------------------

X_ORGANIC = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements",
             "engagement rate", "retweets", "replies", "likes", "user profile clicks",
             "url clicks", "hashtag clicks", "detail expands", "permalink clicks", "app opens",
             "app installs", "follows", "email tweet", "dial phone", "media views",
             "media engagements"]
X_PROMOTED = ["promoted " + name for name in X_ORGANIC[4:]]


def write_x(out: Path, demo: Demo) -> list[Path]:
    rng = demo.rng
    tweets = []
    for day in _days():
        for _ in range(rng.choices((0, 1, 2), weights=(3, 4, 1.2 * demo.activity(day)))[0]):
            when = demo.local(day, 8, 21)
            pillar = rng.choice(list(words.POST_CAPTIONS))
            tweets.append((demo.new_id("18", 19), when, rng.choice(words.POST_CAPTIONS[pillar])))
    tweets.sort(key=lambda t: t[1], reverse=True)
    rows = []
    daily: dict[dt.date, list[int]] = {day: [0] * 8 for day in _days()}
    for tweet_id, when, text in tweets:
        impressions = rng.randint(300, 4000)
        retweets, replies, likes = rng.randint(0, 12), rng.randint(0, 9), rng.randint(2, 80)
        clicks = [rng.randint(0, 20) for _ in range(5)]
        engagements = retweets + replies + likes + sum(clicks)
        organic = [f"{v}.0" for v in (impressions, engagements)]
        organic.append(repr(engagements / impressions))
        organic += [f"{v}.0" for v in (retweets, replies, likes, *clicks)]
        organic += [str(v) for v in (0, 0, rng.randint(0, 3), 0, 0, 0, 0)]
        rows.append([tweet_id, f"https://twitter.com/northwindbakes/status/{tweet_id}", text,
                     when.strftime("%Y-%m-%d %H:%M +0000"), *organic] + ["-"] * len(X_PROMOTED))
        day = when.date()
        if day in daily:
            daily[day] = [a + b for a, b in zip(
                daily[day], (1, impressions, engagements, retweets, replies, likes, clicks[1],
                             int(organic[13])), strict=True)]
    first = _write_csv(out / "tweet_activity_metrics_northwindbakes_20260501_20261031_en.csv",
                       X_ORGANIC + X_PROMOTED, rows)
    header = ["Date", "Tweets published", *X_ORGANIC[4:]]
    day_rows = []
    for day, (n, imp, eng, rt, rep, lik, url, fol) in daily.items():
        rate = repr(eng / imp) if imp else "0.0"
        day_rows.append([day.isoformat(), str(n), str(imp), str(eng), rate, str(rt), str(rep),
                         str(lik), "0", str(url), "0", "0", "0", "0", "0", str(fol), "0", "0",
                         "0", "0"] + ["-"] * len(X_PROMOTED))
    second = _write_csv(
        out / "daily_tweet_activity_metrics_northwindbakes_20260501_20261031_en.csv",
        header + X_PROMOTED, day_rows)
    demo.counts["x_posts"] = len(tweets)
    return [first, second]


# ---- Discord -----------------------------------------------------------------------------

def discord(demo: Demo) -> dict[str, list[Message]]:
    rng = demo.rng
    channels: dict[str, list[Message]] = {cid: [] for cid, _, _ in CHANNELS}
    general, helpdesk = (c[0] for c in CHANNELS)
    seen: set[str] = set()
    for day in _days():
        if day.weekday() in (1, 4):
            _say(demo, channels[general], BRAND_DISCORD, demo.local(day, 10, 16),
                 rng.choice([c for cs in words.POST_CAPTIONS.values() for c in cs]))
        for _ in range(int(rng.randint(3, 9) * demo.activity(day))):
            member = demo.active_member(day, "discord")
            channel = helpdesk if rng.random() < 0.4 else general
            when = demo.member_time(day)
            if member[0] not in seen:
                seen.add(member[0])
                _say(demo, channels[general], BOT, when - dt.timedelta(minutes=1),
                     f"Welcome to the club, {member[1]}!")
            kind, text = demo.member_text(day)
            message = _say(demo, channels[channel], member, when, text)
            _discord_answers(demo, channels[channel], message, kind, day)
        if day.weekday() == 5:  # the ambassadors' weekend thread, members join in
            host = ("900000000000000031", "Jordan") if day.day % 2 else (
                "900000000000000032", "小红")
            thread = _say(demo, channels[general], host, demo.local(day, 9, 11),
                          "Weekend bake thread: show us what's in your oven!")
            for _ in range(rng.randint(1, 5)):
                member = demo.active_member(day, "discord")
                joined = _say(demo, channels[general], member,
                              thread.when + dt.timedelta(minutes=rng.randint(5, 600)),
                              rng.choice(words.CHATTER_EN), parent=thread.id)
                _member_to_member(demo, channels[general], joined)
        if day <= dt.date(2026, 7, 31) and rng.random() < 0.3:
            _say(demo, channels[general], ("900000000000000034", "Alex Kim"),
                 demo.local(day, 18, 22), "Sourdough starter check-in: how is everyone's?")
    for messages in channels.values():
        messages.sort(key=lambda m: m.when)
    return channels


def _member_to_member(demo: Demo, channel: list[Message], message: Message) -> None:
    """Now and then another member answers a member's line in a thread: a conversation
    among members that answers no inbound message (drawn from a stream of its own, with
    ids of their own, so the rest of the demo stays as it was)."""
    chat = demo.chat
    if chat.random() >= 0.3:
        return
    other = chat.choice(demo.discord_members[:80])
    if other[0] == message.author_id:
        return
    when = message.when + dt.timedelta(minutes=chat.randint(2, 120))
    channel.append(Message(_snowflake(demo, when, sequence=4000 + chat.randint(0, 94)),
                           other[0], other[1], when, chat.choice(words.PEER_ANSWERS),
                           parent=message.id))
    demo.counts["discord_messages"] += 1


def _say(demo: Demo, channel: list[Message], author: tuple[str, str], when: dt.datetime,
         text: str, parent: str | None = None,
         mentions: list[tuple[str, str]] | None = None) -> Message:
    message = Message(_snowflake(demo, when), author[0], author[1], when, text, parent,
                      likes=demo.rng.choice((0, 0, 0, 1, 2, 3)), mentions=mentions or [])
    channel.append(message)
    demo.counts["discord_messages"] += 1
    return message


def _snowflake(demo: Demo, when: dt.datetime, sequence: int | None = None) -> str:
    """Discord ids grow with time: milliseconds since 2015 shifted left 22 bits, plus a
    sequence number (the next id's unless given)."""
    millis = int((when - dt.datetime(2015, 1, 1, tzinfo=UTC)).total_seconds() * 1000)
    if sequence is None:
        demo._next_id += 1
        sequence = demo._next_id % 4096
    return str((millis << 22) + sequence)


def _discord_answers(demo: Demo, channel: list[Message], message: Message, kind: str,
                     day: dt.date) -> None:
    rng = demo.rng
    if kind not in ("question", "complaint", "request"):
        if rng.random() < 0.15:  # members chatting with each other
            peer = demo.active_member(day, "discord")
            if peer[0] != message.author_id:
                _say(demo, channel, peer, message.when + dt.timedelta(minutes=rng.randint(1, 90)),
                     rng.choice(words.PEER_ANSWERS), parent=message.id)
        return
    roll = rng.random()
    if roll < 0.2:
        advocates = ["900000000000000031", "900000000000000032"]
        if day <= dt.date(2026, 7, 31):
            advocates.append("900000000000000034")
        who = rng.choice(advocates)
        _answer(demo, channel, message, (who, DISCORD_PEOPLE[who][0]),
                message.when + dt.timedelta(minutes=rng.randint(5, 180)),
                rng.choice(words.ADVOCATE_ANSWERS), _link(demo, reply_share=0.75))
        return
    if roll < 0.3 and kind == "question":
        demo.counts["unanswered_questions"] += 1
        return
    who = rng.choice(["900000000000000011", "900000000000000012", "900000000000000021",
                      "900000000000000022"])
    when = demo.answer_delay(message.when)
    text = rng.choice(words.TEAM_ANSWERS_EN)
    link = "reply" if rng.random() < 0.75 else _link(demo, reply_share=0.0)
    _answer(demo, channel, message, (who, DISCORD_PEOPLE[who][0]), when, text, link)


def _link(demo: Demo, reply_share: float) -> str:
    """How an answer points at its question, as people write on Discord: mostly a reply
    (``reference``), else a line naming the member (``@name``, ``mentions``) about twice
    as often as a plain line that links to nothing."""
    roll = demo.links.random()
    if roll < reply_share:
        return "reply"
    return "mention" if roll < reply_share + (1 - reply_share) * 0.65 else "unlinked"


def _answer(demo: Demo, channel: list[Message], question: Message, author: tuple[str, str],
            when: dt.datetime, text: str, link: str) -> None:
    """An answer to ``question`` linked as ``link`` says (reply, mention or unlinked)."""
    demo.counts[f"discord_answers_{link}"] += 1
    if link == "reply":
        _say(demo, channel, author, when, text, parent=question.id)
    elif link == "mention":
        _say(demo, channel, author, when, f"@{question.author_name} {text}",
             mentions=[(question.author_id, question.author_name)])
    else:
        _say(demo, channel, author, when, text)


def write_discord(out: Path, channels: dict[str, list[Message]]) -> list[Path]:
    folder = out / "discord"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for cid, name, topic in CHANNELS:
        doc = {
            "guild": GUILD,
            "channel": {"id": cid, "type": "GuildTextChat", "categoryId": "910000000000000010",
                        "category": "Community", "name": name, "topic": topic},
            "dateRange": {"after": None, "before": None},
            "exportedAt": "2026-11-02T10:00:00.000+00:00",
            "messages": [_discord_json(m, cid) for m in channels[cid]],
            "messageCount": len(channels[cid]),
        }
        path = folder / f"Northwind Bakers Club - {name} [{cid}].json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        files.append(path)
    return files


def _discord_user(user_id: str, name: str, is_bot: bool = False) -> dict[str, object]:
    """A user as DiscordChatExporter writes authors and mentioned users."""
    return {"id": user_id, "name": name.lower().replace(" ", ""), "discriminator": "0000",
            "nickname": name, "color": None, "isBot": is_bot, "roles": [],
            "avatarUrl": "https://cdn.discordapp.com/embed/avatars/0.png"}


def _discord_json(message: Message, channel_id: str) -> dict[str, object]:
    local = message.when.astimezone(TZ)
    stamp = local.isoformat(timespec="milliseconds")
    is_bot = message.author_id == BOT[0]
    item: dict[str, object] = {
        "id": message.id, "type": "Reply" if message.parent else "Default",
        "timestamp": stamp, "timestampEdited": None, "callEndedTimestamp": None,
        "isPinned": False, "content": message.text,
        "author": _discord_user(message.author_id, message.author_name, is_bot),
        "attachments": [], "embeds": [], "stickers": [],
        "reactions": [{"emoji": {"id": "", "name": "👍", "code": "thumbsup", "isAnimated": False,
                                 "imageUrl": "https://cdn.discordapp.com/emojis/thumbsup.svg"},
                       "count": message.likes}] if message.likes else [],
        "mentions": [_discord_user(user_id, name) for user_id, name in message.mentions],
    }
    if message.parent:
        item["reference"] = {"messageId": message.parent, "channelId": channel_id,
                             "guildId": GUILD["id"]}
    return item


# ---- planted October items ---------------------------------------------------------------

def plant_october(demo: Demo, posts: list[Post], channels: dict[str, list[Message]]) -> None:
    """Rule breaks and hostile markup at known places, counted exactly."""
    october = [p for p in posts if p.when.astimezone(TZ).month == 10]
    target = october[1]  # early: the hostile questions are among the first unanswered rows
    base = target.when + dt.timedelta(hours=3)
    plants = [(text, "hostile_markup") for text in words.HOSTILE_MARKUP]
    plants += [(words.HARASSMENT[0], "harassment"), (words.DISCRIMINATION[0], "discrimination")]
    for offset, (text, kind) in enumerate(plants):
        member_id, name = demo.ig_members[offset]
        comment = Message(demo.new_id("179", 17), member_id, name,
                          base + dt.timedelta(minutes=17 * offset), text)
        if kind == "harassment":  # handled by the community manager within the hour
            _reply(demo, comment, "17841400000000011", "mia.bakes.northwind",
                   "We've hidden this comment. Please keep it kind here.",
                   comment.when + dt.timedelta(minutes=40))
        target.comments.append(comment)
        demo.counts[kind] += 1
        demo.counts["instagram_comments"] += 1 + len(comment.replies)
    helpdesk = channels[CHANNELS[1][0]]
    when = dt.datetime(2026, 10, 9, 23, 40, tzinfo=UTC)
    insult = _say(demo, helpdesk, demo.discord_members[5], when, words.HARASSMENT[2])
    demo.counts["harassment"] += 1
    # Mia answers it the next morning with a reply (late for its 4 h); written without
    # drawing from the random source, so the exports written after this stay as they were
    mia = "900000000000000011"
    reply_at = dt.datetime(2026, 10, 10, 13, 10, tzinfo=UTC)
    helpdesk.append(Message(_snowflake(demo, reply_at, sequence=4095), mia,
                            DISCORD_PEOPLE[mia][0], reply_at,
                            "We've removed this. Please keep the club friendly.",
                            parent=insult.id))
    demo.counts["discord_messages"] += 1
    helpdesk.sort(key=lambda m: m.when)


def _write_csv(path: Path, header: list[str], rows: list[list[str]],
               encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding=encoding, newline="")
    return path


def generate(out_dir: Path, seed: int = 7) -> dict[str, int]:
    """Write the demo exports under ``out_dir``; return counts of planted items."""
    demo = Demo(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    posts = instagram(demo)
    channels = discord(demo)
    plant_october(demo, posts, channels)
    for post in posts:
        post.comments.sort(key=lambda c: c.when)
    files = write_instagram(out_dir, posts, demo)
    files.append(write_followers(out_dir, demo))
    files += write_x(out_dir, demo)
    files += write_discord(out_dir, channels)
    demo.counts["instagram_posts"] = len(posts)
    demo.counts["files"] = len(files)
    return dict(sorted(demo.counts.items()))
