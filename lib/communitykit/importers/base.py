"""What every importer shares: the import account, decoding and parsing helpers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from ..errors import ImportFailed
from ..playbook import ColumnMapping

MAX_FIELD = 64 * 2**20  # one CSV cell may hold up to 64 MiB (Python's default: 128 KiB)
csv.field_size_limit(MAX_FIELD)


@dataclass
class ImportAccount:
    """What happened to every row of one file."""

    file: str
    format: str
    rows_read: int = 0
    kept: int = 0
    duplicate: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

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
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class SourceContext:
    """What the playbook or the command line says about a file."""

    timezone: ZoneInfo
    platform: str | None = None
    mapping: ColumnMapping | None = None


@dataclass
class ImportResult:
    tables: dict[str, pd.DataFrame]
    account: ImportAccount


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
    """File text from UTF-8 (with or without BOM) or UTF-16 (with BOM)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror})", file=path) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
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


def csv_rows(text: str) -> list[list[str]]:
    """Rows of a CSV text, with a leading ``sep=`` line dropped."""
    lines = text.splitlines(keepends=True)
    delimiter = ","
    if lines and lines[0].strip().lower().startswith("sep="):
        delimiter = lines[0].strip()[4:5] or ","
        lines = lines[1:]
    reader = csv.reader(io.StringIO("".join(lines)), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:
        raise CsvUnreadable(f"not readable as CSV: {exc}", row=reader.line_num) from None


class CsvUnreadable(ImportFailed, csv.Error):
    """A CSV the csv module cannot split (still a ``csv.Error`` for the sniffers)."""


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
    """(line number, row by lower-case column name) for each data row; short rows rejected."""
    header = [cell.strip().lower() for cell in rows[header_index]]
    out = []
    for offset, row in enumerate(rows[header_index + 1 :]):
        line = header_index + 2 + offset
        if not any(cell.strip() for cell in row):
            continue
        account.rows_read += 1
        if len(row) < len(header):
            account.reject(line, f"row has {len(row)} fields, the header has {len(header)}")
            continue
        out.append((line, dict(zip(header, row, strict=False))))
    return out


ROW = "_row"  # the source row number travelling with each kept row
MISSING = {"", "-", "--", "undefined", "null", "none", "n/a", "nan"}


def parse_count(value: object) -> int | None:
    """``"424.0"``, ``"1,234"``, ``"-"`` or ``"undefined"`` as an int or None."""
    if value is None:
        return None
    text = str(value).strip().replace("\u00a0", "").replace(",", "").replace(" ", "")
    if text.lower() in MISSING:
        return None
    try:
        number = float(text.rstrip("%"))
    except ValueError:
        raise ValueError(f"{value!r} is not a number") from None
    return round(number)


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
    """Apply ``build`` to each row; a ValueError rejects that row with its message.

    Each kept row carries its line number as ``_row``, for later rejections.
    """
    kept = []
    for line, row in items:
        try:
            kept.append({**build(row), ROW: line})
        except (ValueError, KeyError) as exc:
            account.reject(line, str(exc).strip("'\""))
    return kept
