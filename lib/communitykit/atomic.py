"""Files replaced whole or not at all: a temporary file beside the target, renamed over it.

A reader never sees half a file, and a run that fails or is stopped while writing leaves
the previous file in place (its temporary file is removed).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NEW_FILE_MODE = 0o644


@contextmanager
def replacing(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside ``path`` to write; renamed over ``path`` when the block
    ends without an error (keeping ``path``'s permissions), removed otherwise."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """``text`` as UTF-8 with ``\\n`` line ends, written to disk before it replaces ``path``."""
    with replacing(path) as temp, temp.open("w", encoding="utf-8", newline="\n") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
