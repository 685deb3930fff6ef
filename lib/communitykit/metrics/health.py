"""Community health: active, new, returning, conversations, peer support."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from ..dataset import Dataset
from .results import Health
from .stats import flag, period_mask, ratio, rows

# The columns of the member messages the conversation figures read.
REPLY_COLUMNS = ("author_id", "parent_id", "parent_role", "parent_author", "thread")


def compute(
    data: Dataset, start: pd.Timestamp, end: pd.Timestamp, previous_start: pd.Timestamp
) -> Health:
    m = data.messages
    members = _members(data)
    window = period_mask(m, start, end)
    active = members.writing(window)
    before = members.writing((m["created_at"] < start).to_numpy(dtype=bool))
    previous = members.writing(period_mask(m, previous_start, start))
    returning = np.intersect1d(active, previous)
    earlier = data.history.members()
    new = [p for p in members.pairs(np.setdiff1d(active, before)) if p not in earlier]

    questions = window & flag(m, "is_question")
    helped = questions & ((m["peer_answer_at"] < end) | (m["advocate_answer_at"] < end)
                          ).to_numpy(dtype=bool)
    by_members = window & flag(m, "is_member") & ~flag(m, "excluded")
    member_msgs = rows(m, by_members, REPLY_COLUMNS)
    member_replies = member_msgs[member_msgs["parent_id"].notna()]
    to_member = (member_replies["parent_role"] == "member") & (
        member_replies["parent_author"] != member_replies["author_id"]
    )
    platforms = Counter(members.platform(active))
    return Health(
        active_members=len(active),
        new_members=len(new),
        returning_members=len(returning),
        previous_active_members=len(previous),
        retention=ratio(len(returning), len(previous)),
        conversations=_conversations(member_msgs, members.author[by_members]),
        peer_support_rate=ratio(helped.sum(), questions.sum()),
        member_replies=len(member_replies),
        member_reply_share=ratio(to_member.fillna(False).sum(), len(member_replies)),
        by_platform={str(p): platforms[p] for p in sorted(platforms)},
    )


class Members:
    """Each message's member, as a code of its (platform, author): -1 where the message is
    not a member's, or is spam; and each message's author, as a code (-1: none)."""

    def __init__(self, m: pd.DataFrame) -> None:
        platform, self.platforms = pd.factorize(m["platform"], use_na_sentinel=False)
        self.author, self.authors = pd.factorize(m["author_id"])
        self.width = len(self.authors) + 1  # the last place: no author
        writes = flag(m, "is_member") & ~flag(m, "excluded")
        self.codes = np.where(
            writes, platform.astype("int64") * self.width + self.author % self.width, -1)

    def writing(self, keep: np.ndarray) -> np.ndarray:
        """The codes of the members writing in the messages where ``keep``."""
        return np.unique(self.codes[keep & (self.codes >= 0)])

    def platform(self, codes: np.ndarray) -> list[Any]:
        """The platform of each code."""
        found: list[Any] = self.platforms.take(codes // self.width).tolist()
        return found

    def pairs(self, codes: np.ndarray) -> list[tuple[Any, Any]]:
        """The (platform, author) of each code."""
        authors = [*self.authors.tolist(), None]
        return [(p, authors[a])
                for p, a in zip(self.platform(codes), codes % self.width, strict=True)]


def _members(data: Dataset) -> Members:
    """The messages' ``Members`` (kept for the other periods)."""
    if "members" not in data.derived:
        data.derived["members"] = Members(data.messages)
    found: Members = data.derived["members"]
    return found


def _conversations(member_msgs: pd.DataFrame, writer: np.ndarray) -> int:
    """Threads with two or more members writing and a member replying to another member
    (``writer``: each message's author code, -1 for none)."""
    if member_msgs.empty:
        return 0
    reply_to_member = (
        member_msgs["parent_id"].notna()
        & (member_msgs["parent_role"] == "member").fillna(False)
        & (member_msgs["parent_author"] != member_msgs["author_id"]).fillna(False)
    )
    coded = member_msgs.assign(m2m=reply_to_member, writer=np.where(writer >= 0, writer, np.nan))
    per_thread = coded.groupby("thread").agg(  # two writers or more: two codes differ
        first=("writer", "min"), last=("writer", "max"), m2m=("m2m", "any"))
    return int(((per_thread["first"] < per_thread["last"]) & per_thread["m2m"]).sum())
