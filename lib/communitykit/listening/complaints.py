"""Complaint patterns: negative experiences stated without strongly negative words.

"Still no refund", "never replied", "arrived crushed", 还没到账, 没人处理 read as neutral
to a word lexicon; these patterns mark them as complaints (pain points), in English
(matched on accent-folded lowercase text) and Chinese.
"""

from __future__ import annotations

import re

import numpy as np

from .. import fastmatch
from ..classify import analysed
from .text import fold

COMPLAINT_EN = re.compile(
    r"\b(?:"
    r"still (?:no|not|waiting|haven'?t|hasn'?t|nothing)"
    r"|(?:never|not yet|hasn'?t|haven'?t|didn'?t|did not|has not|have not) "
    r"(?:\w+ )?(?:arrived|came|replied|answered|responded|shipped|received|got back|refunded)"
    r"|no (?:refund|reply|response|answer|confirmation|update|one (?:answers|replies|responds))"
    r"|nobody (?:answers|replies|responds|helps|got back)"
    r"|arrived (?:\w+ )?(?:crushed|smashed|broken|damaged|late|stale|melted|open|empty)"
    r"|(?:crushed|smashed|broken|damaged|dented|stale|burnt|burned|mouldy|moldy|soggy|melted)"
    r"|charged (?:twice|double|two times)|double charged|overcharged|overpriced"
    r"|wrong (?:flavou?r|item|order|size|address|product|box)"
    r"|(?<!not )(?<!n't )too (?:expensive|salty|sweet|dry|hard|small|pricey|slow|late)"
    r"|(?:waited|waiting) (?:\w+ ){0,2}(?:weeks?|days?|hours?|months?)"
    r"|not (?:happy|impressed|good enough|buying|ordering) ?(?:again|anymore|any more)?"
    r"|(?:disappointed|disappointing|frustrat\w*|annoy\w*|unacceptable|rude|awful|terrible|"
    r"horrible|worst|disgusting|ripped off|rip-?off|scam(?:med)?)"
    r"|(?:keeps?|kept) (?:crashing|failing|logging me out|breaking|timing out|freezing"
    r"|glitching|erroring|declining)|crash(?:es|ed)?"
    r"|(?:used to be|was) (?:so much |much |a lot )?better|shrinkflation|fewer \w+ for"
    r"|left (?:my|the) (?:box|parcel|package|order) (?:in|on|at|outside)"
    r"|(?:didn'?t|doesn'?t|does not|did not|won'?t) work"
    r"|impossible to|can'?t (?:log ?in|open|find my order|get through)"
    r"|never (?:ordering|buying|shopping|coming|eating) (?:from|here|there|again|these|this)"
    r"|(?:took|takes|taking) (?:forever|ages)|(?:cracked|leaking|leaked|squashed|torn)"
    r"|(?:is|are|was|were) missing|missing (?:from|items?|pieces?|parts?)"
    r"|(?:parcel|package|order|box|delivery) (?:is |was |got )?lost"
    r"|(?:nobody|no one|noone) (?:is |was )?(?:helping|help|cares|replied|answered|got back)"
    r"|not for me|could (?:have been|be) (?:much |a lot )?better|needs? (?:some )?improvement"
    r")",
)
COMPLAINT_ZH = re.compile(
    r"还没(?:有)?(?:到|收到|发货|退|回复|处理|到账)|一直(?:不|没)|没人(?:处理|回复|理|管|接)"
    r"|碎了|全碎|破损|压扁|受潮|变质|过期|发错|漏发|错发|少发|重复扣款|扣了两次"
    r"|太(?:慢|贵|硬|甜|咸|差|坑|离谱|失望)|越来越(?:少|贵|差|难吃)|不如以前|没(?:有)?以前"
    r"|投诉|退款.{0,6}(?:没|未|不)|(?:等了|拖了).{0,4}(?:天|周|个月|小时)|闪退|用不了|打不开"
    r"|态度(?:很|太|非常)?差|再也不(?:买|来|会)|失望|难吃|差评|不回(?:复|消息)?"
)


def is_complaint(text: str) -> bool:
    """Whether the message states a negative experience (either language)."""
    text = analysed(text)
    return bool(COMPLAINT_EN.search(fold(text)) or COMPLAINT_ZH.search(text))


def complaint_mask(texts: fastmatch.Texts, folded: fastmatch.Texts) -> np.ndarray:
    """``is_complaint`` of each text (``folded``: the same texts through ``fold``)."""
    return (folded.search(COMPLAINT_EN).to_numpy(dtype=bool)
            | texts.search(COMPLAINT_ZH).to_numpy(dtype=bool))
