"""Sentiment per message, offline: positive, neutral or negative.

A sentiment label in the export wins (``label``). Otherwise Latin-script text is scored
with VADER (compound >= 0.05 positive, <= -0.05 negative). Chinese text combines the
small lexicon below (each word found, longest match first, adds its weight; a negator
such as 不, 没, 并不 at most two characters before a word flips it, so 不好吃 is negative
and 不腻 positive, while 不错 and 没得说 are words of their own) with the review model of
``zh_model`` (see ``_label_zh``): reviews are always called, short chat messages only on
enough evidence, so 几点开门？ stays neutral. Complaint patterns (``complaints.py``) make
a message negative whatever the score (in Chinese unless the model is sure of praise),
and a question whose only sentiment is mildly positive is neutral. Other scripts: emoji
only, else neutral. A text is scored on its analysed part (``classify.ANALYSIS_CHARS``).

VADER is run through ``LinearVader``: the same scores, in time linear in the words (the
stock analyser lowercases the whole text again for each sentiment word).
"""

from __future__ import annotations

import heapq
import re
import string
from functools import lru_cache
from typing import Any

import numpy as np

from .. import fastmatch
from ..classify import NOT_QUESTION_ZH, QUESTION_EN, QUESTION_ZH, analysed
from . import zh_model
from .complaints import is_complaint
from .text import fold

LABELS = ("positive", "neutral", "negative")

# Export labels seen in management tools, in English and Chinese.
EXPORT_LABELS = {
    "positive": "positive", "pos": "positive", "+": "positive", "正面": "positive",
    "积极": "positive", "好评": "positive", "正向": "positive",
    "negative": "negative", "neg": "negative", "-": "negative", "负面": "negative",
    "消极": "negative", "差评": "negative", "负向": "negative",
    "neutral": "neutral", "neu": "neutral", "0": "neutral", "中性": "neutral",
    "中立": "neutral", "mixed": "neutral", "混合": "neutral",
}

POSITIVE_ZH = {
    "好吃": 1.5, "美味": 1.5, "喜欢": 1.5, "爱了": 2, "热爱": 2, "推荐": 1, "满意": 1.5,
    "惊艳": 2, "惊喜": 1.5, "精致": 1, "耐心": 1, "点赞": 1.5, "赞": 1, "棒": 1.5,
    "不错": 1.5, "好评": 1.5, "实用": 1, "热情": 1, "舒服": 1, "放心": 1, "稳定": 0.5,
    "超快": 1, "很快": 1, "神速": 1, "好香": 1.5, "香": 0.5, "酥脆": 1, "绝了": 2,
    "一如既往": 1, "回购": 1, "完美": 2, "开心": 1.5, "感谢": 1, "谢谢": 1, "贴心": 1.5,
    "用心": 1.5, "划算": 1, "性价比高": 1.5, "性价比很高": 1.5, "性价比超高": 1.5,
    "值得": 1, "优秀": 1.5, "可爱": 1, "漂亮": 1, "好看": 1, "给力": 1.5, "厉害": 1,
    "没得说": 1.5, "刚刚好": 1, "正好": 0.5, "好": 0.5, "期待": 1, "方便": 1, "新鲜": 1,
    "专业": 0.5, "周到": 1, "及时": 1, "有面子": 1, "温暖": 1, "幸福": 1.5, "治愈": 1.5,
    "好用": 1, "简单": 0.5, "没问题": 1, "优质": 1, "高兴": 1.5, "太棒": 2, "赞赞": 2,
    "yyds": 2, "好评如潮": 2, "物美价廉": 2, "良心": 1.5,
}
NEGATIVE_ZH = {
    "难吃": 2, "失望": 2, "差": 1.5, "差劲": 2, "垃圾": 2, "太慢": 1.5, "慢": 1,
    "碎": 1, "破损": 1.5, "受潮": 1.5, "压扁": 1.5, "怪味": 1.5, "变质": 2, "过期": 1.5,
    "贵": 1, "涨价": 1, "坑": 1.5, "离谱": 1.5, "闪退": 1.5, "腻": 1, "发腻": 1.5,
    "硬": 0.5, "咬不动": 1.5, "吃不下": 1.5, "心疼": 1, "投诉": 1.5, "没人处理": 1.5,
    "没人理": 1.5, "不回": 1.5, "发错": 1.5, "越来越少": 1.5,
    "气死": 2, "生气": 2, "恶心": 2, "烂": 1.5, "糟糕": 2, "后悔": 2, "再也不": 2,
    "骗": 1.5, "无语": 1.5, "崩溃": 1.5, "麻烦": 1, "缺货": 1, "断货": 1, "扔": 1,
    "态度差": 2, "丢人": 1.5, "废物": 2, "傻逼": 2, "脑残": 2, "白痴": 2, "蠢": 1.5,
    "死": 1, "滚": 1.5, "不满": 1.5, "讨厌": 1.5, "烦": 1, "延迟": 1, "敷衍": 1.5,
    "没什么特别": 1, "不如以前": 1.5, "没以前": 1.5, "变了": 1, "体验差": 2, "用不了": 1.5,
    "到底": 0.5, "不配": 1.5, "低人一等": 2, "乡巴佬": 2, "人肉": 2, "去死": 2,
    "重复扣款": 2, "扣款": 0.5, "小心点": 1, "不该": 1, "伤心": 1.5, "难过": 1.5,
    "退货": 0.5, "少了": 1, "漏发": 1.5, "错发": 1.5, "质量问题": 1.5, "有问题": 1,
}
# Words that look like sentiment but are not (consumed with weight 0).
NEUTRAL_ZH = ("早上好", "晚上好", "你好", "大家好", "好的", "好吗", "好不好", "垃圾袋",
              "垃圾桶", "垃圾分类", "快递", "不知道", "好像", "只好", "笑死", "出差", "差不多",
              "差点")
