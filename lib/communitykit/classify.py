"""Text rules: questions and content pillars (docs/metrics.md); ``rule_flags`` adds the
rule categories.

Every per-text step of the kit (these rules, and listening's language, sentiment,
complaints, requests, themes and terms) reads a text's first ``ANALYSIS_CHARS``
characters only (``analysed``), so no single message costs more than a bounded amount of
work, whatever the expressions it is matched against; the full text stays in the store
and in the report's excerpts.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import fastmatch
from .playbook import Playbook

# 5,000 characters: above every platform's own limit for a comment, post or chat line
# except YouTube's 10,000 and long-form posts, and about 1,000 words; a text this long is
# a paste, not a message, and its opening says what it is about.
ANALYSIS_CHARS = 5_000
INTERROGATIVES_EN = (
    "how", "what", "when", "where", "why", "who", "which", "can", "could", "does", "do",
    "is", "are", "will", "should",
)
WH_EN = r"(?:how|what|when|where|why|who|which|whats|what's|where's|how's|how come)"
AUX_EN = (r"(?:can|could|does|do|is|are|will|should|would|did|has|have|was|were|may|might"
          r"|shall|am|any)")
# An auxiliary opens a question when a subject follows ("Can I", "Is the", "Do you"),
# not in "Can't wait", "Do not microwave" or "Will report back".
SUBJECT_EN = (r"(?:i|you|u|we|they|he|she|it|this|that|these|those|there|the|a|an|my|your|our"
              r"|their|his|her|its|anyone|anybody|someone|somebody|everyone|any|some|ya|y'all"
              r"|people|one|[a-z]+'s|\d+|news|idea|chance|update|word|plans?|tips?)")
QUESTION_EN = re.compile(
    r"^\W*(?:(?:hey|hi|hello|so|ok|okay|um|also|and|but|btw|guys|folks|team|sorry)\b\W*)*"
    r"(?:" + WH_EN + r"\b|" + AUX_EN + r" " + SUBJECT_EN + r"\b"
    r"|(?:i was |i'm |just |i am )?wondering\b|(?:does |do )?(?:anyone|anybody) (?:know|have|else"
    r"|tried|here)\b|quick question\b)",
    re.IGNORECASE,
)
# Exclamations and rhetorical openers are not questions when no question mark is there.
EXCLAMATION_EN = re.compile(r"^\W*(?:what an? |how (?!do|does|did|can|could|long|much|many"
                            r"|often|far|old|to)\w+ |who knew\b|can i just say\b)",
                            re.IGNORECASE)
QUESTION_ZH = re.compile(
    r"[吗呢么][\s。！!~…啊呀]*$|不[\s。~…]*$|怎么|怎样|如何|什么|啥|咋|哪|为什么|为啥|多少"
    r"|多久|多长时间|谁|何时|何地"
    r"|几(?:点|岁|号|时|钱|天能|天到|个人)|能不能|可不可以|是否|有没有|([\u4e00-\u9fff])不\1"
    r"|请问|求问"
)
# Question words inside statements: 没什么, 不知道为什么, 我知道怎么做, 什么都, 哪里都, 多少有点.
NOT_QUESTION_ZH = re.compile(
    r"没什么|不知道为什么|知道[^，。？?]{0,4}(?:怎么|什么|哪|为什么)|什么都|哪里都|哪儿都|怎么都"
    r"|多少有点|多多少少|或多或少|不管|无论|哪怕|不怎么|就是为什么|谁都|谁也"
)
QUESTION_MARK = re.compile(r"[?？]")
HAN = re.compile(r"[\u4e00-\u9fff]")
GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # group numbers would shift


def analysed(text: str) -> str:
    """The part of ``text`` the kit analyses: its first ``ANALYSIS_CHARS`` characters."""
    return text[:ANALYSIS_CHARS]


def for_analysis(texts: pd.Series) -> pd.Series:
    """``analysed`` of each text, missing texts as ""."""
    text = texts.fillna("").astype(str)
    return text.str.slice(0, ANALYSIS_CHARS) if cut_for_analysis(text).any() else text


def cut_for_analysis(texts: pd.Series) -> pd.Series:
    """Whether each text is longer than ``ANALYSIS_CHARS`` (analysed on its opening only)."""
    if texts.empty or not (pd.api.types.is_string_dtype(texts) or texts.dtype == object):
        return pd.Series(False, index=texts.index, dtype=bool)
    return (texts.str.len().fillna(0) > ANALYSIS_CHARS).astype(bool)


def text_codes(texts: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Each text's number and the distinct texts (missing ones as ""), numbered by first
    appearance; strings of pandas' string type stay of that type (no Python strings)."""
    if isinstance(texts.dtype, pd.StringDtype):
        codes, distinct = pd.factorize(texts.fillna("") if texts.hasnans else texts)
        return codes, pd.Series(distinct, dtype=texts.dtype)
    codes, distinct = pd.factorize(texts.fillna("").astype(str))
    return codes, pd.Series(distinct, dtype=object)


def is_question(texts: pd.Series) -> pd.Series:
    """Contains ? or ？; or opens with an interrogative (an auxiliary only when a subject
    follows, exclamations such as "What a lovely idea!" aside); or a Chinese question form
    outside the idioms that only look like one (没什么, 不知道为什么, ...)."""
    text = for_analysis(texts)
    prepared = fastmatch.Texts(text)  # local: not left in fastmatch's cache afterwards
    english = _search(prepared, QUESTION_EN) & ~_search(prepared, EXCLAMATION_EN)
    chinese = pd.Series(False, index=text.index)
    han = _search(prepared, HAN)  # idioms are removed before the search: Python re, Han only
    chinese[han] = text[han].map(lambda t: bool(QUESTION_ZH.search(NOT_QUESTION_ZH.sub("", t))))
    return (_search(prepared, QUESTION_MARK) | english | chinese).astype(bool)


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


def matches(text: pd.Series | fastmatch.Texts, patterns: list[str]) -> pd.Series:
    """Whether each text matches any of the patterns (inline flags such as ``(?i)`` apply
    to their own pattern only); ``text`` may be prepared once for many calls."""
    combined = alternation(patterns) if patterns else None
    if combined is not None:
        return _search(text, combined)
    index = text.series.index if isinstance(text, fastmatch.Texts) else text.index
    hit = pd.Series(False, index=index)
    for pattern in patterns:
        hit |= _search(text, re.compile(pattern))
    return hit


def _search(text: pd.Series | fastmatch.Texts, pattern: re.Pattern[str]) -> pd.Series:
    """``pattern.search`` over the texts, as booleans (see ``fastmatch``)."""
    if isinstance(text, fastmatch.Texts):
        return text.search(pattern)
    return fastmatch.search(text, pattern)


def pillar(texts: pd.Series, labels: pd.Series, playbook: Playbook) -> pd.Series:
    """Content pillar per post: an explicit label wins, else the first matching pillar."""
    known = {p.id for p in playbook.cadence.pillars}
    text = for_analysis(texts)
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
