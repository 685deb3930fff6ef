"""Listening: request normalisation, Chinese segmentation and emerging terms, sentiment
labels from the export, and every listening figure on a small hand-calculated fixture."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from communitykit import periods, playbook
from communitykit.dataset import Dataset
from communitykit.i18n import use_language
from communitykit.listening import requests, sentiment, terms
from communitykit.metrics import listening, term_index
from communitykit.metrics.results import Listening, Pair, as_json
from communitykit.report.sections import listening as listening_section
from communitykit.tables import conform

ROOT = Path(__file__).resolve().parents[1]
DEMO = playbook.load(ROOT / "playbooks" / "demo" / "playbook.yaml")


@pytest.mark.parametrize("text", [
    "please bring back the jalapeño biscuits",
    "bring back jalapeno biscuits!!",
    "Bring back the Jalapeño biscuits please",
    "Please bring back jalapeno biscuits, they were the best",
    "PLEASE bring back the JALAPEÑO BISCUITS 🙏🙏",
])
def test_request_variants_normalise_to_one_key(text: str) -> None:
    obj = requests.request_object(text)
    assert obj is not None
    assert requests.normalise(obj) == "jalapeno biscuit"


@pytest.mark.parametrize("text, key", [
    ("求复刻墨西哥辣椒饼干", "墨西哥辣椒饼干"),
    ("希望墨西哥辣椒饼干回归", "墨西哥辣椒饼干"),
    ("能不能出无糖款", "无糖款"),
    ("请推出大包装！", "大包装"),
    ("冷萃什么时候补货呀", "冷萃"),  # a restock asked as "when" (issue 17)
    ("什么时候补货？", "补货"),
    ("wish you had vegan butter cookies", "vegan butter cookie"),
    ("please add a family size box", "family size box"),
    ("Could you please make the berries tarts again?", "berry tart"),
])
def test_request_objects(text: str, key: str) -> None:
    obj = requests.request_object(text)
    assert obj is not None and requests.normalise(obj) == key


@pytest.mark.parametrize("text", [
    "Do you ship to Canada?", "Love these!", "快递太慢了", "请问可以寄到上海吗？",
    "When will the oat biscuits be back in stock?",
    "Please do let me know when it ships", "Please keep up the good work!",
    "please get back to me asap", "Please have a great weekend",
])
def test_not_requests(text: str) -> None:
    assert not requests.is_request(text)


@pytest.mark.parametrize("text, expected", [
    ("Is anyone else here from Bristol", True), ("hey, is the event free", True),
    ("wondering if the dark ones contain milk", True), ("订单能改地址不", True),
    ("抹茶味的含不含麸质", True), ("北京有门店么", True),
    ("Can't wait for Saturday", False), ("Do not microwave the tin", False),
    ("What a lovely idea!", False), ("Will report back tomorrow", False),
    ("没什么特别的", False), ("不知道为什么突然想吃饼干", False), ("哪怕下雨也要去", False),
])
def test_question_forms(text: str, expected: bool) -> None:
    from communitykit.classify import is_question

    assert bool(is_question(pd.Series([text])).iloc[0]) is expected


def test_plural_folding() -> None:
    assert [requests.singular(w) for w in ("biscuits", "berries", "boxes", "cookies", "glass",
                                           "hummus")] == [
        "biscuit", "berry", "box", "cookie", "glass", "hummus"]


def test_chinese_segmentation_and_english_phrases() -> None:
    found = terms.terms("求复刻墨西哥辣椒饼干，快递太慢了")
    assert "饼干" in found and "快递" in found and "了" not in found
    assert terms.terms("Bring back the jalapeño biscuits") == [
        "jalapeno", "biscuits", "jalapeno biscuits"]


def test_segmentation_depends_on_the_word_set_alone() -> None:
    text = "排队两个小时没排到，体验太差"
    alone = terms.terms(text)
    for _ in range(3):  # other word sets, taught in between, change nothing
        terms.terms(text, words=("辣椒饼干", "太差体验"))
        terms.terms(text, words=("排队",))
    assert terms.terms(text) == alone
    assert "辣椒饼干" in terms.terms("求复刻辣椒饼干", words=("辣椒饼干",))


def test_chinese_sentiment_with_negation() -> None:
    assert sentiment.classify("太好吃了！", "zh") == "positive"
    assert sentiment.classify("不好吃", "zh") == "negative"
    assert sentiment.classify("不甜不腻，刚刚好", "zh") == "positive"
    assert sentiment.classify("真心不错", "zh") == "positive"
    assert sentiment.classify("明天去上海出差", "zh") == "neutral"
    assert sentiment.classify("Still no refund after three weeks", "en") == "negative"
    assert sentiment.classify("Please bring back the maple cookies", "en") == "neutral"


def _messages(rows: list[tuple[str, str, str, str, str | None]]) -> pd.DataFrame:
    """(message id, author, local time in New York, text, export sentiment label)."""
    frame = pd.DataFrame([{
        "platform": "instagram", "message_id": mid, "author_id": author, "author_name": author,
        "created_at": pd.Timestamp(when, tz="America/New_York").tz_convert("UTC"),
        "text": text, "sentiment": label,
    } for mid, author, when, text, label in rows])
    return conform(frame, "messages")


# Demo playbook themes: delivery (support), recipes (marketing), jalapeno (product), price.
FIXTURE = [
    ("p1", "m1", "2026-09-10 12:00", "please bring back the jalapeño biscuits", None),
    ("p2", "m2", "2026-09-11 12:00", "Love these!", None),
    ("c1", "m1", "2026-10-02 12:00", "please bring back the jalapeño biscuits", None),
    ("c2", "m2", "2026-10-03 12:00", "bring back jalapeno biscuits!!", None),
    ("c3", "m3", "2026-10-04 12:00", "求复刻墨西哥辣椒饼干", None),
    ("c4", "m4", "2026-10-05 12:00", "My order arrived crushed", None),
    ("c5", "m5", "2026-10-06 12:00", "快递太慢了", None),
    ("c6", "m6", "2026-10-07 12:00", "Love the new recipe", "Negative"),
    ("c7", "m1", "2026-10-08 12:00", "See you at the market", None),
    ("c8", "m7", "2026-10-09 12:00", "please add a family size box", None),
]


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    data = Dataset.build(DEMO, messages=_messages(FIXTURE))
    period = periods.parse("2026-10")
    start, end = period.utc_bounds(DEMO.tz)
    previous_start, _ = period.previous().utc_bounds(DEMO.tz)
    return as_json(listening.compute(data, start, end, previous_start))


def test_sentiment_by_hand(figures: dict[str, Any]) -> None:
    # c4 and c5 are complaints, c6 carries the export label Negative (its text is
    # positive: the label wins); the five others are neutral
    assert figures["messages"] == 8
    assert figures["languages"] == {"en": 6, "zh": 2}
    assert figures["sentiment"] == {"positive": 0, "neutral": 5, "negative": 3}
    assert figures["sentiment_from_export"] == 1
    assert figures["net_sentiment"] == -0.375  # (0 - 3) / 8


def test_themes_by_hand(figures: dict[str, Any]) -> None:
    themes = {t["theme"]: t for t in figures["themes"]}
    jalapeno = themes["jalapeno"]
    # c1 c2 c3 of 8 now; p1 of 2 before
    assert (jalapeno["messages"], jalapeno["share"], jalapeno["previous"],
            jalapeno["previous_share"], jalapeno["share_change"]) == (3, 0.375, 1, 0.5, -0.125)
    assert [e["text"] for e in jalapeno["examples"]] == [
        "please bring back the jalapeño biscuits", "bring back jalapeno biscuits!!",
        "求复刻墨西哥辣椒饼干"]
    assert (themes["delivery"]["messages"], themes["delivery"]["trend"]) == (2, "new")
    assert themes["recipes"]["messages"] == 1 and themes["price"]["messages"] == 0
    assert figures["unthemed_messages"] == 2  # c7, c8


def test_requests_register_by_hand(figures: dict[str, Any]) -> None:
    assert (figures["requests"], figures["request_members"]) == (4, 4)
    first, second = figures["request_register"]
    assert first["key"] == "theme:jalapeno" and first["item"] == "Jalapeño biscuits"
    assert (first["messages"], first["members"], first["previous"], first["trend"]) == (
        3, 3, 1, "up")
    assert (first["first_seen"], first["last_seen"], first["owner"]) == (
        "2026-10-02", "2026-10-04", "product")
    assert first["asked_as"] == ["jalapeno biscuit", "墨西哥辣椒饼干"]
    assert (second["item"], second["messages"], second["previous"], second["trend"],
            second["owner"]) == ("family size box", 1, 0, "new", "community")


def test_pain_points_and_insights_by_hand(figures: dict[str, Any]) -> None:
    pains = [(p["label"], p["messages"], p["complaints"], p["owner"])
             for p in figures["pain_points"]]
    assert pains == [("Delivery and orders", 2, 2, "support"),
                     ("Recipes and baking", 1, 0, "marketing")]
    assert figures["pain_point_messages"] == 3
    assert [(i["team"], i["kind"], i["item"], i["members"]) for i in figures["insights"]] == [
        ("community", "request", "family size box", 1),
        ("marketing", "pain point", "Recipes and baking", 1),
        ("marketing", "theme", "Recipes and baking", 1),
        ("product", "request", "Jalapeño biscuits", 3),
        ("product", "theme", "Jalapeño biscuits", 3),
        ("support", "pain point", "Delivery and orders", 2),
        ("support", "theme", "Delivery and orders", 2),
    ]


def test_emerging_terms_in_both_languages() -> None:
    rows = [(f"p{i}", f"a{i}", f"2026-09-{10 + i} 12:00", "Lovely weekend", None)
            for i in range(3)]
    rows += [(f"e{i}", f"b{i}", f"2026-10-{10 + i} 12:00", "the matcha latte tin is great",
              None) for i in range(3)]
    rows += [(f"z{i}", f"c{i}", f"2026-10-{15 + i} 12:00", "抹茶拿铁太好喝了", None)
             for i in range(3)]
    data = Dataset.build(DEMO, messages=_messages(rows))
    period = periods.parse("2026-10")
    start, end = period.utc_bounds(DEMO.tz)
    previous_start, _ = period.previous().utc_bounds(DEMO.tz)
    found = as_json(listening.compute(data, start, end, previous_start))["emerging_terms"]
    terms_found = {t["term"] for t in found}
    # 3 of 6 messages now, 0 of 3 before: (3 + 1) / 7 ÷ (1 / 4) = 2.29
    assert "matcha latte tin" in terms_found and "matcha" not in terms_found
    zh = [t for t in found if t["language"] == "zh"]
    assert zh and {t["term"] for t in zh} <= {"抹茶", "拿铁", "抹茶拿铁", "好喝"}
    assert all(t["growth"] == 2.29 and t["messages"] == 3 for t in found)
    assert "weekend" not in terms_found and "lovely" not in terms_found


class _Stub:
    """The report a section reads: these listening figures in both periods."""

    def __init__(self, figures: dict[str, Any]) -> None:
        listening = Listening(**figures)
        self.figures = SimpleNamespace(listening=Pair(listening, listening))

    def more_line(self, hidden: int, csv_name: str | None = None) -> str:
        return f"{hidden} more in {csv_name}" if hidden > 0 else ""


def test_section_is_escaped_and_translated(figures: dict[str, Any]) -> None:
    doc = dict(figures)
    doc["request_register"] = [dict(figures["request_register"][0],
                                    examples=[{"text": "<script>alert(1)</script>"}])]
    html = str(listening_section.render(_Stub(doc)))  # type: ignore[arg-type]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Requests register" in html and "Insights for other teams" in html
    with use_language("zh"):
        zh = str(listening_section.render(_Stub(doc)))  # type: ignore[arg-type]
    assert "诉求登记" in zh and "给其他团队的洞察" in zh and "Requests register" not in zh


def test_empty_periods_give_empty_figures() -> None:
    data = Dataset.build(DEMO, messages=_messages(FIXTURE[:2]))  # September only
    period = periods.parse("2026-08")
    start, end = period.utc_bounds(DEMO.tz)
    previous_start, _ = period.previous().utc_bounds(DEMO.tz)
    empty = as_json(listening.compute(data, start, end, previous_start))
    assert empty["messages"] == 0 and empty["net_sentiment"] is None
    assert empty["request_register"] == [] and empty["insights"] == []
    september = periods.parse("2026-09")
    start, end = september.utc_bounds(DEMO.tz)
    previous_start = september.previous().utc_bounds(DEMO.tz)[0]
    figures = as_json(listening.compute(data, start, end, previous_start))
    assert figures["request_register"][0]["trend"] == "new"


@pytest.mark.parametrize("text, lang", [
    ("¡Me encantan estas galletas!", "en"), ("このクッキーは美味しい", "other"),
    ("هذا رائع", "other"), ("", "other"), ("求复刻 jalapeño biscuits", "en"),
    ("求复刻墨西哥辣椒 biscuits", "zh"),
])
def test_other_languages_are_handled(text: str, lang: str) -> None:
    from communitykit.listening.annotate import annotate_frame
    from communitykit.listening.text import language

    assert language(text) == lang
    notes = annotate_frame(_messages([("x", "m", "2026-10-01 12:00", text, None)]), DEMO)
    assert notes["sentiment"].iloc[0] in sentiment.LABELS


def test_goal_on_net_sentiment(tmp_path: Path) -> None:
    from communitykit import metrics

    text = (ROOT / "playbooks" / "demo" / "playbook.yaml").read_text(encoding="utf-8")
    text = text.replace("metric: peer_support_rate", "metric: net_sentiment")
    (tmp_path / "playbook.yaml").write_text(text, encoding="utf-8")
    pb = playbook.load(tmp_path / "playbook.yaml")
    data = Dataset.build(pb, messages=_messages(FIXTURE))
    doc = (metrics.compute(data, periods.parse("2026-10"))).to_json()
    goal = next(g for g in doc["goals"] if g["metric"] == "net_sentiment")
    assert goal["current"] == -0.375 and goal["previous"] == 0.5  # Sep: 1 positive of 2


def test_playbook_without_themes() -> None:
    pb = playbook.load(ROOT / "tests" / "fixtures" / "handcalc" / "playbook.yaml")
    assert not pb.themes
    data = Dataset.build(pb, messages=_messages(FIXTURE))
    period = periods.parse("2026-10")
    start, end = period.utc_bounds(pb.tz)
    figures = as_json(listening.compute(data, start, end, period.previous().utc_bounds(pb.tz)[0]))
    assert [(p["label"], p["messages"], p["owner"]) for p in figures["pain_points"]] == [
        ("Other (no theme)", 3, "community")]
    # without a theme to join them, the English and Chinese requests stay apart
    assert [r["key"] for r in figures["request_register"]] == [
        "jalapeno biscuit", "family size box", "墨西哥辣椒饼干"]


def test_a_repeated_text_is_analysed_once_but_labelled_per_message() -> None:
    """Three messages with one text: the export's label counts for its own message only."""
    from communitykit.listening.annotate import annotate_frame

    rows = [("r1", "m1", "2026-10-02 12:00", "Love these biscuits", None),
            ("r2", "m2", "2026-10-02 13:00", "Love these biscuits", "Negative"),
            ("r3", "m3", "2026-10-02 14:00", "Love these biscuits", None)]
    out = annotate_frame(_messages(rows), DEMO)
    assert out["sentiment"].tolist() == ["positive", "negative", "positive"]
    assert out["sentiment_source"].tolist() == ["model", "export", "model"]
    assert list(out.index) == list(range(3))


