"""The client's playbook: one YAML file, validated by a strict model.

Unknown keys, wrong types and bad values fail with the key path and what is
allowed. YAML is loaded with a safe loader: tags are never executed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_lib
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .catalogue import CATALOGUE
from .errors import PlaybookError

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


def _check_timezone(value: str) -> str:
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
PERCENT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$")
SIGNED_RATIOS = ("net_sentiment", "follower_growth_rate")
CommitmentKey = Literal["question", "message", "low", "medium", "high", "critical"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError(f"{value!r} is not a colour: write #rrggbb in quotes, such as \"#1f5f8b\"")
    return value


class Brand(Strict):
    """How the report looks for this client: accent colour and logo."""

    colour: Annotated[str, AfterValidator(_colour)] | None = None
    logo: Annotated[str, Field(pattern=r"^[^/\\][^\\]*\.(png|jpg|jpeg)$")] | None = Field(
        default=None, description="PNG or JPEG file, relative to the client's playbook folder")

    @field_validator("logo")
    @classmethod
    def _inside_client_folder(cls, value: str | None) -> str | None:
        if value is not None and ".." in value.split("/"):
            raise ValueError("the logo path must stay inside the client's folder")
        return value


class Client(Strict):
    name: str = Field(min_length=1)
    language: Literal["en", "zh"] = "en"
    timezone: str
    brand: Brand = Brand()

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        return _check_timezone(value)


class Holidays(Strict):
    """Closed days: a country's holidays (holidays library) and the team's own days off."""

    country: str | None = None
    subdivision: str | None = Field(default=None, description="The team's region")
    subdivision_holidays: bool = Field(
        default=False, description="Close on the subdivision's own holidays too"
    )
    categories: list[str] = Field(
        default=["public"], min_length=1, description="Holiday categories that close the team"
    )
    extra: list[dt.date] = []

    @model_validator(mode="after")
    def _known_country(self) -> Holidays:
        if self.country is None:
            return self._nothing_without_country()
        supported = holidays_lib.list_supported_countries()
        if self.country not in supported:
            raise ValueError(
                f"country {self.country!r} is not known to the holidays library; "
                "use an ISO 3166 code such as 'US', 'GB', 'CN', 'DE'"
            )
        subdivisions = supported[self.country]
        if self.subdivision is not None and self.subdivision not in subdivisions:
            raise ValueError(
                f"subdivision {self.subdivision!r} is not known for {self.country}; "
                f"allowed: {', '.join(subdivisions[:20])}"
            )
        if self.subdivision_holidays and self.subdivision is None:
            raise ValueError("subdivision_holidays: true needs a subdivision (the team's region)")
        allowed = holidays_lib.country_holidays(self.country).supported_categories
        unknown = [c for c in self.categories if c not in allowed]
        if unknown:
            which = "category" if len(unknown) == 1 else "categories"
            raise ValueError(
                f"holiday {which} {', '.join(map(repr, unknown))} not known for "
                f"{self.country}; allowed: {', '.join(sorted(allowed))}"
            )
        return self

    def _nothing_without_country(self) -> Holidays:
        if self.subdivision is not None or self.subdivision_holidays:
            raise ValueError("a subdivision needs a country (e.g. country: US, subdivision: NY)")
        if self.categories != ["public"]:
            raise ValueError("holiday categories need a country (e.g. country: CN)")
        return self


def _open_before_close(value: tuple[str, str]) -> tuple[str, str]:
    opens, closes = value
    if opens >= closes:
        raise ValueError(f"opening {opens} must be before closing {closes}")
    return value


DayHours = Annotated[tuple[ClockTime, ClockTime], AfterValidator(_open_before_close)]


class BusinessHours(Strict):
    """Opening and closing local times per weekday; a missing weekday is closed."""

    days: dict[Weekday, DayHours]
    holidays: Holidays = Holidays()


class Account(Strict):
    platform: Platform
    id: IdText | None = None
    handle: IdText | None = None

    @model_validator(mode="after")
    def _id_or_handle(self) -> Account:
        if not (self.id or self.handle):
            raise ValueError("an account needs an id or a handle")
        return self


class Person(Strict):
    name: str = Field(min_length=1)
    role: Role
    handles: dict[Platform, list[IdText]] = {}
    asks: str | None = Field(default=None, description="What this person is asked to do")

    @field_validator("handles", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: v if isinstance(v, list) else [v] for k, v in value.items()}
        return value


class RuleCategory(Strict):
    id: Slug
    label: str
    severity: Severity
    description: str = Field(
        default="", description="What this rule means, in the words of the public guidelines"
    )
    use: RuleKind | None = Field(
        default=None, description="the kit's own patterns for this kind of rule break, "
        "English and Chinese (listening/rule_library.py), matched as well as `patterns`")
    patterns: list[Pattern] = []
    excluded_from_inbound: bool = Field(
        default=False, description="Spam or bot traffic: not counted as inbound"
    )

    @model_validator(mode="after")
    def _something_to_match(self) -> RuleCategory:
        if not self.patterns and self.use is None:
            raise ValueError("a rule category needs `patterns`, or `use:` one of the kit's "
                             f"kinds ({', '.join(RULE_KINDS)}), or both")
        return self

    @property
    def all_patterns(self) -> list[str]:
        """The kit's patterns for ``use`` (if any), then the category's own."""
        from .listening.rule_library import patterns_for

        return [*(patterns_for(self.use) if self.use else []), *self.patterns]


class Escalation(Strict):
    severity: Severity
    owner: str
    handle_within: Duration
    clock: Literal["business", "calendar"] = Field(
        default="calendar", description="calendar: the time runs at night and at weekends "
        "(someone is on call); business: it runs only in business_hours")
    how: str = ""
    examples: list[str] = []


class Rules(Strict):
    escalate_from: Severity = "high"
    categories: list[RuleCategory] = []
    escalation: list[Escalation] = []

    @model_validator(mode="after")
    def _matrix_covers_escalations(self) -> Rules:
        threshold = SEVERITY_ORDER[self.escalate_from]
        needed = {c.severity for c in self.categories if SEVERITY_ORDER[c.severity] >= threshold}
        covered = {e.severity for e in self.escalation}
        missing = sorted(needed - covered, key=SEVERITY_ORDER.__getitem__)
        if missing:
            raise ValueError(
                f"the escalation matrix has no row for severity {', '.join(missing)}, "
                f"which rule categories use (everything from {self.escalate_from!r} up "
                "escalates)"
            )
        ids = [c.id for c in self.categories]
        if len(ids) != len(set(ids)):
            raise ValueError(f"rule category ids must be unique: {ids}")
        return self


class SharedPlace(Strict):
    """Where the guidelines are shared with members (and whether they are pinned there)."""

    platform: Platform
    where: str = Field(min_length=1, description="e.g. 'the #welcome channel', 'profile link'")
    pinned: bool = False


class Guidelines(Strict):
    """The public community guidelines: the parts that are not rules or escalations.

    ``communitykit plan <client> guidelines`` renders them, with the rule categories,
    into ``guidelines/<client>/``; the short version fits ``pinned_limit`` characters.
    """

    purpose: str = Field(default="", description="Why the community exists, for members")
    behaviour: list[str] = Field(default=[], description="What we expect from every member")
    contribute: list[str] = Field(default=[], description="How members can contribute")
    feedback: str = Field(default="", description="How to give constructive feedback")
    contact: str = Field(default="", description="How to reach the moderators")
    shared: list[SharedPlace] = Field(default=[], description="Where they are shared and pinned")
    pinned_limit: int = Field(
        default=500, ge=140, le=2200, description="Longest the pinned version may be, characters"
    )


class Baseline(Strict):
    value: Number | None = None
    period: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Baseline:
        if (self.value is None) == (self.period is None):
            raise ValueError("a baseline is either a 'value' or a 'period' to measure, not both")
        return self


class Goal(Strict):
    id: Slug
    metric: str
    channel: Platform | None = None
    direction: Literal["at_least", "at_most"]  # default: the metric's better direction
    target: Number
    baseline: Baseline
    start: dt.date
    deadline: dt.date
    note: str = ""

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, value: str) -> str:

        if value not in CATALOGUE:
            close = difflib.get_close_matches(value, list(CATALOGUE), n=3, cutoff=0.6)
            hint = f"did you mean {' or '.join(map(repr, close))}? " if close else ""
            raise ValueError(f"unknown metric {value!r}; {hint}"
                             "docs/metrics.md lists every metric a goal can name")
        return value

    @model_validator(mode="before")
    @classmethod
    def _better_direction(cls, data: object) -> object:

        if isinstance(data, dict) and "direction" not in data and data.get("metric") in CATALOGUE:
            better = CATALOGUE[data["metric"]].better
            return {**data, "direction": "at_least" if better == "up" else "at_most"}
        return data

    @field_validator("target", mode="before")
    @classmethod
    def _target_percentage(cls, value: object, info: ValidationInfo) -> object:
        return _percentage(value, info.data.get("metric"))

    @field_validator("target")
    @classmethod
    def _target_in_range(cls, value: float, info: ValidationInfo) -> float:
        problem = _out_of_range(value, info.data.get("metric"))
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("baseline", mode="before")
    @classmethod
    def _baseline_percentage(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, dict) and "value" in value:
            try:
                number = _percentage(value["value"], info.data.get("metric"))
            except ValueError as exc:
                raise _at("value", str(exc)) from None
            return {**value, "value": number}
        return value

    @field_validator("baseline")
    @classmethod
    def _baseline_in_range(cls, value: Baseline, info: ValidationInfo) -> Baseline:
        if value.value is not None:
            problem = _out_of_range(value.value, info.data.get("metric"))
            if problem:
                raise _at("value", problem)
        return value

    @model_validator(mode="after")
    def _deadline_after_start(self) -> Goal:
        if self.deadline <= self.start:
            raise ValueError(f"deadline {self.deadline} must be after start {self.start}")
        return self


def _unit(metric: str | None) -> str | None:

    found = CATALOGUE.get(metric) if metric else None
    return found.unit if found else None


def _percentage(value: object, metric: str | None) -> object:
    """``"85%"`` as 0.85 for a rate or share; anything else is left to the type check."""
    match = PERCENT.match(value) if isinstance(value, str) else None
    if match is None:
        return value
    unit = _unit(metric)
    if unit is not None and unit != "ratio":
        raise ValueError(
            f"{value!r} is a percentage, but {metric} is a {unit}: write a plain number"
        )
    number = float(match.group(1))
    low = -100 if metric in SIGNED_RATIOS else 0
    if not low <= number <= 100:
        raise ValueError(f"{value!r} is outside {low}% to 100%")
    return number / 100


def _out_of_range(value: float, metric: str | None) -> str | None:
    """Why a goal's number cannot be meant for ``metric``, or None when it can."""
    unit = _unit(metric)
    if unit == "ratio":
        if value > 1:
            return (f"{value:g} is more than 1, and {metric} is a share from 0 to 1: "
                    f'for {value:g}% write {value / 100:g} or "{value:g}%"')
        low = -1 if metric in SIGNED_RATIOS else 0
        if value < low:
            return f"{value:g} is below {low}: {metric} runs from {low} to 1"
    elif unit in ("count", "hours") and value < 0:
        return f"{value:g} is negative, and {metric} is a number of {unit}s: write 0 or more"
    return None


