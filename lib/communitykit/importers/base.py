"""The importer contract: what every importer declares and returns, and how a file is read.

An importer (:class:`Importer`) names one export format and turns a file of it into
settled tables (:class:`ImportResult`), accounting for every row (``account.ImportAccount``).
A CSV export usually fills the smaller :class:`~.csv_base.CsvImporter` instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from ..errors import ImportFailed
from ..playbook import ColumnMapping
from .account import ImportAccount
from .settle import ROW as ROW
from .settle import settle


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
    """One export format. Subclasses set the class attributes, ``sniff`` and ``read``."""

    name: str = ""
    platform: str = ""
    description: str = ""
    tables: tuple[str, ...] = ()

    def sniff(self, path: Path, head: str) -> bool:
        """Whether the file looks like this format (name and first characters)."""
        raise NotImplementedError

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        raise NotImplementedError

    def account(self, path: Path) -> ImportAccount:
        """A fresh account of ``path`` read as this format."""
        return ImportAccount(str(path), self.name)


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
