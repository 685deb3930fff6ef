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

import numpy as np
import pandas as pd

from .. import keys, roles
from ..dataset import Dataset
from .results import Voices
from .stats import flag, in_period, period_mask, ratio, rows

VOICE_ROLES = ("community_manager", "ambassador", "influencer", "employee")
ANSWERS = ("team_answer_by", "advocate_answer_by", "team_answer_at", "advocate_answer_at")


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> Voices:
    m = data.messages
    tz = data.playbook.tz
    window = period_mask(m, start, end)
    top_level = window & m["parent_id"].isna().to_numpy(dtype=bool)
    voices = [person for person in data.playbook.roster if person.role in VOICE_ROLES]
    written = {person.name: written_by(data, person.name) for person in voices}
    by_voices = np.zeros(len(m), dtype=bool)
    for by in written.values():
        by_voices |= by
    started = replied_to(m, top_level & by_voices)
    questions = rows(m, window & flag(m, "is_question"), ANSWERS)
    likes = m["likes"].fillna(0).to_numpy(dtype="int64")
    held = (m["created_at"] < end).to_numpy(dtype=bool)
    own_posts = _advocate_posts(data, start, end)
    people: list[dict[str, Any]] = []
    for person in voices:
        by = written[person.name]
        mine = window & by
        ever = m["created_at"][by & held]
        earlier = data.history.last_active(person.name)  # before the rows held, so before end
        ever = ever if earlier is None else pd.concat([ever, pd.Series([earlier])])
        group = "team" if person.role in data.playbook.team_roles else "advocate"
        answers = (questions[f"{group}_answer_by"] == person.name) & (
            questions[f"{group}_answer_at"] < end)
        people.append({
            "name": person.name,
            "role": person.role,
            "messages": int(mine.sum()),
            "posts": int((top_level & by).sum()),
            "conversations_started": int((started & by).sum()),
            "answers_to_questions": int(answers.fillna(False).sum()),
            "likes_earned": int(likes[mine].sum()),
            "post_engagement": int(own_posts.loc[own_posts["display_name"] == person.name,
                                                 "engagement"].sum()),
            "last_active": (ever.max().tz_convert(tz).strftime("%Y-%m-%d")
                            if not ever.empty else None),
            "quiet": not mine.any(),
        })
    advocates = [p for p in people if p["role"] != "community_manager"]
    inbound = window & flag(m, "inbound")
    answered = {g: int((inbound & (m[f"{g}_answer_at"] < end).to_numpy(dtype=bool)).sum())
                for g in ("team", "advocate", "peer")}
    return Voices(
        people=people,
        by_role=_by_role(advocates),
        quiet_advocates=[p["name"] for p in advocates if p["quiet"]],
        advocate_answers=answered["advocate"],
        advocate_share_of_answers=ratio(answered["advocate"], sum(answered.values())),
    )


def replied_to(m: pd.DataFrame, keep: np.ndarray) -> np.ndarray:
    """Whether someone replied to each message where ``keep`` (elsewhere false). The
    replies are looked up among the few messages kept first, as Arrow hashes the pool."""
    mine = keys.pair(m["platform"][keep], m["message_id"][keep])
    replies = keys.pair(m["platform"], m["parent_id"])
    found = np.zeros(len(m), dtype=bool)
    found[keep] = keys.isin(mine, replies[keys.isin(replies, mine)])
    return found


def written_by(data: Dataset, name: str) -> np.ndarray:
    """Whether each message's ``display_name`` is ``name`` (the names coded once)."""
    if "display names" not in data.derived:
        data.derived["display names"] = pd.factorize(data.messages["display_name"])
    codes, names = data.derived["display names"]
    if name not in names:
        return np.zeros(len(codes), dtype=bool)
    found: np.ndarray = codes == names.get_loc(name)
    return found


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
