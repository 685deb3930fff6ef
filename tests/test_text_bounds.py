"""Bounded work per message (issue 16): every per-text step on texts of a million
characters, the analysis cap, the patterns rewritten to run in linear time, and format
detection past a long first record. Timings use generous bounds: they catch a step whose
time grows with the square of the text, not a slow machine (bench/adversarial.py has the
figures)."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from communitykit import classify
from communitykit.importers import detect, skeleton
from communitykit.listening import annotate, requests, sentiment, terms
from communitykit.rule_flags import rule_flags

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = Path(__file__).parent / "fixtures" / "handcalc" / "exports"
MILLION = 1_000_000
STEP_SECONDS = 2.0  # one step on one text of a million characters, as the kit runs it
SET_SECONDS = 10.0  # every annotation of a message set holding four such texts


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("adversarial",
                                                  ROOT / "bench" / "adversarial.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seconds(step: object, *args: object) -> float:
    start = time.perf_counter()
    step(*args)  # type: ignore[operator]
    return time.perf_counter() - start


# ---------------------------------------------------------------- the analysis cap

def test_only_the_opening_of_a_text_is_analysed() -> None:
    cap = classify.ANALYSIS_CHARS
    texts = pd.Series(["a" * (cap - 1) + "?", "a" * cap + "?", None, "Open on Sunday?"])
    assert classify.is_question(texts).tolist() == [True, False, False, True]
    assert classify.cut_for_analysis(texts).tolist() == [False, True, False, False]
    assert classify.for_analysis(texts).str.len().tolist() == [cap, cap, 0, 15]


def test_a_long_text_is_annotated_on_its_opening() -> None:
    cap = classify.ANALYSIS_CHARS
    opening = "Please bring back the jalapeño biscuits. "
    texts = pd.Series([opening + "x" * cap + " still no refund", "Still no refund. " + opening])
    out = annotate.text_annotations(texts, ())
    assert out["request_object"].tolist() == ["the jalapeno biscuits"] * 2
    assert out["complaint"].tolist() == [False, True]  # the first one's is past the cap


# ---------------------------------------------------------------- patterns rewritten

@pytest.mark.parametrize("text, rest", [
    ("抹茶味吧吧", "抹茶味"),
    ("抹茶味早日回归吧", "抹茶味"),
    ("抹茶味就好了了", "抹茶味"),
    ("抹茶味好吗", "抹茶味"),
    ("抹茶味早日", "抹茶味"),
    ("好吗x", "好吗x"),
    ("吧" * 50 + "x", "吧" * 50 + "x"),
    ("", ""),
])
def test_trailing_particles_and_endings_are_trimmed(text: str, rest: str) -> None:
    assert requests.trim_end_zh(text) == rest


def test_a_run_of_pleases_finds_the_object() -> None:
    assert requests.request_object("please, please!! pls add matcha cookies") == "matcha cookies"
    assert requests.request_object("please " * 3 + "and thank you") is None


def test_links_are_dropped_before_terms() -> None:
    found = terms.terms("Loved it: https://x.co/abc see shop.com/p/1 or www.example.org "
                        "great matcha cookies")
    assert found == ["matcha", "cookies", "matcha cookies"]  # loved, see, great: stop words


def test_long_han_runs_are_segmented_in_pieces() -> None:
    run = "墨西哥辣椒饼干" * 30  # 210 characters: three pieces of at most 100
    words = terms.segment(run)
    assert "".join(words) == run
    assert "辣椒" in words or "墨西哥" in words


@pytest.mark.parametrize("text", [
    "good but bad", "The food was great but the service was terrible but cheap",
    "not good but not bad either but GREAT", "kind of good but very bad, no love but hate",
    "I love it but but but I hate it", "bad but the bomb yeah right", "ok",
    "never so good but without doubt the worst but at least it isn't horrible",
])
def test_linear_vader_scores_as_stock_vader(text: str) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    stock = SentimentIntensityAnalyzer()
    stock.lexicon.update(sentiment.VADER_UPDATES)
    assert sentiment.vader().polarity_scores(text) == stock.polarity_scores(text)


def test_but_check_scales_first_equal_values_as_vader() -> None:
    # VADER scales the first position holding each value, walking the values in order:
    # [2, 1, 0, 3] before "but" at 2 -> step 0: 2 -> 1.0 at 0; step 1: value 1 first at 0
    # -> 0.5; step 2: "but" itself stays; step 3: 3 after "but" -> 4.5
    words = ["great", "good", "but", "best"]
    assert sentiment.but_check(words, [2.0, 1.0, 0.0, 3.0]) == [0.5, 1.0, 0.0, 4.5]


# ---------------------------------------------------------------- time on long texts

def test_each_step_on_million_character_texts(bench: ModuleType) -> None:
    steps = bench.detectors(bench.load_playbook())
    bench.warm_up(steps)
    slow = {}
    for kind, make in bench.KINDS.items():
        texts = pd.Series([make(MILLION)])
        for name, step in steps.items():
            took = seconds(step, texts)
            if took > STEP_SECONDS:
                slow[(kind, name)] = round(took, 2)
    assert slow == {}


@pytest.mark.parametrize("kind", ["a. run", "base64 link", "please run", "particles",
                                  "but words", "CJK run", "accented words", "spaces"])
def test_steps_grow_linearly_without_the_cap(bench: ModuleType, kind: str) -> None:
    """Four times the text takes about four times as long (a quadratic step: sixteen)."""
    steps = bench.detectors(bench.load_playbook())
    del steps["annotations"]  # the sum of the others
    bench.warm_up(steps)
    short, long = (pd.Series([bench.KINDS[kind](n)]) for n in (8_000, 32_000))
    quadratic = {}
    with bench.uncapped():
        for name, step in steps.items():
            before, after = seconds(step, short), seconds(step, long)
            if after > 7 * before + 0.25:
                quadratic[name] = (round(before, 3), round(after, 3))
    assert quadratic == {}


def test_a_message_set_with_million_character_texts(bench: ModuleType) -> None:
    playbook = bench.load_playbook()
    ordinary = pd.read_csv(ROOT / "bench" / "eval" / "messages.csv")["text"].tolist()
    hostile = [bench.KINDS[k](MILLION) for k in ("a. run", "please run", "particles",
                                                  "but words")]
    texts = pd.Series(ordinary + hostile)
    messages = pd.DataFrame({"text": texts, "sentiment": None})
    start = time.perf_counter()
    out = annotate.annotate_frame(messages, playbook)
    classify.is_question(texts)
    rule_flags(texts, playbook)
    classify.pillar(texts, pd.Series("", index=texts.index), playbook)
    assert time.perf_counter() - start < SET_SECONDS
    assert len(out) == len(texts)
    assert int(classify.cut_for_analysis(texts).sum()) == 4


# ---------------------------------------------------------------- format detection

def _instagram_comments(first_text: str) -> dict[str, object]:
    document = json.loads((EXPORTS / "comments_18000000000000000.json").read_text())
    document["data"][0]["text"] = first_text
    return document


@pytest.mark.parametrize("indent", [None, 1])
def test_instagram_comments_with_a_long_first_comment_are_recognised(
        tmp_path: Path, indent: int | None) -> None:
    path = tmp_path / "comments.json"
    path.write_text(json.dumps(_instagram_comments("a." * 100_000), indent=indent))
    assert detect(path).name == "instagram_graph_comments"


def test_reddit_lines_with_a_long_first_body_are_recognised(tmp_path: Path) -> None:
    first = {"body": "好" * 200_000, "author": "m1", "created_utc": 1700000000,
             "link_id": "t3_a", "id": "c1"}
    path = tmp_path / "comments.jsonl"
    path.write_text(json.dumps(first, ensure_ascii=False) + "\n")
    assert detect(path).name == "reddit_jsonl"


def test_youtube_comments_csv_with_a_long_first_comment_is_recognised(tmp_path: Path) -> None:
    sample = Path("/work/shared/data/exports/youtube/kenjee_All_Comments_Final_first2000.csv")
    if not sample.exists():
        pytest.skip("real export samples not present")
    rows = pd.read_csv(sample, nrows=3)
    rows.loc[0, "Comments"] = "x" * 200_000
    path = tmp_path / "comments.csv"
    rows.to_csv(path, index=False)
    assert detect(path).name == "youtube_comments"


def test_skeleton_cuts_long_values_only() -> None:
    kept = "x" * 256
    assert skeleton('{"a": "short", "b": "' + "x" * 300 + '", "c": 1}') == (
        '{"a": "short", "b": "' + kept + '", "c": 1}')
    assert skeleton('id,text\n1,"' + "y" * 300 + '"\n2,' + "z" * 300 + "\n") == (
        'id,text\n1,"' + "y" * 256 + '"\n2,' + "z" * 256 + "\n")
    # an escape is never left open: kept are the quote and 256 characters, less a lone "\\"
    assert skeleton('{"a": "\\"' + "q" * 300 + '"}') == '{"a": "\\"' + "q" * 254 + '"}'
    assert skeleton('{"a": "' + "q" * 255 + '\\"' + "q" * 50 + '"}') == (
        '{"a": "' + "q" * 255 + '"}')


def test_unrecognised_file_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text(json.dumps({"notes": ["n" * 100_000], "other": 1}))
    with pytest.raises(Exception, match="format not recognised"):
        detect(path)