def _at(key: str, message: str) -> PydanticCustomError:
    """An error about ``key`` inside the field being validated (added to the key path)."""
    return PydanticCustomError("value_at", "{message}", {"message": message, "at": key})


class Pillar(Strict):
    id: Slug
    share: float = Field(ge=0, le=1)
    patterns: list[Pattern] = []


class Commitment(Strict):
    within: Duration
    clock: Literal["business", "calendar"] = "business"


class Cadence(Strict):
    posts_per_week: dict[Platform, PostsPerWeek] = {}
    pillars: list[Pillar] = []
    response: dict[CommitmentKey, Commitment] = Field(
        default={"question": Commitment(within="4h"), "message": Commitment(within="1d")},
        description="Per message kind (question, message) and rule severity (low..critical)",
    )
    flat_thread_window: Duration = Field(
        default="24h",
        description="How far back an unlinked or mention answer on a chat platform reaches",
    )

    @model_validator(mode="after")
    def _shares_sum_to_one(self) -> Cadence:
        if self.pillars:
            total = sum(p.share for p in self.pillars)
            if abs(total - 1) > 0.001:
                raise ValueError(f"pillar shares must add up to 1, they add up to {total:.3f}")
        if "message" not in self.response:
            raise ValueError("response needs a 'message' commitment (the default for all kinds)")
        return self


