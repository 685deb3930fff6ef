"""``communitykit import``: read export files into the client's store, accounting for every row."""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from .archives import Unpacking, collect_files, unpack_folder
from .errors import ImportFailed, UserError, printable
from .faults import checkpoint
from .importers import ImportAccount, SourceContext, account_check, detect
from .importers.base import ROW
from .importers.sheets import MAX_CELL
from .playbook import Playbook
from .store import Store, merge
from .tables import KEYS, REQUIRED, SCHEMAS, TEXT, conform

MAX_TEXT = MAX_CELL  # characters kept of one text value; longer ones are cut and counted
SHOWN_REJECTIONS = 5  # rejected rows printed per file
# what reading a file of an unexpected shape can raise, in plain words; one ImportFailed
SHAPE_ERRORS: dict[type[BaseException], str] = {
    ValueError: "a value the format does not allow",
    TypeError: "a value of another type than the format's",
    KeyError: "a field the format needs is missing",
    AttributeError: "a value of another type than the format's",
    IndexError: "a list shorter than the format needs",
    OverflowError: "a number too large",
    csv.Error: "text that cannot be split into CSV fields",
    zipfile.BadZipFile: "a damaged zip container",
    zlib.error: "damaged compressed data",
    EOFError: "the file ends too early",
}


def context_for(path: Path, playbook: Playbook, forced_format: str | None) -> tuple[
    SourceContext, str | None
]:
    """The declared timezone, platform and format for a file (last matching source wins)."""
    timezone = playbook.client.timezone
    platform = None
    mapping = None
    fmt = forced_format
    for source in playbook.exports.sources:
        if fnmatch.fnmatch(path.name, source.match):
            timezone = source.timezone or timezone
            platform = source.platform or platform
            mapping = source.mapping or mapping
            fmt = forced_format or source.format or ("generic" if source.mapping else fmt)
    return SourceContext(ZoneInfo(timezone), platform, mapping), fmt


def _keep_complete(frame: pd.DataFrame, table: str, account: ImportAccount) -> pd.DataFrame:
    """Conform to the table's schema and drop rows missing a required value, rejecting
    them with their source row number and the column's name."""
    rows = frame[ROW] if ROW in frame else pd.Series(frame.index + 1, index=frame.index)
    frame = conform(frame, table).set_axis(frame.index)
    missing = pd.Series(False, index=frame.index)
    for column in REQUIRED[table]:
        gap = frame[column].isna()
        for row in rows[gap & ~missing]:
            account.reject(int(row), f"no value for {column}")
        missing |= gap
    return frame[~missing].reset_index(drop=True)


def cut_long_texts(frame: pd.DataFrame, table: str, account: ImportAccount) -> pd.DataFrame:
    """Cut text values longer than ``MAX_TEXT`` characters to their first ``MAX_TEXT``,
    counted in the account's notes. An id that long is no id: its row is rejected."""
    if frame.empty:
        return frame
    rows = frame[ROW] if ROW in frame else pd.Series(frame.index + 1, index=frame.index)
    too_long_id = pd.Series(False, index=frame.index)
    cut = 0
    for column, dtype in SCHEMAS[table].items():
        if dtype != TEXT or column not in frame or not _holds_text(frame[column]):
            continue
        long = (frame[column].str.len() > MAX_TEXT).fillna(False).astype(bool)
        if not long.any():
            continue
        if column in KEYS[table]:
            for row in rows[long & ~too_long_id]:
                account.reject(int(row), f"the {column} is longer than {MAX_TEXT:,} characters")
            too_long_id |= long
        else:
            frame[column] = frame[column].where(~long, frame[column].str.slice(0, MAX_TEXT))
            cut += int(long.sum())
    if cut:
        account.notes.append(f"{cut} texts longer than {MAX_TEXT:,} characters were cut to "
                             f"their first {MAX_TEXT:,}")
    return frame[~too_long_id]


def _holds_text(values: pd.Series) -> bool:
    return bool(pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values))


