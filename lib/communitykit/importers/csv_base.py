"""The small base a CSV export's importer fills: one header row, one record per row.

A subclass declares its ``name``, ``platform``, ``description``, the one ``table`` it
fills and the ``required`` columns of its header; it says how it recognises a file
(``sniff``) and how a row becomes a record (``build``). The base reads the file, finds
the header, rejects what cannot be read (with the reason and the row number), and
stamps the table with the file it came from. Hooks, where a format needs them:
``items`` (which records are rows: a summary row skipped), ``builder`` (facts about the
whole file, such as its date order, decided before the rows are read) and ``finish``
(notes and times after the rows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .account import ImportAccount
from .base import Importer, ImportResult, SourceContext, file_time
from .rows import file_rows, find_header, records, reject_rows

Record = dict[str, object]
Items = list[tuple[int, dict[str, str]]]


@dataclass
class CsvFile:
    """One CSV file being read: where it is, what the playbook says, its account and rows."""

    path: Path
    context: SourceContext
    account: ImportAccount
    rows: list[list[str]]
    header: int  # index of the header row in ``rows``


class CsvImporter(Importer):
    """A CSV export read row by row into one table (see the module's docstring)."""

    table: str = ""
    required: tuple[str, ...] = ()
    header_search: int = 10  # rows searched for the header
    notes: tuple[str, ...] = ()  # said of every file of this format, after its rows

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.table:
            cls.tables = (cls.table,)

    def build(self, row: dict[str, str], file: CsvFile) -> Record:
        """The record of one row (keys are the table's columns, values read from ``row``,
        keyed by lower-case column name); a ValueError rejects the row with its message."""
        raise NotImplementedError

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        return self.read_rows(path, file_rows(path), context)

    def read_rows(self, path: Path, rows: list[list[str]],
                  context: SourceContext) -> ImportResult:
        """Read the already split ``rows`` of ``path``."""
        header = find_header(rows, self.required, path, search=self.header_search)
        file = CsvFile(path, context, self.account(path), rows, header)
        items = self.items(file)
        frame = pd.DataFrame(reject_rows(items, file.account, self.builder(file, items)))
        return ImportResult({self.table: self.finish(frame, file)}, file.account)

    def items(self, file: CsvFile) -> Items:
        """(line number, row by lower-case column name) of each data row."""
        return records(file.rows, file.header, file.account)

    def builder(self, file: CsvFile, items: Items) -> Callable[[dict[str, str]], Record]:
        """How each row of ``file`` becomes a record: :meth:`build`, unless the format
        decides something for the whole file first."""
        return lambda row: self.build(row, file)

    def finish(self, frame: pd.DataFrame, file: CsvFile) -> pd.DataFrame:
        """The table after its rows: the format's ``notes`` said, the figures stamped with
        when they were taken (:meth:`as_of`), and every row with its file's name."""
        file.account.notes.extend(self.notes)
        as_of = self.as_of(file.path)
        if as_of is not None:
            frame["metrics_as_of"] = as_of
        frame["source_file"] = file.path.name
        return frame

    def as_of(self, path: Path) -> pd.Timestamp | None:
        """When the file's figures were taken: its modification time; None for messages,
        which hold no figures."""
        return None if self.table == "messages" else file_time(path)

    def platform_of(self, file: CsvFile) -> str:
        """The platform the playbook names for the file, else this format's."""
        return file.context.platform or self.platform
