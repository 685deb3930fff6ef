"""``communitykit import``: read export files into the client's store, accounting for every row."""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pandas as pd

from .errors import ImportFailed, InputTooLarge, UserError, printable
from .faults import checkpoint
from .importers import ImportAccount, SourceContext, account_check, detect
from .importers.base import ROW
from .importers.sheets import MAX_CELL, check_zip_sizes, size_text
from .playbook import Playbook
from .store import Store, merge
from .tables import KEYS, REQUIRED, SCHEMAS, TEXT, conform

MAX_UNPACKED = 2 * 2**30  # bytes unpacked by one import, every archive and nested one together
MAX_NESTING = 3  # a zip in a zip in a zip; deeper ones are refused
MAX_TEXT = MAX_CELL  # characters kept of one text value; longer ones are cut and counted
UNPACK_PREFIX = ".unpack-"  # in the store's folder: .unpack-<pid>-<random>
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
ZIP_TROUBLE: dict[type[BaseException], str] = {
    zipfile.BadZipFile: "it is damaged, cut short, or not a zip file",
    zlib.error: "its compressed data is damaged",
    EOFError: "it ends too early: cut short while copying?",
    NotImplementedError: "it is packed with a method the kit cannot unpack",
}
SKIPPED_NAMES = {".ds_store", "thumbs.db", "readme.md", "readme.txt", "sources.md"}


@dataclass
class Unpacking:
    """Where archives unpack and how much they have written so far (one per import)."""

    folder: Path
    written: int = 0
    archives: dict[Path, str] = field(default_factory=dict)  # unpack folder -> shown name

    def shown(self, path: Path) -> str:
        """``path`` as the user knows it, printable: a file unpacked from ``x.zip`` is
        ``x.zip/inner``, and from a zip inside it ``x.zip/inner.zip/file.csv``."""
        for folder, archive in self.archives.items():
            if path.is_relative_to(folder):
                return f"{archive}/{printable(path.relative_to(folder).as_posix())}"
        return printable(str(path))


def collect_files(paths: Iterable[Path], unpacking: Unpacking,
                  say: Callable[[str], None] = print, depth: int = 0) -> list[Path]:
    """Files named directly, every file under named folders (sorted, hidden skipped), and
    the files inside zip archives, unpacked below ``unpacking.folder``."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise ImportFailed("no such file or folder", file=unpacking.shown(path))
        for file in _candidates(path):
            if file.suffix.lower() != ".zip":
                found.append(file)
                continue
            shown = unpacking.shown(file)
            if depth >= MAX_NESTING:
                raise InputTooLarge(f"a zip inside {MAX_NESTING} levels of zips: the kit "
                                    f"unpacks at most {MAX_NESTING} levels", file=shown)
            folder = Path(tempfile.mkdtemp(prefix=f"{len(unpacking.archives)}-",
                                           dir=unpacking.folder))
            unpacking.archives[folder] = shown
            unzip(file, folder, unpacking, say)
            found.extend(collect_files([folder], unpacking, say, depth + 1))
    return found


def _candidates(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in sorted(path.rglob("*"))
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.name.lower() not in SKIPPED_NAMES]


def unzip(archive: Path, folder: Path, unpacking: Unpacking,
          say: Callable[[str], None]) -> None:
    """Unpack a zip safely: members whose path climbs out of the folder are refused, and
    so are archives that would take the import past ``MAX_UNPACKED`` or compress far more
    than exports do; all checked on the declared sizes, before anything is written."""
    shown = unpacking.archives[folder]
    try:
        with zipfile.ZipFile(archive) as bundle:
            left = MAX_UNPACKED - unpacking.written
            total = check_zip_sizes(bundle, archive.stat().st_size, left, shown, "the archive")
            unpacking.written += total
            for info in bundle.infolist():
                if not info.is_dir():
                    _unpack_member(bundle, info, folder, shown, say)
    except InputTooLarge as exc:
        if unpacking.written:  # earlier archives count: say so
            raise InputTooLarge(f"{exc.message} (with the {size_text(unpacking.written)} "
                                f"unpacked before it; at most {size_text(MAX_UNPACKED)} in "
                                "one import)", file=shown) from None
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        trouble = ZIP_TROUBLE.get(type(exc), "it is damaged")
        raise ImportFailed(f"not a readable zip archive ({trouble})", file=shown) from None
    except RuntimeError:  # encrypted members
        raise ImportFailed("cannot unpack the zip archive: it is protected by a password",
                           file=shown) from None
    say(f"{shown}: unpacked")


def _unpack_member(bundle: zipfile.ZipFile, info: zipfile.ZipInfo, folder: Path,
                   shown: str, say: Callable[[str], None]) -> None:
    inner = PurePosixPath(info.filename)
    if inner.is_absolute() or ".." in inner.parts or ":" in info.filename:
        say(f"{shown}: refused '{printable(info.filename)}': its path climbs out of the "
            "archive's folder")
        return
    target = folder.joinpath(*inner.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    with bundle.open(info) as source, target.open("wb") as sink:
        shutil.copyfileobj(source, sink)


@contextmanager
def unpack_folder(store: Store) -> Iterator[Path]:
    """A folder for this import's archives in the store's folder (never a memory-backed
    /tmp), removed at the end; what a killed import left is removed by the next one."""
    store.directory.mkdir(parents=True, exist_ok=True)
    remove_stale_unpacking(store.directory)
    folder = Path(tempfile.mkdtemp(prefix=f"{UNPACK_PREFIX}{os.getpid()}-",
                                   dir=store.directory))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_unpacking(directory: Path) -> list[Path]:
    """Remove the unpack folders of imports that no longer run (their process is gone)."""
    removed = []
    for folder in directory.glob(f"{UNPACK_PREFIX}*"):
        pid = folder.name[len(UNPACK_PREFIX):].split("-", 1)[0]
        if folder.is_dir() and not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


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
