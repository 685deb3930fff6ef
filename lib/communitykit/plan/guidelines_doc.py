"""The client's public community guidelines, rendered from the playbook in its language.

Two versions: the full document, and a short one to pin where the platform allows
(at most ``guidelines.pinned_limit`` characters, 500 by default; items are dropped from
the end until it fits). Each in Markdown and in HTML (escaped, self-contained: inline
style, no scripts, no external resources). Empty playbook fields fall back to sensible
default wording, so a new client still gets a usable first draft.

Every time the guidelines promise comes from the settings: the "when we answer" line from
``cadence.response`` (question and message), each serious case from its
``rules.escalation`` row, in the words of its clock (``promises.within``: "within 4
working hours", "within 1 hour, at any time"), with the team's opening hours whenever a
promise runs on the business clock. The strategist's free text (purpose, behaviour,
contribute, feedback, contact, rule descriptions) may not write a time of its own: it
names one with a placeholder (``{message_within}``, see ``PLACEHOLDERS``) that is filled
from the settings, so a promise and a setting cannot disagree. What happens to a rule
break is what a brand can do on the client's platforms (``platform_actions``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from .. import pages, platform_actions, promises
from ..errors import PlaybookError
from ..html import esc
from ..i18n import tr, use_language
from ..plain_errors import Problem, locate
from ..playbook import SEVERITY_ORDER, Commitment, Playbook, RuleCategory
from .save import write_atomically

PLATFORM_NAMES = {
    "en": {"instagram": "Instagram", "facebook": "Facebook", "x": "X", "linkedin": "LinkedIn",
           "youtube": "YouTube", "tiktok": "TikTok", "reddit": "Reddit", "discord": "Discord",
           "slack": "Slack", "telegram": "Telegram", "discourse": "our forum",
           "douyin": "Douyin", "weibo": "Weibo", "bilibili": "Bilibili",
           "xiaohongshu": "Xiaohongshu", "messenger": "Messenger", "other": "our channels"},
    "zh": {"instagram": "Instagram", "facebook": "Facebook", "x": "X", "linkedin": "领英",
           "youtube": "YouTube", "tiktok": "TikTok", "reddit": "Reddit", "discord": "Discord",
           "slack": "Slack", "telegram": "Telegram", "discourse": "论坛", "douyin": "抖音",
           "weibo": "微博", "bilibili": "哔哩哔哩", "xiaohongshu": "小红书",
           "messenger": "Messenger", "other": "其他渠道"},
}

TEXT = {
    "en": {
        "title": "{name} community guidelines",
        "intro": "These guidelines apply wherever {name} hosts a conversation: {places}. "
                 "By taking part you agree to them.",
        "why": "Why this community exists",
        "expect": "What we expect from everyone",
        "breaks": "What breaks the rules",
        "breaks_intro": "What happens depends on how serious it is:",
        "contribute": "How you can contribute",
        "feedback": "Giving feedback",
        "serious": "How we handle serious cases",
        "serious_row": "{label}: a moderator acts {within}.",
        "where": "Where to find these guidelines",
        "pinned_tag": " (pinned)",
        "contact": "Questions and reports",
        "updated": "Last updated {date}.",
        "pinned_title": "{name}: community rules",
        "pinned_not_ok": "Not allowed: {labels}.",
        "pinned_full": "Full guidelines: {where}.",
        "pinned_full_default": "Full guidelines in our profile.",
        "limit_note": "Pinned version: {length} characters (limit {limit}).",
        "sep": ", ",
        "purpose": "{name} runs this community so that people who care about what we make "
                   "can ask questions, share what they do and help each other.",
        "behaviour": [
            "Be kind and respectful, also when you disagree.",
            "Stay on topic and keep conversations useful for others.",
            "Respect privacy: never share anyone's personal details.",
            "Be honest: say so when you are paid or sponsored to post.",
        ],
        "contribute_items": [
            "Answer questions when you know the answer.",
            "Share your tips, photos and stories.",
            "Welcome new members and point them to these guidelines.",
        ],
        "feedback_text": "Criticism is welcome when it is about the product or the service, "
                         "not about a person. Say what happened, what you expected and what "
                         "would help; we read every message.",
        "contact_text": "Use the platform's report button, or send a direct message to our "
                        "account; a moderator will look at it.",
        "care": "We reach out privately with care and share where to find help.",
        "answer": "When we answer",
        "answer_all": "We answer every message {message}.",
        "answer_split": "We answer questions {question} and other messages {message}.",
        "opening_line": "Working hours and working days count only the team's opening hours: "
                        "{hours}{closed}.",
        "closed_public": ", except public holidays",
        "closed_extra": ", except our own holidays",
        "closed_both": ", except public holidays and our own holidays",
        "zone": "{city} time",
        "severity_label": {"low": "Minor cases", "medium": "Moderate cases",
                           "high": "Serious cases", "critical": "Very serious cases"},
    },
    "zh": {
        "title": "{name}社区公约",
        "intro": "本公约适用于{name}运营的所有交流场所：{places}。参与讨论即表示你同意遵守本公约。",
        "why": "我们为什么建立这个社区",
        "expect": "我们对每位成员的期望",
        "breaks": "哪些行为违反公约",
        "breaks_intro": "处理方式视情节轻重而定：",
        "contribute": "你可以这样参与",
        "feedback": "如何提出意见",
        "serious": "严重情况的处理",
        "serious_row": "{label}：管理员会在{within}处理。",
        "where": "在哪里可以看到本公约",
        "pinned_tag": "（已置顶）",
        "contact": "咨询与举报",
        "updated": "最近更新：{date}。",
        "pinned_title": "{name}社区公约",
        "pinned_not_ok": "禁止：{labels}。",
        "pinned_full": "完整公约见：{where}。",
        "pinned_full_default": "完整公约见主页链接。",
        "limit_note": "置顶版本共 {length} 个字符（上限 {limit}）。",
        "sep": "、",
        "purpose": "{name}建立这个社区，是为了让关心我们产品的朋友在这里提问、分享心得、互相帮助。",
        "behaviour": [
            "友善待人，即使意见不同也请互相尊重。",
            "围绕主题交流，让讨论对其他人有帮助。",
            "尊重隐私，不公开任何人的个人信息。",
            "诚实分享；如果是付费或受赞助的内容，请注明。",
        ],
        "contribute_items": [
            "知道答案时，欢迎帮其他成员解答问题。",
            "分享你的技巧、照片和故事。",
            "欢迎新成员，并提醒他们阅读本公约。",
        ],
        "feedback_text": "我们欢迎批评和建议，但请对事不对人：说明发生了什么、你原本期望什么、"
                         "怎样能帮到你。每条留言我们都会认真阅读。",
        "contact_text": "请使用平台的举报功能，或私信我们的官方账号，管理员会尽快查看。",
        "care": "我们会私信关心，并告诉你可以求助的渠道。",
        "answer": "我们何时回复",
        "answer_all": "我们会在{message}回复每条消息。",
        "answer_split": "我们会在{question}回复提问，在{message}回复其他消息。",
        "opening_line": "“工作小时”和“工作日”只计算团队的工作时间：{hours}{closed}。",
        "closed_public": "，法定节假日除外",
        "closed_extra": "，团队休息日除外",
        "closed_both": "，法定节假日和团队休息日除外",
        "zone": "{city}时间",
        "severity_label": {"low": "轻微情况", "medium": "一般情况", "high": "严重情况",
                           "critical": "非常严重的情况"},
    },
}


@dataclass(frozen=True)
class Rendered:
    """The rendered guidelines: texts, the pinned limit, and where the files went."""

    language: str
    full_markdown: str
    full_html: str
    pinned_text: str
    pinned_html: str
    pinned_limit: int
    files: tuple[Path, ...] = ()

    @property
    def pinned_length(self) -> int:
        return len(self.pinned_text)


# ---- promises from the settings ------------------------------------------------------------
SEVERITY_PLACEHOLDERS = tuple(f"{severity}_within" for severity in SEVERITY_ORDER)
PLACEHOLDERS = ("name", "question_within", "message_within", *SEVERITY_PLACEHOLDERS,
                "opening_hours")
PLACEHOLDER = re.compile(r"\{([^{}\n]{0,60})\}")

# Times written by hand in free text, in either language ("within a working day",
# "24 hours", "一个工作日内", "3天"): the settings would not keep them in step.
_NUMBER = (r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
           r"twenty[- ]four|forty[- ]eight|a\s+few|a\s+couple\s+of|few|\d+(?:\.\d+)?)")
_UNIT = r"(?:working\s+|business\s+|calendar\s+)?(?:hours?|hrs?|days?|minutes?|mins?|weeks?)"
HANDWRITTEN_TIME = re.compile(
    rf"(?i)\b(?:within|in|under|inside|by)\s+{_NUMBER}\s+{_UNIT}\b"
    r"|\b\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|mins?|minutes?|days?)\b"
    r"|\b(?:working|business)\s+(?:days?|hours?)\b|\b24/7\b|\baround the clock\b"
    r"|\bsame[- ]day\b|\b(?:next|same)\s+(?:working\s+|business\s+)?day\b"
    r"|\bwithin\s+(?:the\s+|an?\s+)?(?:hour|day|week)\b"
    r"|[0-9一二两三四五六七八九十百半几]+\s*个?\s*(?:工作)?(?:小时|钟头|分钟|工作日|天|周(?!年))"
    r"(?:内|之内)?|工作日|工作小时|天内|小时内|当天|当日|全天候|次日|隔天")

BEIJING_ZONES = frozenset({"Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin",
                           "PRC"})
ZH_NUMERALS = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def commitment_words(commitment: Commitment, playbook: Playbook, language: str) -> str:
    """A response commitment as members read it ("within 1 working day")."""
    return promises.within(commitment.within, commitment.clock, playbook.business_hours,
                           language)


def zone_words(timezone: str, language: str) -> str:
    """Whose clock the opening hours follow: "Chicago time", "北京时间", "东九区时间"."""
    words = TEXT[language]
    if language != "zh":
        return str(words["zone"]).format(city=timezone.rsplit("/", 1)[-1].replace("_", " "))
    if timezone in BEIJING_ZONES:
        return "北京时间"
    january = dt.datetime(2026, 1, 15, 12, tzinfo=ZoneInfo(timezone))
    standard = (january.utcoffset() or dt.timedelta()) - (january.dst() or dt.timedelta())
    hours = standard.total_seconds() / 3600
    if not hours:
        return "零时区时间"
    size = abs(hours)
    number = (ZH_NUMERALS[int(size)] if size.is_integer() and size <= 12
              else f"{size:g}")
    return f"{'东' if hours > 0 else '西'}{number}区时间"


def placeholder_values(playbook: Playbook, language: str) -> dict[str, str]:
    """What each placeholder reads in ``language``, from the settings. ``{<severity>_within}``
    is the severity's escalation row (``rules.escalation``), else its response commitment
    (``cadence.response``); a severity with neither has no value."""
    response = playbook.cadence.response
    hours = playbook.business_hours
    values = {
        "name": playbook.client.name,
        "message_within": commitment_words(response["message"], playbook, language),
        "question_within": commitment_words(response.get("question", response["message"]),
                                            playbook, language),
        "opening_hours": (f"{promises.opening_words(hours, language)}"
                          f"{'（' if language == 'zh' else ' ('}"
                          f"{zone_words(playbook.client.timezone, language)}"
                          f"{'）' if language == 'zh' else ')'}"),
    }
    for severity in SEVERITY_ORDER:
        row = next((e for e in playbook.rules.escalation if e.severity == severity), None)
        if row is not None:
            values[f"{severity}_within"] = promises.within(row.handle_within, row.clock, hours,
                                                           language)
        elif severity in response:
            values[f"{severity}_within"] = commitment_words(response[severity], playbook,
                                                            language)
    return values


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its placeholders filled (every one must be known: see ``problems``)."""
    return PLACEHOLDER.sub(lambda m: values[m.group(1).strip()], text)


