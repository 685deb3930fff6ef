"""Text rules: questions, content pillars and rule flags (METRICS.md)."""

from __future__ import annotations

import re

import pandas as pd

from . import fastmatch
from .playbook import Playbook

INTERROGATIVES_EN = (
    "how", "what", "when", "where", "why", "who", "which", "can", "could", "does", "do",
    "is", "are", "will", "should",
)
QUESTION_EN = re.compile(r"^\W*(?:" + "|".join(INTERROGATIVES_EN) + r")\b", re.IGNORECASE)
QUESTION_ZH = re.compile(r"[吗呢][\s。！!~…]*$|怎么|如何|什么|哪|为什么|多少|能不能|可不可以|是否")
QUESTION_MARK = re.compile(r"[?？]")
QUESTION = re.compile("|".join(
    f"(?:{p.pattern})" if not p.flags & re.IGNORECASE else f"(?i:{p.pattern})"
    for p in (QUESTION_MARK, QUESTION_EN, QUESTION_ZH)))
GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # group numbers would shift


def is_question(texts: pd.Series) -> pd.Series:
    """METRICS.md: contains ? or ？, starts with an interrogative, or a Chinese question form."""
    text = texts.fillna("").astype(str)
    return _search(text, QUESTION)


def alternation(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex matching where any of ``patterns`` does, each keeping its own inline flags
    (a leading ``(?i)`` becomes the scoped ``(?i:...)``); None when that cannot be built."""
    parts = []
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error:
            return None
        flags = GLOBAL_FLAGS.match(pattern)
        body = pattern[flags.end():] if flags else pattern
        if (flags and set(flags.group(1)) - set("ims")) or BACKREFERENCE.search(body):
            return None
        parts.append(f"(?{flags.group(1)}:{body})" if flags else f"(?:{body})")
    try:
        return re.compile("|".join(parts))
    except re.error:
        return None


def matches(text: pd.Series, patterns: list[str]) -> pd.Series:
    """Whether each text matches any of the patterns (inline flags such as ``(?i)`` apply
    to their own pattern only)."""
    combined = alternation(patterns) if patterns else None
    if combined is not None:
        return _search(text, combined)
    hit = pd.Series(False, index=text.index)
    for pattern in patterns:
        hit |= _search(text, re.compile(pattern))
    return hit


def _search(text: pd.Series, pattern: re.Pattern[str]) -> pd.Series:
    """``pattern.search`` over the texts, as booleans (see ``fastmatch``)."""
    return fastmatch.search(text, pattern)


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
