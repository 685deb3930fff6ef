"""Train the detector models (``listening/detector_model.py``) from ``bench/train/*.csv``.

Usage: .venv/bin/python scripts/train_detectors.py [--out PATH]

Data: every ``bench/train/*.csv``, training messages written and labelled by six authors
who never saw the detectors or the evaluation sets: ``detectors-{en,zh}.csv`` with every
target (``is_request`` with service asks, ``is_complaint``, ``rule_category``), and
``requests-complaints-{en,zh}-{a,b}.csv`` for the two hardest targets (no rule breaks).
Nothing from ``bench/eval/`` is read: those are the test sets.

Model, per target (``detector_model.TARGETS``): binary features (``detector_model.features``)
kept when in at least ``MIN_DOCS`` training texts, scaled by naive Bayes log-count ratios,
in an L2 logistic regression with a bias (``L2``, ``STEPS`` full-batch Adam steps from zero;
plain numpy, the same bytes on every run). Weights below ``MIN_WEIGHT`` are dropped.

Thresholds: the training texts are cut into ``FOLDS`` folds by a hash of their text
(``fold``); each fold is scored by a model trained on the others. Each target's threshold,
per language (Chinese texts by ``text.language``, and the others), is the lowest
out-of-fold score from which the texts the model adds to the patterns are right at least
``PRECISION`` of the time. Features,
``L2`` and ``PRECISION`` were chosen on the same folds (``--explore`` prints them). The
shipped model is then trained on every training text. The file and
``detector_model.DIGEST`` are both written.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
# Every set of bench/train: detectors-*.csv carry all targets; the others
# (requests-complaints-*.csv, complaints-*.csv) were written for the two hardest targets
# and say nothing about rule breaks, so their rule labels are unknown (UNKNOWN): left out
# of those targets' training and thresholds.
TRAIN = tuple(sorted((ROOT / "bench" / "train").glob("*.csv")))
MODEL = ROOT / "lib" / "communitykit" / "assets" / "detectors.tsv"
MODULE = ROOT / "lib" / "communitykit" / "listening" / "detector_model.py"
FOLDS = 5
MIN_DOCS = 2
ALPHA = 1.0  # add-one smoothing of the naive Bayes ratios
L2 = 3.0
NB_SCALING = False  # naive Bayes scaling of the features: measured, and lost on the folds
STEPS = 300
LEARNING_RATE = 0.05
PRECISION = 0.90
DECIMALS = 3
MIN_WEIGHT = 0.01
UNKNOWN = -1  # a label the training set does not give


def read_training(paths: tuple[Path, ...] = TRAIN) -> pd.DataFrame:
    """The training messages (id, text, lang and a 0/1 column per target), sorted by id."""
    from communitykit.listening.detector_model import KINDS

    frames = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            frame = pd.DataFrame(list(csv.DictReader(f)))
        rules_known = "rule_category" in frame
        if not rules_known and not path.stem.startswith("detectors-"):
            frame["rule_category"] = ""  # a set written for requests and complaints only
        frame["rules_known"] = rules_known
        missing = {"id", "text", "is_request", "is_complaint", "rule_category"} - set(frame)
        if missing:
            raise SystemExit(f"{path}: missing columns {sorted(missing)}")
        unknown = set(frame["rule_category"]) - {"", *KINDS}
        if unknown:
            raise SystemExit(f"{path}: rule_category {sorted(unknown)} is not one of "
                             f"{', '.join(KINDS)} or empty")
        frame["lang"] = "zh" if "zh" in path.stem.split("-") else "en"
        frames.append(frame)
    data = pd.concat(frames).sort_values("id").reset_index(drop=True)
    out = data[["id", "text", "lang"]].copy()
    out["request"] = (data["is_request"] == "1").astype(int)
    out["complaint"] = (data["is_complaint"] == "1").astype(int)
    for kind in KINDS:  # unknown (-1) in sets written without rule breaks in mind
        out[kind] = np.where(data["rules_known"], (data["rule_category"] == kind).astype(int),
                             UNKNOWN)
    return out


def fold(text: str) -> int:
    """The fold of ``text`` (by the first 8 hex digits of its UTF-8 SHA-256)."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def pattern_flags(texts: pd.Series) -> pd.DataFrame:
    """What the patterns alone say, per target (requests: product wish or service ask)."""
    from communitykit import classify
    from communitykit.listening import complaints, requests
    from communitykit.listening.detector_model import KINDS
    from communitykit.rule_library import patterns_for

    out = pd.DataFrame(index=texts.index)
    out["request"] = [requests.request_object(t) is not None or requests.is_service_ask(t)
                      for t in texts]
    out["complaint"] = [complaints.matches_pattern(t) for t in texts]
    for kind in KINDS:
        out[kind] = classify.matches(texts, patterns_for(kind)).to_numpy()
    return out


