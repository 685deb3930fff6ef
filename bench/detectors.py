"""Precision and recall of the text detectors on the two labelled sets in bench/eval/.

- ``messages.csv`` (324 messages, written with the detectors): questions
  (``classify.is_question``), product requests (``listening.requests``), rule flags
  (``rule_flags.rule_flags`` with the demo playbook's categories, the most severe wins) and
  sentiment (``listening.sentiment``, per class and macro-averaged).
- ``labelled-v2.csv`` (311 messages, written by an independent annotator before any tuning,
  see ``labelled-v2.md``): requests in the annotator's sense (a product wish *or* a service
  ask: ``requests.is_request`` or ``requests.is_service_ask``), complaints
  (``listening.complaints``) and rule flags with a playbook whose categories ``use:`` the
  kit's rule library (the consumer-brand template by default). A message matching several
  categories counts as the first kind in the annotator's order ``KIND_ORDER``.

Both sets are split by id: even numbers are the tuning half (looked at while improving the
detectors), odd numbers the held-out half (only measured). A rule flag in the wrong
category counts as a miss and a false alarm.

Run: ``.venv/bin/python bench/detectors.py [--json] [--playbook PATH]``;
``.venv/bin/python bench/detectors.py --errors request`` lists the tune half's misses.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
EVAL = ROOT / "bench" / "eval" / "messages.csv"
EVAL_V2 = ROOT / "bench" / "eval" / "labelled-v2.csv"
PLAYBOOK = ROOT / "playbooks" / "demo" / "playbook.yaml"
PLAYBOOK_V2 = ROOT / "playbooks" / "templates" / "consumer-brand.yaml"
LABELS = ("positive", "neutral", "negative")
# The annotator's order when a message breaks several rules: the most serious first.
KIND_ORDER = ("self_harm", "hate", "harassment", "scam", "personal_data", "spam", "promotion")
# Rule kind of a category that does not say `use:` (older playbooks), by its id.
KIND_OF_ID = {"discrimination": "hate", "impersonation": "scam", "counterfeit": "scam",
              "secrets": "personal_data", **{k: k for k in KIND_ORDER}}
Figures = dict[str, Any]


def _half(ident: str) -> str:
    number = int(re.sub(r"\D", "", ident))
    return "tune" if number % 2 == 0 else "held-out"


def load(path: Path = EVAL) -> pd.DataFrame:
    """A labelled set, with its ``half`` (tune or held-out) and ``language`` (en or zh)."""
    with path.open(encoding="utf-8", newline="") as f:
        frame = pd.DataFrame(list(csv.DictReader(f)))
    frame["half"] = frame["id"].map(_half)
    if "language" not in frame:
        frame["language"] = frame["lang"]
    return frame


def pr(truth: pd.Series, guess: pd.Series) -> Figures:
    tp = int((truth & guess).sum())
    fp = int((~truth & guess).sum())
    fn = int((truth & ~guess).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "support": tp + fn}


def rule_pr(truth: pd.Series, guess: pd.Series) -> Figures:
    """Rule flags: a flag in the wrong category is a miss and a false alarm."""
    tp = int(((truth == guess) & (truth != "")).sum())
    fp = int(((guess != "") & (guess != truth)).sum())
    fn = int(((truth != "") & (guess != truth)).sum())
    return {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0, "support": tp + fn}


# ------------------------------------------------------------------ messages.csv

def predict(frame: pd.DataFrame) -> pd.DataFrame:
    from communitykit import classify, playbook
    from communitykit.listening import requests, sentiment
    from communitykit.listening.text import language
    from communitykit.playbook import SEVERITY_ORDER
    from communitykit.rule_flags import rule_flags

    pb = playbook.load(PLAYBOOK)
    text = frame["text"]
    out = pd.DataFrame(index=frame.index)
    out["is_question"] = classify.is_question(text)
    out["is_request"] = text.map(requests.is_request)
    flags = rule_flags(text, pb)
    severity = {c.id: SEVERITY_ORDER[c.severity] for c in pb.rules.categories}
    by_severity = sorted(flags.columns, key=lambda c: -severity[c])
    out["rule_category"] = [  # a message matching several categories: the most severe
        next((c for c in by_severity if row[c]), "") for _, row in flags.iterrows()]
    out["sentiment"] = [sentiment.classify(t, language(t)) for t in text]
    return out


def evaluate(frame: pd.DataFrame, guess: pd.DataFrame) -> dict[str, Figures]:
    """Precision and recall per detector on ``frame`` (any subset of messages.csv)."""
    g = guess.loc[frame.index]
    result = {
        "question": pr(frame["is_question"] == "1", g["is_question"].astype(bool)),
        "request": pr(frame["is_request"] == "1", g["is_request"].astype(bool)),
        "rule flag": rule_pr(frame["rule_category"], g["rule_category"]),
    }
    for label in LABELS:
        result[f"sentiment {label}"] = pr(frame["sentiment"] == label, g["sentiment"] == label)
    per = [result[f"sentiment {label}"] for label in LABELS]
    result["sentiment macro"] = {
        "precision": round(sum(x["precision"] for x in per) / 3, 3),
        "recall": round(sum(x["recall"] for x in per) / 3, 3),
        "support": len(frame),
    }
    return result


def scopes(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Tune, held-out and all, each also per language."""
    out = {}
    for half in ("tune", "held-out", "all"):
        part = frame if half == "all" else frame[frame["half"] == half]
        out[half] = part
        for lang in ("en", "zh"):
            out[f"{half} {lang}"] = part[part["language"] == lang]
    return out