class Reach(Strict):
    engagement_rate_by: Literal["impressions", "reach", "followers"] = Field(
        default="impressions", description="What the engagement rate divides engagement by"
    )


class Theme(Strict):
    id: Slug
    label: str
    keywords: list[Pattern] = Field(min_length=1)
    owner: str


class ColumnMapping(Strict):
    """How a generic CSV or Excel file maps onto one of the kit's tables."""

    table: Literal["posts", "messages", "account_daily"]
    columns: dict[str, str] = Field(description="kit column -> column name in the file")
    date_format: str | None = Field(
        default=None, description="strptime format of the time column; default: ISO 8601"
    )
    sheet: str | None = None

    @model_validator(mode="after")
    def _known_columns(self) -> ColumnMapping:
        from .tables import REQUIRED, SCHEMAS

        allowed = set(SCHEMAS[self.table]) - {"source_file", "metrics_as_of"}
        unknown = sorted(set(self.columns) - allowed)
        if unknown:
            raise ValueError(
                f"unknown {self.table} column(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(sorted(allowed))}"
            )
        missing = [c for c in REQUIRED[self.table] if c != "platform" and c not in self.columns]
        if missing:
            raise ValueError(f"the mapping needs the {self.table} column(s) {', '.join(missing)}")
        return self


