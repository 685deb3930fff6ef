"""The store's tables joined with the playbook: roles, inbound messages and their answers.

Everything here is period-independent; ``metrics`` slices it by period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import classify, keys, roles
from .clock import BusinessClock
from .errors import NoData
from .playbook import Playbook, parse_duration
from .store import Store
from .tables import FLAT_THREAD_PLATFORMS, empty

RESPONDERS = ("team", "advocate", "peer")


@dataclass
class Dataset:
    playbook: Playbook
    clock: BusinessClock
    posts: pd.DataFrame
    messages: pd.DataFrame
    daily: pd.DataFrame
    accounts: list[dict[str, object]]
    # Where text annotations are kept between runs (``listening.memo``); None: not kept.
    memo_dir: Path | None = field(default=None, repr=False, compare=False)
    # Derived per-message results keyed by row label (shared by filtered copies).
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Frames derived from this data, kept for the other periods and sections.
    derived: dict[str, pd.DataFrame] = field(default_factory=dict, init=False, repr=False,
                                             compare=False)

    @classmethod
    def from_store(cls, store: Store, playbook: Playbook) -> Dataset:
        return cls.build(
            playbook,
            posts=store.load("posts"),
            messages=store.load("messages"),
            daily=store.load("account_daily"),
            accounts=store.accounts(),
        )

    @classmethod
    def build(
        cls,
        playbook: Playbook,
        posts: pd.DataFrame | None = None,
        messages: pd.DataFrame | None = None,
        daily: pd.DataFrame | None = None,
        accounts: list[dict[str, object]] | None = None,
    ) -> Dataset:
        posts = empty("posts") if posts is None else posts
        messages = empty("messages") if messages is None else messages
        daily = empty("account_daily") if daily is None else daily
        times = pd.concat([posts["created_at"], messages["created_at"]]).dropna()
        if times.empty:
            first = last = dt.date.today()
        else:
            first = times.min().tz_convert(playbook.tz).date()
            last = times.max().tz_convert(playbook.tz).date()
        clock = BusinessClock(playbook, first - dt.timedelta(days=400), last)
        posts = _prepare_posts(posts, playbook)
        messages, position = _prepare_messages(messages, posts, playbook)
        messages = _answers(messages, position)
        return cls(playbook, clock, posts, messages, daily, accounts or [])

    def require_data(self, start: pd.Timestamp, end: pd.Timestamp, label: str) -> None:
        require_data(self.posts, self.messages, start, end, label)


def require_data(
    posts: pd.DataFrame, messages: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp,
    label: str,
) -> None:
    """Stop with a clear message when the period holds no post or message at all."""

    def inside(frame: pd.DataFrame) -> bool:
        return bool(((frame["created_at"] >= start) & (frame["created_at"] < end)).any())

    if not (inside(posts) or inside(messages)):
        span = pd.concat([posts["created_at"], messages["created_at"]]).dropna()
        known = (
            f"the store holds {span.min():%Y-%m-%d} to {span.max():%Y-%m-%d}"
            if not span.empty else "the store is empty: run `communitykit import` first"
        )
        raise NoData(f"no posts or messages in period {label}; {known}")


def _prepare_posts(posts: pd.DataFrame, playbook: Playbook) -> pd.DataFrame:
    posts = posts.copy()
    authors = roles.resolve(
        posts.assign(kind=pd.Series(pd.NA, index=posts.index, dtype="string"))[
            ["platform", "author_id", "author_name", "kind"]
        ],
        playbook,
    )
    # Posts in the brand's post exports are the brand's even when ids differ in form.
    posts["role"] = authors["role"].where(authors["role"] != "member", "brand")
    posts["pillar"] = classify.pillar(posts["text"], posts["kind"], playbook)
    engagement = posts[["reactions", "comments", "shares", "saves"]].fillna(0).sum(axis=1)
    posts["engagement"] = engagement.astype("int64")
    return posts


def _prepare_messages(
    messages: pd.DataFrame, posts: pd.DataFrame, playbook: Playbook
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Roles, parents, flags, threads and commitments; and each message's parent row."""
    m = roles.resolve(messages, playbook)
    team = roles.team_roles(playbook)
    advocates = roles.advocate_roles(playbook)
    m["is_team"] = m["role"].isin(team).astype(bool)
    m["is_advocate"] = m["role"].isin(advocates).astype(bool)
    m["is_member"] = (m["role"] == "member").astype(bool)

    position = _parent_positions(m)
    if position is None:  # repeated keys: join by value
        parents = m[["platform", "message_id", "author_id", "role"]].rename(columns={
            "message_id": "parent_id", "author_id": "parent_author", "role": "parent_role"})
        m = m.merge(parents, on=["platform", "parent_id"], how="left")
    else:
        m = m.reset_index(drop=True)
        m["parent_author"] = m["author_id"].array.take(position, allow_fill=True)
        m["parent_role"] = m["role"].array.take(position, allow_fill=True)
    on_post = pd.Series(  # every imported post is the client's own
        keys.isin(keys.pair(m["platform"], m["post_id"]), keys.pair(posts["platform"],
                                                                   posts["post_id"])),
        index=m.index)
    top_level = m["parent_id"].isna()
    flat = m["platform"].isin(FLAT_THREAD_PLATFORMS)

    flags = classify.rule_flags(m["text"], playbook)
    excluded_ids = [c.id for c in playbook.rules.categories if c.excluded_from_inbound]
    for category in flags.columns:
        m[f"flag_{category}"] = flags[category].to_numpy()
    m["excluded"] = (
        m["is_member"] & flags[excluded_ids].any(axis=1).to_numpy()
        if excluded_ids else pd.Series(False, index=m.index)
    ).astype(bool)

    addressed = (
        (top_level & (on_post | m["post_id"].isna() | flat))
        | m["parent_role"].isin(team).fillna(False).astype(bool)
        | m["kind"].isin(["dm", "mention"]).fillna(False).astype(bool)
    )
    m["inbound"] = (m["is_member"] & ~m["excluded"] & addressed).astype(bool)
    m["is_question"] = classify.is_question(m["text"]) & m["inbound"]
    m["thread"] = _thread_roots(m, position)
    commitments = playbook.cadence.response
    kind = np.where(m["is_question"], "question", "message")
    m["message_kind"] = kind
    due_within: dict[str, dt.timedelta] = {
        k: parse_duration(c.within) for k, c in commitments.items()}
    clocks: dict[str, str] = {k: c.clock for k, c in commitments.items()}
    fallback = "message"
    is_q = kind == "question"
    m["sla"] = pd.to_timedelta(np.where(
        is_q, pd.Timedelta(due_within.get("question", due_within[fallback])).value,
        pd.Timedelta(due_within[fallback]).value), unit="ns")
    m["sla_clock"] = np.where(is_q, clocks.get("question", clocks[fallback]), clocks[fallback])
    return m, position


