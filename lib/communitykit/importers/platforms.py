"""LinkedIn page analytics workbooks and management-tool mention exports.

Also the date, workbook and row helpers that ``platforms_meta`` and ``platforms_video``
share. Register ``IMPORTERS`` of all three modules.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from ..errors import ImportFailed, InputTooLarge, printable
from .base import (
    ImportAccount,
    Importer,
    ImportResult,
    SourceContext,
    csv_rows,
    decode,
    file_time,
    localize,
    parse_count,
    parse_id,
    records,
    reject_rows,
)

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
SLASH_DATE = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$")
YEAR_FIRST_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?$")
SERIAL = re.compile(r"^\d{4,6}(\.\d+)?$")
NAMED_FORMATS = (
    "%b %d, %Y", "%B %d, %Y", "%a, %b %d, %Y", "%b %d, %Y %I:%M %p", "%B %d, %Y %I:%M %p",
    "%b %d, %Y %H:%M", "%d %b %Y", "%d %B %Y", "%d %b %Y %H:%M", "%d %b %Y %I:%M %p",
)


# --- dates -----------------------------------------------------------------------------

def date_order(values: Iterable[str], account: ImportAccount) -> bool:
    """Whether ``1/8/2025``-style dates are month first, decided for the whole file.

    A first part above 12 proves day first; otherwise month first (the US form). Dates
    that read either way are counted in a note instead of being guessed silently.
    """
    parts = [(int(m[1]), int(m[2])) for v in values if (m := SLASH_DATE.match(v.strip()))]
    month_first = not any(a > 12 for a, _ in parts)
    proven = not month_first or any(b > 12 for _, b in parts)
    ambiguous = sum(1 for a, b in parts if a <= 12 and b <= 12 and a != b)
    if ambiguous:
        order = "month/day" if month_first else "day/month"
        why = "other dates in the file prove it" if proven else "nothing in the file proves " \
            "the order: the US form assumed"
        account.notes.append(f"{ambiguous} dates read either way (day/month or month/day): "
                             f"read as {order} ({why})")
    return month_first


def parse_when(text: str, month_first: bool = True) -> dt.datetime:
    """A date or time in any form the exports use; naive unless the text has an offset."""
    value = text.strip()
    if not value:
        raise ValueError("the date is empty")
    if m := SLASH_DATE.match(value):
        return _slash(m, month_first)
    if m := YEAR_FIRST_SLASH.match(value):
        year, month, day, hour, minute = (int(g) if g else 0 for g in m.groups())
        return dt.datetime(year, month, day, hour, minute)
    if SERIAL.match(value):
        return EXCEL_EPOCH + dt.timedelta(days=float(value))
    try:
        return dt.datetime.fromisoformat(value.replace(" +", "+").replace(" -", "-"))
    except ValueError:
        pass
    for form in NAMED_FORMATS:
        try:
            return dt.datetime.strptime(value, form)
        except ValueError:
            continue
    raise ValueError(f"date {value!r} is in no known form")


def _slash(m: re.Match[str], month_first: bool) -> dt.datetime:
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    month, day = (first, second) if month_first else (second, first)
    hour, minute, second_ = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
    if m[7]:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with {m[7]}")
        hour = hour % 12 + (12 if m[7].lower() == "pm" else 0)
    return dt.datetime(year, month, day, hour, minute, second_)


def utc_times(values: pd.Series, tz: ZoneInfo) -> tuple[pd.Series, int]:
    """Datetimes (naive = local to ``tz``, or aware) as UTC; and the DST-shifted count."""
    aware = values.map(lambda v: v.tzinfo is not None)
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
    shifted = 0
    if (~aware).any():
        naive = pd.to_datetime(values[~aware].tolist()).astype("datetime64[ns]")
        local, shifted = localize(pd.Series(naive, index=values[~aware].index), tz)
        out[~aware] = local
    if aware.any():
        out[aware] = pd.to_datetime(values[aware].tolist(), utc=True)
    return out, shifted


def finish_times(frame: pd.DataFrame, context: SourceContext, account: ImportAccount,
                 what: str) -> None:
    """Turn the ``local_time`` column into ``created_at`` (UTC), with notes."""
    if frame.empty:
        return
    times = frame.pop("local_time")
    frame["created_at"], shifted = utc_times(times, context.timezone)
    if shifted:
        account.notes.append(f"{shifted} {what} fell in a DST change: the earlier instant kept")
    if times.map(lambda v: v.tzinfo is None).any():
        account.notes.append(f"{what} without an offset read as {context.timezone.key} time")


# --- rows --------------------------------------------------------------------------------

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


# --- workbooks and archives: sizes checked before anything is expanded ----------------------

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


def find_row(rows: list[list[str]], wanted: Iterable[str], path: Path, search: int = 30) -> int:
    """Index of the first row naming every ``wanted`` column (exact or ``name (...)``)."""
    wanted = list(wanted)
    for index, row in enumerate(rows[:search]):
        if all(column_like(row, [w]) for w in wanted):
            return index
    raise ImportFailed(f"no header row with the columns {', '.join(wanted)} in the first "
                       f"{search} rows", file=path, column=wanted[0])


# --- LinkedIn ----------------------------------------------------------------------------

URN = re.compile(r"urn:li:(activity|share|ugcPost):(\d+)")


class LinkedInPosts(Importer):
    """LinkedIn page analytics, content workbook: sheet ``All posts``, header in row 2."""

    name = "linkedin_posts"
    platform = "linkedin"
    description = "LinkedIn page > Analytics > Content > Export (xlsx, sheet 'All posts')"
    tables = ("posts",)
    sheet = "All posts"

    def sniff(self, path: Path, head: str) -> bool:
        return has_sheet(path, self.sheet)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        rows = sheet_rows(path, self.sheet, account)
        header = find_row(rows, ("post link", "created date"), path, search=5)
        names = rows[header]
        created = column_like(names, ["created date"]) or "created date"
        views = next((n.strip().lower() for n in names if n.lower().startswith("views")), "")
        urn_kinds: set[str] = set()

        def build(row: dict[str, str]) -> dict[str, object]:
            link = row.get("post link", "").strip()
            found = URN.search(link)
            if not found:
                raise ValueError(f"post link {link!r} holds no urn:li:activity id")
            urn_kinds.add(found[1])
            return {
                "platform": context.platform or self.platform,
                "post_id": found[2],
                "permalink": link,
                "local_time": parse_when(row[created], month_first=True),
                "author_name": row.get("posted by") or None,
                "text": row.get("post title", ""),
                "impressions": parse_count(row.get("impressions")),
                "views": parse_count(row.get(views)),
                "reactions": parse_count(row.get("likes")),
                "comments": parse_count(row.get("comments")),
                "shares": parse_count(row.get("reposts")),
                "clicks": parse_count(row.get("clicks")),
                "follows": parse_count(row.get("follows")),
            }

        frame = pd.DataFrame(reject_rows(padded_records(rows, header, account), account, build))
        finish_times(frame, context, account, "creation dates")
        account.notes.append("LinkedIn gives the creation date only: posts placed at 00:00 local")
        if urn_kinds - {"activity"}:
            account.notes.append(f"some links carry {sorted(urn_kinds - {'activity'})} URNs: "
                                 "their number is used as the post id")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"posts": frame}, account)


class LinkedInFollowers(Importer):
    """LinkedIn followers workbook: sheet ``New followers``, one row per day (new, not total)."""

    name = "linkedin_followers"
    platform = "linkedin"
    description = "LinkedIn page > Analytics > Followers > Export (xlsx, sheet 'New followers')"
    tables = ("account_daily",)
    sheet = "New followers"

    def sniff(self, path: Path, head: str) -> bool:
        return has_sheet(path, self.sheet)

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        account = ImportAccount(str(path), self.name)
        rows = sheet_rows(path, self.sheet, account)
        header = find_row(rows, ("date", "total followers"), path, search=5)
        date_column = column_like(rows[header], ["date"]) or "date"

        def build(row: dict[str, str]) -> dict[str, object]:
            day = parse_when(row[date_column], month_first=True).date()
            return {
                "platform": context.platform or self.platform,
                "date": pd.Timestamp(day),
                "followers_gained": parse_count(row["total followers"]),
            }

        frame = pd.DataFrame(reject_rows(padded_records(rows, header, account), account, build))
        account.notes.append("'Total followers' here is new followers per day (sponsored + "
                             "organic + auto-invited), read as followers gained, not a total")
        frame["metrics_as_of"] = file_time(path)
        frame["source_file"] = path.name
        return ImportResult({"account_daily": frame}, account)


# --- management tools ----------------------------------------------------------------------

DATE_NAMES = ("date", "timestamp", "date/time", "date & time", "created at", "created",
              "published", "published date", "time")
TEXT_NAMES = ("message", "mention", "text", "content", "full text", "snippet", "message text",
              "mention text", "mention content", "post text", "post content")
AUTHOR_NAMES = ("author", "from", "author name", "author username", "author handle",
                "username", "screen name", "profile", "sender")
NETWORK_NAMES = ("network", "social network", "platform", "source", "channel")
ID_NAMES = ("message id", "mention id", "post id", "resource id", "guid", "id")
LINK_NAMES = ("permalink", "url", "link", "message link", "message url", "mention url",
              "post url", "link to post")
AUTHOR_ID_NAMES = ("author id", "profile id", "user id", "sender id")
NETWORKS = {"twitter": "x", "x": "x", "x (twitter)": "x", "twitter/x": "x",
            "facebook": "facebook", "instagram": "instagram", "linkedin": "linkedin",
            "youtube": "youtube", "tiktok": "tiktok", "reddit": "reddit", "threads": "threads"}
UTC_MARK = re.compile(r"\((utc|gmt)\)")


def _mention_header(rows: list[list[str]]) -> int | None:
    """Index of a mention header: date, text, author and network or sentiment columns."""
    for index, row in enumerate(rows[:30]):
        if (column_like(row, DATE_NAMES) and column_like(row, TEXT_NAMES)
                and column_like(row, AUTHOR_NAMES)
                and (column_like(row, NETWORK_NAMES) or column_like(row, ["sentiment"]))):
            return index
    return None


class ToolMentions(Importer):
    """Mention exports of Sprout Social, Hootsuite, Brandwatch, Agorapulse and the like."""

    name = "mentions_tool"
    platform = "from the Network column"
    description = "Management tool mentions/inbox export (CSV with Date, Network, Author, ...)"
    tables = ("messages",)

    def sniff(self, path: Path, head: str) -> bool:
        if path.suffix.lower() not in {".csv", ".txt"}:
            return False
        lines = head.splitlines()[:-1] or head.splitlines()  # the last line may be cut off
        try:
            return _mention_header(csv_rows("\n".join(lines))) is not None
        except csv.Error:
            return False

    def read(self, path: Path, context: SourceContext) -> ImportResult:
        rows = csv_rows(decode(path))
        header = _mention_header(rows)
        if header is None:
            raise ImportFailed("no header with date, message, author and network or sentiment "
                               "columns in the first 30 rows", file=path)
        names = rows[header]
        col = {key: column_like(names, aliases) or "" for key, aliases in (
            ("date", DATE_NAMES), ("text", TEXT_NAMES), ("author", AUTHOR_NAMES),
            ("network", NETWORK_NAMES), ("id", ID_NAMES), ("link", LINK_NAMES),
            ("author_id", AUTHOR_ID_NAMES), ("sentiment", ["sentiment"]))}
        account = ImportAccount(str(path), self.name)
        items = records(rows, header, account)
        month_first = date_order((r.get(col["date"], "") for _, r in items), account)
        in_utc = bool(UTC_MARK.search(col["date"]))

        def build(row: dict[str, str]) -> dict[str, object]:
            when = parse_when(row[col["date"]], month_first)
            if in_utc and when.tzinfo is None:
                when = when.replace(tzinfo=dt.UTC)
            author = pick(row, [col["author_id"], col["author"]])
            if not author:
                raise ValueError("no author")
            return {
                "platform": context.platform or _network(row.get(col["network"], "")),
                "message_id": _mention_id(row.get(col["id"], ""), row.get(col["link"], "")),
                "author_id": author,
                "author_name": row.get(col["author"]) or None,
                "local_time": when,
                "text": row.get(col["text"], ""),
                "kind": "mention",
                "sentiment": (row.get(col["sentiment"]) or "").strip().lower() or None,
            }

        frame = pd.DataFrame(reject_rows(items, account, build))
        if header:
            account.notes.append(f"{header} metadata rows above the header skipped")
        finish_times(frame, context, account, "mention times")
        account.notes.append("mentions have no reply links: they are not part of response time")
        frame["source_file"] = path.name
        return ImportResult({"messages": frame}, account)


def _network(value: str) -> str:
    name = value.strip().lower()
    return NETWORKS.get(name, re.sub(r"\W+", "_", name).strip("_") or "other")


def _mention_id(raw_id: str, link: str) -> str:
    """The id column, else the permalink; a float-damaged id falls back to the link too."""
    if raw_id.strip():
        try:
            return parse_id(raw_id)
        except ValueError:
            if not link.strip():
                raise
    if link.strip():
        return link.strip()
    raise ValueError("no message id and no permalink")


IMPORTERS: tuple[Importer, ...] = (LinkedInPosts(), LinkedInFollowers(), ToolMentions())
