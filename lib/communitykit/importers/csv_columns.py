"""Large CSV files as string columns, read by pyarrow instead of row by row.

``read_columns`` finds the header among the first rows exactly as ``csv_rows`` and
``find_header`` do, then parses the rest with pyarrow. It returns None when the file is
irregular (a row with fewer or more fields than the header, a blank line between rows):
the caller then reads it row by row, which accounts for such rows one by one.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import csv as pacsv

from .base import find_header

SEARCH = 10  # rows searched for the header, as find_header does


@dataclass
class Columns:
    """Each header name (lower case, stripped; the last of duplicates) to its column of
    raw strings, and the source line number of every row."""

    columns: dict[str, pd.Series]
    lines: pd.Series


def read_columns(text: str, required: Iterable[str], path: Path) -> Columns | None:
    delimiter = ","
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith("sep="):
        delimiter = first.strip()[4:5] or ","
        text = rest
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    head = list(itertools.islice(reader, SEARCH))
    index = find_header(head, required, path)
    consumed = _lines_until(text, head, index, delimiter)
    if consumed is None:
        return None
    header = [cell.strip().lower() for cell in head[index]]
    body = text[consumed:]
    table = _parse(body, len(header), delimiter) if body.strip() else None
    if table is None and body.strip():
        return None
    names = [f"c{i}" for i in range(len(header))]
    frame = (table.to_pandas(types_mapper=pd.ArrowDtype) if table is not None
             else pd.DataFrame({n: pd.Series([], dtype="string") for n in names}))
    columns = {name: frame[names[i]].astype("string") for i, name in enumerate(header)}
    lines = pd.Series(range(index + 2, index + 2 + len(frame)), index=frame.index)
    return Columns(columns, lines)


def _lines_until(text: str, head: list[list[str]], index: int, delimiter: str) -> int | None:
    """Offset in ``text`` just after the header row (None if it cannot be told)."""
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


def _parse(body: str, width: int, delimiter: str) -> pa.Table | None:
    """The rows of ``body`` as a pyarrow table of ``width`` string columns, or None."""
    irregular: list[int] = []

    def invalid(row: object) -> str:
        irregular.append(1)
        return "skip"

    names = [f"c{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            io.BytesIO(body.encode("utf-8")),
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
