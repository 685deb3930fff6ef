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

from ..classify import analysed
from .text import HAN, STOPWORDS_EN, STOPWORDS_ZH, fold

WORD_EN = re.compile(r"[a-z][a-z0-9]*(?:['-][a-z0-9]+)*|[^a-z0-9'\s-]+")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
# Characters of a Han run given to jieba at once: its HMM for unknown words copies the path
# so far at each character (time quadratic in the run); a sentence between punctuation is
# far shorter, so only pasted runs are cut (a word may be split at each cut).
HAN_PIECE = 100
# Joins a message's terms into one string (terms never hold a newline): one object per
# message instead of a list of strings, and columnar work on them in Arrow.
TERM_SEPARATOR = "\n"
# Links are dropped before the words are read, a whitespace-separated token at a time
# (one pattern over the whole text would rescan a long token from each of its positions):
# a token with a web address and path (x.com/...) goes whole, else it is cut where
# http://, https:// or www. begins.
TOKEN = re.compile(r"\S+")
WEB_PATH = re.compile(r"\S\.(?:com|ly|cn|net|org)/")
URL_START = re.compile(r"https?://\S|www\.\S")


@lru_cache(maxsize=1)
def _dictionary() -> Any:
    """jieba's tokenizer with its own dictionary loaded (about a second, once)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=4)
def segmenter(words: tuple[str, ...]) -> Any:
    """A jieba tokenizer that also keeps ``words`` whole (literal Chinese theme keywords).

    Each word set has its own copy of the dictionary, because adding a word changes the
    dictionary's totals and so how other texts are cut: a text's words depend on the
    word set alone, never on what was segmented or added before in the process."""
    import jieba

    base = _dictionary()
    tokenizer = jieba.Tokenizer(base.dictionary)
    tokenizer.FREQ, tokenizer.total = dict(base.FREQ), base.total
    tokenizer.initialized = True
    for word in words:
        tokenizer.add_word(word)
    return tokenizer


def segment(text: str, words: tuple[str, ...] = ()) -> list[str]:
    """jieba words of the Chinese runs in ``text`` (cut every ``HAN_PIECE`` characters)."""
    tokenizer = segmenter(words)
    out: list[str] = []
    for run in HAN_RUN.findall(text):
        for start in range(0, len(run), HAN_PIECE):
            out.extend(tokenizer.lcut(run[start:start + HAN_PIECE]))
    return out


def terms_en(text: str, folded: str | None = None) -> list[str]:
    """Words and 2-3-word phrases (no stopword inside or at the edges)."""
    folded = fold(text) if folded is None else folded
    if "/" in folded or "www." in folded:
        folded = TOKEN.sub(_without_link, folded)
    found: list[str] = []
    run: list[str] = []
    for token in WORD_EN.findall(folded):
        word = token.strip("'-")
        if "a" <= word[:1] <= "z" and len(word) >= 3 and word not in STOPWORDS_EN:
            run.append(word)
        elif run:
            _add_phrases(found, run)
            run = []
    if run:
        _add_phrases(found, run)
    return found


def _without_link(token: re.Match[str]) -> str:
    """The token with its link removed (a space in its place)."""
    word = token[0]
    if WEB_PATH.search(word):
        return " "
    link = URL_START.search(word)
    return word if link is None else word[:link.start()] + " "


def _add_phrases(found: list[str], run: list[str]) -> None:
    """The run's words, then its 2-word and 3-word phrases."""
    found += run
    if len(run) > 1:
        found += map(" ".join, zip(run, run[1:], strict=False))
        found += map(" ".join, zip(run, run[1:], run[2:], strict=False))


def terms_zh(text: str, words: tuple[str, ...] = ()) -> list[str]:
    return [w for w in segment(text, words) if len(w) >= 2 and w not in STOPWORDS_ZH]


def terms(text: str, folded: str | None = None, words: tuple[str, ...] = ()) -> list[str]:
    """Distinct terms of one message, both scripts, in first-seen order (``folded``: the
    text through ``fold``, when already at hand; ``words``: kept whole by the segmenter).
    Only the text's analysed part is read (``classify.ANALYSIS_CHARS``)."""
    text = analysed(text)
    found = terms_en(text, None if folded is None else analysed(folded))
    if HAN.search(text):
        found += terms_zh(text, words)
    return list(dict.fromkeys(found))
