"""Language by script, accent folding and the stopword lists shared by listening."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import filterfalse

from .. import caches

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")

# English function words and chat fillers: never a term, never part of a request object.
STOPWORDS_EN = frozenset((
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "anyone",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "can't", "could", "couldn't", "did", "didn't", "do",
    "does", "doesn't", "doing", "don't", "down", "during", "each", "else", "even", "ever",
    "every", "few", "for", "from", "further", "get", "gets", "got", "had", "hadn't", "has",
    "hasn't", "have", "haven't", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is",
    "isn't", "it", "it's", "its", "itself", "just", "let", "let's", "like", "me", "more",
    "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
    "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "please",
    "pls", "plz", "same", "she", "should", "shouldn't", "so", "some", "such", "than", "that",
    "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's",
    "these", "they", "they're", "this", "those", "through", "to", "too", "under", "until",
    "up", "us", "very", "was", "wasn't", "we", "we're", "were", "weren't", "what", "what's",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won't", "would",
    "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
    "yourselves", "really", "still", "yes", "yeah", "ok", "okay", "oh", "hi", "hello", "hey",
    "thanks", "thank", "lol", "omg", "guys", "one", "ones", "thing", "things", "lot", "bit",
    "today", "tomorrow", "yesterday", "week", "day", "time", "maybe", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "first", "second",
))

# Chinese function words, particles and fillers (after segmentation).
STOPWORDS_ZH = frozenset((
    "的", "了", "是", "在", "我", "你", "他", "她", "它", "们", "我们", "你们",
    "他们", "这", "那", "这个", "那个", "就", "都", "也", "还", "和", "与", "及",
    "或", "吗", "呢", "吧", "啊", "呀", "哦", "哈", "哈哈", "嘛", "么", "啦",
    "着", "过", "又", "很", "太", "非常", "真的", "真", "有", "没", "没有", "不",
    "一个", "一下", "一些", "什么", "怎么", "为什么", "可以", "能", "不能",
    "能不能", "可不可以", "会",
    "要", "想", "让", "把", "被", "给", "对", "从", "到", "为", "以", "于",
    "上", "下", "里", "中", "之", "其", "但", "但是", "而", "而且", "如果", "因为",
    "所以", "今天", "明天", "昨天", "现在", "已经", "还是", "就是", "一直", "这样", "那样", "自己",
    "大家", "请问", "谢谢", "好", "好的", "觉得", "感觉", "然后",
))


def fold_text(text: str) -> str:
    """Lowercase with accents folded (NFKD, combining marks dropped): jalapeño -> jalapeno."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(filterfalse(unicodedata.combining, decomposed)).lower()


fold = lru_cache(maxsize=65536)(fold_text)
caches.holds_client_data(fold.cache_clear)


def fold_all(texts: Iterable[str]) -> list[str]:
    """``fold_text`` of each text."""
    return [t.lower() if t.isascii() else fold_text(t) for t in texts]


def language(text: str) -> str:
    """``zh`` when the text has Han characters (at least a third as many as Latin letters)
    and no kana or hangul, ``en`` for Latin script, else ``other``."""
    if text.isascii():  # no Han, kana or hangul: Latin letters or nothing
        return "en" if LATIN.search(text) else "other"
    if KANA_HANGUL.search(text):
        return "other"
    han = len(HAN.findall(text))
    latin = len(LATIN.findall(text))
    if han and han * 3 >= latin:
        return "zh"
    if latin:
        return "en"
    return "other"
