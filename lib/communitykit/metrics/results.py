"""Typed figures: what each section computes, field by field, in the order of metrics.json.

Each section's ``compute`` returns one of these; ``Figures`` is the whole document the
report reads and ``metrics.json`` holds (``Figures.to_json``). The scalar fields a goal, a
tile or a section table can name are listed once in ``catalogue.CATALOGUE`` (by section and
field); rows of lists stay plain mappings, described in ``docs/metrics.md``.
The JSON schema of the document (``docs/metrics.schema.json``) is built from these classes
(``metrics.schema``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

Row = dict[str, Any]


@dataclass
class Responsiveness:
    inbound: int
    excluded_as_spam: int
    questions: int
    answered: int
    pending: int
    due: int
    response_rate: float | None
    first_response_business_median_hours: float | None
    first_response_business_p90_hours: float | None
    first_response_business_mean_hours: float | None
    first_response_calendar_median_hours: float | None
    first_response_calendar_p90_hours: float | None
    first_response_calendar_mean_hours: float | None
    sla_compliance: float | None
    sla_breaches: int
    answered_by_team: int
    answered_by_advocate: int
    answered_by_peer: int
    answered_only_by_advocate: int
    question_answer_rate: float | None
    unanswered_question_count: int
    unanswered_questions: list[Row]
    responders: list[Row]
    by_platform: dict[str, Row]
    channels_without_team: list[str]
    unmeasured_inbound: int
    replies_before_parent: int
    # What became of the previous period's pending messages (absent when not asked for).
    previous_pending: dict[str, int] | None = None


@dataclass
class Presence:
    team_posts: int
    cadence_adherence: float | None
    channels: list[Row]
    content_mix: list[Row]
    content_mix_by_channel: list[Row]
    longest_silence_calendar_hours: float | None
    longest_silence_business_hours: float | None
    coverage: float | None
    inbound_by_weekday_hour: dict[str, list[int]]


@dataclass
class Health:
    active_members: int
    new_members: int
    returning_members: int
    previous_active_members: int
    retention: float | None
    conversations: int
    peer_support_rate: float | None
    member_replies: int
    member_reply_share: float | None
    by_platform: dict[str, int]


@dataclass
class Listening:
    messages: int
    languages: dict[str, int]
    sentiment: dict[str, int]
    sentiment_from_export: int
    positive_share: float | None
    negative_share: float | None
    net_sentiment: float | None
    sentiment_by_language: list[Row]
    themes: list[Row]
    unthemed_messages: int
    emerging_terms: list[Row]
    requests: int
    request_members: int
    request_register: list[Row]
    pain_point_messages: int
    pain_points: list[Row]
    insights: list[Row]


@dataclass
class Reach:
    followers_total: int | None
    followers_start_total: int | None
    follower_growth_rate: float | None
    followers: list[Row]
    posts: int
    engagement: int
    impressions: int
    engagement_rate_by_impressions: float | None
    engagement_rate_by_reach: float | None
    engagement_rate_by_followers: float | None
    engagement_rate: float | None
    engagement_rate_by: str
    by_channel: list[Row]
    by_pillar: list[Row]
    top_posts: list[Row]


@dataclass
class Rules:
    flags: int
    by_category: list[Row]
    escalations: int
    escalations_handled_in_time: int
    escalations_handled_late: int
    escalations_open: int
    escalation_list: list[Row]


@dataclass
class Voices:
    people: list[Row]
    by_role: list[Row]
    quiet_advocates: list[str]
    advocate_answers: int
    advocate_share_of_answers: float | None


@dataclass
class MemberLevels:
    """Member levels now and at the end of the previous period (``metrics.levels``)."""

    current: dict[str, int]  # members per level
    previous: dict[str, int]
    champion_min_messages: int | None  # the fewest messages in the window of a champion
    previous_champion_min_messages: int | None
    movement: dict[str, dict[str, int]]  # level before -> level now -> members
    drifting_valuable: int  # drifting members who were champions or regulars
    outreach: list[Row]  # the first of them, in the documented order
    definitions: dict[str, str]

    @classmethod
    def none(cls) -> MemberLevels:
        """No figures (a document written before the levels)."""
        return cls({}, {}, None, None, {}, 0, [], {})


Section = Responsiveness | Presence | Health | Listening | Reach | Rules | Voices
T = TypeVar("T")


@dataclass
class Pair(Generic[T]):
    """A section's figures for the period and for the previous period."""

    current: T
    previous: T


