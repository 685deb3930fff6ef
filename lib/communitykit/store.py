"""The client's store: normalised tables in Parquet, versioned and swapped atomically.

Layout: ``store/v000001/`` holds the posts and messages cut by month
(``<table>/<YYYY-MM>.parquet``, see ``partitions``), ``account_daily.parquet``, and
``imports.json`` (every import account so far); ``store/CURRENT`` names the live version.
A version written before months were cut (``<table>.parquet``) is read as it is. A new version
is written completely beside the live one, then ``CURRENT`` is replaced with
one ``os.replace``: a crash at any point leaves the previous version live.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from . import partitions
from .errors import UserError
from .faults import checkpoint
from .tables import KEYS, SCHEMAS, conform, empty

KEEP_VERSIONS = 3


class Store:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @property
    def version(self) -> str | None:
        pointer = self.directory / "CURRENT"
        return pointer.read_text().strip() if pointer.exists() else None

    def exists(self) -> bool:
        return self.version is not None

    def load(self, table: str, columns: list[str] | None = None,
             start: pd.Timestamp | None = None, end: pd.Timestamp | None = None
             ) -> pd.DataFrame:
        """The table (only ``columns`` when given, in schema types); with ``start`` and
        ``end``, only its rows created in ``[start, end)``, read from those months alone."""
        found = self._table_path(table)
        if found is None:
            frame = empty(table)
        elif found.is_dir():
            frame = conform(partitions.read(found, columns, start, end), table)
        else:
            held = set(pq.read_schema(found).names)  # a version written before a column
            read = None if columns is None else [
                c for c in dict.fromkeys([*columns, "created_at"]) if c in held]
            frame = conform(pd.read_parquet(found, columns=read), table)
            if start is not None and end is not None:
                inside = (frame["created_at"] >= start) & (frame["created_at"] < end)
                frame = frame[inside].reset_index(drop=True)
        return frame if columns is None else frame[columns]

    def folder(self, table: str) -> Path | None:
        """The live version's folder of a table kept by month (None: not kept so)."""
        found = self._table_path(table)
        return found if found is not None and found.is_dir() else None

    def span(self, table: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The first and last ``created_at`` of a table (None when it has no dated row)."""
        found = self._table_path(table)
        if found is not None and found.is_dir():
            return partitions.span(found)
        times = self.load(table, ["created_at"])["created_at"].dropna()
        return None if times.empty else (times.min(), times.max())

    def _table_path(self, table: str) -> Path | None:
        """The live version's folder of months or file of a table (None: not stored)."""
        version = self.version
        if version is None:
            return None
        folder = self.directory / version / table
        if folder.is_dir():
            return folder
        path = folder.with_suffix(".parquet")
        return path if path.exists() else None

    def accounts(self) -> list[dict[str, object]]:
        version = self.version
        if version is None:
            return []
        path = self.directory / version / "imports.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []

    def commit(self, tables: dict[str, pd.DataFrame], accounts: list[dict[str, object]]) -> str:
        """Write a complete new version and make it live; return its name."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self._drop_leftovers()
        number = int((self.version or "v000000")[1:]) + 1
        name = f"v{number:06d}"
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.directory))
        try:
            for table, frame in tables.items():
                if table in partitions.PARTITIONED:
                    partitions.write(frame, staging / table)
                else:
                    frame.to_parquet(staging / f"{table}.parquet", index=False)
            (staging / "imports.json").write_text(
                json.dumps(accounts, indent=1, ensure_ascii=False, default=str), encoding="utf-8"
            )
            _fsync_dir(staging)
            checkpoint("store:before-swap")
            os.replace(staging, self.directory / name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        checkpoint("store:before-pointer")
        pointer = self.directory / ".CURRENT.tmp"
        pointer.write_text(name + "\n")
        with pointer.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(pointer, self.directory / "CURRENT")
        _fsync_dir(self.directory)
        self._prune(keep=name)
        return name

    def _drop_leftovers(self) -> None:
        """Remove what a killed commit left: staging folders, and versions written but
        never made live (numbered above ``CURRENT``). Call it holding the client's lock."""
        live = int((self.version or "v000000")[1:])
        for stale in self.directory.glob(".staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for version in self.directory.glob("v[0-9]*"):
            if version.is_dir() and version.name[1:].isdigit() and int(version.name[1:]) > live:
                shutil.rmtree(version, ignore_errors=True)

    def _prune(self, keep: str) -> None:
        versions = sorted(p for p in self.directory.glob("v[0-9]*") if p.is_dir())
        for old in versions[:-KEEP_VERSIONS]:
            if old.name != keep:
                shutil.rmtree(old, ignore_errors=True)
        for stale in self.directory.glob(".staging-*"):
            shutil.rmtree(stale, ignore_errors=True)


def merge(
    existing: pd.DataFrame, incoming: pd.DataFrame, table: str
) -> tuple[pd.DataFrame, pd.Series]:
    """One row per key, preferring the most recent metrics, then the latest import.

    Returns the merged table and, for each incoming row, whether its key was already
    present (in the store or earlier in ``incoming``).
    """
    keys = KEYS[table]
    incoming = conform(incoming, table)
    if incoming.empty:
        return existing, pd.Series(False, index=incoming.index)
    frames = [f for f in (existing, incoming) if not f.empty]
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    order = "metrics_as_of" if "metrics_as_of" in SCHEMAS[table] else None
    arrival = np.arange(len(combined))
    sort_by = [*keys, order] if order else list(keys)
    columns = {c: pa.array(combined[c], from_pandas=True) for c in sort_by}
    columns["_arrival"] = pa.array(arrival)
    ranked = pc.sort_indices(pa.table(columns), sort_keys=[
        (c, "ascending", "at_start") for c in [*sort_by, "_arrival"]]).to_numpy()
    ordered = combined[keys].take(ranked).reset_index(drop=True)
    differs = np.zeros(max(len(ordered) - 1, 0), dtype=bool)
    for key in keys:
        after, before = ordered[key].iloc[1:].reset_index(drop=True), ordered[key].iloc[:-1]
        before = before.reset_index(drop=True)
        same = (after == before).fillna(False) | (after.isna() & before.isna())
        differs |= ~same.to_numpy(dtype=bool)
    first = np.concatenate([[True], differs]) if len(ordered) else differs
    group = np.cumsum(first) - 1
    last = np.append(first[1:], True)  # last row of its key: the one kept
    earliest = np.minimum.reduceat(arrival[ranked], np.flatnonzero(first))[group]
    repeated = np.zeros(len(combined), dtype=bool)
    repeated[ranked] = arrival[ranked] != earliest
    duplicates = pd.Series(repeated[len(existing):], index=incoming.index)
    kept = ranked[last]
    if ordered.isna().to_numpy().any():  # the table's order puts missing keys last
        table_keys = pa.table({c: pa.array(combined[c].take(kept), from_pandas=True)
                               for c in keys})
        kept = kept[pc.sort_indices(table_keys, sort_keys=[
            (c, "ascending", "at_end") for c in keys]).to_numpy()]
    merged = combined.take(kept)
    return merged.reset_index(drop=True), duplicates


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


LOCK_WAIT = 120  # seconds an import or report waits for another one of the same client


@contextlib.contextmanager
def client_lock(data_dir: Path, what: str, wait_seconds: float = LOCK_WAIT,
                say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the client's lock (``data_dir/.lock``, which records who holds it).

    When another import or report holds it, say so at once (``say``, default stderr):
    which client, who holds it and since when; wait, and give up after ``wait_seconds``.
    The operating system lets go of a killed holder's lock: a stale record never blocks."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / ".lock"
    lock = FileLock(path, on_acquired=lambda fd: _record_holder(fd, what))
    try:
        lock.acquire(blocking=False)
    except Timeout:
        _wait_for_lock(lock, path, what, wait_seconds, say or _to_stderr)
    try:
        yield
    finally:
        try:
            os.truncate(path, 0)  # the record goes with the lock
        finally:
            lock.release()


def _wait_for_lock(lock: FileLock, path: Path, what: str, wait_seconds: float,
                   say: Callable[[str], None]) -> None:
    client = path.parent.name
    say(f"waiting for client {client!r}: {lock_holder(path)} holds its lock ({path}); "
        f"this {what} waits up to {wait_seconds:g} s")
    try:
        lock.acquire(timeout=wait_seconds, poll_interval=0.2)
    except Timeout:
        raise UserError(
            f"gave up after {wait_seconds:g} s: another import or report for this "
            f"client is still running ({lock_holder(path)}); {what} stopped, try again "
            "when it ends", file=path) from None


def _record_holder(fd: int, what: str) -> None:
    """Write who holds the lock into the lock file (``fd``: filelock's, held and left open)."""
    record = json.dumps({"what": what, "pid": os.getpid(), "since": time.time()})
    os.ftruncate(fd, 0)
    os.pwrite(fd, record.encode(), 0)


def lock_holder(path: Path) -> str:
    """Who holds the lock at ``path``, in words: 'a report (pid 42) since 14:03:11'."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        what, pid, since = str(record["what"]), int(record["pid"]), float(record["since"])
    except (OSError, ValueError, KeyError, TypeError):
        return "another run"  # taken a moment ago, or by an older version of the kit
    clock = time.strftime("%H:%M:%S", time.localtime(since))
    return f"{'an' if what[:1] in 'aeiou' else 'a'} {what} (pid {pid}) since {clock}"


def _to_stderr(text: str) -> None:
    print(f"communitykit: {text}", file=sys.stderr, flush=True)
