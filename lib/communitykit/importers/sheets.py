"""Excel workbooks and zip archives, their sizes checked before anything is expanded.

The one way the kit reads a workbook (:func:`sheet_rows`); also how an importer recognises
one by its sheet names without opening it (:func:`has_sheet`).
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..errors import ImportFailed, InputTooLarge, printable
from .account import ImportAccount

MAX_WORKBOOK = 200 * 2**20  # declared unpacked size of one workbook's parts (sheets, strings)
MAX_RATIO = 100  # a member (or a whole zip) over RATIO_FROM may not compress more than this
RATIO_FROM = 2**20
MAX_MEMBERS = 100_000  # files in one zip
MAX_CELL = 100_000  # characters kept of one cell; longer ones are cut (and counted)
MAX_CELLS = 10_000_000  # cells of one sheet, blank ones inside a row included
MAX_SHEET_TEXT = 200_000_000  # characters of one sheet
SNIFF_BYTES = 2**20  # of a workbook's sheet list, read to recognise it
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old binary .xls


def workbook_sheets(path: Path) -> list[str]:
    """Sheet names of an xlsx file without opening it with openpyxl ([] if not xlsx)."""
    try:
        with zipfile.ZipFile(path) as bundle, bundle.open("xl/workbook.xml") as part:
            book = part.read(SNIFF_BYTES).decode("utf-8", errors="ignore")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, NotImplementedError,
            RuntimeError, zlib.error):
        return []
    return [_unescape(n) for n in re.findall(r'<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"', book)]


def has_sheet(path: Path, sheet: str) -> bool:
    """Whether an xlsx (by its sheet list) or an old binary xls (by its bytes) has ``sheet``."""
    if path.suffix.lower() not in {".xls", ".xlsx"}:
        return False
    if zipfile.is_zipfile(path):
        return sheet.lower() in {s.lower() for s in workbook_sheets(path)}
    with path.open("rb") as handle:
        raw = handle.read(1 << 16)
    return sheet.encode("latin-1") in raw or sheet.encode("utf-16-le") in raw


def _unescape(name: str) -> str:
    return name.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def sheet_rows(path: Path, sheet: str | int = 0,
               account: ImportAccount | None = None) -> list[list[str]]:
    """Every cell of one sheet (by name, or position) as text: ids exact, dates ISO, whole
    numbers without ``.0``. The one way the kit reads a workbook: its sizes are checked
    before anything is expanded (:func:`check_workbook`), each cell is cut at ``MAX_CELL``
    characters (the cuts counted in ``account``'s notes), and a sheet holding more than
    ``MAX_CELLS`` cells or ``MAX_SHEET_TEXT`` characters is refused."""
    book = open_workbook(path)
    try:
        rows, cut = _sheet_cells(_pick_sheet(book, sheet, path), path)
    finally:
        book.close()
    if cut and account is not None:
        account.notes.append(f"{cut} cells longer than {MAX_CELL:,} characters were cut to "
                             f"their first {MAX_CELL:,}")
    return rows


def open_workbook(path: Path) -> Any:
    """An openpyxl workbook in read-only mode, after :func:`check_workbook`."""
    check_workbook(path)
    try:
        import openpyxl
    except ImportError:
        raise ImportFailed("reading workbooks needs openpyxl (pip install openpyxl)",
                           file=path) from None
    try:
        with warnings.catch_warnings():  # "no default style" and the like
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, read_only=True, data_only=True,
                                          keep_links=False)
    except Exception:  # noqa: BLE001 (openpyxl raises anything on a damaged part)
        raise ImportFailed(DAMAGED_WORKBOOK, file=path) from None


DAMAGED_WORKBOOK = ("the workbook cannot be read: a part of it is missing or damaged; open "
                    "it in Excel or LibreOffice and save it again as .xlsx")


def check_workbook(path: Path) -> None:
    """Refuse what is not an .xlsx workbook, and a workbook that would expand past the
    limits (``MAX_WORKBOOK``, ``MAX_RATIO``), before anything is expanded."""
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic.startswith(OLE2_MAGIC):
        raise ImportFailed("an old binary .xls workbook, which the kit does not read: open it "
                           "in Excel or LibreOffice and save it as .xlsx", file=path)
    if not magic.startswith(b"PK") or not zipfile.is_zipfile(path):
        raise ImportFailed("not an Excel workbook (.xlsx): the file holds something else "
                           "(a CSV file renamed .xlsx?)", file=path)
    try:
        with zipfile.ZipFile(path) as bundle:
            check_zip_sizes(bundle, path.stat().st_size, MAX_WORKBOOK, str(path),
                            "the workbook")
    except zipfile.BadZipFile:
        raise ImportFailed(DAMAGED_WORKBOOK, file=path) from None


def check_zip_sizes(bundle: zipfile.ZipFile, packed: int, limit: int, shown: str,
                    what: str) -> int:
    """The declared unpacked size of ``bundle`` (``packed`` bytes on disk), refused when
    above ``limit``, or when it or a member over ``RATIO_FROM`` bytes compresses more than
    ``MAX_RATIO`` to 1 (a bomb). Python's zipfile never returns more than the declared size
    of a member, so these figures bound what unpacking writes."""
    members = bundle.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputTooLarge(f"{what} holds {len(members):,} files, more than the "
                           f"{MAX_MEMBERS:,} the kit unpacks", file=shown)
    total = sum(info.file_size for info in members)
    if total > limit:
        raise InputTooLarge(f"{what} unpacks to {size_text(total)}, more than the "
                           f"{size_text(limit)} the kit accepts", file=shown)
    for info in members:
        _refuse_bomb(info.file_size, info.compress_size, shown,
                     f"{what}'s member '{printable(info.filename)}'")
    _refuse_bomb(total, packed, shown, what)
    return total


def _refuse_bomb(unpacked: int, packed: int, shown: str, what: str) -> None:
    ratio = unpacked / max(packed, 1)
    if unpacked > RATIO_FROM and ratio > MAX_RATIO:
        raise InputTooLarge(f"{what} compresses {ratio:,.0f} to 1 ({size_text(unpacked)} "
                           f"unpacked): exports compress far less (the kit accepts at most "
                           f"{MAX_RATIO} to 1 above {size_text(RATIO_FROM)}); refused as a "
                           "zip bomb", file=shown)


def size_text(size: int) -> str:
    """Bytes for people: ``2 GiB``, ``16.0 MiB``, ``512 KiB``."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value.is_integer() else f"{value:.1f} {unit}"
    return f"{size} bytes"


def first_workbook_row(path: Path) -> list[str]:
    """The first row of a workbook's first sheet, lower-case, for recognising it."""
    book = open_workbook(path)
    try:
        sheet = _pick_sheet(book, 0, path)
        sheet.reset_dimensions()
        values = next(sheet.iter_rows(max_row=1, values_only=True), ())
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 (openpyxl raises anything on damaged sheet XML)
        raise ImportFailed(DAMAGED_WORKBOOK, file=path, row=1) from None
    finally:
        book.close()
    return [_cell_text(v)[:MAX_CELL].strip().lower() for v in _trimmed(values)]


def _pick_sheet(book: Any, sheet: str | int, path: Path) -> Any:
    names: list[str] = list(book.sheetnames)
    if isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise ImportFailed(f"the workbook has {len(names)} sheets, no sheet number "
                               f"{sheet + 1}", file=path)
        return book[names[sheet]]
    by_lower = {name.lower(): name for name in names}
    if sheet.lower() not in by_lower:
        raise ImportFailed(f"no sheet {sheet!r} (sheets: {', '.join(names)})", file=path)
    return book[by_lower[sheet.lower()]]


def _sheet_cells(sheet: Any, path: Path) -> tuple[list[list[str]], int]:
    """The sheet's rows as text, and how many cells were cut; the declared dimensions
    are ignored (a tiny file may declare a million rows of 16,384 columns)."""
    sheet.reset_dimensions()
    rows: list[list[str]] = []
    cells = characters = cut = 0
    try:
        for values in sheet.iter_rows(values_only=True):
            cells += len(values)
            if cells > MAX_CELLS:
                raise InputTooLarge(f"the sheet has more than {MAX_CELLS:,} cells, the most "
                                   "the kit reads from one sheet", file=path)
            row = [_cell_text(v) for v in _trimmed(values)]
            characters += sum(map(len, row))
            if characters > MAX_SHEET_TEXT:
                raise InputTooLarge(f"the sheet holds more than {MAX_SHEET_TEXT:,} characters, "
                                   "the most the kit reads from one sheet", file=path)
            cut += sum(len(text) > MAX_CELL for text in row)
            rows.append([text[:MAX_CELL] for text in row])
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 (openpyxl raises anything on damaged sheet XML)
        raise ImportFailed(DAMAGED_WORKBOOK, file=path, row=len(rows) + 1) from None
    return rows, cut


def _trimmed(values: tuple[object, ...]) -> tuple[object, ...]:
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return values[:end]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