def _account_warnings(playbook: Playbook, tables: dict[str, pd.DataFrame],
                      incoming: dict[str, list[pd.DataFrame]]) -> dict[int, list[str]]:
    """Per file number, the warnings of files whose accounts match none of the playbook's
    (``tables``: the store with this import merged in)."""
    known = account_check.known(playbook, tables["posts"], tables["messages"])
    per_file: dict[int, dict[str, pd.DataFrame]] = {}
    for name, frames in incoming.items():
        for frame in frames:
            if not frame.empty:
                per_file.setdefault(int(frame["_file"].iloc[0]), {})[name] = frame
    found = {number: account_check.warnings(frames, known)
             for number, frames in per_file.items()}
    return {number: notes for number, notes in found.items() if notes}


def import_exports(
    store: Store,
    playbook: Playbook,
    paths: Iterable[Path],
    forced_format: str | None = None,
    say: Callable[[str], None] = print,
) -> list[ImportAccount]:
    """Read every file, merge into the store and commit one new version (or nothing).

    Raises ``ImportFailed`` when nothing usable was read (every row rejected, or no row at
    all): the store is then unchanged and the rejected rows are printed.
    """
    with unpack_folder(store) as folder:
        return _import_files(store, playbook, list(paths), Unpacking(folder), forced_format,
                             say)


def _read_all(playbook: Playbook, paths: list[Path], unpacking: Unpacking,
              forced_format: str | None, say: Callable[[str], None],
              ) -> tuple[list[ImportAccount], dict[str, list[pd.DataFrame]]]:
    """Every file read, with its account, and its rows per table (``_file``: its number)."""
    files = collect_files(paths, unpacking, say)
    if not files:
        raise ImportFailed("no export files found",
                           file=", ".join(unpacking.shown(p) for p in paths))
    accounts: list[ImportAccount] = []
    incoming: dict[str, list[pd.DataFrame]] = {name: [] for name in SCHEMAS}
    for number, path in enumerate(files):
        shown = unpacking.shown(path)
        context, fmt = context_for(path, playbook, forced_format)
        account, tables = _read_one(path, shown, context, fmt, say)
        for name, frame in tables.items():
            complete = _keep_complete(cut_long_texts(frame, name, account), name, account)
            complete["source_file"] = pd.Series(printable(path.name), index=complete.index,
                                                dtype=TEXT)
            incoming[name].append(complete.assign(_file=number))
        accounts.append(account)
    return accounts, incoming


def _read_one(path: Path, shown: str, context: SourceContext, fmt: str | None,
              say: Callable[[str], None]) -> tuple[ImportAccount, dict[str, pd.DataFrame]]:
    """One file through its importer; every failure is one ImportFailed naming ``shown``."""
    importer_name = fmt or "detected"
    try:
        importer = detect(path, fmt)
        importer_name = importer.name
        say(f"{shown}: {importer.name} ({importer.description})")
        result = importer.read(path, context)
    except UserError as exc:
        if exc.file not in (None, str(path)):
            raise
        raise type(exc)(exc.message, file=shown, row=exc.row, column=exc.column) from None
    except RecursionError:
        raise ImportFailed("the file nests too deeply to be read", file=shown) from None
    except tuple(SHAPE_ERRORS) as exc:
        what = next(words for kind, words in SHAPE_ERRORS.items() if isinstance(exc, kind))
        raise ImportFailed(f"the file could not be read: its content has an unexpected shape "
                           f"for the {importer_name} format ({what})", file=shown) from None
    result.account.file = shown
    return result.account, result.tables