def _parent_positions(m: pd.DataFrame) -> np.ndarray | None:
    """Row position of each message's parent (-1: no parent, or not in the data); None
    when a (platform, message_id) repeats or is missing."""
    n = len(m)
    own = keys.pair(m["platform"], m["message_id"])
    parents = keys.pair(m["platform"], m["parent_id"])
    codes, _ = pd.factorize(pd.concat([own, parents], ignore_index=True))
    mine = pd.Index(codes[:n])
    if (codes[:n] < 0).any() or not mine.is_unique:
        return None
    position = mine.get_indexer(codes[n:])
    position[codes[n:] < 0] = -1
    return np.asarray(position, dtype="int64")


def _thread_roots(m: pd.DataFrame, position: np.ndarray | None) -> pd.Series:
    """Thread of each message: the top of its reply chain, or the missing parent that
    the chain hangs from when that parent is not in the data.

    Vectorised by pointer jumping; duplicate keys or reply cycles fall back to the walk."""
    if position is None:
        return _thread_roots_walk(m)
    n = len(m)
    own = keys.pair(m["platform"], m["message_id"])
    parents = keys.pair(m["platform"], m["parent_id"])
    has_parent = m["parent_id"].notna().to_numpy()
    known = has_parent & (position >= 0)
    pointer = np.where(known, position, np.arange(n))
    for _ in range(64):
        following = pointer[pointer]
        if np.array_equal(following, pointer):
            break
        pointer = following
    else:
        return _thread_roots_walk(m)
    if (known & (pointer == np.arange(n))).any():  # a message answering itself: a cycle
        return _thread_roots_walk(m)
    missing_parent = has_parent & ~known
    top = own.where(~missing_parent, parents).array.take(pointer)
    return pd.Series(top, index=m.index, dtype="string")


def _thread_roots_walk(m: pd.DataFrame) -> pd.Series:
    """``_thread_roots`` one chain at a time (for data with cycles or repeated keys)."""
    Key = tuple[str, str]
    chain: list[Key] = list(zip(m["platform"], m["message_id"], strict=True))
    known = set(chain)
    parent_of: dict[Key, Key] = {
        key: (key[0], parent)
        for key, parent in zip(chain, m["parent_id"], strict=True)
        if not pd.isna(parent)
    }
    root_of: dict[Key, Key] = {}

    def root(key: Key) -> Key:
        path: list[Key] = []
        while True:
            if key in root_of:
                top = root_of[key]
                break
            parent = parent_of.get(key)
            if parent is None or len(path) > len(parent_of):  # top, or a cycle
                top = key
                break
            path.append(key)
            if parent not in known:
                top = parent
                break
            key = parent
        for link in path:
            root_of[link] = top
        return top

    return pd.Series(["\x1f".join(root(k)) for k in chain], index=m.index, dtype="string")


