"""The trained detectors (listening/detector_model.py, scripts/train_detectors.py): the
shipped file, scores computed by hand, deterministic training, and hand-checked messages
per kind and language, near misses included."""

from __future__ import annotations

import hashlib
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from communitykit import playbook
from communitykit.listening import annotate, complaints, detector_model, requests
from communitykit.rule_flags import rule_flags

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import train_detectors  # noqa: E402

TEMPLATE = ROOT / "playbooks" / "templates" / "consumer-brand.yaml"
DEMO = ROOT / "playbooks" / "demo" / "playbook.yaml"


def test_shipped_model_loads_and_matches_its_digest() -> None:
    data = resources.files("communitykit").joinpath("assets", detector_model.ASSET).read_bytes()
    assert hashlib.sha256(data).hexdigest() == detector_model.DIGEST
    assert len(data) < 1_500_000  # 4,483 messages' n-grams: small enough to ship
    assert b"# command: .venv/bin/python scripts/train_detectors.py" in data
    model = detector_model.load()
    assert model.weights.shape == (len(model.index), len(detector_model.TARGETS))
    assert model.thresholds.shape == (2, len(detector_model.TARGETS))


def test_a_file_that_does_not_match_the_digest_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detector_model, "DIGEST", "0" * 64)
    detector_model.load.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="train_detectors.py"):
            detector_model.load()
    finally:
        monkeypatch.undo()
        detector_model.load.cache_clear()


def test_features_by_hand() -> None:
    assert detector_model.features("Hi 2U") == {
        "hi", "0u", "hi 0u", "~<hi", "~hi>", "~<hi>", "~<0u", "~0u>", "~<0u>"}
    assert detector_model.features("杀疯了!") == {"杀", "疯", "了", "杀疯", "疯了", "杀疯了"}


def _tiny_model() -> bytes:
    targets = "\t".join(detector_model.TARGETS)
    zeros = ["0"] * (len(detector_model.TARGETS) - 2)
    return "\n".join([
        "# a tiny model", f"@targets\t{targets}",
        "@bias\t-1\t-2\t" + "\t".join(["-3"] * 7),
        "@threshold-en\t0.5\t0\t" + "\t".join(["0"] * 7),
        "@threshold-zh\t1.5\t0\t" + "\t".join(["0"] * 7),
        "\t".join(["please", "1.25", "0.5", *zeros]),
        "\t".join(["希望", "2", "0", *zeros]),
        "\t".join(["望", "0.25", "0", *zeros]),
    ]).encode("utf-8") + b"\n"


def test_scores_and_thresholds_by_hand() -> None:
    model = detector_model.parse(_tiny_model())
    texts = ["please please", "希望有", "nothing", "望"]
    scores = detector_model.scores(texts, model)
    # request: bias -1 + please 1.25 (once: distinct features); -1 + 2 + 0.25; -1; -1 + 0.25
    assert scores[:, 0].tolist() == [250, 1250, -1000, -750]
    assert scores[:, 1].tolist() == [-1500, -2000, -2000, -2000]
    said = detector_model.said(texts, model)
    # English threshold 0.5, Chinese 1.5: 0.25 is below the one, 1.25 below the other
    assert said["request"].tolist() == [False, False, False, False]
    assert detector_model.said(["please 希望"], model)["request"].tolist() == [True]


def test_one_rule_kind_per_text() -> None:
    margin = np.array([[5, 9, -1, 0, 0, 0, 0], [-1, -2, -3, -4, -5, -6, -7],
                       [3, 3, 0, 0, 0, 0, 0]])
    got = detector_model.kinds(margin)
    assert got.sum(axis=1).tolist() == [1, 0, 1]
    assert got[0, 1] and got[2, 0]  # the furthest above; the first kind on a tie


def test_threshold_by_hand() -> None:
    scores = np.array([5, 4, 3, 2, 1])
    truth = np.array([True, True, False, True, False])
    none = np.zeros(5, dtype=bool)
    # precision of what the model adds from 5, 4, 3, 2, 1: 1/1, 2/2, 2/3, 3/4, 3/5
    assert train_detectors.threshold(scores, truth, none, 0.9) == 4
    assert train_detectors.threshold(scores, truth, none, 0.7) == 2
    # the false alarm at 3 is the patterns' already: the model adds 5, 4, 2 (all right)
    caught = np.array([False, False, True, False, False])
    assert train_detectors.threshold(scores, truth, caught, 0.9) == 2
    assert train_detectors.threshold(scores, ~truth & False, none, 0.9) == 6  # never


