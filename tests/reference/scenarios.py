"""Seeded small scenarios with the awkward cases of METRICS.md, in the kit's table schema.

A scenario is a playbook (validated), posts, messages and daily follower rows for three
channels: Instagram (comments on posts, replies), X (mentions, DMs) and Discord (a flat
channel with reply references, mentions and unlinked lines). Texts keep question
detection unambiguous: member questions start with "How" and end with "?"; other texts
hold no "?" and no interrogative word.

Awkward cases placed on purpose: messages exactly at local midnight of each period edge,
answers after the period end, pending messages just before it, replies created before
their parent, 20-digit ids, members-only threads, peer answers, an ambassador's post
with member comments, DST changes (New York), public holidays and make-up working days
(Shanghai), spam and a rule severity with its own commitment.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from communitykit import periods
from communitykit.playbook import Playbook, validate
from communitykit.tables import conform

UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)

Author = tuple[str, str]  # (author_id, author_name)

BRAND_IG: Author = ("17841400000000001", "crumbco")
BRAND_X: Author = ("1500000000000000001", "CrumbCo")
BRAND_DC: Author = ("11000000000000000001", "crumbco")
MIA_IG: Author = ("17841400000000077", "mia.crumb")
MIA_X: Author = ("1500000000000000077", "MiaAtCrumb")
MIA_DC: Author = ("11000000000000000077", "mia_chen")
SAM_DC: Author = ("81234567890123456789", "sam_o")
PRIYA_IG: Author = ("17841400000000088", "priya.bakes")
PRIYA_DC: Author = ("98765432109876543210", "priya_n")
LEO_X: Author = ("1500000000000000099", "LeoBakes")
LEO_DC: Author = ("12345678901234567899", "leo_p")

NAMES = ("anna", "ben", "carla", "dev", "elif", "femi", "gus", "hana", "ivan", "jade",
         "kofi", "lena", "milo", "nora", "omar", "pia", "quinn", "rosa", "sami", "tara")

QUESTIONS = ("How do I keep the crust crisp?", "How long should the dough rest?",
             "How warm should the kitchen be?", "How much starter goes in?",
             "How do I stop the loaf from spreading?", "How often should I feed it?")
REMARKS = ("Love this bake", "Thanks team", "Great crumb on this loaf",
           "Saw this in the shop today", "Made it again this weekend", "Looks lovely")
ADVICE = ("Try a hotter oven for ten minutes", "Rest it overnight in the fridge",
          "Glad you like it", "Use a little less water next time", "Score it a bit deeper")
SPAM = "get free followers now at this link"
REFUND_QUESTION = "How do I get a refund for a burnt loaf?"
REFUND_REMARK = "I want a refund for this order"

ZONES = {
    "America/New_York": {"country": "US", "subdivision": "NY", "extra": ["2026-11-27"]},
    "Asia/Shanghai": {"country": "CN", "extra": []},
}
DST_DAYS = {"America/New_York": (dt.date(2026, 3, 8), dt.date(2026, 11, 1))}


@dataclass
class Scenario:
    name: str
    playbook: Playbook
    posts: pd.DataFrame
    messages: pd.DataFrame
    daily: pd.DataFrame


def playbook_data(zone: str, window: str) -> dict[str, Any]:
    """The scenario's playbook as parsed YAML (Monday's hours differ from the other days',
    so a make-up working day shows which hours it takes)."""
    hours = {"mon": ["10:00", "16:00"], **{d: ["09:00", "17:30"]
                                            for d in ("tue", "wed", "thu", "fri")}}
    return {
        "client": {"name": "Crumb & Co", "timezone": zone},
        "business_hours": {"days": hours, "holidays": ZONES[zone]},
        "accounts": [
            {"platform": "instagram", "id": BRAND_IG[0], "handle": BRAND_IG[1]},
            {"platform": "x", "id": BRAND_X[0], "handle": BRAND_X[1]},
            {"platform": "discord", "id": BRAND_DC[0], "handle": BRAND_DC[1]},
        ],
        "roster": [
            {"name": "Mia Chen", "role": "community_manager",
             "handles": {"instagram": MIA_IG[1], "x": MIA_X[1], "discord": MIA_DC[1]}},
            {"name": "Sam Ortiz", "role": "community_manager",
             "handles": {"discord": SAM_DC[0]}},
            {"name": "Priya Natarajan", "role": "ambassador",
             "handles": {"instagram": PRIYA_IG[1], "discord": PRIYA_DC[0]}},
            {"name": "Leo Park", "role": "employee",
             "handles": {"x": LEO_X[1], "discord": LEO_DC[1]}},
        ],
        "rules": {
            "categories": [
                {"id": "spam", "label": "Spam", "severity": "low",
                 "patterns": ["free followers"], "excluded_from_inbound": True},
                {"id": "refund", "label": "Refund", "severity": "high", "patterns": ["refund"]},
            ],
            "escalation": [{"severity": "high", "owner": "support", "handle_within": "4h"}],
        },
        "cadence": {
            "posts_per_week": {"instagram": 3, "discord": 1},
            "response": {
                "question": {"within": "4h"},
                "message": {"within": "1d", "clock": "calendar"},
                "high": {"within": "2h"},
            },
            "flat_thread_window": window,
        },
    }


@dataclass
class _Builder:
    rng: random.Random
    tz: ZoneInfo
    posts: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    used: set[tuple[str, dt.datetime]] = field(default_factory=set)
    counter: int = 0
    members: dict[str, list[Author]] = field(default_factory=dict)

    def new_id(self) -> str:
        """A 20-digit id (as Discord's and Instagram's grow)."""
        self.counter += 1
        return str(10**19 + self.rng.randrange(10**17) * 10 + self.counter % 10 + self.counter)

    def midnight(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), tzinfo=self.tz).astimezone(UTC)

    def local(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.tz).astimezone(UTC)

    def free(self, space: str, when: dt.datetime) -> dt.datetime:
        """``when``, or the next free minute in ``space`` (no two rows share an instant)."""
        while (space, when) in self.used:
            when += MINUTE
        self.used.add((space, when))
        return when

    def post(self, platform: str, author: Author, when: dt.datetime, text: str) -> tuple[
            str, dt.datetime]:
        when = self.free(f"post:{platform}", when)
        post_id = self.new_id()
        self.posts.append({
            "platform": platform, "account_id": BRAND_IG[0] if platform == "instagram"
            else BRAND_X[0], "post_id": post_id, "created_at": when, "author_id": author[0],
            "author_name": author[1], "text": text, "impressions": 500, "reactions": 20,
            "comments": 3,
        })
        return post_id, when

    def say(self, platform: str, author: Author, when: dt.datetime, text: str, *,
            parent: str | None = None, post_id: str | None = None,
            container: str | None = None, kind: str | None = None,
            mentions: str | None = None) -> tuple[str, dt.datetime]:
        when = self.free(f"msg:{platform}", when)
        message_id = self.new_id()
        self.messages.append({
            "platform": platform, "message_id": message_id, "post_id": post_id,
            "container": container, "parent_id": parent, "mentions": mentions,
            "author_id": author[0], "author_name": author[1], "created_at": when,
            "text": text, "likes": self.rng.randrange(4), "kind": kind,
            "sentiment": "neutral",
        })
        return message_id, when

    def member(self, platform: str, other_than: Author | None = None) -> Author:
        pool = [a for a in self.members[platform] if a != other_than]
        return self.rng.choice(pool)

    def delay(self) -> dt.timedelta:
        """Minutes to days: most answers come soon, some much later."""
        pick = self.rng.random()
        if pick < 0.4:
            return MINUTE * self.rng.randrange(2, 120)
        if pick < 0.8:
            return MINUTE * self.rng.randrange(120, 60 * 30)
        return MINUTE * self.rng.randrange(60 * 30, 60 * 90)

    def text(self, question_share: float = 0.6) -> str:
        if self.rng.random() < 0.06:
            return self.rng.choice((REFUND_QUESTION, REFUND_REMARK))
        if self.rng.random() < question_share:
            return self.rng.choice(QUESTIONS)
        return self.rng.choice(REMARKS)


def _members(rng: random.Random) -> dict[str, list[Author]]:
    out: dict[str, list[Author]] = {}
    for platform, digits, suffix in (("instagram", 17, "_bakes"), ("x", 19, "Bakes"),
                                     ("discord", 20, "")):
        out[platform] = [
            (str(rng.randrange(10 ** (digits - 1), 10**digits)), f"{name}{suffix}")
            for name in NAMES
        ]
    # An 18-digit Discord id beside the 20-digit ones.
    out["discord"][0] = ("412345678901234567", out["discord"][0][1])
    return out


# Instagram ---------------------------------------------------------------------------


def _comment_outcome(b: _Builder, post_id: str, asker: Author, cid: str,
                     at: dt.datetime) -> None:
    """What follows a member's comment on a team post."""
    pick = b.rng.random()
    ig = "instagram"
    if pick < 0.40:
        team = b.rng.choice((BRAND_IG, MIA_IG))
        rid, rat = b.say(ig, team, at + b.delay(), b.rng.choice(ADVICE), parent=cid,
                         post_id=post_id)
        if b.rng.random() < 0.35:  # a reply to a team message: inbound
            b.say(ig, asker, rat + b.delay(), b.text(0.5), parent=rid, post_id=post_id)
    elif pick < 0.52:
        pid, pat = b.say(ig, PRIYA_IG, at + b.delay(), b.rng.choice(ADVICE), parent=cid,
                         post_id=post_id)
        if b.rng.random() < 0.5:
            b.say(ig, BRAND_IG, pat + b.delay(), b.rng.choice(ADVICE), parent=cid,
                  post_id=post_id)
    elif pick < 0.68:  # members only: a peer answers, the asker thanks them
        peer = b.member(ig, asker)
        qid, qat = b.say(ig, peer, at + b.delay(), b.rng.choice(ADVICE), parent=cid,
                         post_id=post_id)
        b.say(ig, asker, qat + b.delay(), "Thanks for the tip", parent=qid, post_id=post_id)
        if b.rng.random() < 0.3:
            b.say(ig, MIA_IG, qat + b.delay(), b.rng.choice(ADVICE), parent=cid,
                  post_id=post_id)
    elif pick < 0.73:  # a team reply stored before its parent (clock damage)
        b.say(ig, BRAND_IG, at - 20 * MINUTE, b.rng.choice(ADVICE), parent=cid,
              post_id=post_id)
    elif pick < 0.82:  # another member names the brand in a reply to a member: inbound
        other = b.member(ig, asker)
        text = f"@{BRAND_IG[1]} " + b.rng.choice(QUESTIONS)
        mid, mat = b.say(ig, other, at + b.delay(), text, parent=cid, post_id=post_id)
        if b.rng.random() < 0.6:
            b.say(ig, BRAND_IG, mat + b.delay(), b.rng.choice(ADVICE), parent=mid,
                  post_id=post_id)
    elif pick < 0.87:  # a handle that only starts like the brand's: not a mention
        other = b.member(ig, asker)
        b.say(ig, other, at + b.delay(), f"Shoutout to @{BRAND_IG[1]}fans", parent=cid,
              post_id=post_id)


