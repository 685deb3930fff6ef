"""Text annotations kept between reports, so each message text is analysed once.

The text-only listening annotations (language, model sentiment, complaint, requested
object, terms) depend on the text and the analyser alone, so a report keeps them in
``data/<client>/cache/listening/<version>/<YYYY-MM>.parquet``: one file per month of the
messages, keyed by the exact text. The version is a hash of the analyser (the listening
modules' source, the question patterns, VADER's and jieba's versions, and the Chinese
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

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .. import classify
from . import complaints, requests, sentiment, terms, text

COLUMNS = ["lang", "sentiment", "complaint", "request_object", "terms"]
STALE_SECONDS = 3600
SCHEMA = pa.schema([("text", pa.string()), ("lang", pa.string()), ("sentiment", pa.string()),
                    ("complaint", pa.bool_()), ("request_object", pa.string()),
                    ("terms", pa.string())])


@lru_cache(maxsize=8)
def version(chinese_words: tuple[str, ...]) -> str:
    """Hash of everything the text annotations depend on."""
    digest = hashlib.sha256()
    for module in (text, sentiment, complaints, requests, terms, classify):
        assert module.__file__ is not None
        digest.update(Path(module.__file__).read_bytes())
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
    known = _read(home, sorted(set(months)))
    have = texts.isin(known.index) if len(known) else pd.Series(False, index=texts.index)
    fresh = compute(texts[~have])
    out = pd.concat([known.reindex(texts[have]).set_axis(texts.index[have]), fresh])
    out = out.loc[texts.index]
    if len(fresh):
        _write(home, folder, pd.concat([fresh, texts[~have].rename("text")], axis=1),
               months[~have], known)
    return out


def _read(home: Path, months: list[str]) -> pd.DataFrame:
    """The kept annotations of these months, indexed by text."""
    frames = []
    for month in months:
        try:
            table = pq.read_table(home / f"{month}.parquet", schema=SCHEMA)
        except (OSError, pa.ArrowException):
            continue  # not kept yet, or unreadable: recomputed and rewritten
        frames.append(table.to_pandas())
    if not frames:
        return pd.DataFrame(columns=COLUMNS, index=pd.Index([], name="text"))
    known = pd.concat(frames).drop_duplicates("text").set_index("text")
    known["request_object"] = known["request_object"].astype(object).where(
        known["request_object"].notna(), None)
    return known[COLUMNS]


def _write(home: Path, folder: Path, fresh: pd.DataFrame, months: pd.Series,
           known: pd.DataFrame) -> None:
    """Add the fresh annotations to their months' files (atomically); drop old versions."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old != home and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
        for leftover in home.glob(".*.parquet"):  # left by a run killed while writing
            if time.time() - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink(missing_ok=True)
        kept = known.reset_index()
        for month, rows in fresh.groupby(months.to_numpy(), sort=True):
            path = home / f"{month}.parquet"
            before = kept[kept["text"].isin(_texts_in(path))] if path.exists() else kept[:0]
            frame = pd.concat([before, rows[["text", *COLUMNS]]]).drop_duplicates("text")
            table = pa.Table.from_pandas(frame[SCHEMA.names], schema=SCHEMA,
                                         preserve_index=False)
            handle, temp = tempfile.mkstemp(dir=home, prefix=".", suffix=".parquet")
            os.close(handle)
            pq.write_table(table, temp)
            os.replace(temp, path)
    except OSError:
        return  # a read-only or full disk costs speed next time, never the report


def _texts_in(path: Path) -> pd.Series:
    try:
        return pq.read_table(path, columns=["text"]).column("text").to_pandas()
    except (OSError, pa.ArrowException):
        return pd.Series([], dtype=object)
