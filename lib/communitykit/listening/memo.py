"""Listening annotations kept between reports, so each message text is analysed once.

Three kinds are kept, each depending on the text and its analyser alone:

- ``texts``: language, model sentiment, complaint, requested object (as asked and
  normalised) and terms;
- ``themes``: which playbook themes each text matches;
- ``flags``: which rule categories each text breaks (``rule_flags``), versioned by the
  categories' patterns and the matcher's source as well.

``communitykit import`` keeps every text of the store under each month it was written in
(``fill``, from ``prepare``); a report keeps what it had to compute (``annotate_texts``).
They are in ``data/<client>/cache/listening/<kind>-<version>/<YYYY-MM>.parquet``: one
file per month of the messages, keyed by the exact text. The version is a hash of the
analyser: the listening package's source, the question patterns and the matcher, the
installed VADER, jieba and pyarrow versions, and for ``texts`` the Chinese words the
playbook teaches the segmenter, for ``themes`` the playbook's theme ids and keywords. So
a change of any of them starts that kind afresh (its older versions are removed) and
editing a theme keeps the text annotations. A missing or unreadable file is recomputed;
files are replaced atomically. Nothing in the store or in a report depends on the memo: a
report renders the same bytes with or without it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import atomic, classify, fastmatch, roles

STALE_SECONDS = 3600
FILL_STEP = 200_000  # texts computed at a time by ``fill`` (between two progress steps)
TEXTS_SCHEMA = pa.schema([("lang", pa.string()), ("sentiment", pa.string()),
                          ("complaint", pa.bool_()), ("request_object", pa.string()),
                          ("request_key", pa.string()), ("terms", pa.string())])
COLUMNS = TEXTS_SCHEMA.names


@dataclass(frozen=True)
class Kind:
    """One kind of kept annotations: its folder name's prefix, version and columns."""

    name: str
    version: str
    schema: pa.Schema
    objects: tuple[str, ...] = ()  # string columns read back as objects, missing as None

    def home(self, folder: Path) -> Path:
        return folder / f"{self.name}-{self.version}"

    @property
    def file_schema(self) -> pa.Schema:
        return pa.schema([pa.field("text", pa.string()), *self.schema])


@lru_cache(maxsize=1)
def _analyser_digest() -> bytes:
    """What every kind depends on: the analyser's source and the libraries it calls."""
    digest = hashlib.sha256()
    for module in (classify, fastmatch):
        assert module.__file__ is not None
        digest.update(Path(module.__file__).read_bytes())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    for package in ("vaderSentiment", "jieba", "pyarrow"):
        digest.update(metadata.version(package).encode())
    return digest.digest()


def _version(*parts: str) -> str:
    digest = hashlib.sha256(_analyser_digest())
    digest.update("\x00".join(parts).encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=8)
def texts_kind(chinese_words: tuple[str, ...]) -> Kind:
    """The text annotations (``COLUMNS``), for the words taught to the segmenter."""
    return Kind("texts", _version("texts", *chinese_words), TEXTS_SCHEMA,
                ("request_object", "request_key"))


def themes_kind(themes: list[tuple[str, list[str]]]) -> Kind:
    """The theme hits (a boolean ``theme_<id>`` column per theme) of (id, keywords)."""
    return Kind("themes", _version("themes", json.dumps(themes, ensure_ascii=False)),
                pa.schema([(f"theme_{theme_id}", pa.bool_()) for theme_id, _ in themes]))


def flags_kind(categories: list[tuple[str, list[str], str | None]], matcher: bytes) -> Kind:
    """The rule flags (a boolean ``flag_<id>`` column per category) of (id, patterns, use)
    categories, found by ``matcher`` (the source of the code that applies them)."""
    return Kind("flags", _version("flags", json.dumps(categories, ensure_ascii=False),
                                  hashlib.sha256(matcher).hexdigest()),
                pa.schema([(f"flag_{category}", pa.bool_()) for category, _, _ in categories]))


def first_months(codes: np.ndarray, created_at: pd.Series) -> pd.Series:
    """The month (``YYYY-MM``, UTC) of each distinct text's first message (``codes``: each
    message's text number, as ``pd.factorize`` gives them; positional)."""
    return months_of(created_at.iloc[roles.first_rows(codes)])