def _team_post(b: _Builder, when: dt.datetime) -> None:
    author = b.rng.choice((BRAND_IG, BRAND_IG, BRAND_IG, MIA_IG))
    post_id, at = b.post("instagram", author, when, "Fresh loaves this morning")
    for _ in range(b.rng.randrange(0, 4)):
        asker = b.member("instagram")
        text = SPAM if b.rng.random() < 0.04 else b.text()
        cid, cat = b.say("instagram", asker, at + MINUTE * b.rng.randrange(5, 60 * 30), text,
                         post_id=post_id)
        _comment_outcome(b, post_id, asker, cid, cat)


def _ambassador_post(b: _Builder, when: dt.datetime) -> None:
    """Priya's own post: member comments on it are not inbound; replies between members."""
    post_id, at = b.post("instagram", PRIYA_IG, when, "My weekend bake with the new flour")
    for _ in range(b.rng.randrange(1, 4)):
        asker = b.member("instagram")
        cid, cat = b.say("instagram", asker, at + b.delay(), b.text(), post_id=post_id)
        pick = b.rng.random()
        if pick < 0.35:
            b.say("instagram", PRIYA_IG, cat + b.delay(), b.rng.choice(ADVICE), parent=cid,
                  post_id=post_id)
        elif pick < 0.7:
            other = b.member("instagram", asker)
            oid, oat = b.say("instagram", other, cat + b.delay(), b.rng.choice(REMARKS),
                             parent=cid, post_id=post_id)
            b.say("instagram", asker, oat + b.delay(), "Thanks for the tip", parent=oid,
                  post_id=post_id)
        else:  # the team answers here; the member's reply to the team is inbound
            mid, mat = b.say("instagram", MIA_IG, cat + b.delay(), b.rng.choice(ADVICE),
                             parent=cid, post_id=post_id)
            b.say("instagram", asker, mat + b.delay(), b.text(), parent=mid, post_id=post_id)


