"""Presence and cadence: posts against plan, content mix, silence, coverage."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from .. import classify
from ..dataset import Dataset
from ..tables import FLAT_THREAD_PLATFORMS
from .results import Presence
from .stats import flag, in_period, period_mask, ratio, rounded, rows

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def team_posts(data: Dataset) -> pd.DataFrame:
    """The team's posts (not advocates'), plus brand-account top-level messages on chat
    platforms."""
    if "team_posts" in data.derived:
        return data.derived["team_posts"]
    m = data.messages
    chat = rows(m, m["platform"].isin(FLAT_THREAD_PLATFORMS) & (m["role"] == "brand")
                & m["parent_id"].isna(), ["platform", "created_at", "text"])
    chat_posts = pd.DataFrame({
        "platform": chat["platform"],
        "created_at": chat["created_at"],
        "text": chat["text"],
        "pillar": classify.pillar(
            chat["text"], pd.Series(pd.NA, index=chat.index, dtype="string"), data.playbook
        ),
    })
    posts = data.posts.loc[data.posts["is_team"], ["platform", "created_at", "text", "pillar"]]
    data.derived["team_posts"] = pd.concat([posts, chat_posts], ignore_index=True)
    return data.derived["team_posts"]


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> Presence:
    tz = data.playbook.tz
    posts = in_period(team_posts(data), start, end)
    plan = data.playbook.cadence.posts_per_week
    per_channel = posts.groupby("platform").size().to_dict()
    weeks = _week_slices(start.tz_convert(tz).date(), end.tz_convert(tz).date())
    local_dates = posts["created_at"].dt.tz_convert(tz).dt.date

    cells = []
    channel_rows = []
    for platform in sorted(set(plan) | set(per_channel)):
        planned_week = plan.get(platform)
        scores = []
        for week_start, days in weeks:
            week_end = week_start + dt.timedelta(days=7)
            actual = int(((local_dates >= week_start) & (local_dates < week_end)
                          & (posts["platform"] == platform)).sum())
            if planned_week:
                planned = planned_week * days / 7
                scores.append(min(actual / planned, 1.0))
        cells.extend(scores)
        planned_total = planned_week * sum(d for _, d in weeks) / 7 if planned_week else None
        channel_rows.append({
            "platform": platform,
            "posts": int(per_channel.get(platform, 0)),
            "planned": rounded(planned_total, 1) if planned_total is not None else None,
            "adherence": rounded(sum(scores) / len(scores), 4) if scores else None,
        })

    mix = _content_mix(posts, data)
    silence_cal, silence_bus = _longest_silence(data, start, end)
    m = data.messages
    received = m["created_at"][period_mask(m, start, end) & flag(m, "inbound")]
    open_now = data.clock.is_open(received)
    local = received.dt.tz_convert(tz)
    grid = pd.crosstab(local.dt.day_of_week, local.dt.hour).reindex(
        index=range(7), columns=range(24), fill_value=0
    )
    return Presence(
        team_posts=len(posts),
        cadence_adherence=rounded(sum(cells) / len(cells), 4) if cells else None,
        channels=channel_rows,
        content_mix=mix,
        content_mix_by_channel=_mix_by_channel(posts),
        longest_silence_calendar_hours=silence_cal,
        longest_silence_business_hours=silence_bus,
        coverage=ratio(open_now.sum(), len(received)),
        inbound_by_weekday_hour={
            WEEKDAY_NAMES[d]: [int(v) for v in grid.loc[d].tolist()] for d in range(7)
        },
    )


def _week_slices(first: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    """(Monday of each ISO week touching the period, days of that week inside it)."""
    monday = first - dt.timedelta(days=first.weekday())
    out = []
    while monday < end:
        inside = min(monday + dt.timedelta(days=7), end) - max(monday, first)
        out.append((monday, inside.days))
        monday += dt.timedelta(days=7)
    return out


def _content_mix(posts: pd.DataFrame, data: Dataset) -> list[dict[str, Any]]:
    planned = {p.id: p.share for p in data.playbook.cadence.pillars}
    counts = posts["pillar"].value_counts().to_dict()
    total = len(posts)
    rows = []
    for pillar in [*planned, *sorted(set(counts) - set(planned))]:
        actual = ratio(counts.get(pillar, 0), total)
        plan = planned.get(pillar)
        rows.append({
            "pillar": pillar,
            "posts": int(counts.get(pillar, 0)),
            "actual_share": actual,
            "planned_share": plan,
            "gap": (rounded(actual - plan, 4)
                    if actual is not None and plan is not None else None),
        })
    return rows


def _mix_by_channel(posts: pd.DataFrame) -> list[dict[str, Any]]:
    """Team posts of the period per channel and pillar."""
    counts = posts.groupby(["platform", "pillar"], sort=True).size()
    return [{"platform": str(platform), "pillar": str(pillar), "posts": int(n)}
            for (platform, pillar), n in counts.items()]


def _longest_silence(
    data: Dataset, start: pd.Timestamp, end: pd.Timestamp
) -> tuple[float | None, float | None]:
    """Longest stretch without a team post or team message, calendar and business hours."""
    team_messages = data.messages["created_at"][flag(data.messages, "is_team")]
    times = pd.concat([team_posts(data)["created_at"], team_messages])
    times = times[(times >= start) & (times < end)].sort_values()
    edges = pd.concat([pd.Series([start]), times, pd.Series([end])], ignore_index=True)
    gaps_from = edges.iloc[:-1].reset_index(drop=True)
    gaps_to = edges.iloc[1:].reset_index(drop=True)
    calendar = (gaps_to - gaps_from).dt.total_seconds() / 3600
    business = data.clock.elapsed(gaps_from, gaps_to).dt.total_seconds() / 3600
    return rounded(float(calendar.max()), 2), rounded(float(business.max()), 2)
