"""The text detectors against the labelled sets in bench/eval/ (floors), and the rule
library's kinds on hand-written messages, near misses included."""

from __future__ import annotations

import csv
import importlib.util
import time
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from communitykit import playbook
from communitykit.listening import complaints, requests
from communitykit.rule_flags import rule_flags
from communitykit.rule_library import LIBRARY

ROOT = Path(__file__).resolve().parents[1]
FLOOR = 0.8
SENTIMENT_FLOOR = 0.75
# labelled-v2 held-out (independent annotator), patterns or trained model: a little below
# what was measured (0.955 / 0.553, 0.923 / 0.316, 0.976 / 0.891); requests and complaints
# are far below the 0.90 / 0.85 target, rule flags meet it
V2_FLOORS = {  # detector: (precision, recall)
    "request": (0.86, 0.79), "complaint": (0.86, 0.58), "rule flag": (0.95, 0.85)}


def _bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def detectors() -> ModuleType:
    return _bench("detectors")


@pytest.fixture(scope="module")
def results(detectors: ModuleType) -> dict:
    return detectors.report()


def test_evaluation_set_shape() -> None:
    with (ROOT / "bench" / "eval" / "messages.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 300
    languages = [r["language"] for r in rows]
    assert 0.4 < languages.count("zh") / len(rows) < 0.6
    assert {r["sentiment"] for r in rows} == {"positive", "neutral", "negative"}


def test_labelled_v2_shape() -> None:
    with (ROOT / "bench" / "eval" / "labelled-v2.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 200
    assert {r["lang"] for r in rows} == {"en", "zh"}
    assert {r["rule_category"] for r in rows} - {""} == set(LIBRARY)


@pytest.mark.parametrize("half", ["tune", "held-out"])
@pytest.mark.parametrize("detector", ["question", "request", "rule flag"])
def test_detector_floor(results: dict, half: str, detector: str) -> None:
    figures = results["messages"][half][detector]
    assert figures["precision"] >= FLOOR and figures["recall"] >= FLOOR, figures


@pytest.mark.parametrize("half", ["tune", "held-out"])
def test_sentiment_floor(results: dict, half: str) -> None:
    macro = results["messages"][half]["sentiment macro"]
    assert macro["precision"] >= SENTIMENT_FLOOR and macro["recall"] >= SENTIMENT_FLOOR, macro


@pytest.mark.parametrize("detector", sorted(V2_FLOORS))
def test_labelled_v2_held_out_floor(results: dict, detector: str) -> None:
    figures = results["labelled-v2"]["held-out"][detector]
    precision, recall = V2_FLOORS[detector]
    assert figures["precision"] >= precision and figures["recall"] >= recall, figures


def test_labelled_v2_template_covers_every_kind(detectors: ModuleType) -> None:
    pb = playbook.load(detectors.PLAYBOOK_V2)
    assert set(detectors.category_kinds(pb).values()) == set(LIBRARY)


# ---------------------------------------------------------------- the rule library

# kind: (messages of that kind, near misses that must not be flagged as anything)
EXAMPLES = {
    "self_harm": ([
        "I don't want to be alive anymore", "honestly thinking about suicide again",
        "everyone would be better off without me", "我不想活了，真的", "最近一直在自残",
        "安眠药已经囤够了",
    ], [
        "this boss fight makes me want to die lmao", "I'd kill for a restock",
        "killed it with this flavour", "笑死我了", "想死你们了！", "跳楼价清仓", "饿死了 快出餐",
    ]),
    "harassment": ([
        "kill yourself loser", "you're a fucking idiot", "I know where you live",
        "你去死吧", "你这个废物", "等着，我弄死你",
    ], [
        "someone called me an idiot lol", "有人骂我sb", "不买是傻子", "这波团战直接杀疯了",
        "shut up and take my money", "我真是个废物，又忘带杯子了",
    ]),
    "hate": ([
        "go back where you came from", "immigrants are all criminals",
        "muslims should be banned from this server", "东北人都是骗子", "同性恋真恶心",
        "女人就不该玩游戏",
    ], [
        "the chinese version ruins the ending", "黑人问号？？", "河南的朋友们好",
        "chinks in the armour", "残疾人通道在哪",
    ]),
    "scam": ([
        "Hi this is official support, send me your password to verify the account",
        "Congratulations! You won an iPhone, just pay the shipping fee",
        "double your bitcoin in 24 hours, guaranteed returns",
        "刷单兼职，日结", "恭喜中奖，支付邮费即可领取", "请提供银行卡号和验证码",
    ], [
        "never share your password with anyone", "I had to pay the shipping twice",
        "有人冒充客服找我要验证码，大家小心", "收不到验证码怎么办",
        "can you send me the verification code again? it never arrived",
    ]),
    "personal_data": ([
        "my number is 07700 900123, please call", "email me at jane.doe@gmail.com",
        "ship to 14 Baker Street please", "我的手机号13912345678", "微信号：abc_12345",
        "身份证110105199003071234",
    ], [
        "email support@brand.com for help", "I waited 3 hours on the road", "价格是1299元",
        "2024-05-16 到货", "下午3点见",
    ]),
    "spam": ([
        "FOLLOW FOR FOLLOW f4f", "buy cheap instagram followers",
        "first first first first first first first", "互粉互粉，关注必回",
        "顶顶顶顶顶顶顶顶顶顶顶顶顶顶",
    ], [
        "hahahahahahahahahahaha", "哈哈哈哈哈哈哈哈哈哈哈哈哈哈", "66666666666666", "soooooo good",
        "lol lol lol", "🔥🔥🔥",
    ]),
    "promotion": ([
        "check out my shop for cheaper chips", "subscribe to my channel for tier lists",
        "use code SAVE15 at my store", "看我主页，有优惠", "关注我的抖音号", "加我微信下单",
    ], [
        "比星巴克好喝", "other chains already do oat milk for free", "try the sea salt instead",
        "怎么加官方群？",
    ]),
}


@pytest.fixture(scope="module")
def every_kind(detectors: ModuleType) -> tuple[playbook.Playbook, dict[str, str]]:
    pb = playbook.load(detectors.PLAYBOOK_V2)
    return pb, detectors.category_kinds(pb)


def _kinds(texts: list[str], every_kind: tuple[playbook.Playbook, dict[str, str]],
           order: tuple[str, ...]) -> list[str]:
    pb, kinds = every_kind
    flags = rule_flags(pd.Series(texts), pb)
    return [min((kinds[c] for c in flags.columns if row[c]), key=order.index, default="")
            for _, row in flags.iterrows()]


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_rule_library_kind(kind: str, every_kind: tuple, detectors: ModuleType) -> None:
    flagged, near_misses = EXAMPLES[kind]
    assert _kinds(flagged, every_kind, detectors.KIND_ORDER) == [kind] * len(flagged)
    assert _kinds(near_misses, every_kind, detectors.KIND_ORDER) == [""] * len(near_misses)


def test_rule_library_runs_in_linear_time(every_kind: tuple) -> None:
    """Every kind's patterns on adversarial texts four times longer take at most ~4x as
    long (a quadratic pattern would take 16x)."""
    adversarial = _bench("adversarial")
    pb, _ = every_kind
    texts = {**adversarial.KINDS, "digit groups": lambda n: "1234 " * (n // 5),
             "repeated units": lambda n: "互关" * (n // 2) + "x"}
    rule_flags(pd.Series(["warm up"]), pb)
    slow = {}
    with adversarial.uncapped():
        for name, make in texts.items():
            took = []
            for n in (8_000, 32_000):
                start = time.perf_counter()
                rule_flags(pd.Series([make(n)]), pb)
                took.append(time.perf_counter() - start)
            if took[1] > 7 * took[0] + 0.25:
                slow[name] = took
    assert slow == {}


# ---------------------------------------------------------------- requests and complaints

@pytest.mark.parametrize("text", [
    "冷萃什么时候补货呀", "求你们出直播间专属价！", "能不能把字体调大一点",
    "Student discount when?",
    "fix the login bug already", "An offline mode would be a lifesaver",
    "it would be great if the app could export to CSV", "pls出个繁体版",
])
def test_requests_in_both_languages(text: str) -> None:
    assert requests.is_request(text)


@pytest.mark.parametrize("text, expected", [
    ("麻烦尽快处理退款", True), ("can you call me back please", True),
    ("please refund my order", True), ("how do I turn off the weekly email?", False),
    ("退款流程是怎样的", False),
])
def test_service_asks(text: str, expected: bool) -> None:
    assert requests.is_service_ask(text) is expected
    assert not requests.is_request(text)  # not a product wish: kept out of the register


@pytest.mark.parametrize("text, expected", [
    ("收到的饼干已经过期了", True), ("优惠券什么时候过期？", False), ("会过期吗", False),
    ("APP一打开就闪退", True), ("是我的问题还是app又登不上了？", True), ("又涨价？", True),
    ("servers down again", True), ("Thanks for the 'fix' that deleted my save", True),
    ("no bugs so far, the app just works", False), ("Love this flavour", False),
])
def test_complaints_in_both_languages(text: str, expected: bool) -> None:
    assert complaints.is_complaint(text) is expected
