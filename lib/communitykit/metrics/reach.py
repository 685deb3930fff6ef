"""Reach and growth: followers, growth rate, engagement rate, top posts.

The posts counted are the team's (an advocate's posts are theirs: see voices). The
engagement rate is a ratio of sums over the period's posts, by impressions (default), by
reach, or by followers at the period end (channels with follower totals), as the
playbook's ``reach.engagement_rate_by`` chooses; all three are in metrics.json.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..dataset import Dataset
from .results import Reach
from .stats import in_period, ratio

TOP_POSTS = 5


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> Reach:
    tz = data.playbook.tz
    first_day = pd.Timestamp(start.tz_convert(tz).date())
    end_day = pd.Timestamp(end.tz_convert(tz).date())
    channels = []
    total_start = total_end = 0
    with_totals = 0
    daily = data.daily
    for platform, rows in daily.groupby("platform", sort=True):
        totals = rows.dropna(subset=["followers"]).sort_values("date")
        at_start = totals[totals["date"] < first_day]["followers"]
        at_end = totals[totals["date"] < end_day]["followers"]
        inside = rows[(rows["date"] >= first_day) & (rows["date"] < end_day)]
        gained = inside["followers_gained"].dropna()
        lost = inside["followers_lost"].dropna()
        row: dict[str, Any] = {
            "platform": platform,
            "followers_start": int(at_start.iloc[-1]) if len(at_start) else None,
            "followers_end": int(at_end.iloc[-1]) if len(at_end) else None,
            "net_change": None,
            "growth_rate": None,
        }
        if row["followers_start"] is not None and row["followers_end"] is not None:
            row["net_change"] = row["followers_end"] - row["followers_start"]
            row["growth_rate"] = ratio(row["net_change"], row["followers_start"])
            total_start += row["followers_start"]
            total_end += row["followers_end"]
            with_totals += 1
        elif len(gained):
            row["net_change"] = int(gained.sum() - (lost.sum() if len(lost) else 0))
            row["note"] = "no follower totals: net = gained - lost"
        channels.append(row)

    posts = in_period(data.posts, start, end)
    posts = posts[posts["is_team"]]
    measured = posts[posts["impressions"].notna()]
    by_channel = []
    for platform, group in posts.groupby("platform", sort=True):
        m = group[group["impressions"].notna()]
        by_channel.append({
            "platform": platform,
            "posts": len(group),
            "impressions": int(m["impressions"].sum()),
            "engagement": int(group["engagement"].sum()),
            "engagement_rate": ratio(m["engagement"].sum(), m["impressions"].sum()),
        })
    by_pillar = [
        {
            "pillar": pillar,
            "posts": len(group),
            "engagement_rate": ratio(group["engagement"].sum(), group["impressions"].sum()),
        }
        for pillar, group in measured.groupby("pillar", sort=True)
    ]
    rates = _engagement_rates(posts, channels)
    ranked = posts.sort_values(["engagement", "created_at"], ascending=[False, True])
    top = ranked.head(TOP_POSTS)
    return Reach(
        followers_total=total_end if with_totals else None,
        followers_start_total=total_start if with_totals else None,
        follower_growth_rate=(
            ratio(total_end - total_start, total_start) if with_totals else None
        ),
        followers=channels,
        posts=len(posts),
        engagement=int(posts["engagement"].sum()),
        impressions=int(measured["impressions"].sum()),
        **rates,
        engagement_rate=rates[f"engagement_rate_by_{data.playbook.reach.engagement_rate_by}"],
        engagement_rate_by=data.playbook.reach.engagement_rate_by,
        by_channel=by_channel,
        by_pillar=by_pillar,
        top_posts=[
            {
                "platform": r.platform,
                "published": r.created_at.tz_convert(tz).strftime("%Y-%m-%d"),
                "pillar": r.pillar,
                "text": str(r.text)[:160],
                "engagement": int(r.engagement),
                "impressions": int(r.impressions) if pd.notna(r.impressions) else None,
                "permalink": r.permalink if pd.notna(r.permalink) else None,
            }
            for r in top.itertuples()
        ],
    )


def _engagement_rates(posts: pd.DataFrame, followers: list[dict[str, Any]]
                      ) -> dict[str, float | None]:
    """Engagement over impressions, over reach (posts that have each), and over followers
    at the period end (posts of the channels with a follower total)."""
    by_impressions = posts[posts["impressions"].notna()]
    by_reach = posts[posts["reach"].notna()]
    totals = {row["platform"]: row["followers_end"] for row in followers
              if row["followers_end"] is not None}
    with_totals = posts[posts["platform"].isin(list(totals))]
    audience = sum(totals[p] for p in with_totals["platform"].unique())
    return {
        "engagement_rate_by_impressions": ratio(by_impressions["engagement"].sum(),
                                                by_impressions["impressions"].sum()),
        "engagement_rate_by_reach": ratio(by_reach["engagement"].sum(), by_reach["reach"].sum()),
        "engagement_rate_by_followers": ratio(with_totals["engagement"].sum(), audience),
    }
