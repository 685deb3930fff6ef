"""Text rules: questions, content pillars and rule flags (METRICS.md)."""

from __future__ import annotations

import re
import warnings

import pandas as pd

from .playbook import Playbook

INTERROGATIVES_EN = (
    "how", "what", "when", "where", "why", "who", "which", "can", "could", "does", "do",
    "is", "are", "will", "should",
)
QUESTION_EN = re.compile(r"^\W*(?:" + "|".join(INTERROGATIVES_EN) + r")\b", re.IGNORECASE)
QUESTION_ZH = re.compile(r"[吗呢][\s。！!~…]*$|怎么|如何|什么|哪|为什么|多少|能不能|可不可以|是否")
QUESTION_MARK = re.compile(r"[?？]")


def is_question(texts: pd.Series) -> pd.Series:
    """METRICS.md: contains ? or ？, starts with an interrogative, or a Chinese question form."""
    text = texts.fillna("").astype(str)
    return (
        text.str.contains(QUESTION_MARK)
        | text.str.contains(QUESTION_EN)
        | text.str.contains(QUESTION_ZH)
    ).astype(bool)


def matches(text: pd.Series, patterns: list[str]) -> pd.Series:
    """Whether each text matches any of the patterns (each compiled on its own, so
    inline flags such as ``(?i)`` apply to their pattern only)."""
    hit = pd.Series(False, index=text.index)
    with warnings.catch_warnings():  # groups in user patterns are fine here
        warnings.filterwarnings("ignore", "This pattern is interpreted", UserWarning)
        for pattern in patterns:
            hit |= text.str.contains(re.compile(pattern)).astype(bool)
    return hit


def rule_flags(texts: pd.Series, playbook: Playbook) -> pd.DataFrame:
    """One boolean column per rule category: does the message match its patterns?"""
    text = texts.fillna("").astype(str)
    columns = {
        c.id: matches(text, c.patterns)
        for c in playbook.rules.categories
    }
    return pd.DataFrame(columns, index=texts.index)


def pillar(texts: pd.Series, labels: pd.Series, playbook: Playbook) -> pd.Series:
    """Content pillar per post: an explicit label wins, else the first matching pillar."""
    known = {p.id for p in playbook.cadence.pillars}
    text = texts.fillna("").astype(str)
    result = pd.Series("other", index=texts.index, dtype="string")
    unset = pd.Series(True, index=texts.index)
    label = labels.fillna("").astype(str).str.lower()
    explicit = label.isin(known)
    result[explicit] = label[explicit]
    unset &= ~explicit
    for p in playbook.cadence.pillars:
        if not p.patterns:
            continue
        hit = unset & matches(text, p.patterns)
        result[hit] = p.id
        unset &= ~hit
    return result