class Matrix:
    """Binary features of texts, over a vocabulary, as (document, column) pairs."""

    def __init__(self, feats: list[set[str]], vocab: list[str]) -> None:
        index = {g: i for i, g in enumerate(vocab)}
        rows = [sorted(index[g] for g in found if g in index) for found in feats]
        self.size = len(vocab)
        self.count = len(rows)
        self.columns = np.array([c for row in rows for c in row], dtype=np.int64)
        self.doc = np.repeat(np.arange(len(rows)), [len(row) for row in rows])


def vocabulary(feats: list[set[str]], min_docs: int = MIN_DOCS) -> list[str]:
    """Features found in at least ``min_docs`` texts, sorted."""
    counts: dict[str, int] = {}
    for found in feats:
        for gram in found:
            counts[gram] = counts.get(gram, 0) + 1
    return sorted(g for g, c in counts.items() if c >= min_docs)


def nb_ratios(x: Matrix, label: np.ndarray) -> np.ndarray:
    """log P(feature | yes) - log P(feature | no), add-``ALPHA`` smoothed."""
    yes = np.bincount(x.columns[label[x.doc] == 1], minlength=x.size) + ALPHA
    no = np.bincount(x.columns[label[x.doc] == 0], minlength=x.size) + ALPHA
    return np.log(yes / yes.sum()) - np.log(no / no.sum())


def logistic(x: Matrix, label: np.ndarray, scale: np.ndarray,
             l2: float = L2) -> tuple[np.ndarray, float]:
    """(weights, bias) of an L2 logistic regression (bias not penalised) on binary features
    times ``scale``, by full-batch Adam from zero."""
    known = label != UNKNOWN  # texts without this label take no part
    n = max(int(known.sum()), 1)
    value = scale[x.columns]
    theta = np.zeros(x.size + 1)
    m, v = np.zeros_like(theta), np.zeros_like(theta)
    for step in range(1, STEPS + 1):
        w, b = theta[:-1], theta[-1]
        z = np.bincount(x.doc, weights=w[x.columns] * value, minlength=x.count) + b
        error = np.where(known, 1 / (1 + np.exp(-z)) - label, 0.0)
        grad = np.append(np.bincount(x.columns, weights=error[x.doc] * value,
                                     minlength=x.size) / n + l2 * w / n, error.sum() / n)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        theta -= (LEARNING_RATE * (m / (1 - 0.9 ** step))
                  / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8))
    return theta[:-1], float(theta[-1])


def train(feats: list[set[str]], labels: np.ndarray, l2: float = L2,
          min_docs: int = MIN_DOCS) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(vocabulary, weights features x targets, bias per target), rounded to
    ``DECIMALS`` places, on texts' ``feats`` and 0/1 ``labels`` (texts x targets). Each
    target learns only from the texts that label it, over the features found at least
    ``min_docs`` times among them (the vocabulary is the union)."""
    per_target = []
    for t in range(labels.shape[1]):
        rows = np.flatnonzero(labels[:, t] != UNKNOWN)
        texts = [feats[i] for i in rows]
        vocab = vocabulary(texts, min_docs)
        x = Matrix(texts, vocab)
        scale = (np.abs(nb_ratios(x, labels[rows, t])) + 1e-3 if NB_SCALING
                 else np.ones(len(vocab)))
        w, b = logistic(x, labels[rows, t].astype(float), scale, l2)
        per_target.append((vocab, w * scale, b))
    union = sorted({g for vocab, _, _ in per_target for g in vocab})
    column = {g: i for i, g in enumerate(union)}
    weights = np.zeros((len(union), labels.shape[1]))
    bias = np.zeros(labels.shape[1])
    for t, (vocab, w, b) in enumerate(per_target):
        weights[[column[g] for g in vocab], t] = w
        bias[t] = b
    weights = np.round(weights, DECIMALS)
    weights[np.abs(weights) < MIN_WEIGHT] = 0.0
    return union, weights, np.round(bias, DECIMALS)


def score(feats: list[set[str]], vocab: list[str], weights: np.ndarray,
          bias: np.ndarray) -> np.ndarray:
    """Scores (texts x targets, thousandths) of a trained model, as the kit computes them."""
    from communitykit.listening.detector_model import Model, feature_scores

    model = Model({g: i for i, g in enumerate(vocab)},
                  np.round(weights * 1000).astype(np.int64),
                  np.round(bias * 1000).astype(np.int64), np.zeros((2, len(bias)), np.int64))
    return feature_scores(feats, model)


def out_of_fold(feats: list[set[str]], labels: np.ndarray, folds: np.ndarray,
                l2: float = L2, min_docs: int = MIN_DOCS) -> np.ndarray:
    """Each text's scores from the model trained on the other folds."""
    out = np.zeros(labels.shape, dtype=np.int64)
    for k in range(FOLDS):
        test = folds == k
        train_feats = [f for f, keep in zip(feats, ~test, strict=True) if keep]
        vocab, weights, bias = train(train_feats, labels[~test], l2, min_docs)
        test_feats = [f for f, keep in zip(feats, test, strict=True) if keep]
        out[test] = score(test_feats, vocab, weights, bias)
    return out


