"""Voices: what advocates and community managers did in the period.

Per roster person with an advocate role (ambassador, influencer, employee) and, shown
apart, the community managers posting as themselves: messages, top-level posts,
conversations started (top-level messages someone else replied to), first answers to
member questions given before the period end, likes earned on their messages,
engagement earned on their own posts in post exports, and the last day active (up to
the period end).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import keys, roles
from ..dataset import Dataset
from .results import Voices
from .stats import in_period, ratio

VOICE_ROLES = ("community_manager", "ambassador", "influencer", "employee")
COLUMNS = ("platform", "message_id", "parent_id", "display_name", "created_at", "likes",
           "is_question", "inbound", "team_answer_by", "advocate_answer_by",
           "team_answer_at", "advocate_answer_at", "peer_answer_at")


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> Voices:
    m = data.messages
    tz = data.playbook.tz
    period = in_period(m, start, end)[list(COLUMNS)]
    m = m[["platform", "parent_id", "display_name", "created_at"]]
    top_level = period[period["parent_id"].isna()]
    top_level = top_level.assign(started=keys.isin(  # someone replied to it
        keys.pair(top_level["platform"], top_level["message_id"]),
        keys.pair(m["platform"], m["parent_id"])))
    questions = period[period["is_question"]]
    own_posts = _advocate_posts(data, start, end)
    people = []
    for person in data.playbook.roster:
        if person.role not in VOICE_ROLES:
            continue
        mine = period[period["display_name"] == person.name]
        ever = m.loc[(m["display_name"] == person.name) & (m["created_at"] < end), "created_at"]
        earlier = data.history.last_active(person.name)  # before the rows held, so before end
        ever = ever if earlier is None else pd.concat([ever, pd.Series([earlier])])
        top = top_level[top_level["display_name"] == person.name]
        started = int(top["started"].sum())
        group = "team" if person.role in data.playbook.team_roles else "advocate"
        answers = (questions[f"{group}_answer_by"] == person.name) & (
            questions[f"{group}_answer_at"] < end)
        people.append({
            "name": person.name,
            "role": person.role,
            "messages": len(mine),
            "posts": len(top),
            "conversations_started": int(started),
            "answers_to_questions": int(answers.fillna(False).sum()),
            "likes_earned": int(mine["likes"].fillna(0).sum()),
            "post_engagement": int(own_posts.loc[own_posts["display_name"] == person.name,
                                                 "engagement"].sum()),
            "last_active": (ever.max().tz_convert(tz).strftime("%Y-%m-%d")
                            if not ever.empty else None),
            "quiet": mine.empty,
        })
    advocates = [p for p in people if p["role"] != "community_manager"]
    inbound = period[period["inbound"]]
    answered = {g: int((inbound[f"{g}_answer_at"] < end).sum()) for g in
                ("team", "advocate", "peer")}
    return Voices(
        people=people,
        by_role=_by_role(advocates),
        quiet_advocates=[p["name"] for p in advocates if p["quiet"]],
        advocate_answers=answered["advocate"],
        advocate_share_of_answers=ratio(answered["advocate"], sum(answered.values())),
    )


def _advocate_posts(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Posts of the period in post exports written by roster people outside the team."""
    posts = in_period(data.posts, start, end)
    posts = posts[~posts["is_team"]]
    names = roles.resolve(posts.assign(kind=pd.Series(pd.NA, index=posts.index,
                                                      dtype="string"))[
        ["platform", "author_id", "author_name", "kind"]], data.playbook)["display_name"]
    return pd.DataFrame({"display_name": names.to_numpy(),
                         "engagement": posts["engagement"].to_numpy()})


def _by_role(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    roles = sorted({p["role"] for p in people})
    keys = ("messages", "posts", "conversations_started", "answers_to_questions",
            "likes_earned", "post_engagement")
    return [
        {"role": role, "people": sum(p["role"] == role for p in people),
         **{k: sum(int(p[k]) for p in people if p["role"] == role) for k in keys}}
        for role in roles
    ]
