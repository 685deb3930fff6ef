"""Requests: member messages asking the brand for something, and what they ask for.

``request_object`` returns the requested object as written (or None when the message
is not a request); ``normalise`` folds it into a group key, so "please bring back the
jalapeño biscuits" and "bring back jalapeno biscuits!!" both give ``jalapeno biscuit``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .. import fastmatch
from ..classify import analysed
from . import detector_model
from .text import STOPWORDS_EN, fold

# A request the model found but no request form matched names no object: its object is
# NO_OBJECT, and the register files it under its theme, else under the UNSPECIFIED key.
NO_OBJECT = ""
UNSPECIFIED = "unspecified"
UNSPECIFIED_ITEM = "Other requests (no object named)"  # how the register shows that group

VERBS_EN = (r"(?:add|make|bring|offer|sell|stock|restock|start|launch|release|create|consider"
            r"|introduce|open|do|get|have|put|give|deliver|ship|bake|keep|carry|reintroduce"
            r"|revive|return|expand|extend|allow|let us|provide|update|fix|change|improve|lower"
            r"|reduce|support|enable|remove|rework|redesign|implement|translate|sell)")
OBJ = r"(?P<obj>[^.!?;\n]{2,80})"
REQUEST_EN = [re.compile(p) for p in (
    r"\bbring(?:ing)? back " + OBJ,
    r"\bbring(?:ing)? (?P<obj>[^.!?;\n]{2,60}?) back\b",
    # only the last "please" of "please, please add ...": a run of them is not rescanned
    # from each one (the object is the same)
    r"\b(?:please|pls|plz)[\s,!]+(?:just )?" + VERBS_EN + r"\b(?:ing)? " + OBJ,
    r"\b(?:you|u|y'?all|you guys) (?:guys )?(?:could|can|would|should|will|need to|ought to)"
    r" (?:please |ever |possibly |maybe |also |really |just |definitely |seriously |totally "
    r"|honestly |absolutely |so )*"
    + VERBS_EN + r"\b " + OBJ,
    r"\b(?:can|could|would|will) (?:you|u)(?: guys)? (?:please |ever |possibly |maybe |also |"
    r"(?=consider))*" + VERBS_EN + r"\b " + OBJ,
    r"\b(?:can|could|would|will) (?:we|i) (?:please )?(?:get|have) (?P<obj>[^.!?;\n]{2,60}?)"
    r" (?:back|again)\b",
    r"\bwish (?:you|u)(?: guys)? (?:had|would|could|made|sold|offered|did|still had|"
    r"brought back|stocked|carried)\b ?" + OBJ,
    r"\b(?:would|i'?d|we'?d) (?:really )?love (?:to see |to have |it if you \w+ |if you \w+ |"
    r"(?=an? |some |more ))" + OBJ,
    r"\bit would be (?:great|nice|awesome|amazing|cool|good|lovely|fab|brilliant) if you"
    r" (?:could |would )?(?:\w+ )?" + OBJ,
    r"\bany chance (?:of |you(?:'ll| will| could| can| might)? )(?:\w+ )?" + OBJ,
    r"^(?:\W*)(?:we|i)? ?(?:really |seriously |desperately )?(?:need|want)s? "
    r"(?:an? |some |more |the |you to |back )" + OBJ,
    r"\b(?:how|what) about (?:an? |some |adding |making |bringing |doing |offering )" + OBJ,
    r"\bwhy not (?:\w+ )?" + OBJ,
    r"\bwhy (?:don'?t|do not|dont) you (?:guys )?" + VERBS_EN + r"\b " + OBJ,
    r"\b(?:want|need) (?P<obj>[^.!?;\n]{2,60}?) back\b",
    r"\b(?:it'?d|it would|would) be (?:so |really )?(?:great|nice|awesome|amazing|cool|good"
    r"|lovely|fab|brilliant) (?:to (?:have|see|get) |if (?:you|there) (?:\w+ )?"
    r"|if (?:the |your )?\w+ (?:could|would|can|had|supported|offered) )" + OBJ,
    r"\bhoping for (?=an? |some |more |the )" + OBJ,
    r"\b(?:would|'d) (?:kill|pay|die|queue) (?:for (?=an? |some |more |the )|to (?:have|get|see|"
    r"try) )" + OBJ,
    r"\b(?:please|pls|plz)[\s,!]+(?=more |an? |some )" + OBJ,
    r"^\W*more (?P<obj>[^.!?;\n]{2,60}?),? (?:please|pls|plz)\b",
    r"\bif you (?:guys )?(?:made|make|sold|sell|brought back|bring back|offered|offer|had|did"
    r"|do|stocked|started selling) (?P<obj>[^.!?;\n]{2,60}?),? (?:i'?d|i would|i will|i'?ll"
    r"|we'?d|we would)\b",
    r"^(?:\W*)start (?:selling|making|offering|shipping|delivering|stocking) " + OBJ,
    r"\bcan we (?:please )?(?:get|have) (?=an? |some |more |the )" + OBJ,
    r"\b(?:suggestion|request|feature request|idea)\s*[\-:]\s*" + OBJ,
    r"\bbeg(?:ging)? (?:you )?(?:to )?(?:\w+ )?" + OBJ,
    r"\b(?:hope|hoping) (?:you|u)(?: guys)? (?:will |can |could )?" + VERBS_EN + r"\b " + OBJ,
    r"\b(?:my )?vote (?:is |goes )?for (?:bringing back )?" + OBJ,
    r"^(?:\W*)(?:add|restock|launch|release|stock|sell|offer|introduce) "
    r"(?:an? |more |some |the |your )" + OBJ,
    r"^(?:\W*)(?:add|restock|reintroduce) " + OBJ,
    r"\bwhen (?:will|are|do) you (?:ever |guys )?(?:going to |gonna )?(?:add|restock|launch|"
    r"release|start|offer|open|stock|sell|make|introduce) " + OBJ,
    # "Student discount when?": a wish asked as "X when?"
    r"^\W*(?P<obj>[^.!?\n]{2,40}?),? when\s?\?",
    # imperatives: "fix the login bug already", "fix it pls", "update the docs"
    r"^(?:\W*)(?:pls |please |plz )?(?:fix|update|change|improve|lower|translate) "
    r"(?=(?:the|your|this|that|it|our|these|those|all)\b)" + OBJ,
    r"\b(?:fix|update|change) (?P<obj>it|this|that)\b[,!. ]*(?:pls|please|plz|asap|already)",
    # a wished-for thing praised in advance: "an offline mode would be a lifesaver"
    r"^\W*(?:an? |some )?(?!it |this |that |which |the (?:old|new|current|last) )"
    r"(?P<obj>[^.!?\n,]{2,50}?) would (?:be (?:so |really |such |an? )?(?:lifesaver|amazing"
    r"|awesome|great|nice|cool|sick|fire|perfect|game ?changer|so good|incredible|dope|ideal"
    r"|handy|useful|helpful|(?:a )?dream)|go (?:so )?hard|slap)\b",
)]
CUT_EN = re.compile(
    r"[,:()\"]| (?:for|in|to|at|on|this|next|again|please|pls|because|since|so|as|like|"
    r"instead|before|when|if|which|that|they|it|we|i|or|and|but|already|soon|asap|too|"
    r"anymore|any more|someday|one day|back)\b")
# Polite phrases that share a request's form but ask for nothing the brand could offer.
NOT_AN_OBJECT_EN = re.compile(
    r"^(?:let (?:me|us) know|me know|up\b|it up\b|back to (?:me|us)|a look\b|(?:do )?check\b"
    r"|sure\b|(?:answer|repl|respond|listen|told|said|warn|mention)\w*\b|in touch\b"
    r"|a (?:great|good|nice|lovely) (?:day|weekend|week)\b)")
# The same polite phrases after "please": the model may read them as requests.
POLITE_EN = re.compile(
    r"\b(?:please|pls|plz)[\s,!]+(?:do |just )?(?:let (?:me|us) know|keep (?:it )?up\b"
    r"|get back to (?:me|us)|have a (?:great|good|nice|lovely) (?:day|weekend|week)\b)")
LEADING_EN = frozenset({"selling", "making", "adding", "offering", "doing", "stocking",
                        "bringing", "having", "getting", "delivering", "shipping", "baking",
                        "more", "new", "another", "again", "also", "back", "us", "them",
                        "option", "version"})

ZH_OBJ = r"(?P<obj>[^，。！？!?,.；;\s]{1,30})"
VERBS_ZH = (r"(?:再)?(?:出|做|推出|上架|上新|上|开(?!始|发票|封|票)|增加|加(?!入)|恢复|复刻|返场"
            r"|回归|考虑出?|多(?:放|加|给|出|做)点?|少(?:放|加)点?|补货|支持|优化|改进)")
REQUEST_ZH = [re.compile(p) for p in (
    r"求(?:你们|您|你)(?:了)?[，,]?(?:快|再)?(?:复刻|返场|回归|上架|补货|出|做|开|加|推出)"
    + ZH_OBJ,
    r"(?P<obj>[^，。！？!?,.\s]{1,20}?)(?:什么时候|啥时候|何时)(?:能|会|再|可以|才)?补货",
    r"(?:什么时候|啥时候|何时)(?:能|会|再|可以|才)?(?P<obj>补货)",
    r"(?:能不能|可不可以|能否|可以|麻烦|请)把(?P<obj>[^，。！？!?,.]{1,20}?)(?:调|改|做|弄|换|加|放|恢复"
    r"|修)",
    r"(?:能不能|可不可以|能否|可以)(?:再)?(?P<obj>免费[^，。！？!?,.\s]{1,10}|便宜[^，。！？!?,.\s]{0,4})",
    r"(?:^|[，。！!\s]|(?i:pls|please|plz))出(?:个|一款|一个|点|些)" + ZH_OBJ,
    r"(?:跪|在线|蹲|坐等)?求(?!问|助|解|教|职|你|您)(?:你们|官方)?(?:复刻|返场|回归|上架|补货|出|做|开|加|推出)?"
    + ZH_OBJ,
    r"希望(?:你们|贵司|官方|商家|品牌|小编)?(?:能|可以|以后|早日|再|快点|尽快|多|有|能够|还能)*"
    + ZH_OBJ,
    r"(?:能不能|可不可以|可以|能否|会不会|有没有可能|是否可以|是否能|能)(?:在[^，。？?!！]{1,5})?(?:也|把)?"
    + VERBS_ZH + ZH_OBJ,
    r"(?:会|能|可以|要不要)考虑" + ZH_OBJ,
    r"什么时候(?:能|会|再|可以|才)?" + VERBS_ZH + ZH_OBJ,
    r"请(?:你们|官方)?(?:再)?(?:出|推出|增加|加|恢复|复刻|上架|开|做|考虑|多出|返场)" + ZH_OBJ,
    r"(?:强烈|真心|诚心)?建议(?!回炉|重开|你(?:去|还是))(?:你们|官方|商家)?" + ZH_OBJ,
    r"(?:好|很|真)?想要(?:一个|个|一款)?" + ZH_OBJ,
    r"快(?:点)?(?:出|上|推出|补货|复刻)" + ZH_OBJ,
    r"(?:^|[，。！!\s])出(?:个|一款|一个|点|些)" + ZH_OBJ,
    r"把(?P<obj>[^，。！？!?,.]{1,20}?)(?:做|带|拿|弄|请|找)回来",
    r"拜托(?:你们)?(?:再)?(?:做|出)?" + ZH_OBJ,
    r"呼吁" + ZH_OBJ,
    r"(?:盼望|盼着|盼)" + ZH_OBJ,
    r"(?P<obj>[^，。！？!?,.\s]{2,20}?)(?:快)?(?:回归|返场|复刻)吧",
    r"(?P<obj>[^，。！？!?,.\s]{2,20}?)(?:什么时候|啥时候|何时|能不能|可不可以|可以|会不会)"
    r"(?:回归|返场|复刻|再出|上架|再做)",
    r"期待(?:你们)?(?:出|推出|上新|回归|复刻|返场)" + ZH_OBJ,
    r"来(?:个|一款|一个|点|些)" + ZH_OBJ + r"吧",
    r"多(?:出|做|上)(?:点|些)?" + ZH_OBJ,
    r"(?:要是|如果)?能(?:出|有|做|推出)" + ZH_OBJ + r"就好了",
)]
LEAD_ZH = re.compile(r"^(?:再|一次|一个|一款|一下|个|款|点|些|下|能|把|出|做|推出|增加|有|上|多)+")
# Trimmed from the end of a Chinese object: particles, after an ending, after 早日.
PARTICLES_ZH = "吧呀啊吗呢啦嘛了哦哈的么"
ENDINGS_ZH = ("回归", "返场", "复刻", "上架", "回来", "上线", "出来", "就好了", "好不好", "行不行",
              "可以吗", "好吗")
SOON_ZH = "早日"


def request_object(text: str) -> str | None:
    """The requested object as written, or None when the message asks for nothing."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = analysed(text)
    return _first_object(text, fold(text), REQUEST_EN, REQUEST_ZH)