def _term_index(frame: pd.DataFrame) -> term_index.TermIndex:
    """The ``TermIndex`` of messages with a ``terms`` column: each distinct terms string
    stands for a text (as ``annotate`` keeps them, numbered from 5)."""
    codes, distinct = pd.factorize(frame["terms"], sort=False)
    kept = pa.chunked_array([pa.array(["x"] * 5 + list(distinct), pa.large_string())])
    return term_index.TermIndex.of_texts(frame.assign(text_number=codes + 5), kept)


@pytest.mark.parametrize("texts_at_once", [100_000, 7])
def test_the_term_index_counts_messages_and_members_of_every_term(
        monkeypatch: pytest.MonkeyPatch, texts_at_once: int) -> None:
    """Against a count by hand of each term, by scans (the first lookups) and after the
    sort that later lookups use; with the texts split at once or 7 at a time (a term's
    code then comes from the first part that uses it)."""
    monkeypatch.setattr(term_index, "SCANS_BEFORE_SORT", 10)
    monkeypatch.setattr(term_index, "TERM_TEXTS", texts_at_once)
    rows = []
    for i in range(300):
        words = [f"w{i % 7}", f"w{i % 11}", "common"] + (["rare"] if i == 5 else [])
        rows.append({"platform": "x" if i % 2 else "reddit", "author_id": f"a{i % 13}",
                     "terms": terms.TERM_SEPARATOR.join(dict.fromkeys(words))})
    rows.append({"platform": "x", "author_id": "a0", "terms": ""})  # a message without terms
    frame = pd.DataFrame(rows)
    index = _term_index(frame)
    uses = [set(t.split(terms.TERM_SEPARATOR)) if t else set() for t in frame["terms"]]
    assert index.terms == list(dict.fromkeys(  # numbered in order of first use
        term for text in pd.unique(frame["terms"]) if text
        for term in text.split(terms.TERM_SEPARATOR)))
    assert sorted(index.terms) == sorted(set().union(*uses))
    for term, count in zip(index.terms, index.messages.tolist(), strict=True):  # 13 terms
        where = {i for i, used in enumerate(uses) if term in used}
        assert count == len(where)
        assert index.positions(term) == frozenset(where)
        assert index.members(term) == len({(frame["platform"][i], frame["author_id"][i])
                                           for i in where})
    assert index._order is not None  # 26 lookups: the last ones after the sort