NEGATORS_ZH = ("一点也不", "一点都不", "并不", "毫不", "从不", "不太", "不是", "不怎么",
               "没有", "不", "没", "别", "无", "未")
EMOJI = {"😍": 1, "❤": 1, "😊": 1, "👍": 1, "🥰": 1, "😋": 1, "🎉": 1, "💯": 1,
         "😡": -1, "😠": -1, "👎": -1, "🤮": -1, "😤": -1, "💔": -1}
QUESTION_END = re.compile(r"[?？]|[吗呢么][\s。！!~…]*$")
# Degree adverbs: 很好, 比较安静, 太贵, 有点甜 state an opinion even in a short text.
DEGREE_ZH = re.compile(r"很|非常|比较|较|挺|太|特别|超(?!市|过|出)|真|十分|相当|极|最|蛮"
                       r"|够|一般|还行|还可以")
SHORT_ZH = 16  # Han characters: a shorter text is called only on enough evidence
SHORT_EVIDENCE = 1.0  # |model + LEXICON_SHARE * lexicon| a short statement needs
ASKING_EVIDENCE = 2.0  # ... and a short question
MODEL_SURE = 1.0  # |model| from which the model may overrule a lexicon call
LEXICON_SHARE = 0.5  # weight of the lexicon score added to the model's
COMPLAINT_OVERRULED = 1.5  # model score from which a Chinese complaint is read as praise
# VADER's lexicon reads "please" as positive and misses some words of complaints and abuse.
VADER_UPDATES = {"please": 0.0, "pls": 0.0, "plz": 0.0, "garbage": -2.0, "trash": -1.5,
                 "subhuman": -3.0, "moron": -2.5, "morons": -2.5, "overpriced": -1.5,
                 "stale": -1.5, "crushed": -1.2, "smashed": -1.2, "shrinkflation": -1.5,
                 "idiot-proof": 1.0, "rainy": 0.0, "tasty": 1.5, "yum": 1.5, "gutted": -2.0,
                 "ok": 0.0, "okay": 0.0, "fine": 0.0, "meh": -0.3}
# "gluten free" describes food, it is not praise: joined so VADER does not read "free".
FREE_FROM = re.compile(r"\b(gluten|nut|sugar|lactose|dairy|fat|alcohol|caffeine|meat|egg|soy"
                       r"|wheat|plastic|palm oil|msg|grain|additive)[- ]free\b", re.IGNORECASE)