def _merge_counting(existing: pd.DataFrame, new: pd.DataFrame, table: str,
                    accounts: list[ImportAccount]) -> pd.DataFrame:
    """Merge ``new`` into ``existing``; each file's account counts as kept its rows that
    are in the merged table, and as duplicates the others (a newer copy of their key won:
    later in the file or import, or newer metrics in the store)."""
    names = new["source_file"].reset_index(drop=True)
    tagged = new.drop(columns="_file").reset_index(drop=True)
    tagged["source_file"] = [f"\x00{position}" for position in range(len(tagged))]
    merged, _ = merge(existing, tagged, table)
    mark = merged["source_file"].str.startswith("\x00").fillna(False).astype(bool)
    positions = merged.loc[mark, "source_file"].str.slice(1).astype(int).to_numpy()
    merged.loc[mark, "source_file"] = names.iloc[positions].to_numpy()
    kept = pd.Series(False, index=range(len(new)))
    kept.iloc[positions] = True
    per_file = kept.groupby(new["_file"].reset_index(drop=True)).agg(["sum", "size"])
    for number, (in_store, rows) in per_file.iterrows():
        accounts[int(number)].kept += int(in_store)
        accounts[int(number)].duplicate += int(rows - in_store)
    return merged


def _import_files(
    store: Store, playbook: Playbook, paths: list[Path], unpacking: Unpacking,
    forced_format: str | None, say: Callable[[str], None],
) -> list[ImportAccount]:
    accounts, incoming = _read_all(playbook, paths, unpacking, forced_format, say)
    checkpoint("import:after-parse")
    changed = False
    tables = {}
    for name, frames in incoming.items():
        existing = store.load(name)
        new = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        if new.empty:
            tables[name] = existing
            continue
        tables[name] = _merge_counting(existing, new, name, accounts)
        changed |= not tables[name].equals(existing)

    mismatches = _account_warnings(playbook, tables, incoming)
    for number, account in enumerate(accounts):
        account.notes.extend(mismatches.get(number, []))
        say_account(account, mismatches.get(number, []), changed, say)
    if not any(a.kept + a.duplicate for a in accounts):
        raise nothing_usable(accounts)
    if changed:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        log = store.accounts() + [{"imported_at": stamp, **a.as_dict()} for a in accounts]
        version = store.commit(tables, log)
        say(f"store updated: {store.directory} ({version})")
    else:
        say("store unchanged: every row kept was already there, with the same values")
    return accounts


def say_account(account: ImportAccount, warnings: list[str], stored: bool,
                say: Callable[[str], None]) -> None:
    """One file's line of the summary, its warnings and its first rejected rows."""
    say(f"{account.file}: read {account.rows_read}, kept {account.kept}, duplicate "
        f"{account.duplicate}, rejected {len(account.rejected)}")
    for warning in warnings:
        say(f"    warning: {printable(warning)}")
    for repair in account.repairs:
        say(f"    repaired: {printable(repair)}")
    for row, reason in account.rejected[:SHOWN_REJECTIONS]:
        say(f"    row {row}: {printable(reason)}")
    rest = account.rejected[SHOWN_REJECTIONS:]
    if rest:
        where = ("all listed in the report's appendix and in rejected-rows.csv beside the "
                 "report" if stored else "not stored: import the file again once fixed")
        say(f"    ... and {len(rest)} more ({where}): {reasons_in_short(rest)}")


def reasons_in_short(rejected: list[tuple[int, str]], most: int = 3) -> str:
    """The commonest reasons, with values left out: ``120 × date … is in no known form``."""
    shapes = Counter(re.sub(r"'[^']*'|\"[^\"]*\"", "…", reason) for _, reason in rejected)
    common = "; ".join(f"{count} × {printable(shape)}"
                       for shape, count in shapes.most_common(most))
    return common + ("; ..." if len(shapes) > most else "")


def nothing_usable(accounts: list[ImportAccount]) -> ImportFailed:
    """The error when no row of any file can be kept (exit 1: the store is unchanged)."""
    read = sum(a.rows_read for a in accounts)
    rejected = sum(len(a.rejected) for a in accounts)
    where = accounts[0].file if len(accounts) == 1 else None
    files = "" if where else f" from {len(accounts)} files"
    if not rejected:
        holder = "the file holds" if where else "they hold"
        return ImportFailed(f"nothing imported{files}: {holder} no data rows; the store is "
                            "unchanged", file=where)
    return ImportFailed(f"nothing imported{files}: all {read} rows read were rejected (the "
                        "rows and reasons are listed above); the store is unchanged",
                        file=where)
