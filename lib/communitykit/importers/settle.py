"""The last check on an importer's tables: every value fits its column, or its row goes.

Importers read values row by row and reject what they cannot read; :func:`settle` runs
on every table an importer returns (``ImportResult``), so that no value left can make the
store's casts (``tables.conform``, Arrow) fail for the whole file. Per column of the
table's schema:

- counts: whole numbers within 64 bits, else the row is rejected; a negative count is
  dropped with a note (the row kept) unless the column holds a net change
  (``SIGNED``) or the format says it holds a score (``ImportResult.signed``);
- times and dates: ones the store can hold (1677-09-23 to 2262-04-10), else the row
  is rejected;
- texts: lone UTF-16 surrogates replaced by U+FFFD, with a note;
- flags: true, false or missing, else the row is rejected.

A rejection names the column and the value; rows are numbered by ``_row`` (the
source row the importer recorded), else by their position.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Hashable

import pandas as pd

from ..tables import COUNT, FLAG, SCHEMAS, TEXT, TIME
from .account import ImportAccount
from .values import INT64_MAX, parse_count

ROW = "_row"  # the source row number travelling with each kept row
# The store keeps times in nanoseconds: 1677-09-21 to 2262-04-11. A day's margin on each
# side leaves room for converting a local time to UTC.
EARLIEST = dt.datetime(1677, 9, 23)
LATEST = dt.datetime(2262, 4, 10)
# Counts that may fall below zero: net changes (YouTube's subscribers per video, a day's
# net follower change). DATA_MODEL.md: keep negative values where they mean losses.
SIGNED: dict[str, frozenset[str]] = {
    "posts": frozenset({"follows"}),
    "messages": frozenset(),
    "account_daily": frozenset({"followers_gained"}),
}
SURROGATE = re.compile("[\ud800-\udfff]")

Problems = dict[Hashable, str]  # frame label -> why its row is rejected


def settle(frame: pd.DataFrame, table: str, account: ImportAccount,
           signed: frozenset[str] = frozenset()) -> pd.DataFrame:
    """``frame`` with every schema column cast to its type, the rows holding a value that
    does not fit rejected into ``account``, and repairs noted."""
    if table not in SCHEMAS or frame.empty:
        return frame
    frame = frame.reset_index(drop=True)
    rows = (pd.to_numeric(frame[ROW], errors="coerce").fillna(0).astype(int) if ROW in frame
            else pd.Series(frame.index + 1, index=frame.index))
    problems: Problems = {}
    out = frame.copy(deep=False)
    for column, dtype in SCHEMAS[table].items():
        if column not in frame:
            continue
        values = _fitted(frame[column], column, dtype, problems, account)
        if dtype == COUNT and column not in SIGNED[table] | signed:
            values = _without_negatives(values, column, rows, problems, account)
        out[column] = values
    if not problems:
        return out
    for label, row in rows.items():
        if label in problems:
            account.reject(int(row), problems[label])
    return out.drop(index=list(problems)).reset_index(drop=True)


def _fitted(values: pd.Series, column: str, dtype: str, problems: Problems,
            account: ImportAccount) -> pd.Series:
    if dtype == COUNT:
        return _counts(values, column, problems)
    if dtype == TIME or dtype.startswith("datetime64"):
        return _times(values, column, dtype, problems)
    if dtype == FLAG:
        return _flags(values, column, problems)
    if dtype == TEXT:
        return _texts(values, column, account)
    return values


def _each(values: pd.Series, convert: Callable[[object], object], dtype: str,
          column: str, problems: Problems) -> pd.Series:
    """``convert`` applied value by value; a ValueError marks that row."""
    out: list[object] = []
    for label, value in values.items():
        try:
            out.append(None if _missing(value) else convert(value))
        except ValueError as exc:
            problems.setdefault(label, f"{column}: {exc}")
            out.append(None)
    return pd.Series(out, index=values.index, dtype=dtype)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (
        isinstance(value, float) and math.isnan(value))


# ---------------------------------------------------------------------------- counts

def _counts(values: pd.Series, column: str, problems: Problems) -> pd.Series:
    try:
        return values.astype(COUNT)
    except (TypeError, ValueError, OverflowError):
        return _each(values, _count, COUNT, column, problems)


def _count(value: object) -> int:
    """A count that fits 64 bits, from an int, a whole float or the text of one."""
    if isinstance(value, str):
        number = parse_count(value)
        if number is None:
            raise ValueError(f"{value!r} is not a number")
        return number
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise ValueError(f"{value!r} is not a whole, finite number")
    if not isinstance(value, bool | int | float):
        raise ValueError(f"{str(value)[:40]!r} is not a number")
    number = int(value)
    if abs(number) > INT64_MAX:
        raise ValueError(f"{number} is too large for a count (the most is {INT64_MAX:,})")
    return number


def _without_negatives(values: pd.Series, column: str, rows: pd.Series,
                       problems: Problems, account: ImportAccount) -> pd.Series:
    """``values`` with negative counts dropped (their rows kept), noted with the rows."""
    negative = (values < 0).fillna(False).astype(bool)
    negative &= ~values.index.isin(list(problems))
    if not negative.any():
        return values
    lines = rows[negative].tolist()
    account.repairs.append(f"{column}: {len(lines)} negative value{'s' if len(lines) > 1 else ''}"
                         f" dropped, the rows kept ({rows_list(lines, 'row')}): a count "
                         "cannot be negative")
    return values.mask(negative)


# ----------------------------------------------------------------------------- times

def _times(values: pd.Series, column: str, dtype: str, problems: Problems) -> pd.Series:
    utc = dtype == TIME
    try:
        parsed = pd.to_datetime(values, utc=utc)
    except (ValueError, TypeError, OverflowError):
        parsed = _each(values, lambda v: _stamp(v, utc), "object", column, problems)
        parsed = pd.to_datetime(parsed.where(parsed.notna(), None), utc=utc)
    if not utc and parsed.dt.tz is not None:
        parsed = parsed.dt.tz_localize(None)  # a day's date: its wall-clock date is kept
    low, high = pd.Timestamp(EARLIEST), pd.Timestamp(LATEST)
    if utc:
        low, high = low.tz_localize("UTC"), high.tz_localize("UTC")
    outside = (parsed.notna() & ((parsed < low) | (parsed > high))).astype(bool)
    for label in outside[outside].index:
        stamp = parsed[label]
        problems.setdefault(label, f"{column} {stamp.year:04d}-{stamp.month:02d}-"
                                   f"{stamp.day:02d} is outside the years {EARLIEST.year + 1} "
                                   f"to {LATEST.year - 1} the kit can store")
    return parsed.mask(outside).astype(dtype)


def _stamp(value: object, utc: bool) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        raise ValueError(f"{str(value)[:40]!r} is not a date") from None
    if utc:
        return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


# ----------------------------------------------------------------------- flags, texts

def _flags(values: pd.Series, column: str, problems: Problems) -> pd.Series:
    try:
        return values.astype(FLAG)
    except (TypeError, ValueError):
        return _each(values, _flag, FLAG, column, problems)


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{str(value)[:40]!r} is not true or false")


def _texts(values: pd.Series, column: str, account: ImportAccount) -> pd.Series:
    try:
        return values.astype(TEXT)
    except (TypeError, ValueError):  # UnicodeEncodeError: a lone surrogate
        pass
    repaired: list[int] = [0]

    def text(value: object) -> str:
        shown = str(value)
        if SURROGATE.search(shown):
            repaired[0] += 1
            return SURROGATE.sub("\ufffd", shown)
        return shown

    out = pd.Series([None if _missing(v) else text(v) for v in values], index=values.index,
                    dtype=TEXT)
    if repaired[0]:
        account.repairs.append(f"{column}: {repaired[0]} lone UTF-16 surrogates (half of an "
                             "emoji) replaced by U+FFFD")
    return out


def rows_list(numbers: list[int], word: str, most: int = 10) -> str:
    """``row 4`` or ``rows 4, 9, ... and 3 more``."""
    shown = ", ".join(str(n) for n in numbers[:most])
    more = f" and {len(numbers) - most} more" if len(numbers) > most else ""
    return f"{word}{'s' if len(numbers) > 1 else ''} {shown}{more}"