def request_objects(texts: fastmatch.Texts, folded: fastmatch.Texts) -> list[str | None]:
    """``request_object`` of each text (``folded``: the same texts through ``fold``).

    RE2 finds which patterns may match which texts in one pass per pattern; Python's
    ``re`` then tries, in order, only those patterns on only those texts."""
    low = [t.replace("\u2019", "'") for t in folded.series.tolist()]
    if low != folded.series.tolist():  # the English patterns read typographic apostrophes
        folded = fastmatch.Texts(pd.Series(low, index=folded.series.index, dtype=object))
    en = np.stack([folded.candidates(p) for p in REQUEST_EN], axis=1)
    zh = np.stack([texts.candidates(p) for p in REQUEST_ZH], axis=1)
    out: list[str | None] = [None] * len(texts.series)
    raw = texts.series.tolist()
    for i in np.flatnonzero(en.any(axis=1) | zh.any(axis=1)):
        if raw[i].strip():
            out[i] = _first_object(raw[i], low[i],
                                   [REQUEST_EN[j] for j in np.flatnonzero(en[i])],
                                   [REQUEST_ZH[j] for j in np.flatnonzero(zh[i])])
    return out


def _first_object(text: str, folded: str, english: list[re.Pattern[str]],
                  chinese: list[re.Pattern[str]]) -> str | None:
    """The object found by the first of the patterns that matches."""
    folded = folded.replace("\u2019", "'")
    for pattern in english:
        found = pattern.search(folded)
        if found and not NOT_AN_OBJECT_EN.match(found.group("obj").strip()):
            return found.group("obj").strip() or folded
    for pattern in chinese:
        found = pattern.search(text)
        if found:
            return found.group("obj").strip() or text
    return None