def months_of(created_at: pd.Series) -> pd.Series:
    """The month (``YYYY-MM``, UTC) of each time (positional)."""
    when = created_at.dt.tz_convert("UTC")
    numbers, which = np.unique((when.dt.year * 100 + when.dt.month).to_numpy(),
                               return_inverse=True)
    names = np.array([f"{m // 100:04d}-{m % 100:02d}" for m in numbers], dtype=object)
    return pd.Series(names[which])


def annotate_texts(texts: pd.Series, months: pd.Series | None, folder: Path | None,
                   kind: Kind, compute: Callable[[pd.Series], pd.DataFrame]) -> pd.DataFrame:
    """The ``kind``'s columns for each text (positional index), from the memo where it has
    them and from ``compute`` (texts -> those columns) for the rest, which are then kept.

    ``months`` gives each text's month (``YYYY-MM``), the file it is kept in; without
    ``folder`` or ``months`` nothing is kept."""
    return annotate_kinds(texts, months, folder, [(kind, compute)])[0]


def annotate_kinds(texts: pd.Series, months: pd.Series | None, folder: Path | None,
                   kinds: list[tuple[Kind, Callable[[pd.Series], pd.DataFrame]]],
                   ) -> list[pd.DataFrame]:
    """``annotate_texts`` of each (kind, compute), in order. A kind whose files keep the
    very texts of the kind before, in the same order (as an import writes them), finds the
    texts where that kind found them: they are looked up once."""
    if folder is None or months is None:
        return [compute(texts) for _, compute in kinds]
    said = _arrow_texts(texts)
    month_names = sorted(pd.unique(months.to_numpy(dtype=object)))
    looked_up: tuple[pa.ChunkedArray, pa.Array] | None = None  # (kept texts, positions)
    out = []
    for kind, compute in kinds:
        home = kind.home(folder)
        known = {month: _read(home / f"{month}.parquet", kind) for month in month_names}
        kept = pa.concat_tables([t for t in known.values() if t is not None]
                                or [kind.file_schema.empty_table()])
        if looked_up is None or not looked_up[0].equals(kept.column("text")):
            looked_up = kept.column("text"), pc.index_in(said, value_set=kept.column("text"))
        position = looked_up[1]
        found = _found(texts, kept.select(kind.schema.names), position, kind, compute)
        out.append(found.columns)
        if len(found.fresh):
            _write(home, folder, kind, pd.concat([texts[~found.have].rename("text"),
                                                  found.fresh], axis=1),
                   months[~found.have], known)
    return out


def _arrow_texts(texts: pd.Series) -> pa.Array:
    """The texts as one Arrow string array; Arrow-backed texts are not turned into Python
    strings on the way."""
    if isinstance(texts.dtype, pd.StringDtype) and texts.dtype.storage == "pyarrow":
        values = pa.array(texts.array)
        values = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
        return values.cast(pa.string())
    return pa.array(texts.to_numpy(dtype=object), type=pa.string())


@dataclass(frozen=True)
class _Found:
    columns: pd.DataFrame  # every text's columns
    have: np.ndarray  # which texts were kept
    fresh: pd.DataFrame  # the columns computed, of the others