def test_the_term_index_sorts_after_its_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_index, "SCANS_BEFORE_SORT", 2)
    frame = pd.DataFrame({"platform": ["x"] * 4, "author_id": ["a", "b", "a", "c"],
                          "terms": ["p\x1fq", "p", "q\x1fr", "p\x1fr"]})
    frame["terms"] = frame["terms"].str.replace("\x1f", terms.TERM_SEPARATOR)
    index = _term_index(frame)
    assert [index.members(t) for t in ("p", "q", "r", "p")] == [3, 1, 2, 3]
    assert index._order is not None  # the later lookups read the sorted uses
    assert index.positions("r") == frozenset({2, 3})


@pytest.mark.parametrize("text, expected", [
    ("<script>alert('x')</script> is this safe?", ["safe"]),
    ("<img src=x onerror=alert(1)> look at my bake?", ["bake"]),
    ("[click for a prize](javascript:alert(1))", ["click", "prize"]),
    ("Only $5 off $10 orders? math $x^2$ fail", ["orders", "math", "fail", "math fail"]),
    ("\u202etxt.exe is the recipe, right?", ["recipe"]),
    ("@amy.bakes try the help-desk channel", ["help-desk", "channel", "help-desk channel"]),
])
def test_markup_code_and_mentions_yield_no_terms(text: str, expected: list[str]) -> None:
    assert terms.terms(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The new packaging looks great", ["packaging", "new packaging"]),
    ("How long do the butter cookies stay fresh once opened?",
     ["butter", "cookies", "butter cookies"]),
    ("Mine came in a week", []),
    ("Same question here!", []),
    ("please add a gluten-free option", ["gluten-free", "option", "gluten-free option"]),
    ("Are the oat biscuits nut free?", ["oat", "biscuits", "nut", "oat biscuits"]),
    ("Delivery took two weeks, not happy", ["delivery"]),
    ("My order arrived crushed", ["order", "crushed"]),
    ("Can I order a gift box for next week?", ["order", "gift", "box", "gift box"]),
    ("please bring back the jalapeño biscuits", ["jalapeno", "biscuits", "jalapeno biscuits"]),
])
def test_english_terms_are_words_and_whole_noun_phrases(text: str, expected: list[str]) -> None:
    assert terms.terms(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("能不能出无糖款", ["无糖"]),  # jieba's made-up 出无糖款 loses 出 and 款
    ("大家早上好", []),
    ("黄油曲奇开封后能放多久呢", ["黄油", "曲奇", "开封"]),  # not 后能, not 多久
    ("收到的时候全碎了", []),
    ("冷萃什么时候补货呀", ["冷萃", "补货"]),
    ("求复刻墨西哥辣椒饼干", ["复刻", "墨西哥", "辣椒", "饼干"]),
])
def test_chinese_terms_are_words_without_particles(text: str, expected: list[str]) -> None:
    assert terms.terms(text) == expected


