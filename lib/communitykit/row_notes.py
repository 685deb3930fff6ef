"""What the import keeps of each message row, aligned with the store's month files, so that
a report reads narrow columns instead of looking its texts up.

For each dated month file of the store's messages, ``communitykit import`` writes
``<memo>/rows-<version>/<YYYY-MM>-<digest>.parquet``: one row per message row of that
file, in the file's order, with the message's rule flags (``flag_<id>``), whether its text
reads as a question (``question``) and its listening annotations (language, model
sentiment, complaint, request group, theme hits and terms; ``listening.prepare``). The
digest is the month's (``partitions``), so a month an import changed is written again; the
version hashes the memo's kinds and the playbook's themes, so a new analyser or playbook
reads none of the old files. A report reads the files of its window's months (``read``);
the rows without one (the reply chains of older months, a month not kept, undated rows)
are computed from their texts as before, with the same results.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import atomic, memory, partitions

PREFIX = "rows-"
FORMAT = "2"  # bumped when the files' columns change (2: terms as lists)
STALE_SECONDS = 3600


@dataclass(frozen=True)
class RowNotes:
    """The kept columns of a dataset's messages, read from their files when asked for:
    ``at`` gives each message's row of the files one after another (by the message's
    position in the frame the dataset was built from, which is its label), -1 where none
    was kept."""

    files: tuple[Path, ...]
    at: np.ndarray

    def kept(self, labels: np.ndarray) -> np.ndarray:
        """Whether each message (label) has kept columns."""
        return self.at[labels] >= 0

    def columns(self, names: Sequence[str], labels: np.ndarray,
                coded: Sequence[str] = ()) -> pa.Table:
        """The kept ``names`` of the messages ``labels`` (each must have them); the
        ``coded`` ones (few distinct strings) are read as dictionaries and decoded once
        taken."""
        parts = [pq.read_table(file, columns=list(names), read_dictionary=list(coded))
                 for file in self.files]
        taken = pa.concat_tables(parts).take(pa.array(self.at[labels]))
        return pa.table({name: _decoded(taken[name]) for name in names})

    def term_uses(self, name: str, labels: np.ndarray) -> TermUses:
        """Each use of a term by the messages ``labels`` (each must be kept), from the list
        column ``name`` read as a dictionary, one month file at a time."""
        at = self.at[labels]
        codes: list[np.ndarray] = []
        messages: list[np.ndarray] = []
        numbering = TermNumbering()
        start = 0
        for file in self.files:
            end = start + pq.read_metadata(file).num_rows
            mine = np.flatnonzero((at >= start) & (at < end))  # the messages in this file
            if len(mine):
                column = pq.read_table(file, columns=[name],
                                       read_dictionary=[f"{name}.list.element"])[name]
                offset = 0
                for lists in column.take(pa.array(at[mine] - start)).chunks:
                    codes.append(numbering.codes(pc.list_flatten(lists)))
                    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
                    messages.append(mine[parents + offset])
                    offset += len(lists)
                del column
                memory.give_back()  # the file's column, before the next one is read
            start = end
        if not codes:
            return TermUses(np.zeros(0, np.int32), np.zeros(0, np.int64), numbering.terms)
        return TermUses(np.concatenate(codes), np.concatenate(messages), numbering.terms)


class TermNumbering:
    """Terms numbered in order of first use across parts that each code them their own way
    (dictionary arrays): ``codes`` gives a part's uses the numbers of ``terms``."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self._known: dict[str, int] = {}

    def codes(self, uses: pa.DictionaryArray) -> np.ndarray:
        """The number of each use's term (int32), new terms numbered on."""
        local = uses.dictionary.to_pylist()
        for term in local:
            if term not in self._known:
                self._known[term] = len(self.terms)
                self.terms.append(term)
        numbers = np.array([self._known[term] for term in local], dtype=np.int32)
        return numbers[uses.indices.to_numpy(zero_copy_only=False)]


