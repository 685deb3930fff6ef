"""Rule breaks and hostile markup planted in the demo's October, at known places."""

from __future__ import annotations

import datetime as dt

from .. import demo_data as words
from .community import TZ, UTC, Demo, Message
from .discord import CHANNELS, DISCORD_PEOPLE, say, snowflake
from .instagram import Post, reply


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
            reply(demo, comment, "17841400000000011", "mia.bakes.northwind",
                  "We've hidden this comment. Please keep it kind here.",
                  comment.when + dt.timedelta(minutes=40))
        target.comments.append(comment)
        demo.counts[kind] += 1
        demo.counts["instagram_comments"] += 1 + len(comment.replies)
    helpdesk = channels[CHANNELS[1][0]]
    when = dt.datetime(2026, 10, 9, 23, 40, tzinfo=UTC)
    insult = say(demo, helpdesk, demo.discord_members[5], when, words.HARASSMENT[2])
    demo.counts["harassment"] += 1
    # Mia answers it the next morning with a reply (late for its 4 h); written without
    # drawing from the random source, so the exports written after this stay as they were
    mia = "900000000000000011"
    reply_at = dt.datetime(2026, 10, 10, 13, 10, tzinfo=UTC)
    helpdesk.append(Message(snowflake(demo, reply_at, sequence=4095), mia,
                            DISCORD_PEOPLE[mia][0], reply_at,
                            "We've removed this. Please keep the club friendly.",
                            parent=insult.id))
    demo.counts["discord_messages"] += 1
    helpdesk.sort(key=lambda m: m.when)
