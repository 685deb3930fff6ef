"""Per-message listening annotations, computed once per message and cached on the dataset.

Columns: ``lang`` (by script), ``sentiment`` (export label, else the model) and
``sentiment_source``, ``complaint``, ``request`` (the normalised group key or None) with
``request_item`` (the object as asked) and ``request_theme``, ``theme_<id>`` per theme,
and ``terms`` (the message's distinct terms for emerging-term detection, joined by
``terms.TERM_SEPARATOR``). Each is computed on the text's first ``classify.ANALYSIS_CHARS``
characters. ``annotate`` keeps the terms once per distinct text (``Annotated``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from .. import fastmatch
from ..classify import analysed, for_analysis, text_codes
from ..dataset import Dataset
from ..playbook import Playbook, Theme
from ..row_notes import RowNotes, TermUses
from . import (
    complaints,
    detector_model,
    memo,
    parallel,
    requests,
    sentiment,
    terms,
    themes,
    zh_model,
)
from .text import HAN, fold_all, language

OBJECTLESS_ITEM_CHARS = 40  # an objectless request's item: the message's opening
Analyser = Callable[[pd.Series], pd.DataFrame]  # distinct texts -> their columns
COLUMNS = ["lang", "sentiment", "sentiment_source", "complaint", "request", "request_item",
           "request_theme"]
REQUEST_COLUMNS = ["request", "request_item", "request_theme"]
NOTE_COLUMNS = ["lang", "sentiment", "complaint", *REQUEST_COLUMNS]  # then themes, terms


@dataclass(frozen=True)
class Annotated:
    """Annotations of messages: ``messages`` has a row per message, without its terms,
    which come in one of two forms: computed from texts, each message's ``text_number`` is
    its text's row of ``terms`` (each distinct text's terms); read from the rows' notes,
    ``uses`` holds each use of a term by a message (and ``terms`` is empty)."""

    messages: pd.DataFrame
    terms: pa.ChunkedArray  # large strings, joined by ``terms.TERM_SEPARATOR``
    uses: TermUses | None = None


def annotate(data: Dataset, rows: pd.Index) -> Annotated:
    """Annotations of ``data.messages`` rows ``rows`` (labels), in their order: read from
    the rows' notes when the import kept every row's, else computed (each text once, kept
    in ``data.memo_dir``)."""
    read = data.messages.loc[rows, ["text", "sentiment", "created_at"]]  # not every column
    notes = data.notes
    if notes is not None and notes.kept(read.index.to_numpy(dtype=np.int64)).all():
        return _from_notes(read, notes, data.playbook)
    return _annotated(read, data.playbook, data.memo_dir)


def annotate_frame(messages: pd.DataFrame, playbook: Playbook,
                   memo_dir: Path | None = None) -> pd.DataFrame:
    """Annotations of the given messages (needs ``text`` and ``sentiment`` columns, and
    ``created_at`` when ``memo_dir`` keeps the text annotations between runs).

    Everything but the export's sentiment label depends on the text alone, so each
    distinct text is analysed once (replies such as "thank you!" repeat often)."""
    codes, by_text = _by_text(messages, playbook, memo_dir)
    return _per_message(by_text, codes, messages)


def _annotated(messages: pd.DataFrame, playbook: Playbook,
               memo_dir: Path | None) -> Annotated:
    """``annotate_frame`` with the terms kept per distinct text (``text_number``)."""
    codes, by_text = _by_text(messages, playbook, memo_dir)
    terms = pa.array(by_text.pop("terms"), from_pandas=True).cast(pa.large_string())
    out = _per_message(by_text, codes, messages)
    out["text_number"] = codes.astype(np.int64)
    chunks = terms.chunks if isinstance(terms, pa.ChunkedArray) else [terms]
    return Annotated(out, pa.chunked_array(chunks, pa.large_string()))


def text_notes(messages: pd.DataFrame, playbook: Playbook,
               memo_dir: Path | None = None) -> pd.DataFrame:
    """What the import keeps of each message (``NOTE_COLUMNS``, positional): the
    annotations of its text, the model's sentiment (not the export's label) and its terms."""
    codes, by_text = _by_text(messages, playbook, memo_dir)
    return by_text.iloc[codes][note_columns(playbook)].reset_index(drop=True)


def note_columns(playbook: Playbook) -> list[str]:
    """The columns of ``text_notes``."""
    return [*NOTE_COLUMNS, *[f"theme_{t.id}" for t in playbook.themes], "terms"]


def _from_notes(messages: pd.DataFrame, notes: RowNotes, playbook: Playbook) -> Annotated:
    """``_annotated`` from the columns the import kept of the messages, with the terms'
    ``uses``."""
    labels = messages.index.to_numpy(dtype=np.int64)
    columns = [c for c in note_columns(playbook) if c != "terms"]
    kept = notes.columns(columns, labels, coded=["lang", "sentiment", "request_theme"]
                         ).to_pandas()
    uses = notes.term_uses("terms", labels)
    by_text = pd.DataFrame(index=kept.index)
    by_text["lang"] = kept["lang"]
    by_text["sentiment"] = kept["sentiment"]
    by_text["sentiment_source"] = "model"
    by_text["complaint"] = kept["complaint"].astype(bool)
    for column in REQUEST_COLUMNS:
        by_text[column] = kept[column].astype(object).where(kept[column].notna(), None)
    for theme in playbook.themes:
        by_text[f"theme_{theme.id}"] = kept[f"theme_{theme.id}"].to_numpy(dtype=bool)
    out = _per_message(by_text, None, messages)
    return Annotated(out, pa.chunked_array([], pa.large_string()), uses)


def _by_text(messages: pd.DataFrame, playbook: Playbook,
             memo_dir: Path | None) -> tuple[np.ndarray, pd.DataFrame]:
    """(each message's text number, the annotations of each distinct text)."""
    codes, distinct = text_codes(messages["text"])  # Arrow strings stay Arrow strings
    months = None
    if memo_dir is not None and len(codes):
        months = memo.first_months(codes, messages["created_at"])
    return codes, _annotate_texts(distinct, playbook, months, memo_dir)


def _per_message(by_text: pd.DataFrame, codes: np.ndarray | None,
                 messages: pd.DataFrame) -> pd.DataFrame:
    """Each message's row of ``by_text`` (``codes``; None: the rows are the messages'), with
    the export's sentiment label where it has one."""
    out = (by_text if codes is None else by_text.iloc[codes]).set_axis(messages.index)
    # the export's own label wins; each distinct value of its column is read once
    value_codes, values = pd.factorize(messages["sentiment"])
    value_labels = [*map(sentiment.export_label, values), None]  # code -1: no value
    labels = np.array(value_labels, dtype=object)[value_codes]
    from_export = np.array([label is not None for label in value_labels])[value_codes]
    out["sentiment"] = out["sentiment"].where(~from_export, labels)
    out["sentiment_source"] = np.where(from_export, "export", "model").astype(object)
    order = COLUMNS + [c for c in out.columns if c not in COLUMNS]
    return out if list(out.columns) == order else out[order]


def _annotate_texts(texts: pd.Series, playbook: Playbook, months: pd.Series | None,
                    memo_dir: Path | None) -> pd.DataFrame:
    """The annotations of distinct texts (positional index)."""
    kinds = [(kind, analyser) for _, kind, analyser in kept_kinds(playbook)]
    base, *hits = memo.annotate_kinds(texts, months, memo_dir, kinds)  # hits: if themes
    out = pd.DataFrame(index=texts.index)
    out["lang"] = base["lang"]
    out["sentiment"] = base["sentiment"]
    out["sentiment_source"] = "model"
    out["complaint"] = base["complaint"].astype(bool)
    for column, values in _request_groups(base["request_object"], base["request_key"],
                                          texts, playbook).items():
        out[column] = values
    for (kind, _), found in zip(kinds[1:], hits, strict=True):
        for column in kind.schema.names:
            out[column] = found[column].to_numpy(dtype=bool)
    out["terms"] = base["terms"]
    return out


def kept_kinds(playbook: Playbook) -> list[tuple[str, memo.Kind, Analyser]]:
    """The annotations of this playbook's listening the memo keeps: (what, kind, analyser
    of distinct texts), the text annotations first, then the theme hits if it has themes."""
    words = tuple(themes.literal_chinese_keywords(playbook))
    kinds: list[tuple[str, memo.Kind, Analyser]] = [
        ("text annotations", memo.texts_kind(words),
         functools.partial(_analyse_texts, chinese_words=words))]
    if playbook.themes:
        kinds.append(("theme hits", themes_kind(playbook),
                      functools.partial(_theme_hits, playbook=playbook)))
    return kinds


def themes_kind(playbook: Playbook) -> memo.Kind:
    return memo.themes_kind([(t.id, list(t.keywords)) for t in playbook.themes])


def _analyse_texts(texts: pd.Series, chinese_words: tuple[str, ...]) -> pd.DataFrame:
    """``text_annotations`` on every core."""
    return parallel.analyse(functools.partial(text_annotations, chinese_words=chinese_words),
                            texts, functools.partial(_load_models, chinese_words=chinese_words))


def _theme_hits(texts: pd.Series, playbook: Playbook) -> pd.DataFrame:
    """``_theme_columns`` on every core (for long columns)."""
    return parallel.analyse(functools.partial(_theme_columns, playbook=playbook), texts,
                            min_texts=themes.MIN_TEXTS_PER_PROCESS)


def _request_groups(objects: pd.Series, object_keys: pd.Series, texts: pd.Series,
                    playbook: Playbook) -> pd.DataFrame:
    """``group_request`` of the texts that ask for an object (``objects``, None for the
    others; ``object_keys``: each object normalised), a column at a time: each distinct
    object is themed once, and the texts whose object normalises to nothing and names no
    theme are themed together. Only the requests' texts are read (their analysed part)."""
    cells = np.full((len(texts), 3), None, dtype=object)
    rows = np.flatnonzero(objects.notna().to_numpy())
    asked = objects.to_numpy(dtype=object)[rows].tolist()
    keys = object_keys.to_numpy(dtype=object)[rows].tolist()
    said = for_analysis(texts.iloc[rows]).tolist()
    distinct = pd.unique(pd.Series(asked, dtype=object)).tolist()
    theme_of = dict(zip(distinct, themes.first_themes(pd.Series(distinct, dtype=object),
                                                      playbook), strict=True))
    found = [theme_of[obj] for obj in asked]
    lone = [i for i, (key, theme) in enumerate(zip(keys, found, strict=True))
            if theme is None and not key]
    if lone:
        in_text = themes.first_themes(pd.Series([said[i] for i in lone], dtype=object), playbook)
        for i, theme in zip(lone, in_text, strict=True):
            found[i] = theme
    groups = []
    for obj, text, key, theme in zip(asked, said, keys, found, strict=True):
        if obj == requests.NO_OBJECT:  # found by the model: no object named
            groups.append(_objectless_group(text, theme))
        elif theme is not None:
            groups.append((f"theme:{theme.id}", key or obj, theme.id))
        elif key:
            groups.append((key, key, None))
        else:
            key = requests.normalise(text) or text.strip().lower()
            groups.append((key, key, None))
    if groups:
        cells[rows] = groups
    return pd.DataFrame({name: pd.Series(cells[:, i], index=texts.index, dtype=object)
                         for i, name in enumerate(["request", "request_item", "request_theme"])})


def _objectless_group(text: str, theme: Theme | None) -> tuple[str, str, str | None]:
    """(group key, item, theme id) of a request the model found without a named object:
    under the theme the text names, else under ``requests.UNSPECIFIED``; the item, shown
    among the forms it was asked in, is the message's opening as written."""
    item = " ".join(text.split())[:OBJECTLESS_ITEM_CHARS]
    if theme is not None:
        return f"theme:{theme.id}", item, theme.id
    return requests.UNSPECIFIED, item, None


def text_annotations(texts: pd.Series, chinese_words: tuple[str, ...]) -> pd.DataFrame:
    """``memo.COLUMNS`` of each text: what depends on the text alone (its analysed part)."""
    texts = for_analysis(texts)
    raw = fastmatch.Texts(texts)
    folded = fastmatch.Texts(pd.Series(fold_all(texts), index=texts.index, dtype=object))
    langs = [language(t) for t in texts]
    said = detector_model.said(texts.tolist(), langs=langs)  # once for both detectors
    complaint = complaints.complaint_mask(raw, folded, said["complaint"].to_numpy(dtype=bool))
    objects = requests.objectless(texts.tolist(), requests.request_objects(raw, folded),
                                  said["request"].to_numpy(dtype=bool))
    return pd.DataFrame({
        "lang": langs,
        "sentiment": sentiment.classify_all(raw, folded, langs, complaint),
        "complaint": complaint,
        "request_object": pd.Series(objects, dtype=object, index=texts.index),
        "request_key": pd.Series([None if obj is None else requests.normalise(obj)
                                  for obj in objects], dtype=object, index=texts.index),
        "terms": [terms.TERM_SEPARATOR.join(terms.terms(t, f, chinese_words))
                  for t, f in zip(texts, folded.series, strict=True)],
    }, index=texts.index, columns=memo.COLUMNS)


def _theme_columns(texts: pd.Series, playbook: Playbook) -> pd.DataFrame:
    """``themes.theme_hits`` named as the annotations' ``theme_<id>`` columns."""
    return themes.theme_hits(texts, playbook).add_prefix("theme_")


def _load_models(texts: pd.Series, chinese_words: tuple[str, ...]) -> None:
    """Load VADER and the detector models, and jieba and the Chinese sentiment model when a
    text has Han characters, before workers fork (so they share them)."""
    sentiment.vader()
    detector_model.load()
    if any(not t.isascii() and HAN.search(t) for t in for_analysis(texts)):
        terms.segmenter(chinese_words)
        zh_model.weights()


def request_group(text: str, playbook: Playbook) -> tuple[str | None, str | None, str | None]:
    """(group key, object as asked, theme id) of a request; all None when not a request."""
    obj = requests.request_object(text)
    if obj is None and isinstance(text, str):
        said = analysed(text)
        obj = requests.objectless([said], [None], requests.model_asks([said]))[0]
    return (None, None, None) if obj is None else group_request(obj, text, playbook)


def group_request(obj: str, text: str, playbook: Playbook,
                  seen: dict[str, tuple[str, Theme | None]] | None = None,
                  ) -> tuple[str, str, str | None]:
    """(group key, object as asked, theme id) of a request for ``obj`` made in ``text``
    (``seen`` keeps each object's key and theme for the next texts asking for it).

    The key is ``theme:<id>`` when the requested object matches a playbook theme (so
    requests in different languages about one theme group together), else the
    normalised object."""
    text = analysed(text)
    if obj == requests.NO_OBJECT:
        return _objectless_group(text, themes.first_theme(text, playbook))
    found = None if seen is None else seen.get(obj)
    if found is None:
        found = (requests.normalise(obj), themes.first_theme(obj, playbook))
        if seen is not None:
            seen[obj] = found
    key, theme = found
    if theme is None and not key:
        theme = themes.first_theme(text, playbook)
    if theme is not None:
        return f"theme:{theme.id}", key or obj, theme.id
    if not key:
        key = requests.normalise(text) or text.strip().lower()
    return key, key, None
