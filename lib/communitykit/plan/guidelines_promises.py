"""Every time the guidelines promise, from the settings: placeholders and their values.

The strategist's free text names a time with a placeholder (``{message_within}``, see
``PLACEHOLDERS``), filled here from ``cadence.response`` and ``rules.escalation`` in the
words of their clock (``promises.within``); a time written by hand, or an unknown
placeholder, is a problem (``text_problems``), so a promise and a setting cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from .. import promises
from ..i18n import tr
from ..playbook import SEVERITY_ORDER, Commitment, Playbook
from .guidelines_words import TEXT

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

