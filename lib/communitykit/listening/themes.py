"""Playbook themes: which themes each message belongs to (several are possible).

A theme's keywords are regular expressions (plain words are expressions too), matched
against the text as written and against its accent-folded lowercase form, so a keyword
``jalapeno`` also finds "Jalapeño".
"""

from __future__ import annotations

import re

import pandas as pd

from .. import fastmatch
from ..classify import analysed, for_analysis, matches
from ..playbook import Playbook, Theme
from .text import fold, fold_all

DEFAULT_OWNER = "community"
OTHER_THEME = "Other (no theme)"  # the pain points' row for messages of no theme
LITERAL_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
MIN_TEXTS_PER_PROCESS = 100_000  # matching is cheap: fork only for long columns


def theme_hits(texts: pd.Series, playbook: Playbook) -> pd.DataFrame:
    """One boolean column per theme id (on each text's analysed part)."""
    text = for_analysis(texts)
    raw = fastmatch.Texts(text)
    folded = fastmatch.Texts(pd.Series(fold_all(text), index=text.index, dtype=object))
    return pd.DataFrame(
        {t.id: (matches(raw, t.keywords) | matches(folded, t.keywords)).to_numpy()
         for t in playbook.themes},
        index=texts.index, dtype=bool,
    )


def first_themes(texts: pd.Series, playbook: Playbook) -> list[Theme | None]:
    """``first_theme`` of each text."""
    if not playbook.themes or texts.empty:
        return [None] * len(texts)
    hits = theme_hits(texts, playbook).to_numpy()
    first = hits.argmax(axis=1)
    return [playbook.themes[i] if row[i] else None for row, i in zip(hits, first, strict=True)]


def first_theme(text: str, playbook: Playbook) -> Theme | None:
    """The first playbook theme whose keywords match ``text`` (as written or folded)."""
    text = analysed(text)
    folded = fold(text)
    for theme in playbook.themes:
        for keyword in theme.keywords:
            pattern = re.compile(keyword)
            if pattern.search(text) or pattern.search(folded):
                return theme
    return None


def literal_chinese_keywords(playbook: Playbook) -> list[str]:
    """Theme keywords that are plain Chinese words (taught to the segmenter)."""
    return sorted({k for t in playbook.themes for k in t.keywords if LITERAL_HAN.match(k)})


def owner(theme: Theme | None) -> str:
    return theme.owner if theme else DEFAULT_OWNER