def threshold(scores: np.ndarray, truth: np.ndarray, pattern: np.ndarray,
              precision: float = PRECISION) -> int:
    """The lowest score (thousandths) from which the texts the model adds to the patterns
    (said by the model, missed by the patterns) are right at least ``precision`` of the
    time; above every score when no score does."""
    added = ~pattern
    found, right = scores[added], truth[added]
    best = int(scores.max(initial=0)) + 1
    for limit in sorted(set(found.tolist()), reverse=True):
        said = found >= limit
        if int((said & right).sum()) >= precision * int(said.sum()):
            best = limit
    return best


def thresholds(oof: np.ndarray, labels: np.ndarray, patterns: np.ndarray, chinese: np.ndarray,
               precision: float = PRECISION) -> np.ndarray:
    """``threshold`` of each target (columns) for each of ``detector_model.LANGUAGES``
    (rows: texts not ``chinese``, then ``chinese``)."""
    def limit(rows: np.ndarray, t: int) -> int:
        rows = rows & (labels[:, t] != UNKNOWN)
        return threshold(oof[rows, t], labels[rows, t] == 1, patterns[rows, t], precision)

    return np.array([[limit(rows, t) for t in range(labels.shape[1])]
                     for rows in (~chinese, chinese)], dtype=np.int64)


def model_file(vocab: list[str], weights: np.ndarray, bias: np.ndarray, limits: np.ndarray,
               count: int, settings: str) -> bytes:
    """The model file: a header naming data, command and settings, then the rows."""
    from communitykit.listening.detector_model import LANGUAGES, TARGETS

    header = [
        "# communitykit detectors (listening/detector_model.py): feature<TAB>weight per target",
        f"# trained on {count} messages of bench/train/*.csv",
        "#   (written and labelled by six authors who never saw the detectors or bench/eval/;",
        "#   rule kinds from the sets that label them)",
        "# command: .venv/bin/python scripts/train_detectors.py",
        f"# settings: {settings}",
        "@targets\t" + "\t".join(TARGETS),
        "@bias\t" + "\t".join(f"{b:.{DECIMALS}f}" for b in bias),
        *(f"@threshold-{lang}\t" + "\t".join(f"{t / 1000:.{DECIMALS}f}" for t in row)
          for lang, row in zip(LANGUAGES, limits, strict=True)),
    ]
    keep = np.flatnonzero(np.abs(weights).sum(axis=1) > 0)
    body = ["\t".join([vocab[i], *(_number(w) for w in weights[i])]) for i in keep]
    return ("\n".join(header + body) + "\n").encode("utf-8")


def _number(weight: float) -> str:
    """A weight as written: 0 for none, else up to ``DECIMALS`` places without trailing 0s."""
    text = f"{weight:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def write(data: bytes, model: Path = MODEL, module: Path = MODULE) -> str:
    """Write the model file, and its digest into ``detector_model.DIGEST`` when it is the
    shipped one; the digest."""
    from communitykit.listening.model_file import write_with_digest

    return write_with_digest(data, model, MODEL, module)


def build(data: pd.DataFrame, l2: float = L2, precision: float = PRECISION) -> bytes:
    """The model file trained on ``data`` (``read_training``'s frame)."""
    from communitykit.listening.detector_model import TARGETS, features, languages

    feats = [features(t) for t in data["text"]]
    labels = data[list(TARGETS)].to_numpy()
    folds = np.array([fold(t) for t in data["text"]])
    oof = out_of_fold(feats, labels, folds, l2)
    patterns = pattern_flags(data["text"]).to_numpy()
    limits = thresholds(oof, labels, patterns, languages(data["text"].tolist()) == 1,
                        precision)
    vocab, weights, bias = train(feats, labels, l2)
    settings = (f"folds={FOLDS} min_docs={MIN_DOCS} alpha={ALPHA} l2={l2} steps={STEPS} "
                f"nb_scaling={NB_SCALING} learning_rate={LEARNING_RATE} precision={precision} "
                f"decimals={DECIMALS} min_weight={MIN_WEIGHT}")
    return model_file(vocab, weights, bias, limits, len(data), settings)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL, help="model file to write")
    args = parser.parse_args(argv)
    data = read_training()
    blob = build(data)
    digest = write(blob, args.out)
    print(f"{len(data)} training messages; {args.out} ({len(blob):,} bytes), "
          f"SHA-256 {digest}")


if __name__ == "__main__":
    main()
