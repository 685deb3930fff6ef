"""The store's tables joined with the playbook: roles, inbound messages and their answers.

Everything here is period-independent; ``metrics`` slices it by period. A dataset holds the
whole store (``from_store``) or a report's window of it with the facts of the older months
(``window.dataset``, ``history``): the figures of the window's periods are the same.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import answers, classify, keys, roles, row_notes
from .clock import BusinessClock
from .errors import NoData
from .history import History
from .playbook import SEVERITY_ORDER, Playbook, parse_duration
from .row_notes import RowNotes
from .rule_flags import rule_flags
from .store import Store
from .tables import FLAT_THREAD_PLATFORMS, empty

RESPONDERS = answers.GROUPS
# Message columns read only to build the dataset (roles, threads, first answers): dropped
# once it is built, since a figure reads none of them.
BUILT_FROM = ("role_source", "mentions", "container", "post_id", "deleted")


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
    # The facts of the store's months before the rows held (empty: the rows are the store).
    history: History = field(default_factory=History.empty, repr=False, compare=False)
    # What the import kept of each message row (``row_notes``); None: computed from texts.
    notes: RowNotes | None = field(default=None, repr=False, compare=False)
    # Derived per-message results keyed by row label (shared by filtered copies).
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Frames derived from this data, kept for the other periods and sections.
    derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False,
                                    compare=False)

    @classmethod
    def from_store(cls, store: Store, playbook: Playbook,
                   memo_dir: Path | None = None) -> Dataset:
        return cls.build(
            playbook,
            posts=store.load("posts"),
            messages=store.load("messages"),
            daily=store.load("account_daily"),
            accounts=store.accounts(),
            memo_dir=memo_dir,
        )

    @classmethod
    def build(
        cls,
        playbook: Playbook,
        posts: pd.DataFrame | None = None,
        messages: pd.DataFrame | None = None,
        daily: pd.DataFrame | None = None,
        accounts: list[dict[str, object]] | None = None,
        memo_dir: Path | None = None,
        history: History | None = None,
        notes: RowNotes | None = None,
    ) -> Dataset:
        posts = empty("posts") if posts is None else posts
        messages = empty("messages") if messages is None else messages
        daily = empty("account_daily") if daily is None else daily
        history = history or History.empty()
        earliest = history.first_time()
        times = pd.concat([posts["created_at"], messages["created_at"],
                           *([pd.Series([earliest])] if earliest is not None else [])]).dropna()
        if times.empty:
            first = last = dt.date.today()
        else:
            first = times.min().tz_convert(playbook.tz).date()
            last = times.max().tz_convert(playbook.tz).date()
        clock = BusinessClock(playbook, first - dt.timedelta(days=400), last)
        posts = _prepare_posts(posts, playbook)
        messages, position = _prepare_messages(messages, posts, playbook, memo_dir, notes)
        window = pd.Timedelta(parse_duration(playbook.cadence.flat_thread_window))
        messages = answers.first_answers(messages, position, window, _handles(playbook),
                                         history.authors())
        messages = messages.drop(columns=[c for c in BUILT_FROM if c in messages.columns])
        return cls(playbook, clock, posts, messages, daily, accounts or [], memo_dir, history,
                   notes)

    def require_data(self, start: pd.Timestamp, end: pd.Timestamp, label: str) -> None:
        earlier = self.history.part("spans")
        before = pd.DataFrame({"created_at": pd.concat([earlier["first"], earlier["last"]])})
        require_data(self.posts, pd.concat([before, self.messages[["created_at"]]]), start, end,
                     label)


def _handles(playbook: Playbook) -> dict[str, dict[str, str]]:
    """Per platform, the roster's and the brand accounts' handles (lowercase, no @) ->
    whom they name (a mention of them links a line to that person)."""
    found: dict[str, dict[str, str]] = {}
    for person in playbook.roster:
        for platform, handles in person.handles.items():
            for handle in handles:
                known = found.setdefault(platform, {})
                known[handle.lstrip("@").lower()] = f"roster:{person.name}"
    for account in playbook.accounts:
        for value in (account.id, account.handle):
            if value:
                found.setdefault(account.platform, {})[value.lstrip("@").lower()] = "brand"
    return found


def require_data(
    posts: pd.DataFrame, messages: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp,
    label: str,
) -> None:
    """Stop with a clear message when the period holds no post or message at all."""

    def inside(frame: pd.DataFrame) -> bool:
        return bool(((frame["created_at"] >= start) & (frame["created_at"] < end)).any())

    if not (inside(posts) or inside(messages)):
        times = pd.concat([posts["created_at"], messages["created_at"]]).dropna()
        raise no_data(label, None if times.empty else (times.min(), times.max()))


def no_data(label: str, span: tuple[pd.Timestamp, pd.Timestamp] | None) -> NoData:
    """The error for a period without a post or a message, saying what the store holds."""
    known = (f"the store holds {span[0]:%Y-%m-%d} to {span[1]:%Y-%m-%d}" if span
             else "the store is empty: run `communitykit import` first")
    return NoData(f"no posts or messages in period {label}; {known}")


def _prepare_posts(posts: pd.DataFrame, playbook: Playbook) -> pd.DataFrame:
    posts = posts.copy()
    authors = roles.resolve(
        posts.assign(kind=pd.Series(pd.NA, index=posts.index, dtype="string"))[
            ["platform", "author_id", "author_name", "kind"]
        ],
        playbook,
    )
    # Posts in the brand's post exports are the brand's even when ids differ in form;
    # a roster person's post (an ambassador's, say) is theirs.
    posts["role"] = authors["role"].where(authors["role"] != "member", "brand")
    posts["is_team"] = posts["role"].isin(roles.team_roles(playbook)).astype(bool)
    posts["owner_matched"] = _owner_matched(posts, authors["role"] != "member", playbook)
    posts["pillar"] = classify.pillar(posts["text"], posts["kind"], playbook)
    engagement = posts[["reactions", "comments", "shares", "saves"]].fillna(0).sum(axis=1)
    posts["engagement"] = engagement.astype("int64")
    return posts


def _owner_matched(posts: pd.DataFrame, resolved: pd.Series, playbook: Playbook) -> pd.Series:
    """Whether a post's author or account is one the playbook knows (or the export names
    none): the evidence that a channel's exports are the client's own."""
    accounts = {(a.platform, str(v).lstrip("@").lower())
                for a in playbook.accounts for v in (a.id, a.handle) if v}
    account = posts["account_id"].astype("string").str.lstrip("@").str.lower()
    known = pd.Series([(p, a) in accounts for p, a in zip(posts["platform"], account.fillna(""),
                                                          strict=True)], index=posts.index,
                      dtype=bool)
    unnamed = posts["author_id"].isna() & posts["account_id"].isna()
    return (resolved.fillna(False).to_numpy(dtype=bool) | known | unnamed).astype(bool)


def _prepare_messages(
    messages: pd.DataFrame, posts: pd.DataFrame, playbook: Playbook,
    memo_dir: Path | None = None, notes: RowNotes | None = None,
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """Roles, parents, flags (kept in ``memo_dir``), threads and commitments; and each
    message's parent row (None when keys repeat). Flags and questions the import kept
    (``notes``) are read, not computed."""
    m = speakers(messages, playbook)
    team = roles.team_roles(playbook)
    position = _parent_positions(m)
    parent = position if position is not None else answers.positions_by_key(m)
    m["parent_author"] = m["author_id"].array.take(parent, allow_fill=True)
    m["parent_role"] = m["role"].array.take(parent, allow_fill=True)
    team_posts = posts[posts["is_team"]]
    on_team_post = pd.Series(
        keys.isin(keys.pair(m["platform"], m["post_id"]),
                  keys.pair(team_posts["platform"], team_posts["post_id"])),
        index=m.index)
    top_level = m["parent_id"].isna()
    flat = m["platform"].isin(FLAT_THREAD_PLATFORMS)

    flags = _rule_flags(m, playbook, memo_dir, notes)
    for category in flags.columns:
        m[f"flag_{category}"] = flags[category].to_numpy()
    m["excluded"] = spam(m, flags, playbook)

    addressed = (
        (top_level & (on_team_post | m["post_id"].isna() | flat))
        | m["parent_role"].isin(team).fillna(False).astype(bool)
        | m["kind"].isin(["dm", "mention"]).fillna(False).astype(bool)
        | names_brand(m, playbook)
    )
    m["inbound"] = (m["is_member"] & ~m["excluded"] & addressed).astype(bool)
    inbound = m["inbound"].to_numpy(dtype=bool)  # only inbound messages can be questions
    question = np.zeros(len(m), dtype=bool)
    if inbound.any():
        asked = row_notes.bool_columns(notes, ["question"], m.index[inbound], lambda rows: (
            classify.is_question(m.loc[rows, "text"]).rename("question").to_frame()))
        question[inbound] = asked["question"].to_numpy(dtype=bool)
    m["is_question"] = question
    m["thread"] = _thread_roots(m, position)
    _commitments(m, flags, playbook)
    return m, parent


def _rule_flags(m: pd.DataFrame, playbook: Playbook, memo_dir: Path | None,
                notes: RowNotes | None) -> pd.DataFrame:
    """``rule_flags`` of the messages (a column per category id), read where kept."""
    ids = [c.id for c in playbook.rules.categories]

    def computed(rows: pd.Index) -> pd.DataFrame:
        part = m if len(rows) == len(m) else m.loc[rows]
        return rule_flags(part["text"], playbook, part["created_at"], memo_dir).add_prefix(
            "flag_")

    found = row_notes.bool_columns(notes, [f"flag_{i}" for i in ids], m.index, computed)
    return found.set_axis(ids, axis=1)


def speakers(messages: pd.DataFrame, playbook: Playbook) -> pd.DataFrame:
    """Each message's role (``roles.resolve``), and whether its author speaks for the team,
    as an advocate or as a member; indexed from 0."""
    m = roles.resolve(messages, playbook).reset_index(drop=True)
    m["is_team"] = m["role"].isin(roles.team_roles(playbook)).astype(bool)
    m["is_advocate"] = m["role"].isin(roles.advocate_roles(playbook)).astype(bool)
    m["is_member"] = (m["role"] == "member").astype(bool)
    return m


def spam(m: pd.DataFrame, flags: pd.DataFrame, playbook: Playbook) -> pd.Series:
    """Member messages that a rule category excluded from inbound flags (``excluded``)."""
    excluded_ids = [c.id for c in playbook.rules.categories if c.excluded_from_inbound]
    return (
        m["is_member"] & flags[excluded_ids].any(axis=1).to_numpy()
        if excluded_ids else pd.Series(False, index=m.index)
    ).astype(bool)


def names_brand(m: pd.DataFrame, playbook: Playbook) -> pd.Series:
    """Whether each message's text names one of the brand's handles on its platform
    (``@handle``, any case, not followed by a letter, digit, dot or underscore)."""
    hit = pd.Series(False, index=m.index)
    handles: dict[str, list[str]] = {}
    for account in playbook.accounts:
        if account.handle:
            handles.setdefault(account.platform, []).append(account.handle.lstrip("@"))
    if not handles:
        return hit
    text = m["text"].astype("string").fillna("")
    maybe = m["platform"].isin(list(handles)).to_numpy() & text.str.contains(
        "@", regex=False).to_numpy(dtype=bool)
    for platform, names in handles.items():
        rows = maybe & (m["platform"] == platform).to_numpy(dtype=bool)
        if not rows.any():
            continue
        pattern = "(?i)(?<![\\w@])@(?:" + "|".join(re.escape(n) for n in names) + ")(?![\\w.])"
        hit[rows] = text[rows].str.contains(pattern, regex=True).to_numpy(dtype=bool)
    return hit


def _commitments(m: pd.DataFrame, flags: pd.DataFrame, playbook: Playbook) -> None:
    """Each message's kind and response commitment: its highest rule severity's when the
    playbook commits to one for it, else the question or the message commitment."""
    commitments = playbook.cadence.response
    by_severity = sorted((c for c in playbook.rules.categories if c.severity in commitments),
                         key=lambda c: SEVERITY_ORDER[c.severity])
    kinds = list(dict.fromkeys(["message", "question", *(c.severity for c in by_severity)]))
    code = m["is_question"].to_numpy(dtype=bool).astype("int64")  # 0 message, 1 question
    for category in by_severity:  # higher severities overwrite lower ones
        code[flags[category.id].to_numpy(dtype=bool)] = kinds.index(category.severity)
    m["message_kind"] = pd.Categorical.from_codes(code, categories=kinds)  # few values
    known = {str(k): c for k, c in commitments.items()}
    commitment = [known.get(k, known["message"]) for k in kinds]  # question: else message's
    within = np.array([pd.Timedelta(parse_duration(c.within)).value for c in commitment])
    m["sla"] = pd.to_timedelta(within[code], unit="ns")
    clocks = list(dict.fromkeys(c.clock for c in commitment))
    clock_of = np.array([clocks.index(c.clock) for c in commitment], dtype="int64")
    m["sla_clock"] = pd.Categorical.from_codes(clock_of[code], categories=clocks)


def _parent_positions(m: pd.DataFrame) -> np.ndarray | None:
    """Row position of each message's parent (-1: no parent, or not in the data); None
    when a (platform, message_id) repeats or is missing."""
    own, parents = _key_codes(m)
    mine = pd.Index(own)
    if (own < 0).any() or not mine.is_unique:
        return None
    position = mine.get_indexer(parents)
    position[parents < 0] = -1
    return np.asarray(position, dtype="int64")


def _key_codes(m: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of each message's (platform, message_id) and (platform, parent_id)
    pairs, equal for equal pairs as ``keys.pair`` strings are (-1: a part is missing);
    coded without building the pair strings."""
    n = len(m)
    platform, _ = pd.factorize(m["platform"].astype("string"))
    ids, _ = pd.factorize(pd.concat([m["message_id"].astype("string"),
                                     m["parent_id"].astype("string")], ignore_index=True))
    platforms = np.concatenate([platform, platform]).astype("int64")
    ids = ids.astype("int64")
    coded = np.where((platforms >= 0) & (ids >= 0),
                     platforms * (int(ids.max(initial=0)) + 1) + ids, -1)
    return coded[:n], coded[n:]


def _thread_roots(m: pd.DataFrame, position: np.ndarray | None) -> pd.Series:
    """Thread of each message: the top of its reply chain, or the missing parent that
    the chain hangs from when that parent is not in the data.

    Vectorised by pointer jumping; duplicate keys or reply cycles fall back to the walk."""
    if position is None:
        return _thread_roots_walk(m)
    n = len(m)
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
    top = keys.pair(m["platform"], m["message_id"].where(~missing_parent, m["parent_id"])
                    ).array.take(pointer)
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
