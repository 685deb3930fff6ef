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
names one with a placeholder (``{message_within}``, see ``guidelines_promises``) that is
filled from the settings, so a promise and a setting cannot disagree. What happens to a rule
break is what a brand can do on the client's platforms (``platform_actions``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .. import platform_actions, promises
from ..errors import PlaybookError
from ..html import esc
from ..i18n import tr, use_language
from ..plain_errors import Problem, locate
from ..playbook import Playbook, RuleCategory
from ..report import page as frame
from .guidelines_promises import fill, free_texts, placeholder_values, text_problems
from .guidelines_words import PLATFORM_NAMES, TEXT
from .save import write_atomically


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
    """A self-contained HTML page in the kit's frame (``report.page``: inline style, no
    scripts, nothing loaded from outside)."""
    return frame.page(title, f"<main>\n{body}\n</main>\n", language, STYLE)


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