# X -----------------------------------------------------------------------------------


def _x_episode(b: _Builder, when: dt.datetime) -> None:
    pick = b.rng.random()
    asker = b.member("x")
    if pick < 0.45:  # a mention of the brand, marked as such or only in the text
        kind = "mention" if b.rng.random() < 0.5 else None
        tid, at = b.say("x", asker, when, f"@{BRAND_X[1]} " + b.text(), kind=kind)
        answer = b.rng.random()
        if answer < 0.5:
            b.say("x", b.rng.choice((BRAND_X, MIA_X)), at + b.delay(), b.rng.choice(ADVICE),
                  parent=tid)
        elif answer < 0.7:
            b.say("x", LEO_X, at + b.delay(), b.rng.choice(ADVICE), parent=tid)
    elif pick < 0.7:  # a direct message
        container = f"dm-{asker[0]}"
        did, at = b.say("x", asker, when, b.text(), kind="dm", container=container)
        if b.rng.random() < 0.6:
            b.say("x", BRAND_X, at + b.delay(), b.rng.choice(ADVICE), parent=did, kind="dm",
                  container=container)
    else:  # a member's own tweet; another member names the brand in a reply
        tid, at = b.say("x", asker, when, b.rng.choice(REMARKS))
        other = b.member("x", asker)
        handle = BRAND_X[1].lower() if b.rng.random() < 0.5 else BRAND_X[1]
        rid, rat = b.say("x", other, at + b.delay(), f"{b.rng.choice(QUESTIONS)} @{handle}",
                         parent=tid)
        if b.rng.random() < 0.5:
            b.say("x", BRAND_X, rat + b.delay(), b.rng.choice(ADVICE), parent=rid)