PUNCTUATION = string.punctuation
POSITIVE_QUESTION_CAP = 0.5  # a question this mildly positive (VADER) is neutral


def export_label(value: Any) -> str | None:
    """The normalised label from an export's sentiment column, or None."""
    if value is None or not isinstance(value, str):
        return None
    return EXPORT_LABELS.get(value.strip().lower())


@lru_cache(maxsize=1)
def vader() -> Any:
    """VADER's analyser (``linear_vader``) with the kit's lexicon updates."""
    analyzer = linear_vader()()
    analyzer.lexicon.update(VADER_UPDATES)
    return analyzer


@lru_cache(maxsize=1)
def linear_vader() -> type:
    """VADER's ``SentimentIntensityAnalyzer`` with its three checks that read the whole
    text for each word made to read only what they use: the negation and idiom checks
    get the words around the one scored (they look three words back and two ahead), and
    the "but" check finds each value's first position from an index (``but_check``)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Stock

    class LinearVader(Stock):
        @staticmethod
        def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> Any:
            low = max(0, i - 3)
            return Stock._negation_check(valence, words[low:i + 1], start_i, i - low)

        @staticmethod
        def _special_idioms_check(valence: float, words: list[str], i: int) -> Any:
            low = max(0, i - 3)
            return Stock._special_idioms_check(valence, words[low:i + 3], i - low)

        @staticmethod
        def _but_check(words: list[str], sentiments: list[float]) -> list[float]:
            return but_check(words, sentiments)

    return LinearVader


def but_check(words: list[str], sentiments: list[float]) -> list[float]:
    """VADER's contrastive "but" check, value for value, in n log n time.

    VADER walks the values in order and scales, for each, the *first* position holding an
    equal value (``list.index``): halved before the first "but", 1.5 times after it. The
    positions holding each value are kept in a heap instead of searched for."""
    lowered = [str(w).lower() for w in words]
    if "but" not in lowered or any(v != v for v in sentiments):  # NaN: never in VADER
        return sentiments
    but = lowered.index("but")
    holding: dict[float, list[int]] = {}
    for position, value in enumerate(sentiments):
        holding.setdefault(value, []).append(position)  # ascending: already a heap
    for step in range(len(sentiments)):
        value = sentiments[step]
        heap = holding[value]
        while sentiments[heap[0]] != value:  # moved to another value since
            heapq.heappop(heap)
        first = heap[0]
        if first != but:
            scaled = value * (0.5 if first < but else 1.5)
            sentiments[first] = scaled
            heapq.heappush(holding.setdefault(scaled, []), first)
    return sentiments


def _lexicon() -> dict[str, float]:
    words: dict[str, float] = dict.fromkeys(NEUTRAL_ZH, 0.0)
    words.update({w: -v for w, v in NEGATIVE_ZH.items()})
    words.update(POSITIVE_ZH)
    return words


LEXICON_ZH = _lexicon()
CLAUSE_ENDS = "，。！？,.!?；;"  # a negator does not reach past these
# What ``score_zh`` reads, in one scan: at each position the longest word or negator, else a
# clause end or an emoji (the alternatives are tried longest first).
TOKENS_ZH = re.compile("|".join(map(re.escape, sorted({*LEXICON_ZH, *NEGATORS_ZH},
                                                      key=lambda w: (-len(w), w))))
                       + "|[" + re.escape(CLAUSE_ENDS + "".join(EMOJI)) + "]")
LOOK_ALIKES_ZH = re.compile("|".join(sorted(NEUTRAL_ZH, key=len, reverse=True)))


def model_text(text: str) -> str:
    """``text`` with the look-alike words (出差, 垃圾袋, 早上好, ...) blanked for the model."""
    return LOOK_ALIKES_ZH.sub(" ", text)


def score_zh(text: str, folded: str | None = None) -> float:
    """Sum of lexicon weights, longest match first, negators flipping the next word."""
    text = fold(text) if folded is None else folded
    total = 0.0
    last_negator_end = -10
    for match in TOKENS_ZH.finditer(text):
        piece = match.group()
        weight = LEXICON_ZH.get(piece)
        if weight is not None:
            if weight and match.start() - last_negator_end <= 2:
                weight = -weight if weight > 0 else -weight * 0.5
            total += weight
        elif piece in NEGATORS_ZH:
            last_negator_end = match.end()
        elif piece in CLAUSE_ENDS:
            last_negator_end = -10
        else:
            total += EMOJI[piece]
    return total


def classify(text: str, lang: str) -> str:
    """positive, neutral or negative for one message."""
    text = analysed(text)
    question = bool(QUESTION_END.search(text) or QUESTION_EN.search(text))
    return _label(text, fold(text), lang, is_complaint(text), question)


def classify_all(texts: fastmatch.Texts, folded: fastmatch.Texts, langs: list[str],
                 complaint: np.ndarray) -> list[str]:
    """``classify`` of each text, given each text's language and complaint flag."""
    question = (texts.search(QUESTION_END).to_numpy(dtype=bool)
                | texts.search(QUESTION_EN).to_numpy(dtype=bool))
    return [_label(*row) for row in zip(texts.series.tolist(), folded.series.tolist(), langs,
                                        complaint.tolist(), question.tolist(), strict=True)]


