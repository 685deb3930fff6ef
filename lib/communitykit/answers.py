"""Who answered each inbound message first, and when: replies, and lines in flat channels.

Three groups answer: the team, advocates, and peers (members other than the author).
- A reply answers its parent, unless it was stored before its parent (a clock damaged
  at a DST change): such replies answer nothing and are counted.
- On flat-thread platforms (Discord, Slack, Telegram, ...), lines without a reply
  reference are read in time order per channel:
  - a line that mentions authors answers those authors' inbound messages of the last
    ``window`` in the channel (any group);
  - an unlinked line by the team or an advocate answers at most the nearest earlier
    inbound message of the window, by another author, that its group has not yet
    answered; brand-account lines are announcements, and a member's unlinked line
    answers nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .tables import FLAT_THREAD_PLATFORMS

GROUPS = ("team", "advocate", "peer")
MENTION = re.compile(r"(?<![\w@])@([^\s@,;:!?()<>\[\]{}\"'，。！？：；、]+)")
NO_TIME = np.iinfo("int64").min


def first_answers(m: pd.DataFrame, position: np.ndarray | None, window: pd.Timedelta,
                  handles: dict[str, dict[str, str]] | None = None,
                  earlier: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ``{group}_answer_at`` and ``{group}_answer_by`` for every group, and
    ``reply_before_parent``, to the prepared messages ``m`` (``position``: each message's
    parent row, -1 when none; None to join replies to parents by key; ``handles``: per
    platform, lowercase handles of the roster and brand accounts -> who they are;
    ``earlier``: the authors of the store's rows that ``m`` leaves out, ``history``)."""
    m = m.reset_index(drop=True)
    if position is None:
        position = positions_by_key(m)
    ns = pd.DatetimeIndex(m["created_at"]).as_unit("ns").asi8
    has_parent = position >= 0
    parent_ns = np.where(has_parent, ns[np.maximum(position, 0)], NO_TIME)
    before_parent = has_parent & (ns < parent_ns)
    m["reply_before_parent"] = before_parent
    answer_ns = {g: np.full(len(m), NO_TIME, dtype="int64") for g in GROUPS}
    source = {g: np.full(len(m), -1, dtype="int64") for g in GROUPS}
    different = (m["author_id"] != m["parent_author"]).fillna(False).to_numpy(dtype=bool)
    speaker = _groups(m)
    linked = has_parent & ~before_parent
    for group in GROUPS:
        mask = linked & speaker[group]
        if group == "peer":
            mask &= different
        _earliest(answer_ns[group], source[group], position[mask], ns[mask],
                  np.flatnonzero(mask))
    _flat_lines(m, ns, speaker, window, answer_ns, source, handles or {}, earlier)
    names = m["display_name"].array
    for group in GROUPS:
        found = source[group] >= 0
        at = np.where(found, answer_ns[group], NO_TIME)
        m[f"{group}_answer_at"] = pd.Series(
            pd.to_datetime(at, utc=True), index=m.index).where(found).astype(
            "datetime64[ns, UTC]")
        m[f"{group}_answer_by"] = pd.Series(names.take(source[group], allow_fill=True),
                                            index=m.index, dtype="string")
    return m


def _groups(m: pd.DataFrame) -> dict[str, np.ndarray]:
    """Whether each message's author speaks for the team, as an advocate, or as a member."""
    return {
        "team": m["is_team"].to_numpy(dtype=bool),
        "advocate": m["is_advocate"].to_numpy(dtype=bool),
        "peer": m["is_member"].to_numpy(dtype=bool),
    }


def _earliest(answer_ns: np.ndarray, source: np.ndarray, targets: np.ndarray,
              times: np.ndarray, rows: np.ndarray) -> None:
    """Keep, per target, the earliest of the given answers (ties: the first row)."""
    if not len(rows):
        return
    order = np.lexsort((rows, times))
    targets, times, rows = targets[order], times[order], rows[order]
    _, first = np.unique(targets, return_index=True)
    targets, times, rows = targets[first], times[first], rows[first]
    held = source[targets] >= 0
    better = ~held | (times < answer_ns[targets])
    answer_ns[targets[better]] = times[better]
    source[targets[better]] = rows[better]


