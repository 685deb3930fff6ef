"""Member levels: each member's level now and at the end of the previous period, the
movement between them, and the drifting valuable members to reach out to.

A level reads a member's messages (spam left out) in a period and the one before it, and
whether they were seen before (the window's earlier rows and the older months' facts, as
new members are found): so the level now reads the period and the previous one, and the
level before reads the previous period and the one before it, which a report's window
holds whole (``window.start``). Members are the integer codes of ``health.Members``;
everything is counted with numpy over those codes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dataset import Dataset
from ..definitions import MEMBER_LEVELS
from ..periods import Period
from .health import Members, _members
from .results import MemberLevels, Row

LEVELS = ("champion", "regular", "participant", "newcomer", "drifting")
STATES = (*LEVELS, "inactive")  # the movement's rows and columns
CHAMPION, REGULAR, PARTICIPANT, NEWCOMER, DRIFTING, INACTIVE = range(len(STATES))
VALUABLE = (CHAMPION, REGULAR)  # drifting from these levels: reach out
TOP_SHARE = 10  # champions: the top 10 % by messages
OUTREACH_ROWS = 10


def compute(data: Dataset, period: Period) -> MemberLevels:
    """The member levels of ``period`` and of the previous period."""
    tz = data.playbook.tz
    previous = period.previous()
    bounds = [previous.previous().utc_bounds(tz)[0], previous.utc_bounds(tz)[0],
              *period.utc_bounds(tz)]
    m = data.messages
    members = _members(data)
    created = m["created_at"]
    keep = (members.codes >= 0) & (created < bounds[3]).to_numpy(dtype=bool)
    # 0: before the period before the previous one, 1: that period, 2: previous, 3: this
    bucket = sum((created[keep] >= b).to_numpy(dtype=np.int64) for b in bounds[:3])
    codes, member = np.unique(members.codes[keep], return_inverse=True)
    counts = np.bincount(member * 4 + np.asarray(bucket, dtype=np.int64),
                         minlength=4 * len(codes)).reshape(-1, 4)
    earlier = _in_history(members, codes, data)
    seen_before_previous = earlier | (counts[:, 0] + counts[:, 1] > 0)
    now, champion_min = _levels(counts[:, 3], counts[:, 2], seen_before_previous
                                | (counts[:, 2] > 0))
    before, previous_min = _levels(counts[:, 2], counts[:, 1], seen_before_previous)
    moved = np.bincount(before.astype(np.int64) * len(STATES) + now,
                        minlength=len(STATES) ** 2).reshape(len(STATES), len(STATES))
    moved[INACTIVE, INACTIVE] = 0  # members gone before, and not back: not counted
    reach = np.flatnonzero((now == DRIFTING) & np.isin(before, VALUABLE))
    return MemberLevels(
        current=_counts(now), previous=_counts(before),
        champion_min_messages=champion_min, previous_champion_min_messages=previous_min,
        movement={a: {b: int(moved[i, j]) for j, b in enumerate(STATES)}
                  for i, a in enumerate(STATES)},
        drifting_valuable=len(reach),
        outreach=_outreach(data, members, keep, member, reach, before,
                           counts[:, 1] + counts[:, 2]),
        definitions=dict(MEMBER_LEVELS),
    )


def _levels(now: np.ndarray, before: np.ndarray, seen: np.ndarray
            ) -> tuple[np.ndarray, int | None]:
    """Each member's level from their messages in a period (``now``) and the one before
    (``before``), and whether they wrote before the period (``seen``); and the fewest
    messages a champion wrote (None: nobody wrote)."""
    level = np.full(len(now), INACTIVE, dtype=np.int8)
    written = now + before
    pool = written[written > 0]
    least = None
    if len(pool):
        top = -(-len(pool) // TOP_SHARE)  # ⌈n ÷ 10⌉
        least = int(np.partition(pool, len(pool) - top)[len(pool) - top])
    both = (now > 0) & (before > 0)
    level[(before > 0) & (now == 0)] = DRIFTING
    level[(now > 0) & ~seen] = NEWCOMER
    level[(now > 0) & (before == 0) & seen] = PARTICIPANT
    level[both] = REGULAR
    if least is not None:
        level[both & (written >= least)] = CHAMPION
    return level, least


def _counts(level: np.ndarray) -> dict[str, int]:
    found = np.bincount(level.astype(np.int64), minlength=len(STATES))
    return {name: int(found[i]) for i, name in enumerate(LEVELS)}


def _in_history(members: Members, codes: np.ndarray, data: Dataset) -> np.ndarray:
    """Whether each member code wrote in the months before the window (the history's
    members, matched as ``health`` matches new members: a member without an author id or
    platform never matches)."""
    rows = data.history.part("members")
    if rows.empty or not len(codes):
        return np.zeros(len(codes), dtype=bool)
    platform = pd.Index(members.platforms).get_indexer(rows["platform"].astype(object))
    author = pd.Index(members.authors).get_indexer(rows["author_id"].astype(object))
    known = (platform >= 0) & (author >= 0) & rows["platform"].notna().to_numpy() \
        & rows["author_id"].notna().to_numpy()
    earlier = platform[known].astype(np.int64) * members.width + author[known]
    return np.isin(codes, earlier)


def _outreach(data: Dataset, members: Members, keep: np.ndarray, member: np.ndarray,
              reach: np.ndarray, before: np.ndarray, written: np.ndarray) -> list[Row]:
    """The first ``OUTREACH_ROWS`` of the drifting valuable members (``reach``: their
    places among the member codes), in the documented order."""
    if not len(reach):
        return []
    # Only members who can be among the first rows: ranked up to the last row's rank
    # (level, then messages), ties included; names decide among them.
    rank = before[reach].astype(np.int64) * (int(written.max()) + 1) - written[reach]
    cut = np.sort(rank)[min(OUTREACH_ROWS, len(rank)) - 1]
    reach = reach[rank <= cut]
    wanted = np.isin(member, reach)
    rows = np.flatnonzero(keep)[wanted]
    who = member[wanted]
    m = data.messages
    at = m["created_at"].iloc[rows].to_numpy(dtype="datetime64[ns]").view(np.int64)
    latest = np.full(len(written), np.iinfo(np.int64).min)
    np.maximum.at(latest, who, at)
    last = at == latest[who]  # each member's last messages (more than one on a tie)
    rows, who = rows[last], who[last]
    found = pd.DataFrame({
        "member": who, "at": at[last],
        **{name: m[column].iloc[rows].to_numpy(dtype=object)
           for name, column in (("name", "display_name"), ("platform", "platform"),
                                ("author", "author_id"))}})
    found = found.assign(name=found["name"].fillna("").astype(str),
                         platform=found["platform"].astype(str),
                         author=found["author"].astype(str))
    found = found.sort_values(["member", "name"], kind="stable").groupby(
        "member", sort=False).tail(1)
    found = found.assign(level=before[found["member"]], messages=written[found["member"]],
                         folded=found["name"].str.casefold())
    found = found.sort_values(["level", "messages", "folded", "name", "platform", "author"],
                              ascending=[True, False, True, True, True, True], kind="stable")
    tz = data.playbook.tz
    return [{"name": r.name, "platform": r.platform, "level_before": STATES[int(r.level)],
             "last_active": pd.Timestamp(r.at, tz="UTC").tz_convert(tz).date().isoformat(),
             "messages_before": int(r.messages)}
            for r in found.head(OUTREACH_ROWS).itertuples(index=False)]
