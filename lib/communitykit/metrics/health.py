"""Community health: active, new, returning, conversations, peer support."""

from __future__ import annotations

import pandas as pd

from ..dataset import Dataset
from .results import Health
from .stats import in_period, ratio

# The columns read here: filtering a narrow frame moves far less than the whole one.
COLUMNS = ("platform", "author_id", "created_at", "is_member", "excluded", "is_question",
           "peer_answer_at", "advocate_answer_at", "parent_id", "parent_role", "parent_author",
           "thread")


def _members(frame: pd.DataFrame, mask: pd.Series | None = None) -> set[tuple[str, str]]:
    """(platform, author) of members writing in ``frame`` (where ``mask``), spam excluded."""
    keep = frame["is_member"] & ~frame["excluded"]
    if mask is not None:
        keep &= mask
    rows = frame.loc[keep, ["platform", "author_id"]].drop_duplicates()
    return set(zip(rows["platform"].tolist(), rows["author_id"].tolist(), strict=True))


def compute(
    data: Dataset, start: pd.Timestamp, end: pd.Timestamp, previous_start: pd.Timestamp
) -> Health:
    messages = in_period(data.messages, start, end)[list(COLUMNS)]
    active = _members(messages)
    before = _members(data.messages, data.messages["created_at"] < start)
    before |= data.history.members()
    previous = _members(in_period(data.messages, previous_start, start))
    returning = active & previous

    questions = messages[messages["is_question"]]
    helped = (
        questions["peer_answer_at"].where(questions["peer_answer_at"] < end).notna()
        | questions["advocate_answer_at"].where(questions["advocate_answer_at"] < end).notna()
    )
    member_msgs = messages[messages["is_member"] & ~messages["excluded"]]
    member_replies = member_msgs[member_msgs["parent_id"].notna()]
    to_member = (member_replies["parent_role"] == "member") & (
        member_replies["parent_author"] != member_replies["author_id"]
    )
    return Health(
        active_members=len(active),
        new_members=len(active - before),
        returning_members=len(returning),
        previous_active_members=len(previous),
        retention=ratio(len(returning), len(previous)),
        conversations=_conversations(member_msgs),
        peer_support_rate=ratio(helped.sum(), len(questions)),
        member_replies=len(member_replies),
        member_reply_share=ratio(to_member.fillna(False).sum(), len(member_replies)),
        by_platform={
            str(p): len({a for a in active if a[0] == p}) for p in sorted({a[0] for a in active})
        },
    )


def _conversations(member_msgs: pd.DataFrame) -> int:
    """Threads with two or more members writing and a member replying to another member."""
    if member_msgs.empty:
        return 0
    reply_to_member = (
        member_msgs["parent_id"].notna()
        & (member_msgs["parent_role"] == "member").fillna(False)
        & (member_msgs["parent_author"] != member_msgs["author_id"]).fillna(False)
    )
    per_thread = member_msgs.assign(m2m=reply_to_member).groupby("thread").agg(
        writers=("author_id", "nunique"), m2m=("m2m", "any")
    )
    return int(((per_thread["writers"] >= 2) & per_thread["m2m"]).sum())
