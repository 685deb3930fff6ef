"""Rows of a CSV text or a sheet: splitting, finding the header, records by column name,
and turning each record into a row of a table (or rejecting it with the reason)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import ImportFailed
from .account import ImportAccount
from .base import decode
from .dates import check_time
from .settle import ROW, SURROGATE, rows_list

MAX_FIELD = 64 * 2**20  # one CSV cell may hold up to 64 MiB (Python's default: 128 KiB)
csv.field_size_limit(MAX_FIELD)


def file_rows(path: Path) -> list[list[str]]:
    """The rows of the CSV file ``path`` (decoded by :func:`~.base.decode`)."""
    return csv_rows(decode(path))


class BadRecord(list[str]):
    """A CSV record the ``csv`` module could not split: no cells, and why (for
    :func:`records`, which rejects it with its row number)."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class CsvRows(list[list[str]]):
    """The rows of a CSV text, and notes on what was repaired while reading them."""

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []


def csv_rows(text: str) -> list[list[str]]:
    """Rows of a CSV text, with a leading ``sep=`` line dropped.

    Lines end as the file ends most of them: LF or CRLF, or CR alone (old Mac
    exports). A record the ``csv`` module cannot split (a bare CR inside an unquoted
    field of an LF file) becomes a :class:`BadRecord`; the others are read. Byte-order
    marks at the start of a line (exports concatenated) and lone UTF-16 surrogates are
    repaired, each with a note.
    """
    rows = CsvRows()
    text = _without_surrogates(text, rows.notes)
    text = _without_inner_boms(text, rows.notes)
    lines = _lines(text)
    first = next(lines, "")
    delimiter = ","
    if first.strip().lower().startswith("sep="):
        delimiter = first.strip()[4:5] or ","
    else:
        lines = _chain(first, lines)
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        try:
            rows.extend(reader)  # appends row by row: the rows before an error stay
            return rows
        except csv.Error as exc:
            rows.append(BadRecord(_csv_reason(exc, reader.line_num)))


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, split at LF, or at CR when most lines end in a bare CR."""
    bare_cr = text.count("\r") - text.count("\r\n")
    if bare_cr <= text.count("\n"):
        return iter(io.StringIO(text))
    pieces = text.split("\r")
    lines = [piece + "\r" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return iter(lines)


def _csv_reason(exc: csv.Error, line: int) -> str:
    message = str(exc)
    if "new-line character" in message:
        return (f"a line break (a carriage return or a line feed alone) inside a field that "
                f"is not in quotes splits this record (line {line} of the file): quote the "
                "field or remove the line break")
    if "field larger" in message:
        return f"a field longer than {MAX_FIELD // 2**20} MiB (line {line} of the file)"
    return f"not readable as CSV (line {line} of the file: {message})"


INNER_BOM = re.compile("(?<=[\r\n])\ufeff+")


def _without_inner_boms(text: str, notes: list[str]) -> str:
    """``text`` without byte-order marks at the start of a line (several exports pasted
    into one file), each noted with its line."""
    if "\ufeff" not in text:
        return text
    found = [text.count("\n", 0, m.start()) + 1 for m in INNER_BOM.finditer(text)]
    if not found:
        return text
    notes.append(f"byte-order marks removed at the start of {len(found)} "
                 f"line{'s' if len(found) > 1 else ''} ({rows_list(found, 'line')}): exports "
                 "pasted one after another? A repeated header line is skipped")
    return INNER_BOM.sub("", text)


def _without_surrogates(text: str, notes: list[str]) -> str:
    """``text`` with lone UTF-16 surrogates (a broken emoji) replaced by U+FFFD."""
    try:
        text.encode("utf-8")  # a quick pass: UTF-8 text never holds one
        return text
    except UnicodeEncodeError:
        pass
    found = [text.count("\n", 0, m.start()) + 1 for m in SURROGATE.finditer(text)]
    if not found:
        return text
    notes.append(f"{len(found)} lone UTF-16 surrogates (half of an emoji) replaced by "
                 f"U+FFFD ({rows_list(found, 'line')})")
    return SURROGATE.sub("\ufffd", text)


def find_header(
    rows: list[list[str]], required: Iterable[str], path: Path, search: int = 10
) -> int:
    """Index of the header row: the first of the first rows holding every required name."""
    wanted = [r.lower() for r in required]
    for index, row in enumerate(rows[:search]):
        names = {cell.strip().lower() for cell in row}
        if all(w in names for w in wanted):
            return index
    first = rows[0] if rows else []
    missing = [w for w in wanted if w not in {c.strip().lower() for c in first}]
    raise ImportFailed(
        f"required column {missing[0]!r} not found in the header" if missing else "no header",
        file=path,
        column=missing[0] if missing else None,
    )


def records(
    rows: list[list[str]], header_index: int, account: ImportAccount
) -> list[tuple[int, dict[str, str]]]:
    """(line number, row by lower-case column name) for each data row; short and
    unreadable rows rejected, repeated header lines skipped. Of two columns with one
    name the first is read (noted)."""
    header = [cell.strip().lower() for cell in rows[header_index]]
    take_notes(rows, account)
    account.repairs.extend(duplicate_names(header))
    names = first_of_each(header)
    out = []
    repeated = []
    for offset, row in enumerate(rows[header_index + 1 :]):
        line = header_index + 2 + offset
        if isinstance(row, BadRecord):
            account.rows_read += 1
            account.reject(line, row.reason)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if [cell.strip().lower() for cell in row] == header:
            repeated.append(line)
            continue
        account.rows_read += 1
        if len(row) < len(header):
            account.reject(line, f"row has {len(row)} fields, the header has {len(header)}")
            continue
        out.append((line, {name: row[i] for name, i in names.items()}))
    if repeated:
        account.repairs.append(f"the header line repeated at {rows_list(repeated, 'row')}: "
                               "skipped (exports pasted one after another?)")
    return out


def take_notes(rows: list[list[str]], account: ImportAccount) -> None:
    """Move the repair notes of :func:`csv_rows` into the account (once)."""
    if isinstance(rows, CsvRows):
        account.repairs.extend(rows.notes)
        rows.notes.clear()


def reject_unreadable(rows: list[list[str]], header_index: int, account: ImportAccount,
                      first_line: int = 1) -> None:
    """Reject the unreadable records below the header (for readers other than
    :func:`records`, which does it itself), and take the rows' notes."""
    take_notes(rows, account)
    for offset, row in enumerate(rows[header_index + 1 :]):
        if isinstance(row, BadRecord):
            account.rows_read += 1
            account.reject(header_index + first_line + 1 + offset, row.reason)


