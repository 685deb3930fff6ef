"""The demo bakery's community: its calendar, its members and the random source behind them.

``Demo`` holds the random streams, the id counters and the planted-item counts that every
platform's exports draw from, in one fixed order, so the same seed writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .. import demo_data as words

TZ = ZoneInfo("America/New_York")
FIRST = dt.date(2026, 5, 1)
LAST = dt.date(2026, 10, 31)
UTC = dt.UTC


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
        return f"{prefix}{self.next_number():0{width - len(prefix)}d}"

    def next_number(self) -> int:
        """The next number of the id counter every platform's ids share."""
        self._next_id += 1
        return self._next_id

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


def days() -> list[dt.date]:
    """Every day of the demo's six months."""
    return [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]

