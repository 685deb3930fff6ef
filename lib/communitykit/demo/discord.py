"""The demo's Discord exports: DiscordChatExporter JSON, one file per channel."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .. import demo_data as words
from .community import TZ, UTC, Demo, Message, days

BRAND_DISCORD = ("900000000000000001", "Northwind")
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


def discord(demo: Demo) -> dict[str, list[Message]]:
    rng = demo.rng
    channels: dict[str, list[Message]] = {cid: [] for cid, _, _ in CHANNELS}
    general, helpdesk = (c[0] for c in CHANNELS)
    seen: set[str] = set()
    for day in days():
        if day.weekday() in (1, 4):
            say(demo, channels[general], BRAND_DISCORD, demo.local(day, 10, 16),
                rng.choice([c for cs in words.POST_CAPTIONS.values() for c in cs]))
        for _ in range(int(rng.randint(3, 9) * demo.activity(day))):
            member = demo.active_member(day, "discord")
            channel = helpdesk if rng.random() < 0.4 else general
            when = demo.member_time(day)
            if member[0] not in seen:
                seen.add(member[0])
                say(demo, channels[general], BOT, when - dt.timedelta(minutes=1),
                    f"Welcome to the club, {member[1]}!")
            kind, text = demo.member_text(day)
            message = say(demo, channels[channel], member, when, text)
            _discord_answers(demo, channels[channel], message, kind, day)
        if day.weekday() == 5:  # the ambassadors' weekend thread, members join in
            host = ("900000000000000031", "Jordan") if day.day % 2 else (
                "900000000000000032", "小红")
            thread = say(demo, channels[general], host, demo.local(day, 9, 11),
                         "Weekend bake thread: show us what's in your oven!")
            for _ in range(rng.randint(1, 5)):
                member = demo.active_member(day, "discord")
                joined = say(demo, channels[general], member,
                             thread.when + dt.timedelta(minutes=rng.randint(5, 600)),
                             rng.choice(words.CHATTER_EN), parent=thread.id)
                _member_to_member(demo, channels[general], joined)
        if day <= dt.date(2026, 7, 31) and rng.random() < 0.3:
            say(demo, channels[general], ("900000000000000034", "Alex Kim"),
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
    channel.append(Message(snowflake(demo, when, sequence=4000 + chat.randint(0, 94)),
                           other[0], other[1], when, chat.choice(words.PEER_ANSWERS),
                           parent=message.id))
    demo.counts["discord_messages"] += 1


def say(demo: Demo, channel: list[Message], author: tuple[str, str], when: dt.datetime,
        text: str, parent: str | None = None,
        mentions: list[tuple[str, str]] | None = None) -> Message:
    message = Message(snowflake(demo, when), author[0], author[1], when, text, parent,
                      likes=demo.rng.choice((0, 0, 0, 1, 2, 3)), mentions=mentions or [])
    channel.append(message)
    demo.counts["discord_messages"] += 1
    return message


def snowflake(demo: Demo, when: dt.datetime, sequence: int | None = None) -> str:
    """Discord ids grow with time: milliseconds since 2015 shifted left 22 bits, plus a
    sequence number (the next id's unless given)."""
    millis = int((when - dt.datetime(2015, 1, 1, tzinfo=UTC)).total_seconds() * 1000)
    if sequence is None:
        sequence = demo.next_number() % 4096
    return str((millis << 22) + sequence)


def _discord_answers(demo: Demo, channel: list[Message], message: Message, kind: str,
                     day: dt.date) -> None:
    rng = demo.rng
    if kind not in ("question", "complaint", "request"):
        if rng.random() < 0.15:  # members chatting with each other
            peer = demo.active_member(day, "discord")
            if peer[0] != message.author_id:
                say(demo, channel, peer, message.when + dt.timedelta(minutes=rng.randint(1, 90)),
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
        say(demo, channel, author, when, text, parent=question.id)
    elif link == "mention":
        say(demo, channel, author, when, f"@{question.author_name} {text}",
            mentions=[(question.author_id, question.author_name)])
    else:
        say(demo, channel, author, when, text)


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