def free_texts(playbook: Playbook) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(key path, text) of every text the strategist writes for members."""
    g = playbook.guidelines
    for key in ("purpose", "feedback", "contact"):
        yield ("guidelines", key), getattr(g, key)
    for key in ("behaviour", "contribute"):
        for i, item in enumerate(getattr(g, key)):
            yield ("guidelines", key, i), item
    for i, category in enumerate(playbook.rules.categories):
        yield ("rules", "categories", i, "description"), category.description


def text_problems(text: str, values: dict[str, str]) -> list[str]:
    """What is wrong with one free text: unknown placeholders, times written by hand."""
    out = []
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS if name in values)
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1).strip()
        if name in values:
            continue
        if name in SEVERITY_PLACEHOLDERS:
            out.append(tr("{placeholder} has no setting: add a rules.escalation row or a "
                          "cadence.response commitment for severity {severity}",
                          placeholder=match.group(0), severity=name.removesuffix("_within")))
        else:
            out.append(tr("unknown placeholder {placeholder}; the placeholders are {known}",
                          placeholder=match.group(0), known=known))
    found = HANDWRITTEN_TIME.search(PLACEHOLDER.sub(" ", text))
    if found:
        out.append(tr("'{found}' is a time promise written by hand, which the settings do "
                      "not keep in step: write a placeholder instead, such as "
                      "{{message_within}} (now '{now}'); the placeholders are {known}",
                      found=found.group(0).strip(), now=values["message_within"],
                      known=known))
    return out


def problems(playbook: Playbook, text: str | None = None) -> list[str]:
    """Every free-text problem as ``[line N, ]key/path: message``, in the playbook's
    language; ``text`` (the playbook's YAML) gives the lines."""
    language = playbook.client.language
    with use_language(language):
        values = placeholder_values(playbook, language)
        return [str(Problem("/".join(map(str, path)), locate(text, path), message))
                for path, value in free_texts(playbook)
                for message in text_problems(value, values)]


def _md(text: str) -> str:
    """Member-facing text in Markdown: characters that would start markup are escaped."""
    out = text
    for char in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        out = out.replace(char, "\\" + char)
    return out


class GuidelinesDocument:
    """Build the texts of one playbook's guidelines.

    Refuses (``PlaybookError``, one line per problem) a playbook whose free text holds an
    unknown placeholder or a time written by hand: see ``problems``."""

    def __init__(self, playbook: Playbook, updated: dt.date | None = None) -> None:
        self.pb = playbook
        self.lang = playbook.client.language
        self.t = TEXT[self.lang]
        self.g = playbook.guidelines
        self.name = playbook.client.name
        self.updated = updated or _last_revision(playbook) or dt.date.today()
        found = problems(playbook)
        if found:
            with use_language(self.lang):
                head = tr("the guidelines cannot be written:")
            raise PlaybookError(head + "\n  - " + "\n  - ".join(found))
        self.values = placeholder_values(playbook, self.lang)

    def fill(self, text: str) -> str:
        return fill(text, self.values)

    # ---- content ---------------------------------------------------------------------------
    def purpose(self) -> str:
        return self.fill(self.g.purpose or str(self.t["purpose"]))

    def behaviour(self) -> list[str]:
        return [self.fill(item) for item in self.g.behaviour or list(self.t["behaviour"])]

    def contribute(self) -> list[str]:
        return [self.fill(item)
                for item in self.g.contribute or list(self.t["contribute_items"])]

    def feedback(self) -> str:
        return self.fill(self.g.feedback or str(self.t["feedback_text"]))

    def contact(self) -> str:
        return self.fill(self.g.contact or str(self.t["contact_text"]))

    def places(self) -> str:
        names = PLATFORM_NAMES[self.lang]
        seen: list[str] = []
        for platform in [a.platform for a in self.pb.accounts] + [s.platform
                                                                 for s in self.g.shared]:
            if names[platform] not in seen:
                seen.append(names[platform])
        return str(self.t["sep"]).join(seen)

    def platforms(self) -> list[str]:
        """Where members talk with the brand: its accounts, and the platforms the
        guidelines are shared on (a page elsewhere, ``other``, is only where they are read)."""
        found = [a.platform for a in self.pb.accounts]
        found += [s.platform for s in self.g.shared if s.platform != "other"]
        return list(dict.fromkeys(found)) or ["other"]

    def consequence(self, category: RuleCategory) -> str:
        """What happens: only actions every platform allows; care for a member in crisis."""
        if category.use == "self_harm":
            return str(self.t["care"])
        return platform_actions.consequence(category.severity, self.platforms(), self.lang)

    def category_line(self, category: RuleCategory) -> str:
        """"Label: what it means. What happens: consequence" in the document's language."""
        zh = self.lang == "zh"
        consequence = self.consequence(category)
        description = self.fill(category.description.strip())
        if description and description[-1] not in ".!?。！？":
            description += "。" if zh else "."
        if not description:
            if not zh:
                consequence = consequence[:1].lower() + consequence[1:]
            return f"{category.label}{'——' if zh else ' — '}{consequence}"
        if zh:
            return f"{category.label}：{description}处理方式：{consequence}"
        return f"{category.label}: {description} What happens: {consequence}"

    def where_lines(self) -> list[str]:
        names = PLATFORM_NAMES[self.lang]
        sep = "：" if self.lang == "zh" else ": "
        return [(s.where if s.platform == "other" else f"{names[s.platform]}{sep}{s.where}")
                + (str(self.t["pinned_tag"]) if s.pinned else "")
                for s in self.g.shared]

    def serious_lines(self) -> list[str]:
        """Per escalation row, most serious first: how fast a moderator acts, on its clock."""
        labels = self.t["severity_label"]
        return [
            str(self.t["serious_row"]).format(
                label=labels[e.severity],  # type: ignore[index]
                within=promises.within(e.handle_within, e.clock, self.pb.business_hours,
                                       self.lang))
            for e in sorted(self.pb.rules.escalation, key=lambda e: e.severity != "critical")
        ]

    def on_business_clock(self) -> bool:
        """Whether a promise in the guidelines counts only opening hours."""
        clocks = [c.clock for c in self.pb.cadence.response.values()]
        clocks += [e.clock for e in self.pb.rules.escalation]
        return "business" in clocks

    def closed_words(self) -> str:
        holidays = self.pb.business_hours.holidays
        public, extra = bool(holidays.country), bool(holidays.extra)
        key = ("closed_both" if public and extra else "closed_public" if public
               else "closed_extra" if extra else "")
        return str(self.t[key]) if key else ""

    def answer_text(self) -> str:
        """When we answer: the question and message commitments, and, when a promise runs
        on the business clock, the opening hours that clock counts."""
        question, message = self.values["question_within"], self.values["message_within"]
        lines = [str(self.t["answer_all"]).format(message=message) if question == message
                 else str(self.t["answer_split"]).format(question=question, message=message)]
        if self.on_business_clock():
            lines.append(str(self.t["opening_line"]).format(
                hours=self.values["opening_hours"], closed=self.closed_words()))
        return ("" if self.lang == "zh" else " ").join(lines)

    def sections(self) -> list[tuple[str, str | list[str]]]:
        """(heading, paragraph or bullet list) of the full document, in order."""
        t = self.t
        out: list[tuple[str, str | list[str]]] = [
            (str(t["why"]), self.purpose()),
            (str(t["expect"]), self.behaviour()),
        ]
        if self.pb.rules.categories:
            out.append((str(t["breaks"]),
                        [str(t["breaks_intro"])]
                        + [self.category_line(c) for c in self.pb.rules.categories]))
        out.append((str(t["contribute"]), self.contribute()))
        out.append((str(t["feedback"]), self.feedback()))
        if self.pb.rules.escalation:
            out.append((str(t["serious"]), self.serious_lines()))
        if self.g.shared:
            out.append((str(t["where"]), self.where_lines()))
        out.append((str(t["contact"]), self.contact()))
        out.append((str(t["answer"]), self.answer_text()))
        return out

    # ---- full document ---------------------------------------------------------------------
    def title(self) -> str:
        return str(self.t["title"]).format(name=self.name)

    def intro(self) -> str:
        return str(self.t["intro"]).format(name=self.name, places=self.places())

    def full_markdown(self) -> str:
        lines = [f"# {_md(self.title())}", "", _md(self.intro()), ""]
        for head, body in self.sections():
            lines += [f"## {_md(head)}", ""]
            if isinstance(body, str):
                lines += [_md(body), ""]
            else:
                intro = body[0] if head == self.t["breaks"] else None
                if intro:
                    lines += [_md(intro), ""]
                lines += [f"- {_md(item)}" for item in body[1 if intro else 0:]] + [""]
        lines += [_md(str(self.t["updated"]).format(date=self.updated.isoformat())), ""]
        return "\n".join(lines)

    def full_html(self) -> str:
        parts = [f"<h1>{esc(self.title())}</h1>", f"<p>{esc(self.intro())}</p>"]
        for head, body in self.sections():
            parts.append(f"<h2>{esc(head)}</h2>")
            if isinstance(body, str):
                parts.append(f"<p>{esc(body)}</p>")
            else:
                intro = body[0] if head == self.t["breaks"] else None
                if intro:
                    parts.append(f"<p>{esc(intro)}</p>")
                items = "".join(f"<li>{esc(item)}</li>" for item in body[1 if intro else 0:])
                parts.append(f"<ul>{items}</ul>")
        parts.append(f'<p class="updated">'
                     f'{esc(str(self.t["updated"]).format(date=self.updated.isoformat()))}</p>')
        return page(self.title(), "\n".join(parts), self.lang)

    # ---- pinned version --------------------------------------------------------------------
    def pinned_text(self) -> str:
        """The short version: title, purpose, expectations, what is not allowed, where the
        full text is; behaviour items are dropped from the end until it fits the limit."""
        limit = self.g.pinned_limit
        t = self.t
        head = str(t["pinned_title"]).format(name=self.name)
        labels = str(t["sep"]).join(c.label for c in self.pb.rules.categories
                                    if c.use != "self_harm")  # a member in crisis breaks none
        not_ok = str(t["pinned_not_ok"]).format(labels=labels) if labels else ""
        full = next((s for s in self.g.shared if not s.pinned), None)
        names = PLATFORM_NAMES[self.lang]
        if full is None:
            link = str(t["pinned_full_default"])
        elif full.platform == "other":
            link = str(t["pinned_full"]).format(where=full.where)
        else:
            link = str(t["pinned_full"]).format(where=f"{names[full.platform]} · {full.where}")
        purpose = _first_sentence(self.purpose(), self.lang)
        items = self.behaviour()

        def compose(keep: int, about: str) -> str:
            lines = [head, about, *[f"• {i}" for i in items[:keep]], not_ok, link]
            return "\n".join(line for line in lines if line)

        for keep in range(len(items), -1, -1):
            text = compose(keep, purpose)
            if len(text) <= limit:
                return text
        text = compose(0, "")
        if len(text) > limit:  # a very long category list: cut it, keep the link
            room = limit - len(link) - len(head) - 3
            text = "\n".join([head, not_ok[:max(room, 0)].rstrip() + "…", link])
        return text[:limit]

    def pinned_html(self, text: str) -> str:
        body = "<br>\n".join(esc(line) for line in text.split("\n"))
        note = str(self.t["limit_note"]).format(length=len(text), limit=self.g.pinned_limit)
        return page(str(self.t["pinned_title"]).format(name=self.name),
                    f'<p class="pinned">{body}</p>\n<p class="updated">{esc(note)}</p>', self.lang)

    def render(self) -> Rendered:
        pinned = self.pinned_text()
        return Rendered(self.lang, self.full_markdown(), self.full_html(), pinned,
                        self.pinned_html(pinned), self.g.pinned_limit)


def _first_sentence(text: str, language: str) -> str:
    pattern = r"(?<=[。！？])" if language == "zh" else r"(?<=[.!?])\s+(?=[A-Z])"
    return re.split(pattern, text.strip(), maxsplit=1)[0]


def _last_revision(playbook: Playbook) -> dt.date | None:
    return max((r.date for r in playbook.revisions), default=None)


STYLE = ("body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',"
         "sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.6;"
         "color:#24323f}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem}"
         ".updated{color:#5b6b7a;font-size:.9rem}.pinned{border:1px solid #d5dde5;"
         "border-radius:6px;padding:1rem;white-space:normal}")
def page(title: str, body: str, language: str) -> str:
    """A self-contained HTML page in the kit's frame (``pages.page``: inline style, no
    scripts, nothing loaded from outside)."""
    return pages.page(title, f"<main>\n{body}\n</main>\n", language, STYLE)


def write(playbook: Playbook, folder: Path, updated: dt.date | None = None) -> Rendered:
    """Render the guidelines into ``folder``: guidelines.md/.html and pinned.md/.html."""
    doc = GuidelinesDocument(playbook, updated)
    rendered = doc.render()
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "guidelines.md": rendered.full_markdown,
        "guidelines.html": rendered.full_html,
        "pinned.md": rendered.pinned_text + "\n",
        "pinned.html": rendered.pinned_html,
    }
    for name, text in files.items():
        write_atomically(folder / name, text)
    return Rendered(rendered.language, rendered.full_markdown, rendered.full_html,
                    rendered.pinned_text, rendered.pinned_html, rendered.pinned_limit,
                    tuple(folder / n for n in files))