def duplicate_names(header: list[str]) -> list[str]:
    """A note for each column name the header holds twice: the first column is read."""
    seen: dict[str, int] = {}
    notes = []
    for number, name in enumerate(header, start=1):
        if name and name in seen:
            notes.append(f"the header names {name!r} twice (columns {seen[name]} and "
                         f"{number}): the first is read, the other ignored")
        seen.setdefault(name, number)
    return notes


def first_of_each(header: list[str]) -> dict[str, int]:
    """Each name of ``header`` with the position of its first column."""
    names: dict[str, int] = {}
    for index, name in enumerate(header):
        names.setdefault(name, index)
    return names


def reject_rows(
    items: Iterable[tuple[int, dict[str, str]]],
    account: ImportAccount,
    build: Callable[[dict[str, str]], dict[str, object]],
) -> list[dict[str, object]]:
    """Apply ``build`` to each row; a ValueError rejects that row with its message, and
    so does a date the store cannot hold (see :func:`check_time`).

    Each kept row carries its line number as ``_row``, for later rejections.
    """
    kept = []
    for line, row in items:
        try:
            built = build(row)
            for key, value in built.items():
                if isinstance(value, dt.date):
                    check_time(value, "the date" if key.startswith("_") or "local" in key
                               else key)
            kept.append({**built, ROW: line})
        except (ValueError, KeyError, OverflowError) as exc:
            account.reject(line, str(exc).strip("'\""))
    return kept


def first_names(head: str) -> list[str]:
    """Lower-case names of the first line of ``head``, split by the ``csv`` module."""
    first = head.splitlines()[0] if head.strip() else ""
    try:
        return [c.strip().lower() for c in next(csv.reader([first]), [])]
    except csv.Error:
        return []


def first_row(head: str) -> list[str]:
    """The first CSV row of a sniffed head; [] for binary or unparsable text."""
    try:
        rows = csv_rows(head.split("\n", 1)[0]) if head.strip() else []
    except csv.Error:
        return []
    return rows[0] if rows else []


def padded_records(rows: list[list[str]], header_index: int, account: ImportAccount,
                   first_line: int = 1) -> list[tuple[int, dict[str, str]]]:
    """Like ``records`` but short rows are padded (workbooks, trailing empty cells)."""
    header = [cell.strip().lower() for cell in rows[header_index]]
    out = []
    for offset, row in enumerate(rows[header_index + 1:]):
        if not any(cell.strip() for cell in row):
            continue
        account.rows_read += 1
        cells = list(row) + [""] * (len(header) - len(row))
        out.append((header_index + first_line + 1 + offset, dict(zip(header, cells,
                                                                     strict=False))))
    return out


def pick(row: dict[str, str], names: Iterable[str]) -> str:
    """The first non-empty value among ``names`` (lower-case column names)."""
    for name in names:
        if (value := (row.get(name) or "").strip()):
            return value
    return ""


def column_like(header: Iterable[str], prefixes: Iterable[str]) -> str | None:
    """The first header name equal to a prefix or starting with ``prefix + ' ('``."""
    names = [h.strip().lower() for h in header]
    for prefix in prefixes:
        for name in names:
            if name == prefix or name.startswith(prefix + " ("):
                return name
    return None


def find_row(rows: list[list[str]], wanted: Iterable[str], path: Path, search: int = 30) -> int:
    """Index of the first row naming every ``wanted`` column (exact or ``name (...)``)."""
    wanted = list(wanted)
    for index, row in enumerate(rows[:search]):
        if all(column_like(row, [w]) for w in wanted):
            return index
    raise ImportFailed(f"no header row with the columns {', '.join(wanted)} in the first "
                       f"{search} rows", file=path, column=wanted[0])


def first_row_names(head: str) -> list[str]:
    """Lower-case names of the first CSV row of ``head`` (as :func:`first_row` reads it)."""
    return [c.strip().lower() for c in first_row(head)]
