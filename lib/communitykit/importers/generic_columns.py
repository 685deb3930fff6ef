"""The generic importer's conversions, a column at a time.

Values in the common forms (plain digits, ISO 8601 times, ids without a decimal or an
exponent) are converted by pandas over the whole column; every other value goes through
the same per-value parser as the row path (``parse_id``, ``parse_count``, ``parse_time``),
so a row is kept, converted or rejected with the same message either way. A rejected row
names its first failing column, in the mapping's order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from ..playbook import ColumnMapping
from ..tables import COUNT, FLAG, SCHEMAS, TIME
from .account import ImportAccount
from .base import ROW, SourceContext
from .csv_columns import Columns
from .dates import check_time, localize
from .settle import EARLIEST, LATEST
from .values import parse_count, parse_id, split_mentions

ID_COLUMNS = {"post_id", "message_id", "parent_id", "author_id", "account_id"}
ISO = (r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
       r"(Z|[+-][0-9]{2}:[0-9]{2})?")
OFFSET = r"(?:Z|[+-][0-9]{2}:[0-9]{2})$"
TRUE = ("1", "true", "yes", "y")


def parse_time(raw: str, fmt: str | None, column: str) -> pd.Timestamp:
    try:
        value = dt.datetime.strptime(raw, fmt) if fmt else dt.datetime.fromisoformat(raw)
    except ValueError:
        expected = fmt or "ISO 8601 (YYYY-MM-DD HH:MM[:SS][+HH:MM])"
        raise ValueError(f"{column} {raw!r} does not match {expected}") from None
    check_time(value, column)
    return pd.Timestamp(value)


class Converted:
    """One column's values and, per row, the error that rejects it (or NA)."""

    def __init__(self, values: pd.Series, errors: pd.Series,
                 aware: pd.Series | None = None, naive: pd.Series | None = None) -> None:
        self.values = values
        self.errors = errors
        self.aware = aware
        self.naive = naive


def _each(raw: pd.Series, rows: pd.Series, parse: Callable[[str], object]
          ) -> tuple[dict[int, object], dict[int, str]]:
    """``parse`` applied to the values of ``raw`` where ``rows``: results and errors."""
    values: dict[int, object] = {}
    errors: dict[int, str] = {}
    picked = raw[rows]
    for position, text in zip(picked.index.tolist(), picked.tolist(), strict=True):
        try:
            values[position] = parse(text)
        except ValueError as exc:
            errors[position] = str(exc).strip("'\"")
    return values, errors


def _errors(index: pd.Index, found: dict[int, str]) -> pd.Series:
    errors = pd.Series(pd.NA, index=index, dtype="string")
    if found:
        errors[list(found)] = list(found.values())
    return errors


def _ids(raw: pd.Series, empty: pd.Series) -> Converted:
    odd = ~empty & raw.str.contains(r"\.0$|[eE]", regex=True).fillna(False).astype(bool)
    values = raw.where(~empty)
    parsed, found = _each(raw, odd, parse_id)
    if parsed:
        values[list(parsed)] = list(parsed.values())
    if found:
        values[list(found)] = pd.NA
    return Converted(values, _errors(raw.index, found))


def _counts(raw: pd.Series, empty: pd.Series) -> Converted:
    plain = raw.str.fullmatch("[0-9]{1,15}").fillna(False).astype(bool)
    values = pd.to_numeric(raw.where(plain), errors="coerce").astype("Int64")
    parsed, found = _each(raw, ~empty & ~plain, parse_count)
    if parsed:
        values[list(parsed)] = pd.array(list(parsed.values()), dtype="Int64")
    return Converted(values, _errors(raw.index, found))


def _flags(raw: pd.Series, empty: pd.Series) -> Converted:
    values = pd.Series([text.lower() in TRUE for text in raw.tolist()], index=raw.index,
                       dtype="boolean").where(~empty)
    return Converted(values, pd.Series(pd.NA, index=raw.index, dtype="string"))


def _times(raw: pd.Series, empty: pd.Series, fmt: str | None, column: str) -> Converted:
    """UTC values where the text carries an offset, naive ones where it does not."""
    index = raw.index
    iso = (raw.str.fullmatch(ISO).fillna(False).astype(bool) if fmt is None
           else pd.Series(False, index=index))
    offset = iso & raw.str.contains(OFFSET, regex=True).fillna(False).astype(bool)
    aware_values = _storable(pd.to_datetime(raw.where(offset), format="ISO8601", utc=True,
                                            errors="coerce"), TIME)
    naive_values = _storable(pd.to_datetime(raw.where(iso & ~offset), format="ISO8601",
                                            errors="coerce"), "datetime64[ns]")
    done = (offset & aware_values.notna()) | (iso & ~offset & naive_values.notna())
    parsed, found = _each(raw, ~empty & ~done, lambda t: parse_time(t, fmt, column))
    aware = offset & aware_values.notna()
    for position, stamp in parsed.items():
        assert isinstance(stamp, pd.Timestamp)
        if stamp.tzinfo is not None:
            aware_values[position] = stamp.tz_convert("UTC")
            aware[position] = True
        else:
            naive_values[position] = stamp
    return Converted(aware_values, _errors(index, found), aware, naive_values)