# Discord -----------------------------------------------------------------------------


def _discord_burst(b: _Builder, when: dt.datetime) -> None:
    """A few member lines, then responders: references, mentions, unlinked lines."""
    dc = "discord"
    room = b.rng.choice(("help", "general"))
    lines: list[tuple[str, Author, dt.datetime]] = []
    at = when
    for _ in range(b.rng.randrange(1, 5)):
        asker = b.member(dc) if not lines or b.rng.random() < 0.7 else lines[-1][1]
        mid, mat = b.say(dc, asker, at, b.text(), container=room)
        lines.append((mid, asker, mat))
        at = mat + MINUTE * b.rng.randrange(1, 50)
    for _ in range(b.rng.randrange(1, 5)):
        at += MINUTE * b.rng.randrange(1, 180) if b.rng.random() < 0.85 else 26 * HOUR
        target_id, target_author, _ = b.rng.choice(lines)
        pick = b.rng.random()
        team = b.rng.choice((MIA_DC, SAM_DC))
        advocate = b.rng.choice((PRIYA_DC, LEO_DC))
        advice = b.rng.choice(ADVICE)
        if pick < 0.18:
            b.say(dc, team, at, advice, container=room, parent=target_id)
        elif pick < 0.30:
            b.say(dc, team, at, advice, container=room, mentions=target_author[0])
        elif pick < 0.34:  # any case: "@Anna" names anna
            b.say(dc, team, at, f"@{target_author[1].capitalize()} {advice}", container=room)
        elif pick < 0.38:  # two people at once
            other = b.member(dc, target_author)
            b.say(dc, team, at, advice, container=room,
                  mentions=f"{target_author[0]} {other[0]}")
        elif pick < 0.50:
            b.say(dc, team, at, advice, container=room)
        elif pick < 0.55:  # "@bakers" names no one: an unlinked line
            b.say(dc, team, at, f"@bakers {advice}", container=room)
        elif pick < 0.63:
            b.say(dc, advocate, at, advice, container=room)
        elif pick < 0.68:
            b.say(dc, advocate, at, advice, container=room, parent=target_id)
        elif pick < 0.72:
            b.say(dc, advocate, at, advice, container=room, mentions=target_author[0])
        elif pick < 0.80:
            peer = b.member(dc, target_author)
            b.say(dc, peer, at, advice, container=room, parent=target_id)
        elif pick < 0.86:
            peer = b.member(dc, target_author)
            b.say(dc, peer, at, f"@{target_author[1]} {advice}", container=room)
        elif pick < 0.93:  # a member's unlinked line: a new message, it answers nothing
            speaker = b.member(dc)
            mid, mat = b.say(dc, speaker, at, b.text(), container=room)
            lines.append((mid, speaker, mat))
        else:  # a brand announcement: a post, not an answer
            b.say(dc, BRAND_DC, at, "New starter kits in the shop this week", container=room)


