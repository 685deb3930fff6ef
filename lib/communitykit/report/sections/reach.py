"""Reach and growth: the figure table, followers per channel, engagement per channel and
pillar, and the top posts."""

from __future__ import annotations

import pandas as pd

from ... import charts
from ...html import Html, fmt_number, heading, paragraph, table
from ...i18n import tr
from ..context import Report
from ..figure_table import figure_table


def render(report: Report) -> Html:
    c = report.figures.reach.current
    followers = [(x["platform"], fmt_number(x["followers_start"]),
                  fmt_number(x["followers_end"]), fmt_number(x["net_change"]),
                  fmt_number(x["growth_rate"], "ratio")) for x in c.followers]
    channels = [(x["platform"], fmt_number(x["posts"]), fmt_number(x["impressions"]),
                 fmt_number(x["engagement"]), fmt_number(x["engagement_rate"], "ratio"))
                for x in c.by_channel]
    pillars = [(x["pillar"], fmt_number(x["posts"]),
                fmt_number(x["engagement_rate"], "ratio")) for x in c.by_pillar]
    top = [(x["published"], x["platform"], x["pillar"], x["text"],
            fmt_number(x["engagement"]), fmt_number(x["impressions"]))
           for x in c.top_posts]
    return Html(
        heading(2, tr("Reach and growth"), "reach")
        + figure_table(report, "reach")
        + table([tr("Channel"), tr("Followers at start"), tr("At end"), tr("Net change"),
                 tr("Growth")], followers, numeric=(1, 2, 3, 4))
        + _follower_chart(report)
        + table([tr("Channel"), tr("Posts"), tr("Impressions"), tr("Engagement"),
                 tr("Engagement rate")], channels, numeric=(1, 2, 3, 4))
        + table([tr("Pillar"), tr("Posts with impressions"), tr("Engagement rate")],
                pillars, numeric=(1, 2))
        + paragraph(tr("Posts in the post exports that carry impressions; announcements "
                       "on chat platforms have none, so the content mix counts more."),
                    "note")
        + heading(3, tr("Top {n} posts by engagement", n=len(top)) if top
                  else tr("Top posts"))
        + table([tr("Published"), tr("Channel"), tr("Pillar"), tr("Text"), tr("Engagement"),
                 tr("Impressions")], top, numeric=(4, 5))
    )


def _follower_chart(report: Report) -> str:
    d = report.data.daily.dropna(subset=["followers"])
    start = pd.Timestamp(report.period.previous().start)
    d = d[(d["date"] >= start) & (d["date"] < pd.Timestamp(report.period.end))]
    if d.empty:
        return ""
    series = {
        str(platform): (g["date"].dt.date.tolist(), g["followers"].astype(float).tolist())
        for platform, g in d.sort_values("date").groupby("platform", sort=True)
    }
    goal = next((g for g in report.playbook.goals if g.metric == "followers"
                 and g.channel in series), None)
    return charts.line(series, ylabel=tr("followers"),
                       target=goal.target if goal else None,
                       title=tr("Followers, previous and this period"))
