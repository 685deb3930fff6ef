"""The report's figures by brute force, from METRICS.md and the issue-15 decisions.

Deliberately plain and slow: messages are plain objects walked in loops, the business
clock marks every minute of the span open or closed (local wall time, so DST is the
timezone database's business), hours are exact fractions, and rounding is done once, at
the end, half away from zero. Nothing here comes from ``communitykit.metrics``,
``communitykit.dataset`` or ``communitykit.clock``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import holidays as holidays_lib
import pandas as pd

from communitykit.periods import Period
from communitykit.playbook import SEVERITY_ORDER, WEEKDAYS, Playbook, parse_duration

UTC = dt.UTC
FLAT = {"discord", "slack", "telegram", "discourse", "messenger"}
ADVOCATE_ROLES = ("ambassador", "influencer", "employee")
INTERROGATIVES = {"how", "what", "when", "where", "why", "who", "which", "can", "could",
                  "does", "do", "is", "are", "will", "should"}
GROUPS = ("team", "advocate", "peer")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)

Key = tuple[str, str]  # (platform, message_id)
Answer = tuple[int, str]  # (minute of the answer, who gave it)


# Rounding and statistics ---------------------------------------------------------------


def half_away(value: Fraction, places: int) -> float:
    """Round half away from zero, exactly."""
    scale = 10**places
    scaled = abs(value) * scale
    whole = math.floor(scaled + Fraction(1, 2))
    return float(Fraction(whole if value >= 0 else -whole, scale))


def share(numerator: int | Fraction, denominator: int | Fraction) -> float | None:
    if not denominator:
        return None
    return half_away(Fraction(numerator) / Fraction(denominator), 4)


def percentile(values: list[Fraction], p: Fraction) -> Fraction:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    rank = p * (len(ordered) - 1)
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def hours(minutes: list[int], how: str) -> float | None:
    if not minutes:
        return None
    values = [Fraction(m, 60) for m in minutes]
    p = Fraction(1, 2) if how == "median" else Fraction(9, 10)
    return half_away(percentile(values, p), 2)


def minute_of(when: Any) -> int:
    """Whole minutes since the epoch (the scenarios' timestamps are on whole minutes)."""
    if not isinstance(when, dt.datetime):
        when = pd.Timestamp(when).to_pydatetime()
    seconds = (when - EPOCH).total_seconds()
    assert seconds % 60 == 0, f"{when} is not on a whole minute"
    return int(seconds // 60)


def midnight(day: dt.date, tz: ZoneInfo) -> int:
    return minute_of(dt.datetime.combine(day, dt.time(), tzinfo=tz))


# The business clock, minute by minute ------------------------------------------------------


class MinuteClock:
    """Every minute from local day ``first`` to ``last`` (inclusive): open or closed.

    Day by day in local wall time: each open minute of a day is converted to its UTC
    minute on its own, so DST changes are the timezone database's business."""

    def __init__(self, playbook: Playbook, first: dt.date, last: dt.date) -> None:
        self.tz = playbook.tz
        self.playbook = playbook
        self.first, self.last = first, last
        self.closed_days, self.makeup_days = self._days(first, last)
        self.lo = midnight(first, self.tz)
        hi = midnight(last + dt.timedelta(days=1), self.tz)
        self.open = [False] * (hi - self.lo)
        day = first
        while day <= last:
            span = self.hours_on(day)
            for wall in range(*span) if span else ():
                self.open[self._utc_minute(day, wall) - self.lo] = True
            day += dt.timedelta(days=1)
        self.total = [0]
        for flag in self.open:
            self.total.append(self.total[-1] + flag)

    def _utc_minute(self, day: dt.date, wall: int) -> int:
        local = dt.datetime.combine(day, dt.time(), tzinfo=self.tz)
        if wall < 24 * 60:
            local = local.replace(hour=wall // 60, minute=wall % 60)
        else:  # a closing time of 24:00
            local = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=self.tz)
        return minute_of(local)

    def _days(self, first: dt.date, last: dt.date) -> tuple[set[dt.date], set[dt.date]]:
        spec = self.playbook.business_hours.holidays
        closed = set(spec.extra)
        makeup: set[dt.date] = set()
        if spec.country:
            subdivision = spec.subdivision if getattr(spec, "subdivision_holidays", False) \
                else None
            calendar = holidays_lib.country_holidays(
                spec.country, subdiv=subdivision, years=range(first.year, last.year + 1),
                categories=tuple(getattr(spec, "categories", ["public"])))
            closed |= set(calendar.keys())
            makeup = set(getattr(calendar, "weekend_workdays", set())) - set(spec.extra)
        return closed - makeup, makeup

    def hours_on(self, day: dt.date) -> tuple[int, int] | None:
        """Opening and closing minute of the local day, or None when closed."""
        days = self.playbook.business_hours.days
        if day in self.makeup_days:
            found = [days[d] for d in WEEKDAYS[:5] if d in days]
            span = found[0] if found else None
        elif day in self.closed_days:
            span = None
        else:
            span = days.get(WEEKDAYS[day.weekday()])
        if span is None:
            return None
        return _clock_minute(span[0]), _clock_minute(span[1])

    def between(self, a: int, b: int) -> int:
        """Open minutes in ``[a, b)``."""
        assert self.lo <= a <= b <= self.lo + len(self.open), "outside the clock's span"
        return self.total[b - self.lo] - self.total[a - self.lo]

    def is_open(self, minute: int) -> bool:
        return self.open[minute - self.lo]


def _clock_minute(text: str) -> int:
    hour, minute = (int(x) for x in text.split(":"))
    return hour * 60 + minute


# Messages --------------------------------------------------------------------------------


@dataclass
class Line:
    platform: str
    message_id: str
    post_id: str | None
    container: str | None
    parent_id: str | None
    author_id: str
    author_name: str | None
    at: int  # minute
    text: str
    kind: str | None
    mentions: list[str]
    role: str = "member"
    name: str = ""
    person: str | None = None
    excluded: bool = False
    inbound: bool = False
    question: bool = False
    severity: str | None = None
    before_parent: bool = False
    answers: dict[str, Answer] = field(default_factory=dict)

    @property
    def key(self) -> Key:
        return (self.platform, self.message_id)


def _value(x: Any) -> Any:
    return None if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) else x


def _norm(value: str) -> str:
    return str(value).strip().lstrip("@").lower()


class Reference:
    """The figures of one playbook's data, for any period."""

    def __init__(self, playbook: Playbook, posts: pd.DataFrame, messages: pd.DataFrame
                 ) -> None:
        self.pb = playbook
        self.tz = playbook.tz
        self.team = set(playbook.team_roles)
        self.advocates = {r for r in ADVOCATE_ROLES if r not in self.team}
        self.window = int(parse_duration(
            getattr(playbook.cadence, "flat_thread_window", "24h")).total_seconds() // 60)
        self.index = self._who_is_who()
        self.lines = [self._line(row) for row in messages.to_dict("records")]
        self.by_key = {line.key: line for line in self.lines}
        self.team_post_keys: set[Key] = set()
        self.team_post_times: list[tuple[str, int]] = []  # (platform, minute)
        for row in posts.to_dict("records"):
            role, _, _ = self._role(row["platform"], row["author_id"], row["author_name"], None)
            if role == "member":
                role = "brand"
            if role in self.team:
                self.team_post_keys.add((row["platform"], row["post_id"]))
                self.team_post_times.append((row["platform"], minute_of(row["created_at"])))
        for line in self.lines:
            if line.platform in FLAT and line.role == "brand" and line.parent_id is None:
                self.team_post_times.append((line.platform, line.at))
        for line in self.lines:
            self._classify(line)
        self.names = self._mention_names()
        self._answer_replies()
        self._answer_flat_lines()
        self._clock: MinuteClock | None = None

    # who is who

    def _who_is_who(self) -> dict[tuple[str, str], tuple[str, str, str | None]]:
        index: dict[tuple[str, str], tuple[str, str, str | None]] = {}
        for person in self.pb.roster:
            for platform, handles in person.handles.items():
                for handle in handles:
                    index[(platform, _norm(handle))] = (person.role, person.name, person.name)
        for account in self.pb.accounts:
            shown = f"{self.pb.client.name} ({account.platform})"
            for value in (account.id, account.handle):
                if value:
                    index[(account.platform, _norm(value))] = ("brand", shown, None)
        return index

    def _role(self, platform: str, author_id: Any, author_name: Any, kind: Any
              ) -> tuple[str, str, str | None]:
        author_name = _value(author_name)
        found = self.index.get((platform, _norm(author_id)))
        if found is None and author_name is not None:
            found = self.index.get((platform, _norm(author_name)))
        if found is None and _value(kind) == "bot":
            found = ("bot", author_name or author_id, None)
        return found or ("member", author_name or author_id, None)

    def _line(self, row: dict[str, Any]) -> Line:
        mentions = _value(row.get("mentions"))
        line = Line(
            platform=row["platform"], message_id=row["message_id"],
            post_id=_value(row["post_id"]), container=_value(row["container"]),
            parent_id=_value(row["parent_id"]), author_id=row["author_id"],
            author_name=_value(row["author_name"]), at=minute_of(row["created_at"]),
            text=_value(row["text"]) or "", kind=_value(row["kind"]),
            mentions=mentions.split() if mentions else [],
        )
        line.role, line.name, line.person = self._role(
            line.platform, line.author_id, line.author_name, line.kind)
        return line

    # inbound, questions, commitments

    def _classify(self, line: Line) -> None:
        matched = [c for c in self.pb.rules.categories
                   if any(re.search(p, line.text) for p in c.patterns)]
        member = line.role == "member"
        line.excluded = member and any(c.excluded_from_inbound for c in matched)
        parent = self.by_key.get((line.platform, line.parent_id)) if line.parent_id else None
        top = line.parent_id is None
        addressed = (
            (top and (line.platform, line.post_id) in self.team_post_keys)
            or (parent is not None and parent.role in self.team)
            or line.kind in ("dm", "mention")
            or self._names_brand(line)
            or (top and line.platform in FLAT)
            or (top and line.post_id is None)
        )
        line.inbound = member and not line.excluded and addressed
        line.question = line.inbound and _asks(line.text)
        response = self.pb.cadence.response
        severities = [c.severity for c in matched if c.severity in response]
        if severities:
            line.severity = max(severities, key=SEVERITY_ORDER.__getitem__)

    def _names_brand(self, line: Line) -> bool:
        for account in self.pb.accounts:
            if account.platform == line.platform and account.handle:
                pattern = "@" + re.escape(account.handle.lstrip("@")) + r"(?!\w)"
                if re.search(pattern, line.text, re.IGNORECASE):
                    return True
        return False

    def commitment(self, line: Line) -> tuple[int, str]:
        """(minutes, clock) the team committed to for this message."""
        response = self.pb.cadence.response
        key = line.severity or ("question" if line.question and "question" in response
                                else "message")
        rule = response[key]  # type: ignore[index]
        return int(parse_duration(rule.within).total_seconds() // 60), rule.clock

    # answers

    def group_of(self, line: Line, target: Line) -> str | None:
        if line.role in self.team:
            return "team"
        if line.role in self.advocates:
            return "advocate"
        if line.role == "member" and line.author_id != target.author_id:
            return "peer"
        return None

    def _record(self, target: Line, group: str | None, line: Line) -> None:
        if group is not None and group not in target.answers:
            target.answers[group] = (line.at, line.name)

    def _answer_replies(self) -> None:
        """Replies answer their parents, unless stored before them (all platforms; on flat
        ones the walk below meets the same replies in time order)."""
        for line in self.lines:
            parent = self.by_key.get((line.platform, line.parent_id)) if line.parent_id \
                else None
            if parent is not None and line.at < parent.at:
                line.before_parent = True
        for line in sorted(self.lines, key=lambda x: x.at):
            if line.platform in FLAT or line.parent_id is None or line.before_parent:
                continue
            parent = self.by_key.get((line.platform, line.parent_id))
            if parent is not None:
                self._record(parent, self.group_of(line, parent), line)

    def _mention_names(self) -> dict[tuple[str, str], set[str]]:
        """(platform, name) -> author ids known by that name: their id, their name, and
        their roster person's handles."""
        names: dict[tuple[str, str], set[str]] = defaultdict(set)
        handles = {p.name: p.handles for p in self.pb.roster}
        for line in self.lines:
            known = {_norm(line.author_id)}
            if line.author_name:
                known.add(_norm(line.author_name))
            if line.person:
                known |= {_norm(h) for h in handles[line.person].get(  # type: ignore[call-overload]
                    line.platform, [])}
            for name in known:
                names[(line.platform, name)].add(line.author_id)
        return names

    def _mentioned(self, line: Line) -> set[str]:
        """Author ids the line mentions (mentions column, or @name in its text)."""
        tokens = {_norm(t) for t in line.mentions}
        tokens |= {_norm(t).rstrip(".") for t in re.findall(r"@([\w.]+)", line.text)}
        found: set[str] = set()
        for token in tokens:
            found |= self.names.get((line.platform, token), set())
        return found

    def _answer_flat_lines(self) -> None:
        channels: dict[tuple[str, str | None], list[Line]] = defaultdict(list)
        for line in self.lines:
            if line.platform in FLAT:
                channels[(line.platform, line.container)].append(line)
        for lines in channels.values():
            lines.sort(key=lambda x: x.at)
            for i, line in enumerate(lines):
                earlier = [m for m in lines[:i] if m.inbound
                           and line.at - self.window <= m.at < line.at]
                self._flat_line(line, earlier)

    def _flat_line(self, line: Line, earlier: list[Line]) -> None:
        if line.parent_id is not None:
            parent = self.by_key.get((line.platform, line.parent_id))
            if parent is not None and not line.before_parent:
                self._record(parent, self.group_of(line, parent), line)
            return
        mentioned = self._mentioned(line)
        if mentioned:
            for target in earlier:
                if target.author_id in mentioned and target.author_id != line.author_id:
                    self._record(target, self.group_of(line, target), line)
            return
        if line.role == "brand" or line.role == "member":
            return
        if line.role not in self.team and line.role not in self.advocates:
            return
        group = "team" if line.role in self.team else "advocate"
        waiting = [m for m in earlier if m.author_id != line.author_id
                   and group not in m.answers]
        if waiting:
            self._record(max(waiting, key=lambda m: m.at), group, line)

    # figures

    def clock(self) -> MinuteClock:
        """The minute clock over the data (and whatever periods were computed)."""
        if self._clock is None:
            day = (EPOCH + dt.timedelta(minutes=self.lines[0].at)).astimezone(self.tz).date()
            self._cover(day, day)
        assert self._clock is not None
        return self._clock

    def _cover(self, first: dt.date, last: dt.date) -> None:
        """Make the clock cover local days ``first`` to ``last`` and all the data."""
        days = [(EPOCH + dt.timedelta(minutes=x.at)).astimezone(self.tz).date()
                for x in self.lines]
        first = min(first, *days) - dt.timedelta(days=2)
        last = max(last, *days) + dt.timedelta(days=2)
        held = self._clock
        if held is None or held.first > first or held.last < last:
            if held is not None:
                first, last = min(first, held.first), max(last, held.last)
            self._clock = MinuteClock(self.pb, first, last)

    def figures(self, period: Period) -> dict[str, dict[str, Any]]:
        start, end = midnight(period.start, self.tz), midnight(period.end, self.tz)
        previous_start = midnight(period.previous().start, self.tz)
        self._cover(period.previous().start, period.end)
        inbound = [x for x in self.lines if x.inbound and start <= x.at < end]
        return {
            "responsiveness": self._responsiveness(inbound, start, end),
            "presence": self._presence(period, start, end, inbound),
            "health": self._health(start, end, previous_start),
            "voices": self._voices(inbound, end),
        }

    def answer(self, line: Line, group: str, end: int) -> Answer | None:
        found = line.answers.get(group)
        return found if found is not None and found[0] < end else None

    def _response_core(self, inbound: list[Line], end: int) -> dict[str, Any]:
        clock = self.clock()
        answered = due = pending = in_time_due = breaches = 0
        business: list[int] = []
        calendar: list[int] = []
        for line in inbound:
            within, which = self.commitment(line)
            waited = clock.between(line.at, end) if which == "business" else end - line.at
            is_due = waited >= within
            team = self.answer(line, "team", end)
            in_time = False
            if team is not None:
                answered += 1
                business.append(clock.between(line.at, team[0]))
                calendar.append(team[0] - line.at)
                taken = business[-1] if which == "business" else calendar[-1]
                in_time = taken <= within
            due += is_due
            pending += not is_due and team is None
            in_time_due += is_due and in_time
            breaches += is_due and not in_time
        return {
            "inbound": len(inbound),
            "answered": answered,
            "pending": pending,
            "due": due,
            "response_rate": share(answered, len(inbound) - pending),
            "first_response_business_median_hours": hours(business, "median"),
            "first_response_business_p90_hours": hours(business, "p90"),
            "first_response_calendar_median_hours": hours(calendar, "median"),
            "first_response_calendar_p90_hours": hours(calendar, "p90"),
            "sla_compliance": share(in_time_due, due),
            "sla_breaches": breaches,
        }

    def _responsiveness(self, inbound: list[Line], start: int, end: int) -> dict[str, Any]:
        out = self._response_core(inbound, end)
        by = {g: [x for x in inbound if self.answer(x, g, end)] for g in GROUPS}
        questions = [x for x in inbound if x.question]
        helped = [x for x in questions if any(self.answer(x, g, end) for g in GROUPS)]
        responders = self._responders(by, end)
        platforms = sorted({x.platform for x in inbound})
        out.update({
            "questions": len(questions),
            "answered_by_team": len(by["team"]),
            "answered_by_advocate": len(by["advocate"]),
            "answered_by_peer": len(by["peer"]),
            "answered_only_by_advocate": sum(
                1 for x in by["advocate"] if not self.answer(x, "team", end)),
            "unanswered_question_count": len(questions) - len(helped),
            "question_answer_rate": share(len(helped), len(questions)),
            "replies_before_parent": sum(
                1 for x in self.lines if x.before_parent and start <= x.at < end),
            "responders": responders,
            "by_platform": {p: self._response_core([x for x in inbound if x.platform == p], end)
                            for p in platforms},
        })
        return out

    def _responders(self, by: dict[str, list[Line]], end: int
                    ) -> dict[tuple[str, str], dict[str, Any]]:
        """Per (group, responder): first answers, times on both clocks, share outside
        business hours."""
        clock = self.clock()
        waits: dict[tuple[str, str], list[tuple[int, int, bool]]] = defaultdict(list)
        for group in ("team", "advocate"):
            for line in by[group]:
                at, name = line.answers[group]
                waits[(group, name)].append(
                    (clock.between(line.at, at), at - line.at, not clock.is_open(at)))
        return {
            who: {
                "first_answers": len(rows),
                "median_business_hours": hours([r[0] for r in rows], "median"),
                "p90_business_hours": hours([r[0] for r in rows], "p90"),
                "median_calendar_hours": hours([r[1] for r in rows], "median"),
                "p90_calendar_hours": hours([r[1] for r in rows], "p90"),
                "outside_business_hours_share": share(sum(r[2] for r in rows), len(rows)),
            }
            for who, rows in waits.items()
        }

    def _team_times(self, start: int, end: int) -> list[int]:
        times = [t for _, t in self.team_post_times]
        times += [x.at for x in self.lines if x.role in self.team]
        return sorted(t for t in times if start <= t < end)

    def _presence(self, period: Period, start: int, end: int, inbound: list[Line]
                  ) -> dict[str, Any]:
        clock = self.clock()
        posts = [(p, t) for p, t in self.team_post_times if start <= t < end]
        edges = [start, *self._team_times(start, end), end]
        gaps = list(zip(edges[:-1], edges[1:], strict=True))
        return {
            "team_posts": len(posts),
            "cadence_adherence": self._cadence(period, posts),
            "longest_silence_calendar_hours": half_away(
                Fraction(max(b - a for a, b in gaps), 60), 2),
            "longest_silence_business_hours": half_away(
                Fraction(max(clock.between(a, b) for a, b in gaps), 60), 2),
            "coverage": share(sum(clock.is_open(x.at) for x in inbound), len(inbound)),
        }

    def _cadence(self, period: Period, posts: list[tuple[str, int]]) -> float | None:
        scores: list[Fraction] = []
        monday = period.start - dt.timedelta(days=period.start.weekday())
        local_days = [(p, (EPOCH + dt.timedelta(minutes=t)).astimezone(self.tz).date())
                      for p, t in posts]
        for platform, per_week in sorted(self.pb.cadence.posts_per_week.items()):
            if not per_week:
                continue
            week = monday
            while week < period.end:
                first = max(week, period.start)
                last = min(week + dt.timedelta(days=7), period.end)
                planned = Fraction(per_week).limit_denominator(1000) * (last - first).days / 7
                actual = sum(1 for p, d in local_days if p == platform and first <= d < last)
                scores.append(min(actual / planned, Fraction(1)))
                week += dt.timedelta(days=7)
        return half_away(sum(scores, Fraction(0)) / len(scores), 4) if scores else None

    def _thread(self, line: Line) -> tuple[str, str]:
        seen = set()
        while line.parent_id is not None and line.key not in seen:
            seen.add(line.key)
            parent = self.by_key.get((line.platform, line.parent_id))
            if parent is None:
                return (line.platform, line.parent_id)
            line = parent
        return line.key

    def _health(self, start: int, end: int, previous_start: int) -> dict[str, Any]:
        members = [x for x in self.lines if x.role == "member" and not x.excluded]

        def active(a: int | None, b: int) -> set[tuple[str, str]]:
            return {(x.platform, x.author_id) for x in members
                    if (a is None or a <= x.at) and x.at < b}

        now = active(start, end)
        before = active(None, start)
        previous = active(previous_start, start)
        in_period = [x for x in members if start <= x.at < end]
        threads: dict[tuple[str, str], list[Line]] = defaultdict(list)
        for line in in_period:
            threads[self._thread(line)].append(line)
        replies = [x for x in in_period if x.parent_id is not None]
        to_member = [x for x in replies if self._to_other_member(x)]
        conversations = sum(
            1 for lines in threads.values()
            if len({x.author_id for x in lines}) >= 2
            and any(self._to_other_member(x) for x in lines))
        questions = [x for x in self.lines if x.question and start <= x.at < end]
        helped = [x for x in questions
                  if self.answer(x, "peer", end) or self.answer(x, "advocate", end)]
        return {
            "active_members": len(now),
            "new_members": len(now - before),
            "returning_members": len(now & previous),
            "previous_active_members": len(previous),
            "retention": share(len(now & previous), len(previous)),
            "conversations": conversations,
            "peer_support_rate": share(len(helped), len(questions)),
            "member_reply_share": share(len(to_member), len(replies)),
        }

    def _to_other_member(self, line: Line) -> bool:
        parent = self.by_key.get((line.platform, line.parent_id)) if line.parent_id else None
        return parent is not None and parent.role == "member" and \
            parent.author_id != line.author_id

    def _voices(self, inbound: list[Line], end: int) -> dict[str, Any]:
        counts = {g: sum(1 for x in inbound if self.answer(x, g, end)) for g in GROUPS}
        return {
            "advocate_answers": counts["advocate"],
            "advocate_share_of_answers": share(counts["advocate"], sum(counts.values())),
        }

    def link_capacity(self, end: int) -> dict[str, int]:
        """Per responder (name shown), how many inbound messages their lines before ``end``
        can answer at most: a reply its parent, a mention the mentioned authors' messages of
        the window, an unlinked line one message."""
        capacity: dict[str, int] = defaultdict(int)
        for line in self.lines:
            if line.at >= end or line.role == "member":
                continue
            if line.parent_id is not None or line.platform not in FLAT:
                capacity[line.name] += line.parent_id is not None
                continue
            mentioned = self._mentioned(line)
            if mentioned:
                capacity[line.name] += sum(
                    1 for x in self.lines
                    if x.inbound and x.author_id in mentioned and x.platform == line.platform
                    and x.container == line.container and line.at - self.window <= x.at < line.at)
            else:
                capacity[line.name] += 1
        return dict(capacity)


def _asks(text: str) -> bool:
    """A question: ? or ？, or an English interrogative first word (the scenarios' texts
    are English and unambiguous)."""
    words = re.findall(r"[a-z']+", text.lower())
    return "?" in text or "？" in text or bool(words and words[0] in INTERROGATIVES)