def positions_by_key(m: pd.DataFrame) -> np.ndarray:
    """Each message's parent row when (platform, message_id) repeats: the last row of
    that key (the store keeps one row per key, so this only serves hand-made frames)."""
    keys = m["platform"].astype("string") + "\x1f" + m["message_id"].astype("string")
    last = pd.Series(np.arange(len(m)), index=keys.to_numpy()).groupby(level=0).last()
    wanted = m["platform"].astype("string") + "\x1f" + m["parent_id"].astype("string")
    found = last.reindex(wanted.to_numpy())
    return np.where(found.notna().to_numpy(), found.fillna(-1).to_numpy(), -1).astype("int64")


def _flat_lines(m: pd.DataFrame, ns: np.ndarray, speaker: dict[str, np.ndarray],
                window: pd.Timedelta, answer_ns: dict[str, np.ndarray],
                source: dict[str, np.ndarray], handles: dict[str, dict[str, str]],
                earlier: pd.DataFrame | None = None) -> None:
    """Answers by lines without a reply reference in flat channels (see the module)."""
    flat = (m["platform"].isin(FLAT_THREAD_PLATFORMS).fillna(False).to_numpy(dtype=bool)
            & m["container"].notna().to_numpy() & m["parent_id"].isna().to_numpy())
    if not flat.any():
        return
    reach = int(window.value)
    mentioned = mentioned_authors(m, flat, handles, earlier)
    rows = np.flatnonzero(flat)  # the flat lines' rows; below, lines are numbered in rows
    row_of = rows.tolist()
    inbound = m["inbound"].to_numpy(dtype=bool)[rows].tolist()
    brand = (m["role"] == "brand").fillna(False).to_numpy(dtype=bool)
    # The group whose unlinked lines answer: team (less brand accounts) and advocates.
    group_of = np.select([speaker["team"], speaker["advocate"], speaker["peer"]],
                         [0, 1, 2], -1)[rows].tolist()
    unlinked_answers = ((speaker["team"] & ~brand) | speaker["advocate"])[rows].tolist()
    authors = m["author_id"].iloc[rows].astype("string").fillna("").to_numpy(dtype=object)
    times = ns[rows].tolist()
    chat = pd.DataFrame({"platform": m["platform"].array.take(rows),
                         "container": m["container"].array.take(rows),
                         "ns": ns[rows], "line": np.arange(len(rows))})
    chat = chat.sort_values(["platform", "container", "ns", "line"], kind="stable")
    for _, channel in chat.groupby(["platform", "container"], sort=False):
        waiting: list[int] = []  # inbound lines of the channel so far, in time order
        by_author: dict[str, list[int]] = defaultdict(list)
        for line in channel["line"].tolist():
            row = row_of[line]
            t = times[line]
            group = GROUPS[group_of[line]] if group_of[line] >= 0 else None
            names = mentioned.get(row)
            if group is not None and names:
                for author in names - {authors[line]}:
                    for target in reversed(by_author.get(author, ())):
                        if t - times[target] > reach:
                            break
                        if times[target] < t:
                            _answer(answer_ns[group], source[group], row_of[target], t, row)
            elif group is not None and unlinked_answers[line]:
                target = _nearest_waiting(waiting, times, authors, answer_ns[group],
                                          source[group], line, row_of, reach)
                if target >= 0:
                    _answer(answer_ns[group], source[group], row_of[target], t, row)
            if inbound[line]:
                waiting.append(line)
                by_author[authors[line]].append(line)