@dataclass
class PeriodInfo:
    label: str
    start: str
    end_exclusive: str
    kind: str


@dataclass
class Coverage:
    channels: list[Row]
    store_first_day: str | None
    store_last_day: str | None
    current: str
    previous: str
    partial_channels_current: list[str]
    partial_channels_previous: list[str]


@dataclass
class GoalRow:
    id: str
    metric: str
    label: str
    unit: str
    channel: str | None
    direction: str
    target: float
    baseline: float | None
    baseline_source: str
    start: str
    deadline: str
    current: float | None
    previous: float | None
    expected: float | None
    status: str
    note: str | None
    coverage: str = "full"


@dataclass
class Figures:
    """Every figure of a report: the periods, the data's coverage, each section's figures
    for the period and the previous one, the goals, and the member levels."""

    period: PeriodInfo
    previous_period: PeriodInfo
    coverage: Coverage
    responsiveness: Pair[Responsiveness]
    presence: Pair[Presence]
    health: Pair[Health]
    listening: Pair[Listening]
    reach: Pair[Reach]
    rules: Pair[Rules]
    voices: Pair[Voices]
    goals: list[GoalRow] = field(default_factory=list)
    # Set by ``metrics.compute`` after the sections (a document read back has none).
    member_levels: MemberLevels = field(default_factory=MemberLevels.none, init=False)

    def section(self, name: str, which: str = "current") -> Section:
        """A section's figures by name (``which``: "current" or "previous")."""
        pair: Pair[Section] = getattr(self, name)
        return pair.current if which == "current" else pair.previous

    def to_json(self) -> dict[str, Any]:
        """The figures part of metrics.json, in its order."""
        return {name: as_json(getattr(self, name)) for name in FIGURES_ORDER}


FIGURES_ORDER = ("period", "previous_period", "coverage", "responsiveness", "presence",
                 "health", "listening", "reach", "rules", "voices", "goals", "member_levels")


SECTION_TYPES: dict[str, type] = {
    "responsiveness": Responsiveness, "presence": Presence, "health": Health,
    "listening": Listening, "reach": Reach, "rules": Rules, "voices": Voices,
}


def read_back(doc: dict[str, Any]) -> Figures:
    """The typed figures of a metrics.json document (``Figures.to_json`` read back; the
    member levels are not read)."""
    sections = {name: Pair(_build(cls, doc[name]["current"]), _build(cls, doc[name]["previous"]))
                for name, cls in SECTION_TYPES.items()}
    return Figures(period=_build(PeriodInfo, doc["period"]),
                   previous_period=_build(PeriodInfo, doc["previous_period"]),
                   coverage=_build(Coverage, doc["coverage"]),
                   goals=[_build(GoalRow, g) for g in doc.get("goals", [])], **sections)


def _build(cls: type, data: dict[str, Any]) -> Any:
    """A result dataclass from its JSON fields (fields it does not know are left out)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def as_json(result: Any) -> Any:
    """A result as plain JSON values; an optional field left unset is left out."""
    if isinstance(result, list):
        return [as_json(item) for item in result]
    if isinstance(result, Pair):
        return {"current": as_json(result.current), "previous": as_json(result.previous)}
    if not dataclasses.is_dataclass(result) or isinstance(result, type):
        return result
    out = dataclasses.asdict(result)
    for f in dataclasses.fields(result):
        if f.default is None and out[f.name] is None:
            del out[f.name]
    return out