def _discord_reply_before_parent(b: _Builder, when: dt.datetime) -> None:
    asker = b.member("discord")
    mid, mat = b.say("discord", asker, when, b.rng.choice(QUESTIONS), container="help")
    b.say("discord", MIA_DC, mat - 15 * MINUTE, b.rng.choice(ADVICE), container="help",
          parent=mid)


# Edges -------------------------------------------------------------------------------


def _edge(b: _Builder, day: dt.date) -> None:
    """Messages on and around local midnight of ``day`` (a period edge)."""
    edge = b.midnight(day)
    post_id, _ = b.post("instagram", BRAND_IG, edge - 50 * HOUR, "Fresh loaves this morning")
    cid, _ = b.say("instagram", b.member("instagram"), edge, b.rng.choice(QUESTIONS),
                   post_id=post_id)
    b.say("instagram", MIA_IG, edge + 10 * MINUTE, b.rng.choice(ADVICE), parent=cid,
          post_id=post_id)
    late, _ = b.say("instagram", b.member("instagram"), edge - 90 * MINUTE,
                    b.rng.choice(QUESTIONS), post_id=post_id)  # answered after the end
    b.say("instagram", BRAND_IG, edge + 3 * HOUR, b.rng.choice(ADVICE), parent=late,
          post_id=post_id)
    b.say("instagram", b.member("instagram"), edge - 40 * MINUTE, b.rng.choice(REMARKS),
          post_id=post_id)  # pending, never answered
    b.post("instagram", BRAND_IG, edge, "Fresh loaves this morning")
    b.say("instagram", b.member("instagram"), edge - 7 * HOUR, SPAM, post_id=post_id)
    refund, _ = b.say("instagram", b.member("instagram"), edge - 30 * HOUR, REFUND_QUESTION,
                      post_id=post_id)
    b.say("instagram", MIA_IG, edge - 27 * HOUR, b.rng.choice(ADVICE), parent=refund,
          post_id=post_id)
    asker = b.member("discord")
    qid, _ = b.say("discord", asker, edge, b.rng.choice(QUESTIONS), container="help")
    b.say("discord", SAM_DC, edge + 5 * MINUTE, b.rng.choice(ADVICE), container="help",
          parent=qid)
    b.say("discord", b.member("discord", asker), edge - 20 * MINUTE, b.rng.choice(QUESTIONS),
          container="general")
    b.say("discord", MIA_DC, edge + 30 * MINUTE, b.rng.choice(ADVICE), container="general")
    tid, _ = b.say("x", b.member("x"), edge - MINUTE, f"@{BRAND_X[1]} Thanks team",
                   kind="mention")
    b.say("x", LEO_X, edge + MINUTE, b.rng.choice(ADVICE), parent=tid)


