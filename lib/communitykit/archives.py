"""The files an import reads: files named directly, the files under named folders, and
the files inside zip archives, unpacked safely into a folder of the store's own that is
removed at the end (and, left by a killed import, by the next one)."""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import ImportFailed, InputTooLarge, printable
from .importers.sheets import check_zip_sizes, size_text
from .store import Store

MAX_UNPACKED = 2 * 2**30  # bytes unpacked by one import, every archive and nested one together
MAX_NESTING = 3  # a zip in a zip in a zip; deeper ones are refused
UNPACK_PREFIX = ".unpack-"  # in the store's folder: .unpack-<pid>-<random>
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
