"""The part of the store a report reads: its window of months, whole, and narrow facts of
the months before it.

A report of a period computes figures for the period, the previous one and each goal's
baseline period, and each of them looks one more period back (pending messages, returning
members, earlier terms). Its window starts at the earliest of those starts (its UTC month)
and runs to the store's end, since answers and replies come after a message. The window
also holds the reply chains above its messages, read by key from older months
(``chains``). The older months give only their ``history`` facts, kept per month: with
them, every figure of the window's periods is the one the whole store gives
(``tests/test_window.py``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import chains, history, memory, partitions, periods, row_notes
from .dataset import Dataset, spam, speakers
from .listening.prepare import notes_home
from .periods import Period
from .playbook import Playbook
from .rule_flags import rule_flags
from .store import Store
from .tables import conform

# What a month's facts read: the role's inputs, the text for the rule flags, the keys.
FACT_COLUMNS = ["platform", "message_id", "author_id", "author_name", "kind", "text",
                "created_at"]


def start(playbook: Playbook, period: Period) -> pd.Timestamp:
    """The first instant whose rows a report of ``period`` reads whole."""
    reported = [period.previous().previous()]
    for goal in playbook.goals:
        if goal.baseline.period:
            reported.append(periods.parse(goal.baseline.period).previous())
    return min(p.utc_bounds(playbook.tz)[0] for p in reported)


def dataset(store: Store, playbook: Playbook, period: Period,
            memo_dir: Path | None = None) -> Dataset:
    """The dataset of a report of ``period``: the window's messages and the older months'
    facts (the whole store when its messages are not kept by month)."""
    folder = store.folder("messages")
    if folder is None:
        return Dataset.from_store(store, playbook, memo_dir)
    first = start(playbook, period).strftime("%Y-%m")
    names = partitions.months(folder)
    older = [n for n in names if n != partitions.UNDATED and n < first]
    recent = [n for n in names if n not in older]
    table = chains.with_ancestors(folder, older, partitions.read_months(folder, recent),
                                  memo_dir)
    notes = None
    if memo_dir is not None:
        notes = row_notes.read(notes_home(playbook, memo_dir), folder, recent,
                               table[partitions.ROW])
    messages = conform(table.drop_columns([partitions.ROW]).to_pandas(), "messages")
    del table  # the Arrow copy: not held while the dataset is built
    memory.give_back()
    built = Dataset.build(
        playbook, posts=store.load("posts"), messages=messages,
        daily=store.load("account_daily"), accounts=store.accounts(), memo_dir=memo_dir,
        history=older_facts(folder, older, playbook, memo_dir), notes=notes)
    memory.give_back()
    return built


def older_facts(folder: Path, older: list[str], playbook: Playbook,
                memo_dir: Path | None) -> history.History:
    """The facts of the ``older`` months: kept ones read, the others computed (and kept
    when the month has a digest and the client a cache)."""
    digests = partitions.digests(folder)
    place = history.folder(memo_dir, playbook) if memo_dir is not None else None
    whole = None
    if place and older and all(digests.get(name) for name in older):
        whole = history.sum_name([(name, digests[name]) for name in older])
        found_sum = history.kept_sum(place, whole)
        if found_sum is not None:
            return found_sum
    months = []
    for name in older:
        digest = digests.get(name)
        found = history.kept(place, name, digest) if place and digest else None
        if found is None:
            found = month_facts(folder, name, playbook, memo_dir)
            if place and digest:
                history.keep(place, name, digest, found)
        months.append(found)
    facts = history.History.of_months(months)
    if place and whole:
        history.keep_sum(place, whole, facts)
    return facts


def month_facts(folder: Path, name: str, playbook: Playbook,
                memo_dir: Path | None) -> pd.DataFrame:
    """One month's facts, from its rows prepared as the dataset prepares them."""
    rows = partitions.read_months(folder, [name], FACT_COLUMNS)
    frame = conform(rows.drop_columns([partitions.ROW]).to_pandas(), "messages")
    m = speakers(frame, playbook)
    flags = rule_flags(m["text"], playbook, m["created_at"], memo_dir)
    m["excluded"] = spam(m, flags, playbook)
    return history.month_facts(m, playbook)


def keep_facts(store: Store, playbook: Playbook, memo_dir: Path) -> int:
    """Compute and keep the facts of every dated month not kept yet (after an import, so
    that a report reads them); return how many months were computed."""
    folder = store.folder("messages")
    if folder is None:
        return 0
    digests = partitions.digests(folder)
    place = history.folder(memo_dir, playbook)
    done = 0
    for name in partitions.months(folder):
        digest = digests.get(name)
        if name == partitions.UNDATED or digest is None or history.kept(place, name, digest) \
                is not None:
            continue
        history.keep(place, name, digest, month_facts(folder, name, playbook, memo_dir))
        done += 1
    return done
