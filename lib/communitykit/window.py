"""The part of the store a report reads: its window of months, whole, and narrow facts of
the months before it.

A report of a period computes figures for the period, the previous one and each goal's
baseline period, and each of them looks one more period back (pending messages, returning
members, earlier terms). Its window starts at the earliest of those starts (its UTC month)
and runs to the store's end, since answers and replies come after a message. The window
also holds the reply chains above its messages, read by key from older months. The older
months give only their ``history`` facts, kept per month: with them, every figure of the
window's periods is the one the whole store gives (``tests/test_window.py``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import history, partitions, periods
from .dataset import Dataset, spam, speakers
from .periods import Period
from .playbook import Playbook
from .rule_flags import rule_flags
from .store import Store
from .tables import conform

# What a month's facts read: the role's inputs, the text for the rule flags, the keys.
CHAIN_COLUMNS = ["platform", "message_id", "parent_id"]
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
    table = with_ancestors(folder, older, partitions.read_months(folder, recent))
    messages = conform(table.drop_columns([partitions.ROW]).to_pandas(), "messages")
    return Dataset.build(
        playbook, posts=store.load("posts"), messages=messages,
        daily=store.load("account_daily"), accounts=store.accounts(), memo_dir=memo_dir,
        history=older_facts(folder, older, playbook, memo_dir))


def with_ancestors(folder: Path, older: list[str], table: pa.Table) -> pa.Table:
    """``table`` and the rows of ``older`` months its replies hang from, up their chains,
    in the table's order. The keys are looked for in the newest months first, reading
    three columns; a parent the store does not hold makes every older month read so."""
    if not older or not len(table) or "parent_id" not in table.column_names:
        return table
    held = _keys(table, "message_id")
    wanted = _missing(_keys(table, "parent_id"), held)
    found: dict[str, list[pa.Array]] = {}
    while len(wanted):
        before = len(held)
        for name in reversed(older):
            chain = partitions.read_months(folder, [name], CHAIN_COLUMNS, keys=wanted)
            if not len(chain):
                continue
            found.setdefault(name, []).append(chain[partitions.ROW].combine_chunks())
            held = pa.concat_tables([held, _keys(chain, "message_id")])
            wanted = _missing(pa.concat_tables([wanted, _keys(chain, "parent_id")]), held)
            if not len(wanted):
                break
        if len(held) == before:  # a pass found nothing more: the rest is not stored
            break
    parts = [table] + [
        partitions.read_months(folder, [name], rows=pa.concat_arrays(rows))
        for name, rows in found.items()]
    every = pa.concat_tables(parts, promote_options="default")
    return every.take(pc.sort_indices(every[partitions.ROW]))


def _keys(table: pa.Table, column: str) -> pa.Table:
    """The (platform, message_id) pairs a column names (its non-null values)."""
    pairs = pa.table({"platform": table["platform"], "message_id": table[column]})
    return pairs.filter(pc.is_valid(pairs["message_id"]))


def _missing(wanted: pa.Table, held: pa.Table) -> pa.Table:
    """The distinct pairs of ``wanted`` not in ``held``."""
    have = partitions.key_strings(held["platform"], held["message_id"]).combine_chunks()
    joined = partitions.key_strings(wanted["platform"], wanted["message_id"])
    keep = pc.invert(pc.fill_null(pc.is_in(joined, value_set=have), False))
    return wanted.filter(keep).group_by(["platform", "message_id"]).aggregate([])


def older_facts(folder: Path, older: list[str], playbook: Playbook,
                memo_dir: Path | None) -> history.History:
    """The facts of the ``older`` months: kept ones read, the others computed (and kept
    when the month has a digest and the client a cache)."""
    digests = partitions.digests(folder)
    place = history.folder(memo_dir, playbook) if memo_dir is not None else None
    months = []
    for name in older:
        digest = digests.get(name)
        found = history.kept(place, name, digest) if place and digest else None
        if found is None:
            found = month_facts(folder, name, playbook, memo_dir)
            if place and digest:
                history.keep(place, name, digest, found)
        months.append(found)
    return history.History.of_months(months)


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
