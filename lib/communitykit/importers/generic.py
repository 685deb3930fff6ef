"""Any CSV or Excel file, read through a column mapping declared in the playbook.

```yaml
exports:
  sources:
    - match: "crm_comments*.csv"
      platform: other
      mapping:
        table: messages
        columns: {message_id: Comment ID, created_at: Date, author_id: User, text: Comment}
        date_format: "%d/%m/%Y %H:%M"      # optional; default ISO 8601
```
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import ImportFailed
from ..playbook import ColumnMapping
from ..tables import COUNT, FLAG, SCHEMAS, TIME
from . import generic_columns as columnar
from .account import ImportAccount
from .base import Importer, ImportResult, SourceContext, decode
from .csv_columns import read_columns
from .dates import localize
from .generic_columns import ID_COLUMNS, parse_time
from .rows import file_rows, find_header, records, reject_rows
from .sheets import sheet_rows
from .values import parse_count, parse_id, split_mentions

EXCEL = (".xlsx", ".xlsm", ".xls")


class Generic(Importer):
    name = "generic"
    platform = "any"
    description = "CSV or Excel file with a column mapping in the playbook (exports.sources)"
    tables = ("posts", "messages", "account_daily")

    def sniff(self, path: Path, head: str) -> bool:
        return False  # only chosen through a mapping or --format

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        mapping = context.mapping
        if mapping is None:
            raise ImportFailed(
                "the generic format needs a column mapping in the playbook's exports.sources "
                "(see docs/sources.md)", file=path)
        wanted = [name.lower() for name in mapping.columns.values()]
        account = self.account(path)
        schema = SCHEMAS[mapping.table]
        if path.suffix.lower() not in EXCEL:
            columns = read_columns(decode(path), wanted, path)
            if columns is not None:
                frame = columnar.convert(columns, mapping, context, account)
                frame["source_file"] = path.name
                return ImportResult({mapping.table: frame}, account)
        rows = _rows(path, mapping, account)
        header = find_header(rows, wanted, path)

        def build(row: dict[str, str]) -> dict[str, object]:
            out: dict[str, object] = {"platform": context.platform or "other"}
            for column, source in mapping.columns.items():
                raw = row[source.lower()].strip()
                out[column] = _value(column, schema[column], raw, mapping)
            return out

        frame = pd.DataFrame(reject_rows(records(rows, header, account), account, build))
        for column in (c for c, t in schema.items() if t == TIME and c in frame):
            frame[column] = _to_utc(frame[column], context, account)
        if mapping.table == "account_daily" and "date" in frame:
            frame["date"] = pd.to_datetime(frame["date"]).dt.tz_localize(None).dt.normalize()
        frame["source_file"] = path.name
        return ImportResult({mapping.table: frame}, account)


def _rows(path: Path, mapping: ColumnMapping, account: ImportAccount) -> list[list[str]]:
    if path.suffix.lower() in EXCEL:
        return sheet_rows(path, mapping.sheet or 0, account)
    return file_rows(path)


def _value(column: str, dtype: str, raw: str, mapping: ColumnMapping) -> object:
    if not raw:
        return None
    if column in ID_COLUMNS:
        return parse_id(raw)
    if column == "mentions":
        return split_mentions(raw)
    if dtype == COUNT:
        return parse_count(raw)
    if dtype == FLAG:
        return raw.lower() in ("1", "true", "yes", "y")
    if dtype == TIME or dtype.startswith("datetime64"):
        return parse_time(raw, mapping.date_format, column)
    return raw


def _to_utc(values: pd.Series, context: SourceContext, account: ImportAccount) -> pd.Series:
    """Times with an offset are converted; times without one are local to the source."""
    aware = values.map(lambda t: t is not None and t.tzinfo is not None)
    if aware.all():
        return pd.to_datetime(values, utc=True)
    if aware.any():
        account.notes.append("some times carry an offset and some do not")
    naive = pd.to_datetime(values.where(~aware).map(
        lambda t: t if t is None or pd.isna(t) else t.replace(tzinfo=None)))
    local, shifted = localize(naive, context.timezone)
    account.notes.append(f"times without an offset read as {context.timezone.key} local time")
    if shifted:
        account.notes.append(f"{shifted} times fell in a DST change (earlier instant kept)")
    converted = pd.to_datetime(values.where(aware), utc=True)
    return converted.where(aware, local)
