"""Time of every per-text step on adversarial texts (issue 16: bounded work per message).

Each kind of text below is made ``--chars`` long (1,000,000 by default) and given, alone,
to each detector as a report runs it: on the text's analysed part
(``classify.ANALYSIS_CHARS``). ``--uncapped`` lifts the cap, so each step reads the whole
text: then every time must grow in proportion to the length (run it at two lengths to
see it). Prints the median of ``--repeat`` runs, in seconds, one row per kind of text.

Run: ``.venv/bin/python bench/adversarial.py [--chars N] [--repeat R] [--uncapped]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PLAYBOOK = ROOT / "playbooks" / "demo" / "playbook.yaml"
BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5"


def _repeat(unit: str, chars: int, head: str = "", tail: str = "") -> str:
    body = chars - len(head) - len(tail)
    return head + (unit * (body // len(unit) + 1))[:max(body, 0)] + tail


# Texts that made a step slow once (a quadratic or backtracking pattern), or could.
KINDS: dict[str, Callable[[int], str]] = {
    "no spaces": lambda n: _repeat("a", n),
    "a. run": lambda n: _repeat("a.", n, tail="/"),
    "base64 link": lambda n: _repeat(BASE64, n, head="data:image/png;base64,"),
    "http:// run": lambda n: _repeat("http://", n),
    "www. run": lambda n: _repeat("www.", n, tail=".com/x"),
    "CJK run": lambda n: _repeat("好吃的饼干真不错我喜欢还没到账吗", n),
    "particles": lambda n: _repeat("吧", n, tail="x"),
    "@ run": lambda n: _repeat("@", n),
    "question words": lambda n: _repeat("how what why can you is ", n),
    "please run": lambda n: _repeat("please, ", n, head="😀 ", tail="x. add cookies"),
    "emoji run": lambda n: _repeat("😍", n),
    "spaces": lambda n: _repeat(" ", n, head="idea", tail="x"),
    "but words": lambda n: _repeat("good but not bad kind of great ", n),
    "accented words": lambda n: _repeat("jalapeño never arrived you guys could ", n),
}


def detectors(playbook: Any) -> dict[str, Callable[[pd.Series], object]]:
    """Each per-text step, called on a column of texts as the report calls it."""
    from communitykit import classify, fastmatch
    from communitykit.classify import for_analysis
    from communitykit.listening import annotate, complaints, requests, sentiment, terms, themes
    from communitykit.listening.text import fold_all, language
    from communitykit.rule_flags import rule_flags

    def prepared(texts: pd.Series) -> tuple[fastmatch.Texts, fastmatch.Texts]:
        cut = for_analysis(texts)
        folded = pd.Series(fold_all(cut), index=cut.index, dtype=object)
        return fastmatch.Texts(cut), fastmatch.Texts(folded)

    def scored(texts: pd.Series) -> object:
        raw, folded = prepared(texts)
        langs = [language(t) for t in raw.series]
        return sentiment.classify_all(raw, folded, langs, np.zeros(len(texts), dtype=bool))

    labels = {"labels": pd.Series(dtype=object)}

    def pillar(texts: pd.Series) -> object:
        if len(labels["labels"]) != len(texts):
            labels["labels"] = pd.Series("", index=texts.index)
        return classify.pillar(texts, labels["labels"], playbook)

    return {
        "fold": lambda s: fold_all(for_analysis(s)),
        "language": lambda s: [language(t) for t in for_analysis(s)],
        "complaint": lambda s: complaints.complaint_mask(*prepared(s)),
        "request": lambda s: requests.request_objects(*prepared(s)),
        "normalise": lambda s: [requests.normalise(t) for t in s],
        "sentiment": scored,
        "terms": lambda s: [terms.terms(t) for t in for_analysis(s)],
        "jieba": lambda s: [terms.segment(t) for t in for_analysis(s)],
        "question": classify.is_question,
        "rule flags": lambda s: rule_flags(s, playbook),
        "pillar": pillar,
        "themes": lambda s: themes.theme_hits(s, playbook),
        "annotations": lambda s: annotate.text_annotations(s, ()),
    }


@contextmanager
def uncapped() -> Iterator[None]:
    """Every step reads whole texts (the analysis cap lifted) while inside."""
    from communitykit import classify

    before = classify.ANALYSIS_CHARS
    classify.ANALYSIS_CHARS = 1 << 62
    try:
        yield
    finally:
        classify.ANALYSIS_CHARS = before


def load_playbook() -> Any:
    from communitykit import playbook

    return playbook.load(PLAYBOOK)


def warm_up(steps: dict[str, Callable[[pd.Series], object]]) -> None:
    """Load VADER and jieba's dictionary (once per process, not the text's cost)."""
    sample = pd.Series(["好吃 good", "x"])
    for step in steps.values():
        step(sample)


def median_seconds(step: Callable[[pd.Series], object], texts: pd.Series, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step(texts)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def table(chars: int, repeat: int, kinds: list[str] | None = None,
          steps: list[str] | None = None) -> dict[str, dict[str, float]]:
    """Median seconds of each step (columns) on each kind of text (rows)."""
    every = detectors(load_playbook())
    chosen = {name: every[name] for name in steps or every}
    warm_up(chosen)
    out: dict[str, dict[str, float]] = {}
    for kind in kinds or KINDS:
        texts = pd.Series([KINDS[kind](chars)])
        out[kind] = {name: median_seconds(step, texts, repeat) for name, step in chosen.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--uncapped", action="store_true", help="analyse whole texts")
    parser.add_argument("--kind", action="append", choices=sorted(KINDS))
    parser.add_argument("--step", action="append")
    args = parser.parse_args()
    if args.uncapped:
        with uncapped():
            result = table(args.chars, args.repeat, args.kind, args.step)
    else:
        result = table(args.chars, args.repeat, args.kind, args.step)
    names = list(next(iter(result.values())))
    width = max(len(n) for n in names) + 1
    print(f"{args.chars:,} characters, {'uncapped' if args.uncapped else 'as analysed'}; "
          f"median of {args.repeat} runs, seconds")
    print(f"{'text':<16}" + "".join(f"{n:>{width}}" for n in names) + f"{'max':>8}")
    for kind, row in result.items():
        print(f"{kind:<16}" + "".join(f"{row[n]:>{width}.3f}" for n in names)
              + f"{max(row.values()):>8.3f}")


if __name__ == "__main__":
    main()
