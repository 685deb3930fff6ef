"""Which messages break which of the playbook's rules: a category's patterns, or, for a
category that says ``use: <kind>``, the trained model filing the message under that kind
as well (``listening.detector_model``). Both read a text's analysed part only
(``classify.ANALYSIS_CHARS``), so each distinct text is matched once; with a memo folder,
the flags are kept per text and month (``listening.memo``, kind ``flags``, versioned by the
categories' patterns and this matcher) and filled by ``communitykit import``."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from .classify import for_analysis, matches, text_codes
from .listening import detector_model, memo
from .playbook import Playbook


def rule_flags(texts: pd.Series, playbook: Playbook, created_at: pd.Series | None = None,
               memo_dir: Path | None = None) -> pd.DataFrame:
    """One boolean column per rule category (its id), indexed as ``texts``; read from and
    kept in ``memo_dir`` by each text's month (``created_at``) when both are given."""
    categories = playbook.rules.categories
    codes, distinct = text_codes(texts)
    months = None
    if memo_dir is not None and created_at is not None and len(codes):
        months = memo.first_months(codes, created_at)
    found = memo.annotate_texts(distinct, months,
                                memo_dir if categories else None, flags_kind(playbook),
                                functools.partial(flag_columns, playbook=playbook))
    return pd.DataFrame({c.id: found[f"flag_{c.id}"].to_numpy(dtype=bool)[codes]
                         for c in categories}, index=texts.index, columns=[c.id for c in
                                                                           categories])


def flags_kind(playbook: Playbook) -> memo.Kind:
    """The memo's kind for this playbook's rule flags."""
    return memo.flags_kind([(c.id, c.all_patterns, c.use) for c in playbook.rules.categories],
                           Path(__file__).read_bytes())


def flag_columns(texts: pd.Series, playbook: Playbook) -> pd.DataFrame:
    """The rule flags of each text, as the memo keeps them (``flag_<id>`` columns)."""
    text = for_analysis(texts)
    columns = {
        c.id: matches(text, c.all_patterns)
        for c in playbook.rules.categories
    }
    used = {c.use for c in playbook.rules.categories if c.use}
    if used and len(text):
        said = detector_model.said(text.tolist())
        for c in playbook.rules.categories:
            if c.use:
                columns[c.id] = columns[c.id] | said[c.use].to_numpy(dtype=bool)
    return pd.DataFrame(columns, index=texts.index,
                        columns=[c.id for c in playbook.rules.categories]).add_prefix("flag_")
