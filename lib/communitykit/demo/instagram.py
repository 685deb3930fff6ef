"""The demo's Instagram exports: Meta Business Suite posts (CSV, UTF-8 BOM), Instagram
Graph API comments (JSON per post) and the follower insight (UTF-16, ``sep=,``)."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from .. import demo_data as words
from .community import LAST, TZ, Demo, Message, days
from .files import write_csv

BRAND_IG = ("17841400000000001", "northwindbiscuits")
IG_TEAM = {  # handle -> (from.id, group)
    "mia.bakes.northwind": ("17841400000000011", "team"),
    "sam.at.northwind": ("17841400000000012", "team"),
    "liwei.northwind": ("17841400000000022", "employee"),
    "jordanbakes": ("17841400000000031", "ambassador"),
    "xiaohong.bakes": ("17841400000000032", "ambassador"),
    "chef.ana.ruiz": ("17841400000000041", "influencer"),
}


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
    for day in days():
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
        reply(demo, comment, IG_TEAM[handle][0], handle, rng.choice(words.ADVOCATE_ANSWERS),
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
        reply(demo, comment, author[0], author[1], text, demo.answer_delay(comment.when))
    if kind == "praise" and rng.random() < 0.05:  # the influencer joins in now and then
        reply(demo, comment, IG_TEAM["chef.ana.ruiz"][0], "chef.ana.ruiz",
              "So glad you like them! Try them with my honey butter recipe",
              comment.when + dt.timedelta(minutes=rng.randint(30, 900)))
    if rng.random() < 0.12:
        member_id, name = demo.active_member(comment.when.astimezone(TZ).date(), "instagram")
        if member_id != comment.author_id:
            reply(demo, comment, member_id, name, rng.choice(words.PEER_ANSWERS),
                  comment.when + dt.timedelta(minutes=rng.randint(3, 300)))


def reply(demo: Demo, parent: Message, author_id: str, name: str, text: str,
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
    files = [write_csv(out / "instagram_posts_2026-05-01_2026-10-31.csv", header, rows,
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
    for day in days():
        if dt.date(2026, 8, 12) <= day <= dt.date(2026, 8, 22):
            total -= rng.randint(25, 55)
        else:
            total += rng.randint(2, 16) + (25 if dt.date(2026, 9, 14) <= day <= dt.date(
                2026, 9, 20) else 0)
        lines.append(f'"{day.isoformat()}T00:00:00","{total}"')
    path = out / "instagram_followers.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path
