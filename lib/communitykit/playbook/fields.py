"""The playbook's field types: roles, severities, platforms, durations, clock times, ids
and patterns, each checked with a plain-words error, and the strict base of every part."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

ROLES = ("brand", "community_manager", "employee", "ambassador", "influencer", "bot", "member")
Role = Literal["brand", "community_manager", "employee", "ambassador", "influencer", "bot"]
Severity = Literal["low", "medium", "high", "critical"]
RuleKind = Literal["harassment", "hate", "spam", "scam", "personal_data", "self_harm",
                   "promotion"]
RULE_KINDS: tuple[str, ...] = RuleKind.__args__  # type: ignore[attr-defined]
SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2, "critical": 3}
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PLATFORMS = (
    "instagram", "facebook", "x", "linkedin", "youtube", "tiktok", "reddit", "discord",
    "slack", "telegram", "discourse", "douyin", "weibo", "bilibili", "xiaohongshu", "messenger",
    "other",
)
Platform = Literal[
    "instagram", "facebook", "x", "linkedin", "youtube", "tiktok", "reddit", "discord",
    "slack", "telegram", "discourse", "douyin", "weibo", "bilibili", "xiaohongshu", "messenger",
    "other",
]
DURATION = re.compile(r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*$")


def parse_duration(text: str) -> dt.timedelta:
    """``"4h"``, ``"90m"``, ``"1d"``, ``"2h30m"`` as a timedelta."""
    match = DURATION.match(str(text))
    if not match or not any(match.groups()):
        raise ValueError(f"{text!r} is not a duration: write e.g. '30m', '4h', '1d' or '2h30m'")
    days, hours, minutes = (int(g or 0) for g in match.groups())
    return dt.timedelta(days=days, hours=hours, minutes=minutes)


def check_timezone(value: str) -> str:
    """``value`` if it is an IANA timezone name, else a ValueError in plain words."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"{value!r} is not an IANA timezone name (e.g. 'Europe/London', "
            "'America/New_York', 'Asia/Shanghai')"
        ) from exc
    return value


def _check_duration(text: str) -> str:
    if parse_duration(text) <= dt.timedelta():
        raise ValueError(f"{text!r} is no time at all: a duration must be longer than zero")
    return text


def _check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from exc
    return pattern


Duration = Annotated[str, AfterValidator(_check_duration)]
Pattern = Annotated[str, AfterValidator(_check_regex)]
CLOCK_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$|^24:00$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _clock_time(value: object) -> str:
    """``"09:00"`` (``"9:00"`` is read as 09:00); anything else in plain words."""
    match = CLOCK_TIME.match(value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError(
            "clock_time", "{value} is not a time: use 24-hour time such as 09:00 or 17:30",
            {"value": repr(value) if isinstance(value, str) else str(value)})
    return value if value == "24:00" else f"{int(match.group(1)):02d}:{match.group(2)}"


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise PydanticCustomError(
            "slug", "{value} is not an id: use lowercase letters, digits, '-' and '_', "
            "starting with a letter or digit, such as answer-faster", {"value": repr(value)})
    return value


def _id_text(value: object) -> object:
    """An id YAML read as a number (unquoted digits) is the same id as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


ClockTime = Annotated[str, BeforeValidator(_clock_time)]
IdText = Annotated[str, BeforeValidator(_id_text)]
Slug = Annotated[str, AfterValidator(_slug)]


PostsPerWeek = Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]
Number = Annotated[float, Field(allow_inf_nan=False)]
CommitmentKey = Literal["question", "message", "low", "medium", "high", "critical"]


class Strict(BaseModel):
    """A part of the playbook: unknown keys are refused, and it cannot be changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)
