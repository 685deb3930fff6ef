"""The text detectors against the labelled set bench/eval/messages.csv (floors)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOOR = 0.8
SENTIMENT_FLOOR = 0.75


@pytest.fixture(scope="module")
def results() -> dict:
    spec = importlib.util.spec_from_file_location("detectors", ROOT / "bench" / "detectors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.report()


def test_evaluation_set_shape() -> None:
    import csv

    with (ROOT / "bench" / "eval" / "messages.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 300
    languages = [r["language"] for r in rows]
    assert 0.4 < languages.count("zh") / len(rows) < 0.6
    assert {r["sentiment"] for r in rows} == {"positive", "neutral", "negative"}


@pytest.mark.parametrize("half", ["tune", "held-out"])
@pytest.mark.parametrize("detector", ["question", "request", "rule flag"])
def test_detector_floor(results: dict, half: str, detector: str) -> None:
    figures = results[half][detector]
    assert figures["precision"] >= FLOOR and figures["recall"] >= FLOOR, figures


@pytest.mark.parametrize("half", ["tune", "held-out"])
def test_sentiment_floor(results: dict, half: str) -> None:
    macro = results[half]["sentiment macro"]
    assert macro["precision"] >= SENTIMENT_FLOOR and macro["recall"] >= SENTIMENT_FLOOR, macro
