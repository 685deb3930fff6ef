"""The demo's X exports: X analytics per tweet and per day (CSV)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import demo_data as words
from .community import Demo, days
from .files import write_csv

X_ORGANIC = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements",
             "engagement rate", "retweets", "replies", "likes", "user profile clicks",
             "url clicks", "hashtag clicks", "detail expands", "permalink clicks", "app opens",
             "app installs", "follows", "email tweet", "dial phone", "media views",
             "media engagements"]
X_PROMOTED = ["promoted " + name for name in X_ORGANIC[4:]]


def write_x(out: Path, demo: Demo) -> list[Path]:
    rng = demo.rng
    tweets = []
    for day in days():
        for _ in range(rng.choices((0, 1, 2), weights=(3, 4, 1.2 * demo.activity(day)))[0]):
            when = demo.local(day, 8, 21)
            pillar = rng.choice(list(words.POST_CAPTIONS))
            tweets.append((demo.new_id("18", 19), when, rng.choice(words.POST_CAPTIONS[pillar])))
    tweets.sort(key=lambda t: t[1], reverse=True)
    rows = []
    daily: dict[dt.date, list[int]] = {day: [0] * 8 for day in days()}
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
    first = write_csv(out / "tweet_activity_metrics_northwindbakes_20260501_20261031_en.csv",
                      X_ORGANIC + X_PROMOTED, rows)
    header = ["Date", "Tweets published", *X_ORGANIC[4:]]
    day_rows = []
    for day, (n, imp, eng, rt, rep, lik, url, fol) in daily.items():
        rate = repr(eng / imp) if imp else "0.0"
        day_rows.append([day.isoformat(), str(n), str(imp), str(eng), rate, str(rt), str(rep),
                         str(lik), "0", str(url), "0", "0", "0", "0", "0", str(fol), "0", "0",
                         "0", "0"] + ["-"] * len(X_PROMOTED))
    second = write_csv(
        out / "daily_tweet_activity_metrics_northwindbakes_20260501_20261031_en.csv",
        header + X_PROMOTED, day_rows)
    demo.counts["x_posts"] = len(tweets)
    return [first, second]
