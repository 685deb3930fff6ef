"""Which messages break which of the playbook's rules: a category's patterns, or, for a
category that says ``use: <kind>``, the trained model filing the message under that kind
as well (``listening.detector_model``). Both read a text's analysed part only
(``classify.ANALYSIS_CHARS``)."""

from __future__ import annotations

import pandas as pd

from .classify import for_analysis, matches
from .listening import detector_model
from .playbook import Playbook


def rule_flags(texts: pd.Series, playbook: Playbook) -> pd.DataFrame:
    """One boolean column per rule category (its id), indexed as ``texts``."""
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
    return pd.DataFrame(columns, index=texts.index)
