"""What every importer shares: the import account, decoding and parsing helpers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from ..errors import ImportFailed
from ..playbook import ColumnMapping
from .settle import EARLIEST, INT64_MAX, LATEST, SURROGATE, settle
from .settle import ROW as ROW
from .settle import rows_list as rows_list

MAX_FIELD = 64 * 2**20  # one CSV cell may hold up to 64 MiB (Python's default: 128 KiB)
csv.field_size_limit(MAX_FIELD)


@dataclass
class ImportAccount:
    """What happened to every row of one file. ``repairs`` are the notes on values the
    kit changed to keep a row (a byte-order mark removed, a negative count dropped...):
    said at import and, with the other notes, in the report's appendix."""

    file: str
    format: str
    rows_read: int = 0
    kept: int = 0
    duplicate: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    def reject(self, row: int, reason: str) -> None:
        self.rejected.append((row, reason))

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "format": self.format,
            "rows_read": self.rows_read,
            "kept": self.kept,
            "duplicate": self.duplicate,
            "rejected": len(self.rejected),
            "rejected_rows": [{"row": r, "reason": why} for r, why in self.rejected],
            "notes": [*self.notes, *self.repairs],
            "repairs": list(self.repairs),
        }


@dataclass(frozen=True)
class SourceContext:
    """What the playbook or the command line says about a file."""

    timezone: ZoneInfo
    platform: str | None = None
    mapping: ColumnMapping | None = None


@dataclass
class ImportResult:
    """An importer's tables, each settled on creation (see :func:`settle`): every row
    left fits the table's types. ``signed`` names count columns where this format's
    negative values are real (a Reddit score)."""

    tables: dict[str, pd.DataFrame]
    account: ImportAccount
    signed: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.tables = {name: settle(frame, name, self.account, self.signed)
                       for name, frame in self.tables.items()}


class Importer:
    """One export format. Subclasses set the class attributes and ``read``."""

    name: str = ""
    platform: str = ""
    description: str = ""
    tables: tuple[str, ...] = ()

    def sniff(self, path: Path, head: str) -> bool:
        """Whether the file looks like this format (name and first characters)."""
        raise NotImplementedError

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        raise NotImplementedError


def decode(path: Path) -> str:
    """File text from UTF-8 (with or without BOM) or UTF-16 (with BOM).

    A lone UTF-16 surrogate in a UTF-16 file is kept here (``surrogatepass``) and
    replaced by U+FFFD, with a note, when the rows are read (:func:`csv_rows`).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror})", file=path) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _utf16(raw, path)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                f"not UTF-8 or UTF-16 text (byte {exc.start} is not UTF-8: the file is in "
                "another encoding such as latin-1 or GBK, mixes encodings, or is cut short); "
                "export it again as UTF-8",
                file=path, row=raw.count(b"\n", 0, exc.start) + 1,
            ) from None
    if "\x00" in text:
        raise ImportFailed(NUL_MESSAGE, file=path, row=text.count("\n", 0, text.index("\x00")) + 1)
    return text


def _utf16(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-16", errors="surrogatepass")
    except UnicodeDecodeError:
        raise ImportFailed("UTF-16 text cut short (an odd number of bytes): the file is "
                           "damaged or incomplete; export it again", file=path) from None


NUL_MESSAGE = ("the file holds NUL bytes: it is binary, damaged, or UTF-16 without a "
               "byte-order mark")


def file_time(path: Path) -> pd.Timestamp:
    """The file's modification time (UTC, whole seconds): when its metrics were exported."""
    return pd.Timestamp(path.stat().st_mtime, unit="s", tz="UTC").floor("s")


def head_text(path: Path, size: int = 4096) -> str:
    """The first characters of a file, decoded leniently, for sniffing."""
    with path.open("rb") as handle:
        raw = handle.read(size)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="ignore")
    return raw.decode("utf-8-sig", errors="ignore")


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


MISSING = {"", "-", "--", "undefined", "null", "none", "n/a", "nan"}


WHOLE = re.compile(r"[+-]?[0-9]+")


def parse_count(value: object) -> int | None:
    """``"424.0"``, ``"1,234"``, ``"-"`` or ``"undefined"`` as an int or None.

    Refused (ValueError, so the row is rejected): words, infinities, fractions (a count
    is whole: ``2.5`` is damage, not a count to round) and numbers beyond 64 bits.
    ``NaN`` is read as missing, like an empty cell.
    """
    if value is None:
        return None
    text = str(value).strip().replace("\u00a0", "").replace(",", "").replace(" ", "")
    if text.lower() in MISSING:
        return None
    text = text.rstrip("%")
    number = int(text) if WHOLE.fullmatch(text) else _whole(text, value)
    if abs(number) > INT64_MAX:
        raise ValueError(f"the count {_shown(value)} is too large (the most is {INT64_MAX:,})")
    return number


