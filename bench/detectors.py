"""Precision and recall of the text detectors on the labelled set bench/eval/messages.csv.

Detectors: questions (``classify.is_question``), requests (``listening.requests``),
rule flags (``classify.rule_flags`` with the demo playbook's categories) and sentiment
(``listening.sentiment``, per class and macro-averaged). The set is split by id: even
numbers are the tuning half (looked at while improving the detectors), odd numbers the
held-out half (only measured). Run: ``.venv/bin/python bench/detectors.py``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "bench" / "eval" / "messages.csv"
PLAYBOOK = ROOT / "playbooks" / "demo" / "playbook.yaml"
LABELS = ("positive", "neutral", "negative")


def load() -> pd.DataFrame:
    with EVAL.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    frame = pd.DataFrame(rows)
    frame["half"] = ["tune" if int(i[2:]) % 2 == 0 else "held-out" for i in frame["id"]]
    return frame


def predict(frame: pd.DataFrame) -> pd.DataFrame:
    from communitykit import classify, playbook
    from communitykit.listening import requests, sentiment
    from communitykit.listening.text import language
    from communitykit.playbook import SEVERITY_ORDER

    pb = playbook.load(PLAYBOOK)
    text = frame["text"]
    out = pd.DataFrame(index=frame.index)
    out["is_question"] = classify.is_question(text)
    out["is_request"] = text.map(requests.is_request)
    flags = classify.rule_flags(text, pb)
    severity = {c.id: SEVERITY_ORDER[c.severity] for c in pb.rules.categories}
    by_severity = sorted(flags.columns, key=lambda c: -severity[c])
    out["rule_category"] = [  # a message matching several categories: the most severe
        next((c for c in by_severity if row[c]), "") for _, row in flags.iterrows()]
    out["sentiment"] = [sentiment.classify(t, language(t)) for t in text]
    return out


def pr(truth: pd.Series, guess: pd.Series) -> dict[str, Any]:
    tp = int((truth & guess).sum())
    fp = int((~truth & guess).sum())
    fn = int((truth & ~guess).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "support": tp + fn}


def evaluate(frame: pd.DataFrame, guess: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """Precision and recall per detector on ``frame`` (any subset of the set)."""
    g = guess.loc[frame.index]
    result = {
        "question": pr(frame["is_question"] == "1", g["is_question"].astype(bool)),
        "request": pr(frame["is_request"] == "1", g["is_request"].astype(bool)),
    }
    # a flag in the wrong category counts as a miss and a false alarm
    truth_rule, guess_rule = frame["rule_category"], g["rule_category"]
    tp = int(((truth_rule == guess_rule) & (truth_rule != "")).sum())
    fp = int(((guess_rule != "") & (guess_rule != truth_rule)).sum())
    fn = int(((truth_rule != "") & (guess_rule != truth_rule)).sum())
    result["rule flag"] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                           "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
                           "support": tp + fn}
    for label in LABELS:
        result[f"sentiment {label}"] = pr(frame["sentiment"] == label, g["sentiment"] == label)
    per = [result[f"sentiment {label}"] for label in LABELS]
    result["sentiment macro"] = {
        "precision": round(sum(x["precision"] for x in per) / 3, 3),
        "recall": round(sum(x["recall"] for x in per) / 3, 3),
        "support": len(frame),
    }
    return result


def report() -> dict[str, dict[str, dict[str, Any]]]:
    frame = load()
    guess = predict(frame)
    scopes = {"tune": frame[frame["half"] == "tune"],
              "held-out": frame[frame["half"] == "held-out"],
              "all": frame}
    for lang in ("en", "zh"):
        scopes[f"held-out {lang}"] = scopes["held-out"][scopes["held-out"]["language"] == lang]
    return {name: evaluate(part, guess) for name, part in scopes.items()}


def errors(kind: str, half: str = "tune") -> list[tuple[str, str, str]]:
    """Misclassified messages of one detector (for tuning on the tune half only)."""
    frame = load()
    guess = predict(frame)
    part = frame[frame["half"] == half]
    column = {"question": "is_question", "request": "is_request", "rule": "rule_category",
              "sentiment": "sentiment"}[kind]
    out = []
    for i, row in part.iterrows():
        want = row[column]
        got = guess.loc[i, column]
        got = ("1" if got else "0") if isinstance(got, (bool,)) or column.startswith("is_") else got
        if str(want) != str(got):
            out.append((row["id"], f"want {want} got {got}", row["text"]))
    return out


def main() -> None:
    if len(sys.argv) > 1:
        for line in errors(*sys.argv[1:]):
            print(*line, sep="\t")
        return
    results = report()
    print(f"{'scope':<14}{'detector':<20}{'precision':>10}{'recall':>8}{'support':>9}")
    for scope, figures in results.items():
        for name, f in figures.items():
            print(f"{scope:<14}{name:<20}{f['precision']:>10.3f}{f['recall']:>8.3f}"
                  f"{f['support']:>9}")


if __name__ == "__main__":
    main()