def _compound(text: str) -> float:
    """VADER's compound score; 0 without running VADER when no word of an ASCII text (as
    VADER splits and strips it) is in its lexicon, as VADER itself would then give."""
    model = vader()
    if text.isascii():
        lexicon = model.lexicon
        if not any(word.lower() in lexicon or word.strip(PUNCTUATION).lower() in lexicon
                   for word in text.split()):
            return 0.0
    return float(model.polarity_scores(text)["compound"])


def _label(text: str, folded: str, lang: str, complaint: bool, question: bool) -> str:
    if lang == "zh":
        return _label_zh(text, folded, question, complaint)
    if complaint:
        return "negative"
    if lang == "other":
        score = sum(EMOJI.get(ch, 0) for ch in text)
        return "positive" if score > 0 else "negative" if score < 0 else "neutral"
    compound = _compound(FREE_FROM.sub(r"\1-free", text))
    if question and 0 < compound < POSITIVE_QUESTION_CAP:
        return "neutral"
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


def _label_zh(text: str, folded: str, question: bool, complaint: bool) -> str:
    """A complaint is negative unless the model is sure of the opposite (a mixed review:
    送货太慢，但是质量很好). The lexicon decides when it is sure (|score| >= 1) and the model
    is not; otherwise the model's score plus ``LEXICON_SHARE`` of the lexicon's, called
    when it reaches what the text needs (``_needed``)."""
    model, han = zh_model.read(model_text(folded))
    if complaint:
        return "positive" if model >= COMPLAINT_OVERRULED else "negative"
    lexicon = score_zh(text, folded)
    short = han < SHORT_ZH
    asking = question or ((short or lexicon != 0) and _asks_zh(text))  # else it changes nothing
    if asking and lexicon > 0:
        lexicon /= 2
    if abs(lexicon) >= 1 and (asking or abs(model) < MODEL_SURE):
        return "positive" if lexicon > 0 else "negative"
    evidence = model + LEXICON_SHARE * lexicon
    if evidence == 0 or (short and abs(evidence) < _needed(text, asking)):
        return "neutral"
    return "positive" if evidence > 0 else "negative"


def _asks_zh(text: str) -> bool:
    """A Chinese question form (``classify.QUESTION_ZH``) outside look-alike idioms."""
    return bool(QUESTION_ZH.search(NOT_QUESTION_ZH.sub("", text)))


def _needed(text: str, asking: bool) -> float:
    """Evidence a short Chinese text (fewer than ``SHORT_ZH`` Han characters) needs to be
    called: ``ASKING_EVIDENCE`` for a question; ``SHORT_EVIDENCE`` for a statement, or none
    when it holds a degree adverb (很, 比较, 太, ...). Longer texts (reviews, rants) need
    none."""
    if asking:
        return ASKING_EVIDENCE
    return 0.0 if DEGREE_ZH.search(text) else SHORT_EVIDENCE