def is_request(text: str) -> bool:
    """Whether the message asks for a product, feature or change (the request register): a
    request form matches, or the trained model says it asks and it is no service ask."""
    if request_object(text) is not None:
        return True
    return bool(isinstance(text, str) and text.strip() and model_asks([text])[0]
                and _objectless_ask(text))


def model_asks(texts: Sequence[str]) -> np.ndarray:
    """Whether the trained model (``detector_model``) reads each text as a request (a
    product wish or a service ask)."""
    return detector_model.said(texts)["request"].to_numpy(dtype=bool)


def objectless(texts: Sequence[str], objects: list[str | None],
               asks: np.ndarray) -> list[str | None]:
    """``objects`` with ``NO_OBJECT`` for the texts the model reads as requests (``asks``)
    that no request form matched and that are no service ask: requests without a named
    object (the register groups them by theme, else as ``UNSPECIFIED``)."""
    out = list(objects)
    for i in np.flatnonzero(asks).tolist():
        if out[i] is None and texts[i].strip() and _objectless_ask(texts[i]):
            out[i] = NO_OBJECT
    return out


def _objectless_ask(text: str) -> bool:
    """Whether a text the model reads as a request belongs in the register: no service
    ask, no polite phrase that only looks like a request (``POLITE_EN``)."""
    return not is_service_ask(text) and not POLITE_EN.search(fold(analysed(text)))


