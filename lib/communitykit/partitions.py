"""A stored table cut by month, so a report reads the months it needs and the columns it
reads, not the whole store.

Layout inside a store version: ``<table>/<YYYY-MM>.parquet`` per UTC month of
``created_at`` and ``<table>/undated.parquet`` for rows without one. Each file holds the
column ``_row``: the row's place in the whole table, so reading any set of months gives
the rows in the table's own order (by key), whatever the months. ``<table>/_months.json``
holds a digest of each month's rows (``_row`` left out): the same for the same rows whatever
else an import added, so what is derived from a month is kept under its digest. A version
written before partitions (``<table>.parquet``) is read as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import atomic
from .keys import key_strings

ROW = "_row"
UNDATED = "undated"
DIGESTS = "_months.json"
# The tables cut by month: those that grow with the client's history.
PARTITIONED = ("posts", "messages")


def write(frame: pd.DataFrame, folder: Path) -> None:
    """Write ``frame`` as one file per UTC month of ``created_at`` under ``folder``."""
    folder.mkdir(parents=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.append_column(ROW, pa.array(range(len(frame)), type=pa.int64()))
    months = _month_names(table["created_at"])
    digests = {}
    for month in sorted(set(months.to_pylist()), key=lambda m: (m is None, m)):
        rows = pc.is_null(months) if month is None else pc.equal(months, month)
        part = table.filter(rows)
        pq.write_table(part, folder / f"{month or UNDATED}.parquet")
        digests[month or UNDATED] = _digest(part.drop_columns([ROW]))
    if not len(frame):  # keep the columns of an empty table
        pq.write_table(table, folder / f"{UNDATED}.parquet")
    (folder / DIGESTS).write_text(json.dumps(digests, indent=0) + "\n", encoding="utf-8")


def digests(folder: Path) -> dict[str, str]:
    """Each month's digest; for a version written before digests, computed from its files
    once and kept beside them (the same digests its writing would have kept)."""
    path = folder / DIGESTS
    if path.exists():
        found: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        return found
    found = {month: _digest(pq.read_table(folder / f"{month}.parquet").drop_columns([ROW]))
             for month in months(folder)}
    with contextlib.suppress(OSError):  # a store that cannot be written: computed next time
        atomic.write_text(path, json.dumps(found, indent=0) + "\n")
    return found


def _digest(table: pa.Table) -> str:
    """A digest of a table's rows: its schema and values, whatever their chunks."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table.combine_chunks())
    return hashlib.sha256(sink.getvalue()).hexdigest()[:32]


def months(folder: Path) -> list[str]:
    """The months a partitioned table holds, oldest first (``undated`` last when present)."""
    names = sorted(p.stem for p in folder.glob("*.parquet") if p.stem != UNDATED)
    return names + ([UNDATED] if (folder / f"{UNDATED}.parquet").exists() else [])


def read(folder: Path, columns: list[str] | None, start: pd.Timestamp | None = None,
         end: pd.Timestamp | None = None) -> pd.DataFrame:
    """The table's rows (only ``columns`` when given), in the table's order; with ``start``
    and ``end``, only rows created in ``[start, end)``, reading only the months that can
    hold them. Columns a file lacks (written before they existed) are left to the caller."""
    bounded = start is not None and end is not None
    wanted = [folder / f"{month}.parquet" for month in months(folder)
              if not bounded or (month != UNDATED and _overlaps(month, start, end))]
    if not wanted:
        return pd.DataFrame(columns=columns or [])
    held = set(pq.read_schema(wanted[0]).names)
    names = None if columns is None else [c for c in dict.fromkeys(
        [*columns, *(["created_at"] if bounded else []), ROW]) if c in held]
    table = pa.concat_tables([pq.read_table(path, columns=names) for path in wanted],
                             promote_options="default")
    if bounded:
        times = table["created_at"]
        low, high = (pc.cast(pa.scalar(t), times.type) for t in (start, end))
        table = table.filter(pc.and_(pc.greater_equal(times, low), pc.less(times, high)))
    table = table.take(pc.sort_indices(table[ROW])).drop_columns([ROW])
    frame = table.to_pandas()
    return frame if columns is None else frame[[c for c in columns if c in frame]]


def read_months(folder: Path, names: list[str], columns: list[str] | None = None,
                keys: pa.Table | None = None, rows: pa.Array | None = None) -> pa.Table:
    """The rows of months ``names`` (``undated`` among them when wanted) with ``_row``,
    in the table's order; with ``keys`` (``platform`` and ``message_id``) or ``rows``
    (values of ``_row``), only those rows. Columns a file lacks are left to the caller."""
    paths = [folder / f"{name}.parquet" for name in names]
    paths = [path for path in paths if path.exists()]
    if not paths:
        return pa.table({ROW: pa.array([], type=pa.int64())})
    held = set(pq.read_schema(paths[0]).names)
    wanted = None if columns is None else [c for c in dict.fromkeys([*columns, ROW])
                                           if c in held]
    parts = [_read_part(path, wanted, keys, rows) for path in paths]
    table = pa.concat_tables(parts, promote_options="default")
    del parts
    return in_order(table)


def _read_part(path: Path, columns: list[str] | None, keys: pa.Table | None,
               rows: pa.Array | None) -> pa.Table:
    """One month's file, only the rows of ``keys`` or ``rows`` when given."""
    part = pq.read_table(path, columns=columns)
    if keys is not None:
        part = part.filter(_among(part, keys))
    if rows is not None:
        part = part.filter(pc.is_in(part[ROW], value_set=rows))
    return part


def in_order(table: pa.Table) -> pa.Table:
    """The rows sorted by ``_row``, taken a column at a time and each column let go once
    taken, so that the rows are not held twice (pass the only reference to ``table``)."""
    order = pc.sort_indices(table[ROW])
    schema = table.schema
    columns = []
    for name in schema.names:
        columns.append(table[name].take(order))
        table = table.drop_columns([name])
    return pa.Table.from_arrays(columns, schema=schema)


def _among(table: pa.Table, keys: pa.Table) -> pa.ChunkedArray:
    """Whether each row's (platform, message_id) is one of ``keys``."""
    wanted = key_strings(keys["platform"], keys["message_id"]).combine_chunks()
    found = pc.is_in(key_strings(table["platform"], table["message_id"]), value_set=wanted)
    return pc.fill_null(found, False)


def span(folder: Path) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last ``created_at`` of the table, reading its first and last month."""
    dated = [m for m in months(folder) if m != UNDATED]
    if not dated:
        return None
    first = pq.read_table(folder / f"{dated[0]}.parquet", columns=["created_at"])["created_at"]
    last = pq.read_table(folder / f"{dated[-1]}.parquet", columns=["created_at"])["created_at"]
    low, high = pc.min(first).as_py(), pc.max(last).as_py()
    return pd.Timestamp(low), pd.Timestamp(high)


def _overlaps(month: str, start: pd.Timestamp, end: pd.Timestamp) -> bool:
    first = pd.Timestamp(f"{month}-01", tz="UTC")
    return bool(first < end and first + pd.offsets.MonthBegin(1) > start)


def _month_names(times: pa.ChunkedArray) -> pa.ChunkedArray:
    """``YYYY-MM`` of each UTC time (null where the time is null)."""
    utc = pc.cast(times, pa.timestamp("us", tz="UTC"))
    return pc.strftime(utc, format="%Y-%m")
