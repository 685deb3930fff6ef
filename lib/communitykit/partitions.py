"""A stored table cut by month, so a report reads the months it needs and the columns it
reads, not the whole store.

Layout inside a store version: ``<table>/<YYYY-MM>.parquet`` per UTC month of
``created_at`` and ``<table>/undated.parquet`` for rows without one. Each file holds the
column ``_row``: the row's place in the whole table, so reading any set of months gives
the rows in the table's own order (by key), whatever the months. A version written before
partitions (``<table>.parquet``) is read as it is.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROW = "_row"
UNDATED = "undated"
# The tables cut by month: those that grow with the client's history.
PARTITIONED = ("posts", "messages")


def write(frame: pd.DataFrame, folder: Path) -> None:
    """Write ``frame`` as one file per UTC month of ``created_at`` under ``folder``."""
    folder.mkdir(parents=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.append_column(ROW, pa.array(range(len(frame)), type=pa.int64()))
    months = _month_names(table["created_at"])
    for month in sorted(set(months.to_pylist()), key=lambda m: (m is None, m)):
        rows = pc.is_null(months) if month is None else pc.equal(months, month)
        part = table.filter(rows)
        pq.write_table(part, folder / f"{month or UNDATED}.parquet")
    if not len(frame):  # keep the columns of an empty table
        pq.write_table(table, folder / f"{UNDATED}.parquet")


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