# Service asks: the member asks the brand to act on their own case (a refund, a callback,
# a look at their order, a password reset). They are requests in the everyday sense but
# not product wishes, so they stay out of the request register (their problems are pain
# points); bench/detectors.py counts either as a request on labelled-v2.
SERVICE_ASK_EN = re.compile(
    r"\b(?:please |pls |plz |can you |could you |can u |could u |would you |kindly )"
    r"(?:\w+ )?(?:refund|call (?:me|us) back|call me|ring me|get back to me|reset|check"
    r"|look into|sort (?:out|this)|fix (?:my|this|it)|cancel|replace|resend|reship|send"
    r" (?:me )?(?:a )?(?:replacement|new one)|escalate|process|unlock|restore|help me with)\b"
    r"|\b(?:call|ring) me back\b|\b(?:i want|i'?d like|i need|give me) (?:a |my )?"
    r"(?:refund|replacement|money back|callback)\b|\brefund (?:me|my)\b")
SERVICE_ASK_ZH = re.compile(
    r"(?:麻烦|请|快|赶紧|能不能|可不可以|可以|能否|帮我|给我)(?:你们)?(?:尽快|赶快|快点|帮我|给我)?"
    r"(?:处理|退款|退钱|回(?:个)?电|回电话|回复|查(?:一?下|询)|补发|重发|换(?:一个|货)|解封|重置"
    r"|改(?:一?下)?地址|加我|联系我)|(?:我要|申请|要求)(?:退款|退货|换货|赔偿)|(?:客服|你们)加我")