def _dst(b: _Builder, day: dt.date) -> None:
    """Around a DST change: a question in the night before, answered the next day."""
    night = b.local(day - dt.timedelta(days=1), 22, 0)
    for step in (0, 3, 4):
        asker = b.member("discord")
        mid, mat = b.say("discord", asker, night + step * HOUR, b.rng.choice(QUESTIONS),
                         container="help")
        b.say("discord", MIA_DC, mat + (37 + 10 * step) * HOUR + 7 * MINUTE,
              b.rng.choice(ADVICE), container="help", parent=mid)
    post_id, at = b.post("instagram", BRAND_IG, night + 3 * HOUR + 30 * MINUTE,
                         "Fresh loaves this morning")
    cid, cat = b.say("instagram", b.member("instagram"), at + 40 * MINUTE,
                     b.rng.choice(QUESTIONS), post_id=post_id)
    b.say("instagram", BRAND_IG, cat + 33 * HOUR, b.rng.choice(ADVICE), parent=cid,
          post_id=post_id)


def _on_closed_days(b: _Builder, days: list[dt.date]) -> None:
    """Questions on holidays and make-up days, answered a day later."""
    for day in days:
        asker = b.member("instagram")
        post_id, at = b.post("instagram", BRAND_IG, b.local(day, 8, 0), "Holiday hours")
        cid, cat = b.say("instagram", asker, at + 95 * MINUTE, b.rng.choice(QUESTIONS),
                         post_id=post_id)
        b.say("instagram", MIA_IG, cat + 26 * HOUR + 13 * MINUTE, b.rng.choice(ADVICE),
              parent=cid, post_id=post_id)


def _oddities(b: _Builder, day: dt.date) -> None:
    """Lines whose links lead nowhere useful, and exact commitment boundaries."""
    dc, room = "discord", "help"
    at = b.local(day, 10, 0)
    asker, other = b.member(dc), b.member(dc)
    first, _ = b.say(dc, asker, at, b.rng.choice(QUESTIONS), container=room)
    # a reference to a message outside the export: linked, answers nothing
    b.say(dc, MIA_DC, at + 5 * MINUTE, b.rng.choice(ADVICE), container=room,
          parent=b.new_id())
    # a member answering their own line, and a mention of a team member: nothing
    b.say(dc, asker, at + 9 * MINUTE, b.rng.choice(REMARKS), container=room, parent=first)
    b.say(dc, SAM_DC, at + 12 * MINUTE, f"@{MIA_DC[1]} {b.rng.choice(ADVICE)}",
          container=room)
    # a brand-account reply reference: not an announcement, an answer
    second, _ = b.say(dc, other, at + 20 * MINUTE, b.rng.choice(QUESTIONS), container=room)
    b.say(dc, BRAND_DC, at + 31 * MINUTE, b.rng.choice(ADVICE), container=room,
          parent=second)
    # a member replying to their own comment; a post by an unknown author (the brand's)
    ig = "instagram"
    post_id, pat = b.post(ig, ("17841499999999999", "crumbco_archive"), at - 2 * HOUR,
                          "Fresh loaves this morning")
    member = b.member(ig)
    cid, cat = b.say(ig, member, pat + 17 * MINUTE, b.rng.choice(QUESTIONS), post_id=post_id)
    b.say(ig, member, cat + 3 * MINUTE, "Never mind found it", parent=cid, post_id=post_id)
    # a DM remark exactly one calendar day before the edge, answered exactly a day later
    dm = b.member("x")
    did, dat = b.say("x", dm, b.midnight(day + dt.timedelta(days=3)) - 24 * HOUR,
                     b.rng.choice(REMARKS), kind="dm", container=f"dm-{dm[0]}")
    b.say("x", BRAND_X, dat + 24 * HOUR, b.rng.choice(ADVICE), parent=did, kind="dm",
          container=f"dm-{dm[0]}")
    # an answer exactly at local midnight
    tid, _ = b.say("x", b.member("x"), b.midnight(day + dt.timedelta(days=3)) - 3 * HOUR,
                   f"@{BRAND_X[1]} " + b.rng.choice(QUESTIONS))
    b.say("x", BRAND_X, b.midnight(day + dt.timedelta(days=3)), b.rng.choice(ADVICE),
          parent=tid)