def _found(texts: pd.Series, kept: pa.Table, position: pa.Array, kind: Kind,
           compute: Callable[[pd.Series], pd.DataFrame]) -> _Found:
    """The columns of the texts from the ``kept`` rows at ``position`` (null: not kept, then
    computed)."""
    have = np.asarray(position.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    if len(have) and have.all():  # every text kept (a report after an import): no analyser
        out = kept.take(position).to_pandas().set_axis(texts.index)
        fresh = kind.schema.empty_table().to_pandas()
    else:
        fresh = compute(texts[~have].astype(object))  # the analysers take Python strings
        if not have.any():
            return _Found(fresh, have, fresh)
        found = kept.take(position.filter(pa.array(have)))
        out = pd.concat([found.to_pandas().set_axis(texts.index[have]), fresh]
                        ).loc[texts.index]
    for name in kind.objects:
        column = out[name]
        out[name] = column.astype(object).where(column.notna(), None)
    return _Found(out, have, fresh)


def fill(texts: pd.Series, months: pd.Series, folder: Path, kind: Kind,
         compute: Callable[[pd.Series], pd.DataFrame], step: int = FILL_STEP,
         done: Callable[[int], object] = lambda count: None) -> tuple[int, int]:
    """Keep the ``kind``'s columns of each (text, month) pair (positional, pairs distinct)
    in that month's file, so that a report finds every text whatever month it files it
    under: copied when another month's file has the text, else computed by ``compute``,
    ``step`` texts at a time (``done(count)`` after each, and for the texts known).

    Returns the distinct texts (computed, already known)."""
    home = kind.home(folder)
    month_of = months.to_numpy(dtype=object)
    known = {month: _read(home / f"{month}.parquet", kind)
             for month in sorted(pd.unique(month_of))}
    said = pa.array(texts.to_numpy(dtype=object), type=pa.string())
    kept_here = np.zeros(len(texts), dtype=bool)
    for month, table in known.items():
        if table is not None:
            rows = month_of == month
            kept_here[rows] = pc.is_in(said.filter(pa.array(rows)), value_set=table.column(
                "text")).to_numpy(zero_copy_only=False)
    missing = pa.array(~kept_here)
    distinct = pc.unique(said.filter(missing))
    kept = pa.concat_tables([t for t in known.values() if t is not None]
                            or [kind.file_schema.empty_table()])
    position = pc.index_in(distinct, value_set=kept.column("text"))
    parts = [kept.take(position.filter(position.is_valid()))]
    new = distinct.filter(position.is_null()).to_pandas()
    already = len(pd.unique(texts.to_numpy(dtype=object))) - len(new)
    done(already)
    for start in range(0, len(new), step):
        chunk = new.iloc[start:start + step].reset_index(drop=True)
        frame = compute(chunk).reset_index(drop=True)
        frame.insert(0, "text", chunk)
        parts.append(pa.Table.from_pandas(frame, schema=kind.file_schema, preserve_index=False))
        done(len(chunk))
    if len(distinct):
        values = pa.concat_tables(parts)
        rows = values.take(pc.index_in(said.filter(missing), value_set=values.column("text")))
        missing_months = month_of[~kept_here]
        _keep(home, folder, kind, {
            month: rows.filter(pa.array(missing_months == month))
            for month in pd.unique(missing_months)}, known)
    return len(new), already


def _read(path: Path, kind: Kind) -> pa.Table | None:
    """One month's kept annotations; None when not kept yet or unreadable (then they are
    recomputed and the file rewritten)."""
    try:
        return pq.read_table(path, schema=kind.file_schema)
    except (OSError, pa.ArrowException):
        return None


def _write(home: Path, folder: Path, kind: Kind, fresh: pd.DataFrame, months: pd.Series,
           known: dict[str, pa.Table | None]) -> None:
    """Add the fresh annotations to their months' files (``_keep``)."""
    schema = kind.file_schema
    _keep(home, folder, kind, {
        str(month): pa.Table.from_pandas(rows[schema.names], schema=schema, preserve_index=False)
        for month, rows in fresh.groupby(months.to_numpy(), sort=True)}, known)


def _keep(home: Path, folder: Path, kind: Kind, tables: dict[str, pa.Table],
          known: dict[str, pa.Table | None]) -> None:
    """Add each month's table to its file (atomically); drop the kind's other versions (and
    folders of the one-kind layout before kinds)."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old != home and old.is_dir() and (old.name.startswith(f"{kind.name}-")
                                                 or "-" not in old.name):
                shutil.rmtree(old, ignore_errors=True)
        for leftover in home.glob(".*.parquet"):  # left by a run killed while writing
            if time.time() - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink(missing_ok=True)
        for month, table in sorted(tables.items()):
            before = known.get(month)
            if before is not None:
                table = pa.concat_tables([before, table])
            with atomic.replacing(home / f"{month}.parquet", suffix=".parquet") as temp:
                pq.write_table(table, temp)
    except OSError:
        return  # a read-only or full disk costs speed next time, never the report