def is_service_ask(text: str) -> bool:
    """Whether the message asks the brand to act on the member's own case (either language)."""
    if not isinstance(text, str):
        return False
    text = analysed(text)
    return bool(SERVICE_ASK_EN.search(fold(text)) or SERVICE_ASK_ZH.search(text))


IE_STEMS = frozenset({"cookie", "brownie", "smoothie", "goodie", "hoodie", "veggie", "movie",
                      "selfie", "calorie", "rookie", "pie", "tie", "freebie", "foodie"})


def trim_end_zh(text: str) -> str:
    """``text`` without its trailing particles (吧, 呀, 吗, ...), the ending before them
    (回归, 上架, 就好了, 好吗, ...) and 早日 before that: the shortest rest, found in time
    linear in the text (a pattern anchored at the end would be tried from every position).

    An ending may hold the first trailing particle (就好了, 好吗), never two."""
    stem = text.rstrip(PARTICLES_ZH)
    ends = [len(stem)]
    for stop in {len(stem), min(len(stem) + 1, len(text))}:
        ends += [stop - len(e) for e in ENDINGS_ZH if text.endswith(e, 0, stop)]
    cut = min(ends)
    for end in sorted(set(ends)):  # 早日 before the ending (or before the particles)
        if text.endswith(SOON_ZH, 0, end):
            cut = min(cut, end - len(SOON_ZH))
    return text[:cut]


def singular(word: str) -> str:
    """Simple English plural folding: berries -> berry, boxes -> box, biscuits -> biscuit."""
    if word.endswith("ies") and word[:-1] in IE_STEMS:
        return word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise(obj: str) -> str:
    """Group key of a requested object: lowercase, accents folded, punctuation and emoji
    stripped, articles and stopwords dropped, plurals folded; Chinese particles and
    request verbs trimmed."""
    text = fold(analysed(obj)).replace("\u2019", "'")
    if re.search(r"[\u4e00-\u9fff]", text) and not re.search(r"[a-z]{3}", text):
        text = re.split(r"[，。！？!?,.；;\s]", text)[0]
        return trim_end_zh(trim_end_zh(LEAD_ZH.sub("", text)))
    text = CUT_EN.split(" " + text, maxsplit=1)[0]
    words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", text)
    words = [w.replace("-", " ") for w in words if w not in STOPWORDS_EN]
    while words and words[0] in LEADING_EN:
        words = words[1:]
    out = " ".join(singular(w) for w in " ".join(words).split()[:5])
    return out