def report_messages() -> dict[str, dict[str, Figures]]:
    frame = load(EVAL)
    guess = predict(frame)
    return {name: evaluate(part, guess) for name, part in scopes(frame).items()}


# ------------------------------------------------------------------ labelled-v2.csv

def category_kinds(pb: Any) -> dict[str, str]:
    """Rule kind of each category of ``pb``: its ``use:``, else known from its id."""
    kinds = {c.id: c.use or KIND_OF_ID.get(c.id, "") for c in pb.rules.categories}
    unknown = [c for c, k in kinds.items() if not k]
    if unknown:
        raise SystemExit(f"rule categories {unknown} name no kind: add `use:` to them")
    return kinds


def predict_v2(frame: pd.DataFrame, playbook_path: Path = PLAYBOOK_V2,
               models: bool = True) -> pd.DataFrame:
    """The detectors' calls on ``frame``: patterns or trained model (the kit's detectors),
    or with ``models=False`` the patterns alone (the figures "before")."""
    from communitykit import playbook
    from communitykit.listening import complaints, requests
    from communitykit.rule_flags import rule_flags

    pb = playbook.load(playbook_path)
    text = frame["text"]
    out = pd.DataFrame(index=frame.index)
    if models:
        out["is_request"] = [requests.is_request(t) or requests.is_service_ask(t) for t in text]
        out["is_complaint"] = [complaints.is_complaint(t) for t in text]
        flags = rule_flags(text, pb)
    else:
        out["is_request"] = [requests.request_object(t) is not None
                             or requests.is_service_ask(t) for t in text]
        out["is_complaint"] = [complaints.matches_pattern(t) for t in text]
        flags = pattern_flags(text, pb)
    kinds = category_kinds(pb)
    out["rule_category"] = [
        min((kinds[c] for c in flags.columns if row[c]), key=KIND_ORDER.index, default="")
        for _, row in flags.iterrows()]
    return out


def pattern_flags(text: pd.Series, pb: Any) -> pd.DataFrame:
    """``rule_flags.rule_flags`` without the trained model: the categories' patterns only."""
    from communitykit import classify

    analysed = classify.for_analysis(text)
    return pd.DataFrame({c.id: classify.matches(analysed, c.all_patterns)
                         for c in pb.rules.categories}, index=text.index)


def evaluate_v2(frame: pd.DataFrame, guess: pd.DataFrame) -> dict[str, Figures]:
    g = guess.loc[frame.index]
    return {
        "request": pr(frame["is_request"] == "1", g["is_request"].astype(bool)),
        "complaint": pr(frame["is_complaint"] == "1", g["is_complaint"].astype(bool)),
        "rule flag": rule_pr(frame["rule_category"], g["rule_category"]),
    }


def per_kind(frame: pd.DataFrame, guess: pd.DataFrame) -> dict[str, Figures]:
    """Recall (and precision) of each rule kind on ``frame``."""
    g = guess.loc[frame.index, "rule_category"]
    return {kind: pr(frame["rule_category"] == kind, g == kind) for kind in KIND_ORDER}


def report_v2(playbook_path: Path = PLAYBOOK_V2,
              models: bool = True) -> dict[str, dict[str, Figures]]:
    frame = load(EVAL_V2)
    guess = predict_v2(frame, playbook_path, models)
    out = {name: evaluate_v2(part, guess) for name, part in scopes(frame).items()}
    for half in ("held-out", "tune"):
        part = frame[frame["half"] == half]
        out[f"{half} per kind"] = per_kind(part, guess)
        for lang in ("en", "zh"):
            out[f"{half} {lang} per kind"] = per_kind(part[part["language"] == lang], guess)
    return out