class Source(Strict):
    """Overrides for export files whose name matches ``match`` (a glob)."""

    match: str
    format: str | None = None
    timezone: str | None = None
    platform: Platform | None = None
    mapping: ColumnMapping | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str | None) -> str | None:
        return value if value is None else _check_timezone(value)


class Exports(Strict):
    path: str = "exports"
    sources: list[Source] = []


class Revision(Strict):
    date: dt.date
    step: str
    note: str = ""
    origin: str | None = Field(
        default=None,
        description="what a new client was made from: template:<name> or client:<name>")


class Playbook(Strict):
    version: int = Field(1, description="Schema version of this file")
    client: Client
    business_hours: BusinessHours
    accounts: list[Account] = Field(min_length=1)
    roster: list[Person] = []
    team_roles: list[Literal["brand", "community_manager", "employee"]] = [
        "brand",
        "community_manager",
    ]
    guidelines: Guidelines = Guidelines()
    rules: Rules = Rules()
    goals: list[Goal] = []
    cadence: Cadence = Cadence()
    reach: Reach = Reach()
    listening: dict[Literal["themes"], list[Theme]] = {}
    exports: Exports = Exports()
    revisions: list[Revision] = []

    @field_validator("team_roles")
    @classmethod
    def _brand_in_team(cls, value: list[str]) -> list[str]:
        if "brand" not in value:
            raise ValueError("the team always includes 'brand'")
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.client.timezone)

    @property
    def themes(self) -> list[Theme]:
        return self.listening.get("themes", [])


def _format_errors(path: Path, exc: ValidationError, text: str | None) -> str:
    """Every problem of the file at once, in plain words, with its line and key."""
    from .plain_errors import problems

    found = problems(exc, text, Playbook)
    if len(found) == 1:
        return f"{path}: {found[0]}"
    return f"{path}: {len(found)} problems:\n  - " + "\n  - ".join(map(str, found))


def read_yaml(path: Path) -> object:
    """Parse YAML with the safe loader (no tags executed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlaybookError("playbook not found", file=path) from None
    except UnicodeDecodeError as exc:
        raise PlaybookError(f"not UTF-8 text ({exc.reason})", file=path) from None
    try:
        return YAML(typ="safe", pure=True).load(text)
    except ValueError:  # a date YAML recognises but the calendar has not (2026-13-01)
        from .yaml_text import impossible_date

        row, value = impossible_date(text)
        raise PlaybookError(f"{value} is not a date of the calendar: write YYYY-MM-DD, such "
                            "as 2026-03-31", file=path, row=row) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PlaybookError(f"not valid YAML: {problem}", file=path, row=row) from None


def validate(data: object, path: Path, text: str | None = None) -> Playbook:
    """Validate parsed YAML as a playbook; ``text`` (the YAML) gives errors their lines."""
    if not isinstance(data, dict):
        raise PlaybookError("a playbook is a mapping of keys (client, accounts, ...)", file=path)
    try:
        return Playbook.model_validate(data)
    except ValidationError as exc:
        raise PlaybookError(_format_errors(path, exc, text)) from None


def load(path: Path) -> Playbook:
    """Read and validate a playbook file."""
    data = read_yaml(path)
    try:
        return validate(data, path)
    except PlaybookError:
        return validate(data, path, path.read_text(encoding="utf-8"))  # again, with lines
