"""Complaints: negative experiences, often stated without strongly negative words.

"Still no refund", "never replied", "arrived crushed", 还没到账, 没人处理 read as neutral
to a word lexicon; these patterns mark them as complaints (pain points), in English
(matched on accent-folded lowercase text) and Chinese. The trained model
(``detector_model``) adds the complaints it is sure of that no pattern matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .. import fastmatch
from ..classify import analysed
from . import detector_model
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
    # things broken, lost or gone; servers down; bugs (not "no bugs")
    r"|(?:wiped|deleted|erased|lost|corrupted|broke) (?:all )?(?:my|our)"
    r"|(?:is|are|was|were|went|got) (?:\w+ )?(?:gone|removed|down again)|(?:servers?|site|app)"
    r" (?:is |are |went )?down|down again|(?:is|are) outdated|out of date"
    r"|(?<!no )(?<!zero )(?<!any )bugs?\b(?! fix)|buggy|glitch(?:y|ing)"
    r"|(?:login|log in|sign in|payment|checkout|upload|sync) (?:fails|failed|keeps failing)"
    # price and size, stock, charges, staff, being ignored
    r"|(?:price|prices) (?:went|has gone|have gone|keeps? going|is going|goes) up|price hike"
    r"|got smaller|\d+ ?% air|mostly air|half empty"
    r"|charged (?:me )?(?:for|after|again|even)|empty for (?:weeks|days|months|ages)"
    r"|never (?:has|have|had) (?:them|it|any|stock)|(?:out of stock|sold out) (?:again|for|every)"
    r"|rolled (?:her|his|their) eyes|(?:ignoring|ignored|ghosting|ghosted) (?:me|my|us|our)"
    r"|not (?:cool|acceptable|fair|ok|okay)\b|lukewarm"
    r"|where(?:'s| is) my (?:order|parcel|package|refund|delivery)|check where (?:it|my \w+) is"
    # sarcasm: thanks for the "fix", love waiting 40 minutes
    r"|thanks? (?:you )?for the ['\"\u2018\u201c]|(?:love|loving|enjoy) (?:waiting|paying"
    r"|being charged|getting charged)"
    r")",
)
COMPLAINT_ZH = re.compile(
    r"还没(?:有)?(?:到|收到|发货|退|回复|处理|到账)|一直(?:不|没)|没人(?:处理|回复|理|管|接)"
    r"|碎了|全碎|破损|压扁|受潮|变质|发错|漏发|错发|少发|重复扣款|扣了两次"
    # 过期 only when something is expired (not 什么时候过期, 会过期吗)
    r"|过期了|已经?过期|都过期|收到.{0,4}过期|过期(?:的|产品|食品|货)|临期"
    # cannot log in, crashes, lag, bugs
    r"|登不上|登录不了|登不进|进不去|连不上|加载不出|(?:太|好|很|巨|超)卡|卡(?:死|爆|成)|又崩|崩了|崩溃"
    r"|(?<=[\u4e00-\u9fff])(?:bug|BUG|Bug)|(?:bug|BUG|Bug)(?=[\u4e00-\u9fff])|(?:认证|支付|登录|付款|验证|更新)(?:一直)?失败|一直失败"
    # taste changed, price rises, sold out, unreachable, poor service
    r"|怪味|味道(?:变了|不对)|跟以前不一样|涨价|又贵了|割韭菜|韭菜|智商税|喝不起|吃不起|买不起"
    r"|抢不到|秒没|买不到|断货|缺货|打不通|联系不上|找不到人|等于没问|答非所问|敷衍|复制粘贴"
    r"|看不清|不要钱的|提交.{0,4}(?:一周|几天|好久|半个月)"
    r"|太(?:慢|贵|硬|甜|咸|差|坑|离谱|失望)|越来越(?:少|贵|差|难吃)|不如以前|没(?:有)?以前"
    r"|投诉|退款.{0,6}(?:没|未|不)|(?:等了|拖了).{0,4}(?:天|周|个月|小时)|闪退|用不了|打不开"
    r"|态度(?:很|太|非常)?差|再也不(?:买|来|会)|失望|难吃|差评|不回(?:复|消息)?"
)


def is_complaint(text: str) -> bool:
    """Whether the message states a negative experience (either language): a complaint
    pattern matches, or the trained model (``detector_model``) says so."""
    return matches_pattern(text) or bool(model_complains([analysed(text)])[0])


def matches_pattern(text: str) -> bool:
    """Whether a complaint pattern matches the message."""
    text = analysed(text)
    return bool(COMPLAINT_EN.search(fold(text)) or COMPLAINT_ZH.search(text))


def complaint_mask(texts: fastmatch.Texts, folded: fastmatch.Texts,
                   model_says: np.ndarray | None = None) -> np.ndarray:
    """``is_complaint`` of each text (``folded``: the same texts through ``fold``;
    ``model_says``: ``model_complains`` of the texts when at hand)."""
    said = model_complains(texts.series.tolist()) if model_says is None else model_says
    return (folded.search(COMPLAINT_EN).to_numpy(dtype=bool)
            | texts.search(COMPLAINT_ZH).to_numpy(dtype=bool) | said)


def model_complains(texts: Sequence[str]) -> np.ndarray:
    """Whether the trained model reads each text as a complaint."""
    return detector_model.said(texts)["complaint"].to_numpy(dtype=bool)
