"""Large CSV files as string columns, read by pyarrow instead of row by row.

``read_columns`` finds the header among the first rows exactly as ``csv_rows`` and
``find_header`` do, then parses the rest with pyarrow. It returns None when the file is
irregular (a row with fewer or more fields than the header, a blank line between rows,
a bare carriage return, a byte-order mark or a lone surrogate inside the file, the header
line repeated): the caller then reads it row by row, which accounts for such rows one by
one and notes each repair.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import csv as pacsv

from .rows import duplicate_names, find_header, first_of_each

SEARCH = 10  # rows searched for the header, as find_header does
PREFIX = 1 << 20  # characters parsed by the csv module to find the header


@dataclass
class Columns:
    """Each header name (lower case, stripped; the first of duplicates) to its column of
    raw strings, the source line number of every row, and notes for the import account."""

    columns: dict[str, pd.Series]
    lines: pd.Series
    notes: list[str] = field(default_factory=list)


def read_columns(text: str, required: Iterable[str], path: Path) -> Columns | None:
    if _needs_rows(text):
        return None
    delimiter = ","
    start = 0
    newline = text.find("\n")
    first = text[: newline if newline >= 0 else len(text)].strip()
    if first.lower().startswith("sep="):
        delimiter = first[4:5] or ","
        start = newline + 1 if newline >= 0 else len(text)
    piece = text[start : start + PREFIX]
    if start + PREFIX < len(text) and not _complete(piece, SEARCH, delimiter):
        piece = text[start:]  # the first rows are longer than the prefix
    head = list(itertools.islice(csv.reader(io.StringIO(piece), delimiter=delimiter), SEARCH))
    index = find_header(head, required, path)
    consumed = start + _after_row(piece, index, delimiter)
    header = [cell.strip().lower() for cell in head[index]]
    if text.find(text[start:consumed].strip(), consumed) >= 0:
        return None  # the header line again: exports pasted one after another
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (UTF-16 files)
        return None
    offset = len(text[:consumed].encode("utf-8"))
    names = [f"c{i}" for i in range(len(header))]
    if offset < len(data):
        table = _parse(pa.py_buffer(data).slice(offset), len(header), delimiter)
        if table is None:
            return None
        frame = table.to_pandas(types_mapper=pd.ArrowDtype)
    else:
        frame = pd.DataFrame({n: pd.Series([], dtype="string") for n in names})
    columns = {name: frame[names[i]].astype("string")
               for name, i in first_of_each(header).items()}
    lines = pd.Series(range(index + 2, index + 2 + len(frame)), index=frame.index)
    return Columns(columns, lines, duplicate_names(header))


def _needs_rows(text: str) -> bool:
    """Whether the text holds what only the row reader repairs and notes: a bare carriage
    return or a byte-order mark after the first character (lone surrogates are found
    when the text is encoded)."""
    return "\ufeff" in text or text.count("\r") != text.count("\r\n")


def _complete(piece: str, rows: int, delimiter: str) -> bool:
    """Whether the first ``rows`` rows end before the last line of ``piece``."""
    reader = csv.reader(io.StringIO(piece), delimiter=delimiter)
    try:
        for _ in itertools.islice(reader, rows):
            pass
    except csv.Error:
        return False
    return reader.line_num < piece.count("\n")


def _after_row(text: str, index: int, delimiter: str) -> int:
    """Offset in ``text`` just after the row ``index`` (rows as the csv module reads them)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for _ in range(index + 1):
        next(reader, None)
    offset = 0
    for _ in range(reader.line_num):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


def _parse(body: pa.Buffer, width: int, delimiter: str) -> pa.Table | None:
    """The rows of ``body`` as a pyarrow table of ``width`` string columns, or None."""
    irregular: list[int] = []

    def invalid(row: object) -> str:
        irregular.append(1)
        return "skip"

    names = [f"c{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(body),
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                             ignore_empty_lines=False,
                                             invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names}, strings_can_be_null=False,
                quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, ValueError):
        return None
    return None if irregular else table