# The scenario ------------------------------------------------------------------------


def generate(seed: int, zone: str, first: dt.date, last: dt.date,
             period_labels: list[str], window: str = "24h") -> Scenario:
    """A scenario with data from local day ``first`` to ``last``; the edges of the named
    periods (and of their previous periods) get the edge cases."""
    rng = random.Random(seed)
    b = _Builder(rng, ZoneInfo(zone))
    b.members = _members(rng)
    scale = min(1.0, 50 / ((last - first).days + 1))  # some 150-400 messages in all
    day = first
    while day <= last:
        minute = dt.timedelta(minutes=rng.randrange(0, 24 * 60))
        if rng.random() < 0.4 * scale:
            _team_post(b, b.midnight(day) + minute)
        if rng.random() < 0.06 * scale:
            _ambassador_post(b, b.midnight(day) + minute + 3 * HOUR)
        if rng.random() < 0.25 * scale:
            _x_episode(b, b.midnight(day) + dt.timedelta(minutes=rng.randrange(0, 24 * 60)))
        if rng.random() < 0.3 * scale:
            _discord_burst(b, b.midnight(day) + dt.timedelta(minutes=rng.randrange(0, 1440)))
        if rng.random() < 0.04 * scale:
            _discord_reply_before_parent(b, b.midnight(day) + 13 * HOUR)
        if rng.random() < 0.12 * scale:
            b.say("discord", BRAND_DC, b.local(day, 11, rng.randrange(60)),
                  "New starter kits in the shop this week", container="general")
        day += dt.timedelta(days=1)
    edges: set[dt.date] = set()
    for label in period_labels:
        p = periods.parse(label)
        edges |= {p.start, p.end, p.previous().start}
    for edge in sorted(edges):
        if first <= edge <= last:
            _edge(b, edge)
        if first <= edge - dt.timedelta(days=3) and edge <= last:
            _oddities(b, edge - dt.timedelta(days=3))
    for dst in DST_DAYS.get(zone, ()):
        if first < dst <= last:
            _dst(b, dst)
    _on_closed_days(b, [d for d in _special_days(zone) if first <= d <= last])
    pb = validate(playbook_data(zone, window), Path("scenario.yaml"))
    return Scenario(
        name=f"{zone.split('/')[1]}-{seed}",
        playbook=pb,
        posts=conform(pd.DataFrame(b.posts), "posts"),
        messages=conform(pd.DataFrame(b.messages), "messages"),
        daily=_daily(first, last),
    )


def _special_days(zone: str) -> list[dt.date]:
    """Holidays, days that only a subdivision closes, and make-up working days."""
    if zone == "Asia/Shanghai":
        return [dt.date(2026, 9, 20), dt.date(2026, 10, 1), dt.date(2026, 10, 6),
                dt.date(2026, 10, 10), dt.date(2026, 9, 25)]
    return [dt.date(2026, 2, 12), dt.date(2026, 2, 16), dt.date(2026, 10, 12),
            dt.date(2026, 11, 3), dt.date(2026, 11, 11), dt.date(2026, 11, 27)]


def _daily(first: dt.date, last: dt.date) -> pd.DataFrame:
    rows = []
    for platform, account in (("instagram", BRAND_IG[0]), ("x", BRAND_X[0])):
        day, followers = first, 1000
        while day <= last:
            rows.append({"platform": platform, "account_id": account,
                         "date": pd.Timestamp(day), "followers": followers,
                         "followers_gained": 5, "followers_lost": 2})
            followers += 3
            day += dt.timedelta(days=1)
    return conform(pd.DataFrame(rows), "account_daily")
