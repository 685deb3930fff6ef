"""``communitykit import``: read export files into the client's store, accounting for every row."""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import pandas as pd

from .errors import ImportFailed, UserError
from .faults import checkpoint
from .importers import ImportAccount, SourceContext, account_check, detect
from .importers.base import ROW
from .playbook import Playbook
from .store import Store, merge
from .tables import REQUIRED, SCHEMAS, conform

MAX_UNZIPPED = 4 * 2**30
BOMB_SIZE = 16 * 2**20  # members larger than this must not compress more than BOMB_RATIO
BOMB_RATIO = 200
# what reading a file of an unexpected shape can raise; turned into one ImportFailed
SHAPE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError,
                csv.Error, zipfile.BadZipFile, zlib.error, EOFError)
SKIPPED_NAMES = {".ds_store", "thumbs.db", "readme.md", "readme.txt", "sources.md"}


def collect_files(paths: Iterable[Path], unpack: Path,
                  say: Callable[[str], None] = print,
                  archives: dict[Path, str] | None = None) -> list[Path]:
    """Files named directly, every file under named folders (sorted, hidden skipped), and
    the files inside zip archives, unpacked below ``unpack``. ``archives`` receives each
    unpacked folder with the name of its archive, for :func:`shown_name`."""
    archives = {} if archives is None else archives
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise ImportFailed("no such file or folder", file=path)
        candidates = [path] if path.is_file() else [
            p for p in sorted(path.rglob("*"))
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and p.name.lower() not in SKIPPED_NAMES
        ]
        for file in candidates:
            if file.suffix.lower() == ".zip":
                folder = unpack / f"{len(list(unpack.iterdir()))}-{file.stem}"
                archives[folder] = shown_name(file, archives)
                unzip(file, folder, say)
                found.extend(collect_files([folder], unpack, say, archives))
            else:
                found.append(file)
    return found


def shown_name(path: Path, archives: dict[Path, str]) -> str:
    """``path`` as the user knows it: a file unpacked from ``x.zip`` is ``x.zip/inner``."""
    for folder, archive in archives.items():
        if path.is_relative_to(folder):
            return f"{archive}/{path.relative_to(folder).as_posix()}"
    return str(path)


def unzip(archive: Path, folder: Path, say: Callable[[str], None]) -> None:
    """Unpack a zip safely: members whose path climbs out of the folder are refused, and
    so are archives that unpack to too much or compress far more than exports do."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(archive) as bundle:
            total = sum(info.file_size for info in bundle.infolist())
            if total > MAX_UNZIPPED:
                raise ImportFailed(
                    f"the archive unpacks to {total / 2**30:.1f} GiB, more than the "
                    f"{MAX_UNZIPPED / 2**30:.0f} GiB the kit accepts", file=archive)
            for info in bundle.infolist():
                inner = PurePosixPath(info.filename)
                if info.is_dir():
                    continue
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > BOMB_SIZE and ratio > BOMB_RATIO:
                    raise ImportFailed(
                        f"{info.filename!r} compresses {ratio:.0f} to 1 ({info.file_size} "
                        f"bytes): an export compresses far less (ratio at most {BOMB_RATIO}); "
                        "refused as a zip bomb", file=archive)
                if inner.is_absolute() or ".." in inner.parts or ":" in info.filename:
                    say(f"{archive}: refused {info.filename!r}: its path climbs out of the "
                        "archive's folder")
                    continue
                target = folder.joinpath(*inner.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with bundle.open(info) as source, target.open("wb") as sink:
                    shutil.copyfileobj(source, sink)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise ImportFailed(f"not a readable zip archive ({exc})", file=archive) from None
    except RuntimeError as exc:  # encrypted members
        raise ImportFailed(f"cannot unpack the zip archive: {exc}", file=archive) from None
    say(f"{archive}: unpacked")


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
    """Read every file, merge into the store and commit one new version (or nothing)."""
    with tempfile.TemporaryDirectory(prefix="communitykit-unzip-") as unpack:
        return _import_files(store, playbook, list(paths), Path(unpack), forced_format, say)


def _import_files(
    store: Store, playbook: Playbook, paths: list[Path], unpack: Path,
    forced_format: str | None, say: Callable[[str], None],
) -> list[ImportAccount]:
    archives: dict[Path, str] = {}
    files = collect_files(paths, unpack, say, archives)
    if not files:
        raise ImportFailed("no export files found", file=", ".join(str(p) for p in paths))
    accounts: list[ImportAccount] = []
    incoming: dict[str, list[pd.DataFrame]] = {name: [] for name in SCHEMAS}
    for number, path in enumerate(files):
        shown = shown_name(path, archives)
        context, fmt = context_for(path, playbook, forced_format)
        try:
            importer = detect(path, fmt)
            say(f"{shown}: {importer.name} ({importer.description})")
            result = importer.read(path, context)
            result.account.file = shown
            for name, frame in result.tables.items():
                complete = _keep_complete(frame, name, result.account)
                incoming[name].append(complete.assign(_file=number))
        except UserError as exc:
            if exc.file not in (None, str(path)):
                raise
            raise type(exc)(exc.message, file=shown, row=exc.row, column=exc.column) from None
        except RecursionError:
            raise ImportFailed("the file nests too deeply to be read", file=shown) from None
        except SHAPE_ERRORS as exc:
            raise ImportFailed(f"the file could not be read: its content has an unexpected "
                               f"shape ({type(exc).__name__}: {exc})", file=shown) from None
        accounts.append(result.account)
    checkpoint("import:after-parse")

    changed = False
    tables = {}
    for name, frames in incoming.items():
        existing = store.load(name)
        new = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        if new.empty:
            tables[name] = existing
            continue
        merged, duplicate = merge(existing, new.drop(columns="_file"), name)
        per_file = duplicate.groupby(new["_file"]).agg(["sum", "size"])
        for number, (dups, rows) in per_file.iterrows():
            accounts[int(number)].duplicate += int(dups)
            accounts[int(number)].kept += int(rows - dups)
        changed |= not merged.equals(existing)
        tables[name] = merged

    mismatches = _account_warnings(playbook, tables, incoming)
    for number, account in enumerate(accounts):
        say(f"{account.file}: read {account.rows_read}, kept {account.kept}, duplicate "
            f"{account.duplicate}, rejected {len(account.rejected)}")
        for warning in mismatches.get(number, []):
            say(f"    warning: {warning}")
            account.notes.append(warning)
        for row, reason in account.rejected[:5]:
            say(f"    row {row}: {reason}")
        if len(account.rejected) > 5:
            say(f"    ... and {len(account.rejected) - 5} more (all listed in the report appendix)")
    if changed:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        log = store.accounts() + [{"imported_at": stamp, **a.as_dict()} for a in accounts]
        version = store.commit(tables, log)
        say(f"store updated: {store.directory} ({version})")
    else:
        say("store unchanged: every row was already there")
    return accounts
