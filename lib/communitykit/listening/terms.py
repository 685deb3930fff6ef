"""Terms of a message for emerging-term detection.

Only readable words count: markup tags, link targets, code (calls, attributes, formulas),
file and domain names, mentions and links are dropped first. English (any Latin script):
accent-folded lowercase words of three or more letters that are no stopword
(``stopwords.TERM_STOPWORDS_EN``: function words, common verbs, chat and praise words), and
the 2- and 3-word phrases inside runs of such words that read as noun phrases: a phrase
ends on a noun-like word (no adjective, no -ed form) and holds a plural only at its end
(oat biscuits, not biscuits nut free). Chinese: words of two or more characters from
jieba's segmentation, stopwords removed; a word jieba made up (not in its dictionary) loses
the particles and one-character verbs at its edges (出无糖款 -> 无糖). jieba (and its ~1 s
dictionary load) is imported only when a message has Chinese text.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from .. import caches
from ..classify import analysed
from .stopwords import AFFIXES_ZH, MODIFIERS_EN, TERM_STOPWORDS_EN, TERM_STOPWORDS_ZH
from .text import HAN, fold

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
# Markup read as a whole: a tag (<script>, <img ... >) and a link target ](...) go.
MARKUP = re.compile(r"<[^<>]*>|\]\((?:[^()\s]|\([^()\s]*\))*\)")
# A token that is code, not words: a call (alert(1)), an attribute (src=x), a formula or
# escape, a scheme (javascript:...), a mention or address, a file or domain name (txt.exe).
CODE = re.compile(r"[a-z0-9_]\(|[=;{}^\\`<>|@$]|^[a-z]+:[^\s/]|[a-z0-9]\.[a-z]{2,}")
# Texts worth the token-by-token pass (most plain texts are not).
NOT_PLAIN = re.compile(r"[/<>=;{}^\\`|@$(\[]|[a-z0-9]\.[a-z]|[a-z]:[^\s/]")


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
    """Words and 2-3-word noun phrases (no stopword inside or at the edges)."""
    folded = readable(fold(text) if folded is None else folded)
    found: list[str] = []
    run: list[str] = []
    for token in WORD_EN.findall(folded):
        word = token.strip("'-")
        if "a" <= word[:1] <= "z" and len(word) >= 3 and word not in TERM_STOPWORDS_EN:
            run.append(word)
        elif run:
            _add_phrases(found, run)
            run = []
    if run:
        _add_phrases(found, run)
    return found


def readable(folded: str) -> str:
    """The folded text without markup, code, mentions and links (each token a space)."""
    if not NOT_PLAIN.search(folded):
        return folded
    return TOKEN.sub(_without_code, MARKUP.sub(" ", folded))


def _without_code(token: re.Match[str]) -> str:
    """The token with its link removed (a space in its place); a space for code."""
    word = token[0]
    if WEB_PATH.search(word):
        return " "
    link = URL_START.search(word)
    if link is not None:
        word = word[:link.start()]
    return " " if CODE.search(word) else word + " "


def _add_phrases(found: list[str], run: list[str]) -> None:
    """The run's words (not modifiers), then its whole 2-word and 3-word phrases."""
    found += (w for w in run if w not in MODIFIERS_EN)
    if len(run) > 1:
        ends, plural = zip(*map(_roles, run), strict=True)
        found += (f"{a} {b}" for a, b, end, many in zip(run, run[1:], ends[1:], plural,
                                                         strict=False) if end and not many)
        found += (f"{run[i]} {run[i + 1]} {run[i + 2]}" for i in range(len(run) - 2)
                  if ends[i + 2] and not plural[i] and not plural[i + 1])


def _whole(words: tuple[str, ...]) -> bool:
    """Whether the words read as a noun phrase: the last is noun-like (no modifier, no -ed
    form) and no other is a plural (noun compounds take singular modifiers)."""
    last = words[-1]
    if last in MODIFIERS_EN or _past(last):
        return False
    return not any(_plural(w) for w in words[:-1])


_ROLES: dict[str, tuple[bool, bool]] = {}
ROLES_KEPT = 100_000  # words whose roles ``_roles`` keeps
caches.holds_client_data(_ROLES.clear)


def _roles(word: str) -> tuple[bool, bool]:
    """(whether ``word`` may end a phrase, whether it is a plural), as ``_whole`` reads
    them, kept per word."""
    found = _ROLES.get(word)
    if found is None:
        if len(_ROLES) >= ROLES_KEPT:
            _ROLES.clear()
        found = _ROLES[word] = (word not in MODIFIERS_EN and not _past(word), _plural(word))
    return found


def _past(word: str) -> bool:
    """An -ed form (crushed, arrived), not a noun ending in -eed (seed) or a short word."""
    return len(word) >= 5 and word.endswith("ed") and not word.endswith("eed")


def _plural(word: str) -> bool:
    """An -s plural (biscuits), not -ss, -us or -is (glass, hummus, tennis)."""
    return len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def terms_zh(text: str, words: tuple[str, ...] = ()) -> list[str]:
    """Chinese words of two or more characters, no stopword; made-up words trimmed."""
    known = segmenter(words).FREQ
    found = (w if known.get(w) else _trimmed(w) for w in segment(text, words))
    return [w for w in found if len(w) >= 2 and w not in TERM_STOPWORDS_ZH]


def _trimmed(word: str) -> str:
    """``word`` without the one-character particles and verbs at its edges."""
    start, end = 0, len(word)
    while start < end and word[start] in AFFIXES_ZH:
        start += 1
    while end > start and word[end - 1] in AFFIXES_ZH:
        end -= 1
    return word[start:end]


def terms(text: str, folded: str | None = None, words: tuple[str, ...] = ()) -> list[str]:
    """Distinct terms of one message, both scripts, in first-seen order (``folded``: the
    text through ``fold``, when already at hand; ``words``: kept whole by the segmenter).
    Only the text's analysed part is read (``classify.ANALYSIS_CHARS``)."""
    text = analysed(text)
    found = terms_en(text, None if folded is None else analysed(folded))
    if HAN.search(text):
        found += terms_zh(text, words)
    return list(dict.fromkeys(found))