def report(playbook_path: Path = PLAYBOOK_V2) -> dict[str, dict[str, dict[str, Figures]]]:
    """Every figure: messages.csv, labelled-v2 with the kit's detectors (patterns or model)
    and labelled-v2 with the patterns alone."""
    return {"messages": report_messages(), "labelled-v2": report_v2(playbook_path),
            "labelled-v2 patterns only": report_v2(playbook_path, models=False)}


def speed(playbook_path: Path = PLAYBOOK_V2, copies: int = 10) -> dict[str, float]:
    """Texts per second of the detectors on a column (labelled-v2 and messages.csv, each
    text made distinct ``copies`` times): the patterns alone, the trained model alone, and
    both (what the report runs: complaints, requests and rule flags)."""
    import time

    from communitykit import classify, fastmatch, playbook
    from communitykit.listening import complaints, detector_model, requests
    from communitykit.listening.text import fold_all

    pb = playbook.load(playbook_path)
    base = pd.concat([load(EVAL_V2)["text"], load(EVAL)["text"]]).tolist()
    texts = pd.Series([f"{t} {i}" for i in range(copies) for t in base], dtype=object)

    def patterns() -> None:
        raw = fastmatch.Texts(texts)
        folded = fastmatch.Texts(pd.Series(fold_all(texts), index=texts.index, dtype=object))
        raw.search(complaints.COMPLAINT_ZH) | folded.search(complaints.COMPLAINT_EN)
        requests.request_objects(raw, folded)
        pattern_flags(texts, pb)

    def model() -> None:
        detector_model.said(classify.for_analysis(texts).tolist())

    detector_model.load()
    out = {}
    for name, run in (("patterns", patterns), ("model", model)):
        start = time.perf_counter()
        run()
        out[name] = len(texts) / (time.perf_counter() - start)
    out["both"] = 1 / (1 / out["patterns"] + 1 / out["model"])
    out["both / patterns"] = out["both"] / out["patterns"]
    return {k: round(v, 3 if "/" in k else 0) for k, v in out.items()}


def errors(kind: str, playbook_path: Path = PLAYBOOK_V2) -> list[tuple[str, str, str]]:
    """Misclassified messages of labelled-v2's tune half (held-out texts are never shown)."""
    frame = load(EVAL_V2)
    part = frame[frame["half"] == "tune"]
    guess = predict_v2(part, playbook_path)
    column = {"request": "is_request", "complaint": "is_complaint",
              "rule": "rule_category"}[kind]
    out = []
    for i, row in part.iterrows():
        got = guess.loc[i, column]
        got = ("1" if got else "0") if column.startswith("is_") else got
        if str(row[column]) != str(got):
            out.append((row["id"], f"want {row[column] or '-'} got {got or '-'}", row["text"]))
    return out


def table(results: dict[str, dict[str, dict[str, Figures]]]) -> str:
    lines = []
    for name, scoped in results.items():
        lines.append(f"\n== {name}")
        lines.append(f"{'scope':<23}{'detector':<20}{'precision':>10}{'recall':>8}{'support':>9}")
        for scope, figures in scoped.items():
            for detector, f in figures.items():
                lines.append(f"{scope:<23}{detector:<20}{f['precision']:>10.3f}"
                             f"{f['recall']:>8.3f}{f['support']:>9}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--playbook", type=Path, default=PLAYBOOK_V2,
                        help="playbook whose rules are measured on labelled-v2")
    parser.add_argument("--errors", choices=("request", "complaint", "rule"),
                        help="list labelled-v2's tune-half misses of one detector")
    parser.add_argument("--sentiment", action="store_true",
                        help="also print bench/sentiment_corpora.py's table")
    args = parser.parse_args()
    if args.errors:
        for line in errors(args.errors, args.playbook):
            print(*line, sep="\t")
        return
    results = report(args.playbook)
    rates = speed(args.playbook)
    if args.json:
        print(json.dumps({**results, "speed (texts/s)": rates}, indent=1))
    else:
        print(table(results))
        print("\n== speed (texts/s, one process)\n"
              + "  ".join(f"{k} {v:,}" for k, v in rates.items()))
    if args.sentiment:
        import sentiment_corpora

        print("\n== sentiment (bench/sentiment_corpora.py)")
        sentiment_corpora.main()


if __name__ == "__main__":
    main()