def test_training_is_deterministic_on_a_tiny_sample() -> None:
    texts = ["please add oat milk", "bring back the mint tea", "love it", "great service",
             "希望出大包装", "好喝", "please add a bigger size", "nice shop"] * 2
    labels = np.zeros((len(texts), len(detector_model.TARGETS)), dtype=int)
    labels[:, 0] = [1, 1, 0, 0, 1, 0, 1, 0] * 2
    feats = [detector_model.features(t) for t in texts]
    runs = [train_detectors.train(feats, labels) for _ in range(2)]
    files = [train_detectors.model_file(*run, np.zeros((2, labels.shape[1]), dtype=int), 16,
                                        "test") for run in runs]
    assert files[0] == files[1]
    vocab, weights, bias = runs[0]
    assert "please" in vocab and weights[vocab.index("please"), 0] > 0
    assert bias[0] < 0
    # the file scores as the trainer does
    model = detector_model.parse(files[0])
    assert (detector_model.scores(texts, model)
            == train_detectors.score(feats, vocab, weights, bias)).all()


# ---------------------------------------------------------------- hand-checked messages

@pytest.fixture(scope="module")
def template() -> playbook.Playbook:
    return playbook.load(TEMPLATE)


def _kinds(texts: list[str], pb: playbook.Playbook) -> list[str]:
    order = ("self_harm", "hate", "harassment", "scam", "personal_data", "spam", "promotion")
    use = {c.id: c.use for c in pb.rules.categories}
    flags = rule_flags(pd.Series(texts), pb)
    return [min((str(use[c]) for c in flags.columns if row[c]), key=order.index, default="")
            for _, row in flags.iterrows()]


# kind: messages no pattern matches that the model flags (Chinese: the English model adds
# little beyond the patterns, docs/listening.md)
MODEL_ONLY = {
    "self_harm": ["活着好累，不想再醒来了", "好想从楼上跳下去"],
    "harassment": ["你个死胖子闭嘴吧"],
    "scam": ["加我领取内部优惠 稳赚"],
    "promotion": ["私信我买正品 便宜"],
}


@pytest.mark.parametrize("kind", sorted(MODEL_ONLY))
def test_the_model_adds_rule_breaks_the_patterns_miss(kind: str, template: playbook.Playbook
                                                       ) -> None:
    texts = MODEL_ONLY[kind]
    assert not train_detectors.pattern_flags(pd.Series(texts))[kind].any()
    assert _kinds(texts, template) == [kind] * len(texts)


def test_playbooks_without_use_keep_the_patterns_alone() -> None:
    demo = playbook.load(DEMO)
    assert not any(c.use for c in demo.rules.categories)
    flags = rule_flags(pd.Series(MODEL_ONLY["self_harm"]), demo)
    assert not flags.to_numpy().any()


NEAR_MISSES = [
    "I'd kill for a restock", "杀疯了", "这波团战直接杀疯了",
    "this boss fight makes me want to die lmao", "笑死我了",
    "WARNING: a fake account is asking for your password, never send it",
    "有人冒充客服找我要验证码，大家小心", "someone called me an idiot lol", "有人骂我sb",
    "Love this flavour", "几点开门？", "跳楼价清仓",
]


def test_near_misses_are_not_flagged(template: playbook.Playbook) -> None:
    assert _kinds(NEAR_MISSES, template) == [""] * len(NEAR_MISSES)
    assert not any(complaints.is_complaint(t) for t in NEAR_MISSES[4:])
    assert [t for t in NEAR_MISSES if requests.is_request(t)] == ["I'd kill for a restock"]


@pytest.mark.parametrize("text, expected", [
    ("能不能把营业时间延长到晚上十点", True),  # the model's (no request form matches)
    ("bring back the lime crisps", True), ("冷萃什么时候补货呀", True),
    ("please refund my order", False),  # a service ask: not in the register
    ("退款流程是怎样的", False), ("Do you ship to Canada?", False),
])
def test_requests(text: str, expected: bool) -> None:
    assert requests.is_request(text) is expected


def test_a_request_without_an_object_is_filed_as_unspecified() -> None:
    text = "能不能把营业时间延长到晚上十点"
    assert requests.request_object(text) is None
    assert annotate.request_group(text, playbook.load(DEMO)) == (
        requests.UNSPECIFIED, text, None)
    got = annotate.annotate_frame(pd.DataFrame({"text": [text, "好喝"], "sentiment": None}),
                                  playbook.load(DEMO))
    assert got["request"].tolist() == [requests.UNSPECIFIED, None]
    assert got["request_item"].tolist() == [text, None]