@dataclass(frozen=True)
class TermUses:
    """Each use of a term by a message: the term's code (its place in ``terms``) and the
    message's position."""

    codes: np.ndarray  # int32
    messages: np.ndarray  # int64
    terms: list[str]

    def part(self, start: int, end: int) -> TermUses:
        """The uses by the messages ``start`` to ``end`` (exclusive), counted from ``start``."""
        if start == 0 and (not len(self.messages) or self.messages.max() < end):
            return self
        inside = (self.messages >= start) & (self.messages < end)
        return TermUses(self.codes[inside], self.messages[inside] - start, self.terms)


def _decoded(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A dictionary column as its values' type (others as they are)."""
    if pa.types.is_dictionary(column.type):
        return column.cast(column.type.value_type)
    return column


def version(*parts: str) -> str:
    """The folder version for the given parts (the memo kinds' versions, the themes)."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update("\x00".join(parts).encode())
    return digest.hexdigest()[:16]


def home(memo_dir: Path, version_: str) -> Path:
    return memo_dir / f"{PREFIX}{version_}"


def path(folder: Path, month: str, digest: str) -> Path:
    return folder / f"{month}-{digest}.parquet"


def missing_months(folder: Path, digests: dict[str, str]) -> list[str]:
    """The dated months whose file at their digest is not kept."""
    return [m for m, d in sorted(digests.items())
            if m != partitions.UNDATED and not path(folder, m, d).exists()]


def keep(folder: Path, month: str, digest: str, table: pa.Table) -> None:
    """Write one month's rows (atomically), dropping its files of other digests, the other
    versions' folders and files left by a killed run. A read-only or full disk costs the
    next report time only."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for other in folder.parent.glob(f"{PREFIX}*"):
            if other != folder and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
        for old in folder.glob(f"{month}-*.parquet"):
            if old.name != path(folder, month, digest).name:
                old.unlink(missing_ok=True)
        for leftover in folder.glob(".*.parquet"):
            if time.time() - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink(missing_ok=True)
        with atomic.replacing(path(folder, month, digest), suffix=".parquet") as temp:
            pq.write_table(table, temp)
    except OSError:
        return


def read(folder: Path | None, store_folder: Path, months: Sequence[str],
         rows: pa.Array) -> RowNotes | None:
    """The kept rows of ``months`` for the messages whose store row numbers (``_row``) are
    ``rows``; None when no month has its file. A file that does not hold as many rows as
    its month is left out (read as not kept)."""
    if folder is None or not folder.is_dir():
        return None
    digests = partitions.digests(store_folder)
    files, numbers = [], []
    for month in months:
        digest = digests.get(month)
        found = path(folder, month, digest) if digest else None
        if found is None or not found.exists():
            continue
        try:
            length = pq.read_metadata(found).num_rows
        except (OSError, pa.ArrowException):
            continue
        held = pq.read_table(store_folder / f"{month}.parquet",
                             columns=[partitions.ROW])[partitions.ROW]
        if len(held) == length:
            files.append(found)
            numbers.append(held)
    if not files:
        return None
    at = pc.index_in(rows, value_set=pa.chunked_array(
        [chunk for held in numbers for chunk in held.chunks], pa.int64()))
    return RowNotes(tuple(files), pc.fill_null(at, -1).to_numpy(
        zero_copy_only=False).astype(np.int64))


def bool_columns(notes: RowNotes | None, names: Sequence[str], index: pd.Index,
                 compute: Callable[[pd.Index], pd.DataFrame]) -> pd.DataFrame:
    """Boolean columns ``names`` of the messages ``index`` (labels): kept ones read, the
    others from ``compute`` (labels -> a frame with those columns)."""
    labels = index.to_numpy()
    kept = (np.zeros(len(index), dtype=bool) if notes is None
            else notes.kept(labels.astype(np.int64)))
    if notes is None or not kept.any():
        return compute(index)
    read = notes.columns(names, labels[kept].astype(np.int64))
    values = {name: np.zeros(len(index), dtype=bool) for name in names}
    for name in names:
        values[name][kept] = read[name].to_numpy(zero_copy_only=False).astype(bool)
    if not kept.all():
        rest = compute(index[~kept])
        for name in names:
            values[name][~kept] = rest[name].to_numpy(dtype=bool)
    return pd.DataFrame(values, index=index, columns=list(names))
