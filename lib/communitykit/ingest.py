"""``communitykit import``: read export files into the client's store, accounting for every row."""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Callable, Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from .errors import ImportFailed
from .importers import ImportAccount, SourceContext, detect
from .playbook import Playbook
from .store import Store, merge
from .tables import REQUIRED, SCHEMAS, conform

SKIPPED_NAMES = {".ds_store", "thumbs.db", "readme.md", "readme.txt", "sources.md"}


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every file under named folders (sorted, hidden skipped)."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise ImportFailed("no such file or folder", file=path)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name.lower() not in SKIPPED_NAMES
            )
        else:
            found.append(path)
    return found


def context_for(path: Path, playbook: Playbook, forced_format: str | None) -> tuple[
    SourceContext, str | None
]:
    """The declared timezone, platform and format for a file (last matching source wins)."""
    timezone = playbook.client.timezone
    platform = None
    fmt = forced_format
    for source in playbook.exports.sources:
        if fnmatch.fnmatch(path.name, source.match):
            timezone = source.timezone or timezone
            platform = source.platform or platform
            fmt = forced_format or source.format or fmt
    return SourceContext(ZoneInfo(timezone), platform), fmt


def _keep_complete(frame: pd.DataFrame, table: str, account: ImportAccount) -> pd.DataFrame:
    """Drop rows missing a required value, rejecting them with the column's name."""
    if frame.empty:
        return frame
    missing = pd.Series(False, index=frame.index)
    for column in REQUIRED[table]:
        gap = frame[column].isna()
        for index in frame.index[gap & ~missing]:
            account.reject(int(index) + 1, f"no value for {column}")
        missing |= gap
    return frame[~missing]


def import_exports(
    store: Store,
    playbook: Playbook,
    paths: Iterable[Path],
    forced_format: str | None = None,
    say: Callable[[str], None] = print,
) -> list[ImportAccount]:
    """Read every file, merge into the store and commit one new version (or nothing)."""
    files = collect_files(paths)
    if not files:
        raise ImportFailed("no export files found", file=", ".join(str(p) for p in paths))
    tables = {name: store.load(name) for name in SCHEMAS}
    accounts: list[ImportAccount] = []
    changed = False
    for path in files:
        context, fmt = context_for(path, playbook, forced_format)
        importer = detect(path, fmt)
        say(f"{path}: {importer.name} ({importer.description})")
        result = importer.read(path, context)
        account = result.account
        for name, frame in result.tables.items():
            complete = _keep_complete(conform(frame, name), name, account)
            merged, duplicates = merge(tables[name], complete, name)
            account.duplicate += duplicates
            account.kept += len(complete) - duplicates
            if not merged.equals(tables[name]):
                changed = True
            tables[name] = merged
        accounts.append(account)
        say(
            f"  read {account.rows_read}, kept {account.kept}, duplicate {account.duplicate}, "
            f"rejected {len(account.rejected)}"
        )
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
