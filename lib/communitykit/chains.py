"""The reply chains above a report's window: the rows of older months its replies hang from.

The parents are looked for by key in the older months, newest first, reading three columns,
up the chains. Where each key was found, and which keys the store does not hold, is kept in
the client's cache (``chains.json``) for the same older months (the same digests), so the
next report reads only the months that hold its ancestors and looks for new keys alone.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from . import atomic, history, partitions
from .keys import key_strings

COLUMNS = ["platform", "message_id", "parent_id"]
MEMORY = "chains.json"


def with_ancestors(folder: Path, older: list[str], table: pa.Table,
                   memo_dir: Path | None = None) -> pa.Table:
    """``table`` and the rows of ``older`` months its replies hang from, up their chains,
    in the table's order."""
    if not older or not len(table) or "parent_id" not in table.column_names:
        return table
    digests = partitions.digests(folder)
    run = (history.sum_name([(m, digests[m]) for m in older])
           if all(digests.get(m) for m in older) else None)
    where, absent = _recall(memo_dir, run)
    held = keys(table, "message_id")
    wanted = missing(keys(table, "parent_id"), held)
    rows: dict[str, list[pa.Array]] = {}
    while len(wanted):
        wanted = wanted.filter(pc.invert(pc.is_in(_strings(wanted), pa.array(
            sorted(absent), type=pa.large_string()))))
        named = _strings(wanted).to_pylist()
        cached = sorted({where[k] for k in named if where.get(k) in older}, reverse=True)
        if not named:
            break
        before = len(held)
        for name in cached or list(reversed(older)):
            chain = partitions.read_months(folder, [name], COLUMNS, keys=wanted)
            if not len(chain):
                continue
            rows.setdefault(name, []).append(chain[partitions.ROW].combine_chunks())
            where.update(dict.fromkeys(_strings(keys(chain, "message_id")).to_pylist(), name))
            held = pa.concat_tables([held, keys(chain, "message_id")])
            wanted = missing(pa.concat_tables([wanted, keys(chain, "parent_id")]), held)
            if not len(wanted):
                break
        if len(held) == before:
            if cached:  # the months noted no longer hold these keys: look everywhere
                where = {k: m for k, m in where.items() if m not in cached}
                continue
            absent.update(_strings(wanted).to_pylist())  # every older month was read
            break
    _remember(memo_dir, run, where, absent)
    parts = [table] + [partitions.read_months(folder, [name], rows=pa.concat_arrays(found))
                       for name, found in rows.items()]
    every = pa.concat_tables(parts, promote_options="default")
    del parts, table
    return partitions.in_order(every)


def keys(table: pa.Table, column: str) -> pa.Table:
    """The (platform, message_id) pairs a column names (its non-null values)."""
    pairs = pa.table({"platform": table["platform"], "message_id": table[column]})
    return pairs.filter(pc.is_valid(pairs["message_id"]))


def missing(wanted: pa.Table, held: pa.Table) -> pa.Table:
    """The distinct pairs of ``wanted`` not in ``held``."""
    have = _strings(held).combine_chunks()
    keep = pc.invert(pc.fill_null(pc.is_in(_strings(wanted), value_set=have), False))
    return wanted.filter(keep).group_by(["platform", "message_id"]).aggregate([])


def _strings(pairs: pa.Table) -> pa.ChunkedArray:
    return key_strings(pairs["platform"], pairs["message_id"])


def _recall(memo_dir: Path | None, run: str | None) -> tuple[dict[str, str], set[str]]:
    """Where keys were found, and the keys not held, among the same older months."""
    path = memo_dir / MEMORY if memo_dir is not None else None
    if run is None or path is None or not path.exists():
        return {}, set()
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, set()
    if not isinstance(kept, dict) or kept.get("run") != run:
        return {}, set()
    return dict(kept.get("where", {})), set(kept.get("absent", []))


def _remember(memo_dir: Path | None, run: str | None, where: dict[str, str],
              absent: set[str]) -> None:
    if memo_dir is None or run is None:
        return
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs speed
        memo_dir.mkdir(parents=True, exist_ok=True)
        atomic.write_text(memo_dir / MEMORY, json.dumps(
            {"run": run, "where": where, "absent": sorted(absent)}, ensure_ascii=False) + "\n")