def test_noisy_terms_do_not_emerge_and_real_ones_do() -> None:
    # 3 messages before; now 4 members each write the demo's three noisy texts (12
    # messages): a term new in 4 of them grows (4 + 1) / 13 ÷ (0 + 1) / 4 = 1.54.
    rows = [("p0", "a0", "2026-09-10 12:00", "please bring back the jalapeño biscuits", None),
            ("p1", "a1", "2026-09-11 12:00", "Good morning bakers", None),
            ("p2", "a2", "2026-09-12 12:00", "Rainy day, oven on", None)]
    texts = ["<script>alert('x')</script> Same question here! please add a gift box",
             "The new packaging looks great, mine came in a week",
             "能不能出无糖款，大家早上好"]
    rows += [(f"c{i}{j}", f"m{i}", f"2026-10-{10 + i} 1{j}:00", text, None)
             for i in range(4) for j, text in enumerate(texts)]
    data = Dataset.build(DEMO, messages=_messages(rows))
    period = periods.parse("2026-10")
    start, end = period.utc_bounds(DEMO.tz)
    previous_start, _ = period.previous().utc_bounds(DEMO.tz)
    found = {t["term"]: t for t in
             as_json(listening.compute(data, start, end, previous_start))["emerging_terms"]}
    noise = {"alert", "add", "question", "looks", "new packaging looks", "mine came", "came",
             "早上好", "出无糖款", "script"}
    assert not noise & set(found)
    assert {"gift box", "new packaging", "无糖"} <= set(found)
    assert found["无糖"]["messages"] == 4 and found["无糖"]["growth"] == 1.54
