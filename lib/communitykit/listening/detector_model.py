"""Trained detectors: requests, complaints and the rule library's kinds, in both languages.

One linear model per target (``TARGETS``: request, complaint and each rule kind) over
binary features of the analysed text (``features``): English words, word bigrams and
character 3-5-grams of each word (so b1tch and k1ll share grams with their spellings),
digits read as 0 (a phone number is a shape), and Chinese character 1-3-grams, run by run.
A text's score for a target is the target's bias plus the weights of its distinct
features; the model says yes from the target's threshold for the text's language (Chinese, else
English). The weights and thresholds are
in ``assets/detectors.tsv``, written by ``scripts/train_detectors.py`` from
``bench/train/*.csv`` (its header names the data and command).

The patterns stay first and keep their precision: a detector flags a text when its
pattern matches **or** the model says yes (``requests.is_request``,
``complaints.is_pain_point``, ``rule_flags.rule_flags`` for a category that says
``use:``).
For the rule kinds only the kind scoring furthest above its threshold is said
(``kinds``): one rule break per message, as a moderator files it; self-harm is not said
of a text with a joke marker (``JOKE``), as the patterns read hyperbole.

The file is read once, on first use (``load``); a forked worker shares what its parent
loaded. ``DIGEST`` is its SHA-256: the kept annotations (``memo.py``) hash this module's
source, so a retrained model starts them afresh, and a file that does not match is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import add
from typing import cast

import numpy as np
import pandas as pd

from .. import caches
from ..classify import analysed
from .model_file import read_checked
from .text import fold_text, language

ASSET = "detectors.tsv"
DIGEST = "54985570231531d06a558ffcd521beb6521e27cafb2e94158a29b4b52ecadb20"
LANGUAGES = ("en", "zh")  # a threshold per target for each; "other" texts use English's
KINDS = ("harassment", "hate", "spam", "scam", "personal_data", "self_harm", "promotion")
TARGETS = ("request", "complaint", *KINDS)
SCALE = 1000  # weights are kept in thousandths (the file has 3 decimals)
CHAR_GRAMS = (3, 4, 5)
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
DIGIT = re.compile(r"[0-9]")
# A joke marker: a statement about dying with one is hyperbole ("want to die lmao", 笑死),
# as for the rule library's patterns; the model does not say self-harm then.
JOKE = re.compile(r"(?i)\b(?:lol|lmao|lmfao|haha\w*|jk|xd|rofl)\b|[😂🤣💀]|笑死|哈哈")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORDS_KEPT = 200_000  # words whose rows ``known`` keeps (about 60 MB at most)
BLOCK = 2048  # texts scored at a time: the gathered weights stay under about 50 MB


@dataclass(frozen=True)
class Model:
    """Feature index, weights (features x targets), bias per target and thresholds
    (``LANGUAGES`` x targets), all in thousandths; ``words`` keeps, per word seen, the
    rows of its features (``known``)."""

    index: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: np.ndarray
    words: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)


def features(text: str) -> set[str]:
    """The distinct features of ``text``'s analysed part: words, ``word word`` bigrams and
    ``~``-marked character grams of ``<word>`` (lowercase, accents folded, digits as 0);
    Han characters, pairs and triples, run by run."""
    text = analysed(text)
    low = DIGIT.sub("0", fold_text(text).replace("\u2019", "'"))
    words = WORD.findall(low)
    grams = set(words)
    grams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for word in set(words):
        padded = f"<{word}>"
        for n in CHAR_GRAMS:
            grams.update("~" + padded[i:i + n] for i in range(len(padded) - n + 1))
    for run in HAN_RUN.findall(text):
        grams.update(run)
        grams.update(run[i:i + 2] for i in range(len(run) - 1))
        grams.update(run[i:i + 3] for i in range(len(run) - 2))
    return grams


def parse(data: bytes) -> Model:
    """The model in the file's bytes: ``#`` comments, ``@targets``, ``@bias`` and
    ``@threshold-<language>`` rows, then ``feature<TAB>weight...`` rows (one weight per
    target)."""
    index: dict[str, int] = {}
    rows: list[list[int]] = []
    special: dict[str, list[int]] = {}
    for line in data.decode("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, *values = line.split("\t")
        if name == "@targets":
            if tuple(values) != TARGETS:
                raise RuntimeError(f"model targets {values}, expected {list(TARGETS)}")
        elif name.startswith("@"):
            special[name] = [round(float(v) * SCALE) for v in values]
        else:
            index[name] = len(rows)
            rows.append([round(float(v) * SCALE) for v in values])
    weights = np.array(rows, dtype=np.int64).reshape(len(rows), len(TARGETS))
    limits = [special[f"@threshold-{lang}"] for lang in LANGUAGES]
    return Model(index, weights, np.array(special["@bias"], dtype=np.int64),
                 np.array(limits, dtype=np.int64))


@lru_cache(maxsize=1)
def load() -> Model:
    """The shipped model (``parse``), checked against ``DIGEST``."""
    data = read_checked(ASSET, DIGEST, "scripts/train_detectors.py")
    return parse(data)


def _forget_words() -> None:
    """Drop the words the shipped model has kept (a client's, between clients)."""
    if load.cache_info().currsize:
        load().words.clear()


caches.holds_client_data(_forget_words)


def scores(texts: Iterable[str], model: Model | None = None) -> np.ndarray:
    """Score of each text for each target (texts x ``TARGETS``, thousandths)."""
    model = load() if model is None else model
    return known_scores([known(t, model) for t in texts], model)


def known(text: str, model: Model) -> set[int]:
    """The rows of ``model`` of the ``features`` of ``text`` it knows: the same set as
    ``{model.index[g] for g in features(text) if g in model.index}``, with each word's
    rows found once per process (``Model.words``, emptied at ``WORDS_KEPT`` words)."""
    text = analysed(text)
    low = DIGIT.sub("0", fold_text(text).replace("\u2019", "'"))
    words = WORD.findall(low)
    get = model.index.get
    seen = model.words
    if len(seen) > WORDS_KEPT:
        seen.clear()
    for word in words:
        if word not in seen:
            seen[word] = _word_rows(word, get)
    found: set[int | None] = set(chain.from_iterable(map(seen.__getitem__, words)))
    if len(words) > 1:
        found.update(map(get, map(" ".join, zip(words, words[1:], strict=False))))
        found.discard(None)  # bigrams the model does not know
    if not text.isascii():
        for run in HAN_RUN.findall(text):
            grams = [*run, *map(add, run, run[1:]),
                     *(run[i:i + 3] for i in range(len(run) - 2))]
            found.update(map(get, grams))
        found.discard(None)
    return cast(set[int], found)


def _word_rows(word: str, get: Callable[[str], int | None]) -> tuple[int, ...]:
    """The known rows of a word and of its ``~``-marked character grams."""
    padded = f"<{word}>"
    grams = [word, *("~" + padded[i:i + n] for n in CHAR_GRAMS
                     for i in range(len(padded) - n + 1))]
    return tuple(i for i in map(get, grams) if i is not None)


def known_scores(found: Sequence[set[int]], model: Model) -> np.ndarray:
    """Scores of texts given their ``known`` rows (texts x targets, thousandths): the bias
    plus the sum of the rows' weights, in whole numbers (so in any order), ``BLOCK`` texts
    at a time (memory bounded)."""
    out = np.zeros((len(found), model.weights.shape[1]), dtype=np.int64)
    for start in range(0, len(found), BLOCK):
        block = found[start:start + BLOCK]
        sizes = np.fromiter(map(len, block), dtype=np.int64, count=len(block))
        rows = np.fromiter(chain.from_iterable(block), dtype=np.int64, count=int(sizes.sum()))
        filled = np.flatnonzero(sizes)
        if len(filled):
            starts = (np.cumsum(sizes) - sizes)[filled]
            out[start + filled] = np.add.reduceat(model.weights[rows], starts, axis=0)
    return out + model.bias


def feature_scores(found: list[set[str]], model: Model) -> np.ndarray:
    """Scores of texts given their ``features`` (texts x targets, thousandths): whole
    numbers, so a sum does not depend on the order of its terms."""
    get = model.index.get
    return known_scores([{i for i in map(get, grams) if i is not None} for grams in found],
                        model)


def said(texts: Sequence[str], model: Model | None = None,
         langs: Sequence[str] | None = None) -> pd.DataFrame:
    """Whether the model says yes to each target for each text (a column per target; for
    the rule kinds at most one per text, ``kinds``); ``langs``: each text's
    ``text.language`` when at hand (of its analysed part)."""
    model = load() if model is None else model
    texts = list(texts)
    chinese = (languages(texts) if langs is None
               else np.array([lang == "zh" for lang in langs], dtype=np.int64))
    margin = scores(texts, model) - model.thresholds[chinese]
    # hyperbole, as the patterns read it; only a margin at or above 0 can change a verdict
    harm = TARGETS.index("self_harm")
    for i in np.flatnonzero(margin[:, harm] >= 0).tolist():
        if JOKE.search(texts[i]):
            margin[i, harm] = -1
    out = pd.DataFrame(margin >= 0, columns=list(TARGETS))
    out[list(KINDS)] = kinds(margin[:, 2:])
    return out


def languages(texts: Sequence[str]) -> np.ndarray:
    """Each text's row of ``Model.thresholds``: 1 for Chinese (``text.language``), else 0."""
    return np.array([not t.isascii() and language(analysed(t)) == "zh" for t in texts],
                    dtype=np.int64)


def kinds(margin: np.ndarray) -> np.ndarray:
    """Of each text's rule kinds at or above their threshold (``margin`` >= 0), the one
    furthest above (the first of ``KINDS`` on a tie)."""
    out = np.zeros(margin.shape, dtype=bool)
    best = margin.argmax(axis=1)
    rows = np.arange(len(margin))
    out[rows, best] = margin[rows, best] >= 0
    return out