def _answers(m: pd.DataFrame, position: np.ndarray | None) -> pd.DataFrame:
    """First answer time and responder per message, for team, advocates and peers
    (``position``: each message's parent row, from ``_parent_positions``)."""
    if position is None or not isinstance(m.index, pd.RangeIndex) or m.index.start != 0:
        return _answers_by_key(m)
    created = m["created_at"]
    ns = pd.DatetimeIndex(created).as_unit("ns").asi8
    names = m["display_name"].array
    has_parent = m["parent_id"].notna().to_numpy()
    different = (m["author_id"] != m["parent_author"]).fillna(False).to_numpy(dtype=bool)
    groups = {
        "team": m["is_team"].to_numpy(dtype=bool),
        "advocate": m["is_advocate"].to_numpy(dtype=bool),
        "peer": m["is_member"].to_numpy(dtype=bool) & different,
    }
    for group, mask in groups.items():
        replies = created.iloc[np.flatnonzero(has_parent & mask)]
        ordered = replies.sort_values().index.to_numpy()  # as sort_values on the frame
        targets = position[ordered]
        _, first = np.unique(targets, return_index=True)  # earliest reply per parent
        first = first[targets[first] >= 0]
        source = np.full(len(m), -1, dtype="int64")
        source[targets[first]] = ordered[first]
        found = source >= 0
        m[f"{group}_answer_at"] = pd.Series(
            pd.to_datetime(np.where(found, ns[np.maximum(source, 0)], np.iinfo("int64").min),
                           utc=True), index=m.index).astype("datetime64[ns, UTC]")
        m[f"{group}_answer_by"] = pd.Series(names.take(source, allow_fill=True),
                                            index=m.index, dtype="string")
    _flat_answers(m)
    return m


def _answers_by_key(m: pd.DataFrame) -> pd.DataFrame:
    """``_answers`` joining replies to parents by key (for frames with repeated keys)."""
    for group in RESPONDERS:
        m[f"{group}_answer_at"] = pd.Series(pd.NaT, index=m.index, dtype="datetime64[ns, UTC]")
        m[f"{group}_answer_by"] = pd.Series(pd.NA, index=m.index, dtype="string")
    replies = m[m["parent_id"].notna()]
    groups = {
        "team": replies["is_team"],
        "advocate": replies["is_advocate"],
        "peer": replies["is_member"],
    }
    by_key = pd.Series(m.index, index=pd.MultiIndex.from_arrays([m["platform"], m["message_id"]]))
    for group, mask in groups.items():
        r = replies[mask]
        if group == "peer":
            r = r[r["author_id"] != r["parent_author"]]
        first = r.sort_values("created_at").drop_duplicates(["platform", "parent_id"])
        target = by_key.reindex(pd.MultiIndex.from_arrays([first["platform"], first["parent_id"]]))
        ok = target.notna().to_numpy()
        rows = target[ok].astype(int).to_numpy()
        m.loc[rows, f"{group}_answer_at"] = first["created_at"].to_numpy()[ok]
        names = first["display_name"].to_numpy()
        m.loc[rows, f"{group}_answer_by"] = names[ok]
    _flat_answers(m)
    return m


def _flat_answers(m: pd.DataFrame) -> None:
    """Flat threads: a later top-level team (or advocate) message in the same container
    answers an inbound message when it comes before that member's next message there.
    Brand-account top-level messages are posts (announcements), not answers."""
    flat = m["platform"].isin(FLAT_THREAD_PLATFORMS) & m["container"].notna()
    if not flat.any():
        return
    chat = m[flat].sort_values("created_at", kind="stable")
    ns = pd.DatetimeIndex(chat["created_at"]).as_unit("ns").asi8
    chat = chat.assign(ns=ns)
    own_next = chat.groupby(["platform", "container", "author_id"])["ns"].shift(-1)
    top_level = chat["parent_id"].isna() & (chat["role"] != "brand")
    for group, speaker_col in (("team", "is_team"), ("advocate", "is_advocate")):
        speakers = chat[chat[speaker_col] & top_level]
        waiting = chat["inbound"] & m.loc[chat.index, f"{group}_answer_at"].isna()
        for key, pool in speakers.groupby(["platform", "container"], sort=False):
            in_container = (chat["platform"] == key[0]) & (chat["container"] == key[1])
            targets = chat[waiting & in_container]
            if targets.empty:
                continue
            times = pool["ns"].to_numpy()
            pos = np.searchsorted(times, targets["ns"].to_numpy(), side="right")
            found = pos < len(times)
            answer_ns = np.where(found, times[np.minimum(pos, len(times) - 1)], 0)
            limit = own_next.loc[targets.index].to_numpy(dtype="float64", na_value=np.inf)
            ok = found & (answer_ns < limit)
            rows = targets.index[ok]
            m.loc[rows, f"{group}_answer_at"] = pd.to_datetime(answer_ns[ok], utc=True)
            names = pool["display_name"].to_numpy()
            m.loc[rows, f"{group}_answer_by"] = names[pos[ok]]