def _nearest_waiting(waiting: list[int], times: list[int], authors: np.ndarray,
                     answer_ns: np.ndarray, source: np.ndarray, line: int, row_of: list[int],
                     reach: int) -> int:
    """The nearest earlier inbound line of the window, by another author, that the group
    has not answered before ``line``'s time; -1 when none (lines are numbered as ``times``
    and ``authors``, ``row_of`` gives their rows in ``answer_ns`` and ``source``)."""
    t = times[line]
    for target in reversed(waiting):
        at = times[target]
        if t - at > reach:
            return -1
        if at >= t or authors[target] == authors[line]:
            continue
        row = row_of[target]
        if source[row] >= 0 and answer_ns[row] < t:
            continue
        return target
    return -1


def _answer(answer_ns: np.ndarray, source: np.ndarray, target: int, t: int, row: int) -> None:
    if source[target] < 0 or t < answer_ns[target]:
        answer_ns[target] = t
        source[target] = row


def mentioned_authors(m: pd.DataFrame, rows: np.ndarray,
                      handles: dict[str, dict[str, str]] | None = None,
                      earlier: pd.DataFrame | None = None) -> dict[int, set[str]]:
    """Who each of the selected rows mentions: the export's ``mentions`` (ids or handles)
    and ``@name`` tokens in the text, matched (case-insensitive) against the authors of
    the same platform by id or name, and against the roster's and brand's handles."""
    chosen = np.flatnonzero(rows)
    listed = (m["mentions"] if "mentions" in m else pd.Series(pd.NA, index=m.index))
    listed = listed.iloc[chosen].astype("string").to_numpy(dtype=object, na_value=None)
    texts = m["text"].iloc[chosen].astype("string").to_numpy(dtype=object, na_value=None)
    platforms = m["platform"].iloc[chosen].to_numpy(dtype=object)
    said: list[tuple[int, str, list[str]]] = []
    for row, platform, given, text in zip(chosen.tolist(), platforms, listed, texts,
                                          strict=True):
        tokens = given.split() if given else []
        if text and "@" in text:
            tokens += MENTION.findall(text)
        if tokens:
            said.append((row, platform, [t.lstrip("@").rstrip(".").lower() for t in tokens]))
    if not said:
        return {}
    names = _author_names(m, earlier, {k for _, _, keys in said for k in keys})
    for platform, known in (handles or {}).items():
        for handle, who in known.items():
            names[platform].setdefault(handle, who)
    out: dict[int, set[str]] = {}
    for row, platform, keys in said:
        lookup = names.get(platform, {})
        found = {lookup[k] for k in keys if k in lookup}
        if found:
            out[row] = found
    return out


def _author_names(m: pd.DataFrame, earlier: pd.DataFrame | None, wanted: set[str]
                  ) -> dict[str, dict[str, str]]:
    """Per platform: lowercase author id and author name -> author id (ids win; of two
    authors of one name, the first in the table's order), for the authors whose id or
    name is one of the ``wanted`` keys (the others cannot change those keys' answers)."""
    columns = ["platform", "author_id", "author_name"]
    m = m.loc[_named(m, wanted), [*columns, "message_id"]]
    pairs = m[columns].drop_duplicates()
    if earlier is not None and len(earlier):
        # The store's order is its key's: an author's first row is its least message id.
        mine = m.groupby(columns, sort=False, dropna=False)["message_id"].min()
        keys = pd.concat([earlier[_named(earlier, wanted)], mine.rename("key").reset_index()],
                         ignore_index=True)
        first = keys.groupby(columns, sort=False, dropna=False)["key"].min().reset_index()
        pairs = first.sort_values(["platform", "key"], kind="stable")[columns]
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for platform, author, name in pairs.itertuples(index=False):
        if pd.notna(name):
            out[platform].setdefault(str(name).lower(), str(author))
    for platform, author, _ in pairs.itertuples(index=False):
        out[platform][str(author).lower()] = str(author)
    return out


def _named(frame: pd.DataFrame, wanted: set[str]) -> np.ndarray:
    """Rows whose author id or name, lowercased as ``_author_names`` does, is wanted."""
    found = np.zeros(len(frame), dtype=bool)
    for column in ("author_id", "author_name"):
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        hit = np.array([str(u).lower() in wanted for u in uniques], dtype=bool)
        found |= hit[codes] if len(hit) else found
    return found
