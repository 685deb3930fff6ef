"""Text analysis at import, per distinct text: CPU time and the outputs, for one library.

What ``communitykit import`` runs on each new text (``listening.prepare``): the text
annotations (``annotate.text_annotations``), the theme hits and the rule flags, here in
this process (no worker processes), on the demo playbook and on a template whose
categories ``use:`` the trained models.

The texts: ``--synthetic N`` from the scale bench's generator (``synth``, seed 7), plus
bench/eval/*.csv and bench/train/*.csv with ``--labelled``.

Run: ``.venv/bin/python bench/text_analysis.py --synthetic 10000 --runs 5`` (CPU seconds per
kind, medians); ``--dump out.parquet`` writes every output column (to compare two
libraries); ``--lib DIR`` imports ``communitykit`` from ``DIR`` (an older copy, e.g. from
``git archive HEAD lib``) so both run in the same conditions.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLAYBOOKS = {"demo": ROOT / "playbooks" / "demo" / "playbook.yaml",
             "consumer": ROOT / "playbooks" / "templates" / "consumer-brand.yaml",
             "chinese": ROOT / "playbooks" / "templates" / "chinese-brand.yaml"}


def synthetic_texts(count: int, seed: int = 7) -> list[str]:
    """``count`` message texts of the scale bench's generator (distinct, in first order)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import numpy as np
    import synth

    rng = np.random.default_rng(seed)
    posts = np.array(["p1", "p2"])
    texts = synth._messages(rng, count * 2, "instagram", posts, "c")["text"]
    return list(dict.fromkeys(texts.tolist()))[:count]


def labelled_texts() -> list[str]:
    """The texts of bench/eval/*.csv and bench/train/*.csv (distinct, in first order)."""
    found: list[str] = []
    for path in sorted((ROOT / "bench" / "eval").glob("*.csv")) + sorted(
            (ROOT / "bench" / "train").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            found += [row["text"] for row in csv.DictReader(f)]
    return list(dict.fromkeys(found))


def analysers(names: list[str]) -> dict[str, Any]:
    """kind name -> function of a text column, for the playbooks ``names``."""
    import functools

    from communitykit import playbook, rule_flags
    from communitykit.listening import annotate, themes

    out: dict[str, Any] = {"texts": functools.partial(annotate.text_annotations,
                                                      chinese_words=())}
    for name in names:
        book = playbook.load(PLAYBOOKS[name])
        words = tuple(themes.literal_chinese_keywords(book))
        if words:
            out[f"texts-{name}"] = functools.partial(annotate.text_annotations,
                                                     chinese_words=words)
        if book.themes:
            out[f"themes-{name}"] = functools.partial(annotate._theme_columns, playbook=book)
        if book.rules.categories:
            out[f"flags-{name}"] = functools.partial(rule_flags.flag_columns, playbook=book)
    return out


def digests(frames: dict[str, Any]) -> dict[str, str]:
    """SHA-256 of each output column (``kind:column``), of its values as JSON (missing as
    null), so two libraries' outputs compare without keeping them."""
    import hashlib

    import pandas as pd

    out = {}
    for name, frame in frames.items():
        for column in frame.columns:
            values = [None if v is None or (isinstance(v, float) and pd.isna(v)) else v
                      for v in frame[column].astype(object).tolist()]
            data = json.dumps(values, ensure_ascii=False, default=bool).encode()
            out[f"{name}:{column}"] = hashlib.sha256(data).hexdigest()
    return out


def outputs(texts: list[str], playbooks: list[str]) -> dict[str, Any]:
    """Every kind's output frame for ``texts`` (one process)."""
    import pandas as pd

    column = pd.Series(texts, dtype=object)
    return {name: run(column) for name, run in analysers(playbooks).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lib", type=Path, help="import communitykit from this folder")
    parser.add_argument("--synthetic", type=int, default=10_000)
    parser.add_argument("--labelled", action="store_true", help="add the labelled texts")
    parser.add_argument("--playbooks", default="demo,consumer")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--dump", type=Path, help="write every output column (Parquet)")
    parser.add_argument("--json", action="store_true", help="print the timings as JSON")
    parser.add_argument("--digests", type=Path, help="write each output column's SHA-256")
    args = parser.parse_args()
    if args.lib:
        sys.path.insert(0, str(args.lib.resolve()))
    import os

    os.environ["COMMUNITYKIT_TEXT_WORKERS"] = "1"
    import pandas as pd

    from communitykit.listening import detector_model, sentiment, terms, zh_model

    texts = synthetic_texts(args.synthetic) if args.synthetic else []
    if args.labelled:
        texts = list(dict.fromkeys(texts + labelled_texts()))
    column = pd.Series(texts, dtype=object)
    sentiment.vader(), detector_model.load(), zh_model.weights(), terms.segmenter(())
    kinds = analysers(args.playbooks.split(","))
    seconds: dict[str, list[float]] = {name: [] for name in kinds}
    frames = {}
    for _ in range(args.runs):
        for name, run in kinds.items():
            start = time.process_time()
            frames[name] = run(column)
            seconds[name].append(time.process_time() - start)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    if args.json:
        print(json.dumps({"texts": len(texts), "seconds": seconds, "median": medians}))
    else:
        for name, value in medians.items():
            print(f"{name:>16}: {value:7.3f} s CPU for {len(texts):,} texts "
                  f"({1000 * value / max(len(texts), 1):.3f} ms a text)")
    if args.digests:
        args.digests.write_text(json.dumps({"texts": len(texts), "digests": digests(frames)},
                                           indent=1, sort_keys=True) + "\n")
    if args.dump:
        parts = [frame.add_prefix(f"{name}:").reset_index(drop=True)
                 for name, frame in frames.items()]
        out = pd.concat([column.rename("text"), *parts], axis=1)
        out.astype({c: object for c in out.columns}).to_parquet(args.dump)


if __name__ == "__main__":
    main()
