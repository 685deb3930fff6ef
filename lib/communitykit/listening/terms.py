"""Terms of a message for emerging-term detection.

English (any Latin script): accent-folded lowercase words of three or more letters, and
the 2- and 3-word phrases inside runs of such words between stopwords. Chinese: words
of two or more characters from jieba's segmentation, stopwords removed. jieba (and its
~1 s dictionary load) is imported only when a message has Chinese text.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from .text import HAN, STOPWORDS_EN, STOPWORDS_ZH, fold

WORD_EN = re.compile(r"[a-z][a-z0-9]*(?:['-][a-z0-9]+)*|[^a-z0-9'\s-]+")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
URL = re.compile(r"https?://\S+|www\.\S+|\S+\.(?:com|ly|cn|net|org)/\S*")


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def add_words(words: list[str]) -> None:
    """Teach the segmenter words it should keep whole (literal Chinese theme keywords)."""
    if not words:
        return
    jieba = _jieba()
    for word in words:
        jieba.add_word(word)


def segment(text: str) -> list[str]:
    """jieba words of the Chinese runs in ``text``."""
    jieba = _jieba()
    out: list[str] = []
    for run in HAN_RUN.findall(text):
        out.extend(jieba.lcut(run))
    return out


def terms_en(text: str, folded: str | None = None) -> list[str]:
    """Words and 2-3-word phrases (no stopword inside or at the edges)."""
    tokens = WORD_EN.findall(URL.sub(" ", fold(text) if folded is None else folded))
    runs: list[list[str]] = [[]]
    for token in tokens:
        word = token.strip("'-")
        if not ("a" <= word[:1] <= "z") or word in STOPWORDS_EN or len(word) < 3:
            runs.append([])
        else:
            runs[-1].append(word)
    found: list[str] = []
    for run in runs:
        for size in (1, 2, 3):
            found.extend(" ".join(run[i:i + size]) for i in range(len(run) - size + 1))
    return found


def terms_zh(text: str) -> list[str]:
    return [w for w in segment(text) if len(w) >= 2 and w not in STOPWORDS_ZH]


def terms(text: str, folded: str | None = None) -> list[str]:
    """Distinct terms of one message, both scripts, in first-seen order (``folded``: the
    text through ``fold``, when already at hand)."""
    found = terms_en(text, folded)
    if HAN.search(text):
        found += terms_zh(text)
    return list(dict.fromkeys(found))