def _storable(values: pd.Series, dtype: str) -> pd.Series:
    """``values`` cast to ``dtype`` (nanoseconds); times the store cannot hold become NaT,
    so that the per-value parser rejects their rows with the reason."""
    low, high = pd.Timestamp(EARLIEST), pd.Timestamp(LATEST)
    if dtype == TIME:
        low, high = low.tz_localize("UTC"), high.tz_localize("UTC")
    return values.where((values >= low) & (values <= high)).astype(dtype)


def _dates(raw: pd.Series, empty: pd.Series, fmt: str | None, column: str) -> Converted:
    """Dates of daily tables, as the row path reads them (small files)."""
    parsed, found = _each(raw, ~empty, lambda t: parse_time(t, fmt, column))
    values = pd.Series([parsed.get(i) for i in raw.index], index=raw.index, dtype=object)
    return Converted(values, _errors(raw.index, found))


def convert(columns: Columns, mapping: ColumnMapping, context: SourceContext,
            account: ImportAccount) -> pd.DataFrame:
    """The kept rows of a mapped CSV as a frame (with ``_row``); others are rejected."""
    stripped = {source.lower(): columns.columns[source.lower()].str.strip()
                for source in mapping.columns.values()}
    blank = pd.Series(True, index=columns.lines.index)
    for col in stripped.values():
        blank &= col == ""
    if blank.any():  # blank in every column, not only the mapped ones
        for name, col in columns.columns.items():
            if name not in stripped:
                blank[blank] &= col[blank].str.strip() == ""
    keep = ~blank
    account.rows_read += int(keep.sum())
    account.repairs.extend(columns.notes)
    schema = SCHEMAS[mapping.table]
    converted: dict[str, Converted] = {}
    for column, source in mapping.columns.items():
        raw = stripped[source.lower()][keep]
        empty = raw == ""
        dtype = schema[column]
        if column in ID_COLUMNS:
            converted[column] = _ids(raw, empty)
        elif column == "mentions":
            converted[column] = Converted(raw.where(~empty).map(
                split_mentions, na_action="ignore").astype("string"),
                pd.Series(pd.NA, index=raw.index, dtype="string"))
        elif dtype == COUNT:
            converted[column] = _counts(raw, empty)
        elif dtype == FLAG:
            converted[column] = _flags(raw, empty)
        elif dtype == TIME:
            converted[column] = _times(raw, empty, mapping.date_format, column)
        elif dtype.startswith("datetime64"):
            converted[column] = _dates(raw, empty, mapping.date_format, column)
        else:
            converted[column] = Converted(raw.where(~empty), pd.Series(
                pd.NA, index=raw.index, dtype="string"))
    lines = columns.lines[keep]
    first_error = pd.Series(pd.NA, index=lines.index, dtype="string")
    for c in converted.values():
        first_error = first_error.where(first_error.notna(), c.errors)
    failed = first_error.notna()
    for line, reason in zip(lines[failed].tolist(), first_error[failed].tolist(), strict=True):
        account.reject(int(line), str(reason))
    ok = ~failed
    frame = pd.DataFrame({"platform": context.platform or "other"}, index=lines.index[ok])
    for column, c in converted.items():
        if c.aware is not None and c.naive is not None:
            frame[column] = _to_utc(c, ok, context, account)
        else:
            frame[column] = c.values[ok]
    frame[ROW] = lines[ok]
    if mapping.table == "account_daily" and "date" in frame:
        frame["date"] = pd.to_datetime(frame["date"]).dt.tz_localize(None).dt.normalize()
    return frame.reset_index(drop=True)


def _to_utc(c: Converted, ok: pd.Series, context: SourceContext,
            account: ImportAccount) -> pd.Series:
    """As the row path's ``_to_utc``: offsets converted, other times local to the source."""
    assert c.aware is not None and c.naive is not None
    aware = c.aware[ok]
    utc = c.values[ok]
    if aware.all():
        return utc
    if aware.any():
        account.notes.append("some times carry an offset and some do not")
    local, shifted = localize(c.naive[ok].where(~aware), context.timezone)
    account.notes.append(f"times without an offset read as {context.timezone.key} local time")
    if shifted:
        account.notes.append(f"{shifted} times fell in a DST change (earlier instant kept)")
    return utc.where(aware, local)
