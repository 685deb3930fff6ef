"""Text annotations kept between reports, so each message text is analysed once.

The text-only listening annotations (language, model sentiment, complaint, requested
object, terms) depend on the text and the analyser alone, so a report keeps them in
``data/<client>/cache/listening/<version>/<YYYY-MM>.parquet``: one file per month of the
messages, keyed by the exact text. The version is a hash of the analyser (the listening
package's source, the question patterns, VADER's and jieba's versions, and the Chinese
words the playbook teaches the segmenter), so a change of any of them starts afresh and
older versions are removed. A missing or unreadable file is recomputed; files are
replaced atomically. Nothing in the store or in a report depends on the memo: a report
renders the same bytes with or without it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import classify

COLUMNS = ["lang", "sentiment", "complaint", "request_object", "terms"]
STALE_SECONDS = 3600
SCHEMA = pa.schema([("text", pa.string()), ("lang", pa.string()), ("sentiment", pa.string()),
                    ("complaint", pa.bool_()), ("request_object", pa.string()),
                    ("terms", pa.string())])


@lru_cache(maxsize=8)
def version(chinese_words: tuple[str, ...]) -> str:
    """Hash of everything the text annotations depend on."""
    digest = hashlib.sha256()
    assert classify.__file__ is not None
    for source in [*sorted(Path(__file__).parent.glob("*.py")), Path(classify.__file__)]:
        digest.update(source.read_bytes())
    for package in ("vaderSentiment", "jieba"):
        digest.update(metadata.version(package).encode())
    digest.update("\x00".join(chinese_words).encode())
    return digest.hexdigest()[:16]


def annotate_texts(texts: pd.Series, months: pd.Series | None, folder: Path | None,
                   chinese_words: tuple[str, ...],
                   compute: Callable[[pd.Series], pd.DataFrame]) -> pd.DataFrame:
    """``COLUMNS`` of each text (positional index), from the memo where it has them and
    from ``compute`` (texts -> ``COLUMNS``) for the rest, which are then kept.

    ``months`` gives each text's month (``YYYY-MM``), the file it is kept in; without
    ``folder`` or ``months`` nothing is kept."""
    if folder is None or months is None:
        return compute(texts)
    home = folder / version(chinese_words)
    month_names = sorted(set(months))
    known = {month: _read(home / f"{month}.parquet") for month in month_names}
    kept = pa.concat_tables([t for t in known.values() if t is not None] or [SCHEMA.empty_table()])
    position = pc.index_in(pa.array(texts.to_numpy(dtype=object), type=pa.string()),
                           value_set=kept.column("text"))
    have = np.asarray(position.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    fresh = compute(texts[~have])
    if not have.any():
        out = fresh
    else:
        found = kept.take(position.filter(pa.array(have))).to_pandas()[COLUMNS]
        out = pd.concat([found.set_axis(texts.index[have]), fresh]).loc[texts.index]
        asked = out["request_object"]
        out["request_object"] = asked.astype(object).where(asked.notna(), None)
    if len(fresh):
        _write(home, folder, pd.concat([texts[~have].rename("text"), fresh], axis=1),
               months[~have], known)
    return out


def _read(path: Path) -> pa.Table | None:
    """One month's kept annotations; None when not kept yet or unreadable (then they are
    recomputed and the file rewritten)."""
    try:
        return pq.read_table(path, schema=SCHEMA)
    except (OSError, pa.ArrowException):
        return None


def _write(home: Path, folder: Path, fresh: pd.DataFrame, months: pd.Series,
           known: dict[str, pa.Table | None]) -> None:
    """Add the fresh annotations to their months' files (atomically); drop old versions."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old != home and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
        for leftover in home.glob(".*.parquet"):  # left by a run killed while writing
            if time.time() - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink(missing_ok=True)
        for month, rows in fresh.groupby(months.to_numpy(), sort=True):
            table = pa.Table.from_pandas(rows[SCHEMA.names], schema=SCHEMA, preserve_index=False)
            before = known.get(str(month))
            if before is not None:
                table = pa.concat_tables([before, table])
            handle, temp = tempfile.mkstemp(dir=home, prefix=".", suffix=".parquet")
            os.close(handle)
            try:
                pq.write_table(table, temp)
                os.replace(temp, home / f"{month}.parquet")
            finally:
                Path(temp).unlink(missing_ok=True)
    except OSError:
        return  # a read-only or full disk costs speed next time, never the report
