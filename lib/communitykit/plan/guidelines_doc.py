"""The client's public community guidelines, rendered from the playbook in its language.

Two versions: the full document, and a short one to pin where the platform allows
(at most ``guidelines.pinned_limit`` characters, 500 by default; items are dropped from
the end until it fits). Each in Markdown and in HTML (escaped, self-contained: inline
style, no scripts, no external resources). Empty playbook fields fall back to sensible
default wording, so a new client still gets a usable first draft.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..html import esc
from ..playbook import Playbook, RuleCategory, parse_duration
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
        "breaks_intro": "Messages in these categories are removed. What else happens depends "
                        "on how serious it is:",
        "contribute": "How you can contribute",
        "feedback": "Giving feedback",
        "serious": "How we handle serious cases",
        "serious_row": "{label}: a moderator acts within {time}.",
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
        "severity": {
            "low": "we remove it; repeated cases lead to a mute.",
            "medium": "we remove it and send you a warning.",
            "high": "we remove it, warn you privately and may suspend your account.",
            "critical": "we remove it at once, ban the account, keep the evidence and report "
                        "it to the platform.",
        },
        "severity_label": {"low": "Minor cases", "medium": "Moderate cases",
                           "high": "Serious cases", "critical": "Very serious cases"},
    },
    "zh": {
        "title": "{name}社区公约",
        "intro": "本公约适用于{name}运营的所有交流场所：{places}。参与讨论即表示你同意遵守本公约。",
        "why": "我们为什么建立这个社区",
        "expect": "我们对每位成员的期望",
        "breaks": "哪些行为违反公约",
        "breaks_intro": "以下类别的内容会被删除，其他处理方式视情节轻重而定：",
        "contribute": "你可以这样参与",
        "feedback": "如何提出意见",
        "serious": "严重情况的处理",
        "serious_row": "{label}：管理员会在{time}内处理。",
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
        "severity": {
            "low": "我们会删除相关内容，屡次违反者将被禁言。",
            "medium": "我们会删除相关内容并向你发出警告。",
            "high": "我们会删除相关内容、私下提醒，并可能暂停你的账号。",
            "critical": "我们会立即删除并封禁账号，保留证据并向平台举报。",
        },
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


def duration_words(text: str, language: str) -> str:
    """``"2h30m"`` as "2 hours 30 minutes" or "2 小时 30 分钟"."""
    total = int(parse_duration(text).total_seconds() // 60)
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    units = ((days, "day", "天"), (hours, "hour", "小时"), (minutes, "minute", "分钟"))
    for value, en, zh in units:
        if value:
            parts.append(f"{value}{zh}" if language == "zh" else
                         f"{value} {en}{'s' if value != 1 else ''}")
    return ("" if language == "zh" else " ").join(parts) or ("0分钟" if language == "zh"
                                                              else "0 minutes")


def _md(text: str) -> str:
    """Member-facing text in Markdown: characters that would start markup are escaped."""
    out = text
    for char in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        out = out.replace(char, "\\" + char)
    return out


class GuidelinesDocument:
    """Build the texts of one playbook's guidelines."""

    def __init__(self, playbook: Playbook, updated: dt.date | None = None) -> None:
        self.pb = playbook
        self.lang = playbook.client.language
        self.t = TEXT[self.lang]
        self.g = playbook.guidelines
        self.name = playbook.client.name
        self.updated = updated or _last_revision(playbook) or dt.date.today()

    # ---- content ---------------------------------------------------------------------------
    def purpose(self) -> str:
        return self.g.purpose or str(self.t["purpose"]).format(name=self.name)

    def behaviour(self) -> list[str]:
        return self.g.behaviour or list(self.t["behaviour"])

    def contribute(self) -> list[str]:
        return self.g.contribute or list(self.t["contribute_items"])

    def places(self) -> str:
        names = PLATFORM_NAMES[self.lang]
        seen: list[str] = []
        for platform in [a.platform for a in self.pb.accounts] + [s.platform
                                                                 for s in self.g.shared]:
            if names[platform] not in seen:
                seen.append(names[platform])
        return str(self.t["sep"]).join(seen)

    def category_line(self, category: RuleCategory) -> str:
        """"Label: what it means. What happens: consequence" in the document's language."""
        zh = self.lang == "zh"
        consequence = self.t["severity"][category.severity]  # type: ignore[index]
        description = category.description.strip()
        if description and description[-1] not in ".!?。！？":
            description += "。" if zh else "."
        if not description:
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
        labels = self.t["severity_label"]
        return [
            str(self.t["serious_row"]).format(
                label=labels[e.severity],  # type: ignore[index]
                time=duration_words(e.handle_within, self.lang))
            for e in sorted(self.pb.rules.escalation, key=lambda e: e.severity != "critical")
        ]

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
        out.append((str(t["feedback"]), self.g.feedback or str(t["feedback_text"])))
        if self.pb.rules.escalation:
            out.append((str(t["serious"]), self.serious_lines()))
        if self.g.shared:
            out.append((str(t["where"]), self.where_lines()))
        out.append((str(t["contact"]), self.g.contact or str(t["contact_text"])))
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
        labels = str(t["sep"]).join(c.label for c in self.pb.rules.categories)
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
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"


def page(title: str, body: str, language: str) -> str:
    """A self-contained HTML page (inline style; no scripts, no outside resources)."""
    lang = "zh-CN" if language == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


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