def reaction_total(reactions: object) -> int:
    """The sum of the ``count`` of each reaction object (Discord, Slack, Telegram); a
    count that is not a count (negative, fractional, infinite) rejects the row."""
    total = 0
    for reaction in reactions if isinstance(reactions, list) else []:
        count = parse_count(reaction.get("count", 0)) if isinstance(reaction, dict) else None
        if count is not None and count < 0:
            raise ValueError(f"a reaction count {_shown(count)} is negative")
        total += count or 0
    return total


def _whole(text: str, value: object) -> int:
    try:
        real = float(text)
    except ValueError:
        raise ValueError(f"{_shown(value)} is not a number") from None
    if not math.isfinite(real):
        raise ValueError(f"the count {_shown(value)} is not a finite number")
    if not real.is_integer():
        raise ValueError(f"the count {_shown(value)} is not a whole number")
    return int(real)


def _shown(value: object, most: int = 40) -> str:
    """A value as a rejection shows it: quoted, cut to ``most`` characters."""
    text = repr(str(value))
    return text if len(text) <= most else text[: most - 4] + "...'"


ID_TEXT = re.compile(r"^\d{1,30}$")


def parse_id(value: object) -> str:
    """An id as an exact string; float-damaged ids (``1.2E+17``) are refused."""
    text = str(value).strip()
    if text.endswith(".0") and ID_TEXT.match(text[:-2]):
        text = text[:-2]
    if not text:
        raise ValueError("the id is empty")
    if re.match(r"^\d+(\.\d+)?[eE][+-]\d+$", text):  # Excel writes 1.2E+17; 66e0 is a hex id
        raise ValueError(f"the id {text!r} was turned into a float (by Excel?): digits are lost")
    return text


def mention_list(people: Iterable[object]) -> str | None:
    """Mentioned people as the ``mentions`` column holds them: ids or handles without ``@``,
    each once in order of appearance, separated by single spaces; None when there are none."""
    seen: dict[str, None] = {}
    for person in people:
        text = "" if person is None else str(person).strip().lstrip("@")
        if text and not any(ch.isspace() for ch in text):
            seen.setdefault(text, None)
    return " ".join(seen) or None


MENTION_SEPARATORS = re.compile(r"[\s,;]+")


def split_mentions(text: str) -> str | None:
    """A mapped ``mentions`` cell (``@ana, @ben``; ``ana;ben``) as the column holds it."""
    return mention_list(MENTION_SEPARATORS.split(text))


def localize(naive: pd.Series, tz: ZoneInfo) -> tuple[pd.Series, int]:
    """Local wall times to UTC; DST gaps and repeats resolve to the earlier instant.

    Returns the UTC series and how many times were ambiguous or missing.
    """
    first = naive.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
    trouble = first.isna() & naive.notna()
    if trouble.any():
        fixed = naive[trouble].map(lambda t: _earlier_instant(t.to_pydatetime(), tz))
        first[trouble] = pd.to_datetime(fixed, utc=True).dt.tz_convert(tz)
    return first.dt.tz_convert("UTC"), int(trouble.sum())


def _earlier_instant(local: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    candidates = [local.replace(tzinfo=tz, fold=f).astimezone(dt.UTC) for f in (0, 1)]
    return min(candidates)


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


def check_time(value: dt.date, name: str = "the date") -> None:
    """Raise ValueError for a date or time the store cannot hold (e.g. 1600-01-01 or
    9999-12-31: damage, or a placeholder for "no date"); ``name`` says which."""
    if value is pd.NaT:
        return
    moment = (value.replace(tzinfo=None) if isinstance(value, dt.datetime)
              else dt.datetime(value.year, value.month, value.day))
    if not EARLIEST <= moment <= LATEST:
        raise ValueError(f"{name} {value.year:04d}-{value.month:02d}-{value.day:02d} is "
                         f"outside the years {EARLIEST.year + 1} to {LATEST.year - 1} the kit "
                         "can store")


def checked(stamp: pd.Timestamp, name: str = "the time") -> pd.Timestamp:
    """``stamp`` when the store can hold it (see :func:`check_time`), else ValueError."""
    check_time(stamp, name)
    return stamp


def parse_json(text: str, notes: list[str]) -> Any:
    """A JSON document with lone UTF-16 surrogates in its strings (``"\\ud83d"``: half
    of an emoji) replaced by U+FFFD, noted in ``notes``; json.JSONDecodeError as json
    raises it."""
    document = json.loads(text)
    if not LONE_ESCAPE.search(text):
        return document
    repaired = [0]
    document = _repaired(document, repaired)
    if repaired[0]:
        notes.append(f"{repaired[0]} text{'s' if repaired[0] > 1 else ''} held a lone "
                             "UTF-16 surrogate (half of an emoji): replaced by U+FFFD")
    return document


LONE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # any surrogate escape; pairs are checked


def _repaired(value: Any, count: list[int]) -> Any:
    if isinstance(value, str):
        if SURROGATE.search(value):
            count[0] += 1
            return SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, dict):
        return {_repaired(k, count): _repaired(v, count) for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(item, count) for item in value]
    return value
