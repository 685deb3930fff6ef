"""The catalogue of figures: every scalar figure of the report, once.

Each entry says where the figure lives (its section and field in ``metrics.results``), its
label in every report language, its unit, which direction is better, the definition that
explains it, whether a goal can name it and whether its section's figure table shows it.
The goals, the headline tiles, the section tables, the findings, the agency index,
``docs/metrics.md`` and the schema of ``metrics.json`` all read it from here. A figure that
is not a single number (a list, a table per channel) is in ``DETAILS`` with its definition.

This module is the bottom layer: it imports nothing of the kit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Unit = Literal["count", "ratio", "hours"]
Better = Literal["up", "down", "none"]


@dataclass(frozen=True)
class Metric:
    id: str
    section: str  # the report section, and the field group of metrics.json
    key: str  # the field in that section's figures
    label: str  # English; the other languages are in ``labels``
    zh: str
    unit: Unit
    better: Better  # which change is good ("none": neither)
    definition: str  # title of its definition (definitions.py)
    goal: bool = True  # a playbook goal may name it
    table: bool = True  # its section's figure table shows it

    @property
    def labels(self) -> dict[str, str]:
        return {"en": self.label, "zh": self.zh}


def _m(id_: str, section: str, label: str, zh: str, unit: Unit, better: Better,
       definition: str, *, key: str | None = None, goal: bool = True,
       table: bool = True) -> Metric:
    return Metric(id_, section, key or id_, label, zh, unit, better, definition, goal, table)


FIRST_RESPONSE = "First response time"
ANSWERED = "Answered"
MEMBERS = "Active, new, returning"
FLAGS = "Flag and escalation"

# In the order of each section's figure table.
CATALOGUE: dict[str, Metric] = {m.id: m for m in (
    # responsiveness
    _m("inbound", "responsiveness", "Inbound messages", "入站消息", "count", "up",
       "Inbound message"),
    _m("questions", "responsiveness", "Questions", "提问", "count", "up", "Question"),
    _m("answered", "responsiveness", "Answered by the team", "由团队回复", "count", "up",
       ANSWERED, goal=False),
    _m("pending", "responsiveness", "Pending (not yet due)", "待处理（尚未到期）", "count",
       "none", "Due and pending", goal=False),
    _m("response_rate", "responsiveness", "Response rate", "回复率", "ratio", "up",
       "Response rate"),
    _m("first_response_business_median_hours", "responsiveness",
       "First response, median (business hours)", "首次回复时间，中位数（工作时间）", "hours",
       "down", FIRST_RESPONSE),
    _m("first_response_business_p90_hours", "responsiveness",
       "First response, 90th percentile (business hours)",
       "首次回复时间，第 90 百分位（工作时间）", "hours", "down", FIRST_RESPONSE),
    _m("first_response_calendar_median_hours", "responsiveness",
       "First response, median (calendar hours)", "首次回复时间，中位数（自然时间）", "hours",
       "down", FIRST_RESPONSE),
    _m("first_response_calendar_p90_hours", "responsiveness",
       "First response, 90th percentile (calendar hours)",
       "首次回复时间，第 90 百分位（自然时间）", "hours", "down", FIRST_RESPONSE),
    _m("first_response_business_mean_hours", "responsiveness",
       "First response, mean (business hours)", "首次回复时间，平均值（工作时间）", "hours",
       "down", FIRST_RESPONSE, goal=False),
    _m("sla_compliance", "responsiveness", "Answered within commitment", "在承诺时限内回复",
       "ratio", "up", "SLA compliance"),
    _m("sla_breaches", "responsiveness", "Missed the commitment", "超出承诺时限", "count",
       "down", "SLA compliance", goal=False),
    _m("answered_by_advocate", "responsiveness", "Answered by advocates", "由品牌拥护者回复",
       "count", "up", ANSWERED, goal=False),
    _m("answered_only_by_advocate", "responsiveness", "Answered only by an advocate",
       "仅由品牌拥护者回复", "count", "up", ANSWERED, goal=False),
    _m("answered_by_peer", "responsiveness", "Answered by members (peers)",
       "由成员回复（同伴互助）", "count", "up", ANSWERED, goal=False),
    _m("excluded_as_spam", "responsiveness", "Excluded as spam", "作为垃圾信息排除", "count",
       "none", "Inbound message", goal=False),
    _m("unanswered_questions", "responsiveness", "Unanswered questions", "未回复的提问",
       "count", "down", "Unanswered questions", key="unanswered_question_count", table=False),
    # presence
    _m("team_posts", "presence", "Team posts", "团队发帖", "count", "up", "Team posts"),
    _m("cadence_adherence", "presence", "Cadence adherence", "发布节奏达成度", "ratio", "up",
       "Cadence adherence"),
    _m("longest_silence_hours", "presence", "Longest silence (calendar hours)",
       "最长沉默期（自然时间）", "hours", "down", "Longest silence",
       key="longest_silence_calendar_hours"),
    _m("longest_silence_business_hours", "presence", "Longest silence (business hours)",
       "最长沉默期（工作时间）", "hours", "down", "Longest silence", goal=False),
    _m("coverage", "presence", "Inbound inside business hours", "工作时间内的入站消息",
       "ratio", "up", "Inbound inside business hours"),
    # health
    _m("active_members", "health", "Active members", "活跃成员", "count", "up", MEMBERS),
    _m("new_members", "health", "New members", "新增成员", "count", "up", MEMBERS),
    _m("returning_members", "health", "Returning members", "回访成员", "count", "up", MEMBERS),
    _m("retention", "health", "Retention", "留存率", "ratio", "up", MEMBERS),
    _m("conversations", "health", "Member conversations", "成员会话", "count", "up",
       "Conversation"),
    _m("peer_support_rate", "health", "Peer support rate", "同伴互助率", "ratio", "up",
       "Peer support rate"),
    _m("member_reply_share", "health", "Member-to-member reply share", "成员互相回复占比",
       "ratio", "up", "Member-to-member reply share"),
    # reach
    _m("followers", "reach", "Followers", "粉丝数", "count", "up", "Followers",
       key="followers_total"),
    _m("follower_growth_rate", "reach", "Follower growth rate", "粉丝增长率", "ratio", "up",
       "Follower growth"),
    _m("engagement_rate", "reach", "Engagement rate", "互动率", "ratio", "up",
       "Engagement rate"),
    _m("engagement", "reach", "Engagement", "互动", "count", "up", "Engagement"),
    # listening, rules, voices: told in sentences, not in a figure table
    _m("net_sentiment", "listening", "Net sentiment", "净情绪", "ratio", "up", "Sentiment",
       table=False),
    _m("pain_point_messages", "listening", "Messages about a negative experience",
       "负面体验消息", "count", "down", "Pain point", table=False),
    _m("flags", "rules", "Rule flags", "违规标记", "count", "down", FLAGS, table=False),
    _m("escalations_open", "rules", "Open escalations", "未处理的升级事件", "count", "down",
       FLAGS, table=False),
    _m("advocate_share_of_answers", "voices", "Advocate share of answers",
       "品牌拥护者回复占比", "ratio", "up", "Advocate share of answers", table=False),
)}

# The metrics a playbook goal may name.
GOAL_METRICS: dict[str, Metric] = {k: m for k, m in CATALOGUE.items() if m.goal}

# The report's headline tiles, and a batch index's columns, in their order.
HEADLINES = (
    "response_rate",
    "first_response_business_median_hours",
    "sla_compliance",
    "active_members",
    "followers",
    "engagement_rate",
)

# The engagement rate's label names its basis (the playbook's reach.engagement_rate_by).
ENGAGEMENT_RATE_LABELS = {"impressions": ("Engagement rate (by impressions)", "互动率（按曝光量）"),
                          "reach": ("Engagement rate (by reach)", "互动率（按触达人数）"),
                          "followers": ("Engagement rate (by followers)", "互动率（按粉丝数）")}


def table_metrics(section: str) -> tuple[Metric, ...]:
    """The figures a section's table shows, in order."""
    return tuple(m for m in CATALOGUE.values() if m.section == section and m.table)


def label(metric_id: str, engagement_rate_by: str | None = None) -> str:
    """A metric's English label (translated by ``tr``); the engagement rate names its basis
    when ``engagement_rate_by`` is given."""
    if metric_id == "engagement_rate" and engagement_rate_by:
        return ENGAGEMENT_RATE_LABELS.get(engagement_rate_by,
                                          ENGAGEMENT_RATE_LABELS["impressions"])[0]
    return CATALOGUE[metric_id].label


def json_value(document: Mapping[str, Any], metric_id: str, which: str = "current"
               ) -> float | None:
    """A metric's value in a metrics.json document (None when absent or not measured)."""
    m = CATALOGUE[metric_id]
    value = ((document.get(m.section) or {}).get(which) or {}).get(m.key)
    return None if value is None else float(value)


def translations(language: str) -> dict[str, str]:
    """English label -> label in ``language``, for the translation catalogues."""
    if language != "zh":
        return {}
    return {**{m.label: m.zh for m in CATALOGUE.values()},
            **dict(ENGAGEMENT_RATE_LABELS.values())}


# Figures that are not a single number, by their place in metrics.json -> the title of
# their definition (definitions.py).
DETAILS: dict[str, str] = {
    "period": "Period",
    "previous_period": "Period",
    "coverage": "Data coverage",
    "data_quality": "Data-quality account",
    "goals": "Goal status",
    "member_levels": "Member level",
    "responsiveness.answered_by_team": ANSWERED,
    "responsiveness.question_answer_rate": "Unanswered questions",
    "responsiveness.unanswered_questions": "Unanswered questions",
    "responsiveness.first_response_calendar_mean_hours": FIRST_RESPONSE,
    "responsiveness.due": "Due and pending",
    "responsiveness.responders": "Responders",
    "responsiveness.by_platform": "Responsiveness per channel",
    "responsiveness.previous_pending": "Pending from the previous period",
    "responsiveness.channels_without_team": "Channel without team activity",
    "responsiveness.unmeasured_inbound": "Channel without team activity",
    "responsiveness.replies_before_parent": "Replies before their parent",
    "presence.channels": "Cadence adherence",
    "presence.content_mix": "Content mix",
    "presence.content_mix_by_channel": "Posts by pillar per channel",
    "presence.inbound_by_weekday_hour": "Inbound inside business hours",
    "health.by_platform": MEMBERS,
    "health.previous_active_members": MEMBERS,
    "health.member_replies": "Member-to-member reply share",
    "listening.messages": "Member messages",
    "listening.languages": "Sentiment",
    "listening.sentiment": "Sentiment",
    "listening.sentiment_from_export": "Sentiment",
    "listening.positive_share": "Sentiment",
    "listening.negative_share": "Sentiment",
    "listening.sentiment_by_language": "Sentiment",
    "listening.themes": "Themes",
    "listening.unthemed_messages": "Themes",
    "listening.emerging_terms": "Emerging terms",
    "listening.requests": "Request",
    "listening.request_members": "Request",
    "listening.request_register": "Request",
    "listening.pain_points": "Pain point",
    "listening.insights": "Owner team",
    "reach.followers_start_total": "Followers",
    "reach.followers": "Followers",
    "reach.posts": "Engagement",
    "reach.impressions": "Engagement rate",
    "reach.engagement_rate_by": "Engagement rate",
    "reach.engagement_rate_by_impressions": "Engagement rate",
    "reach.engagement_rate_by_reach": "Engagement rate",
    "reach.engagement_rate_by_followers": "Engagement rate",
    "reach.by_channel": "Engagement rate",
    "reach.by_pillar": "Engagement rate",
    "reach.top_posts": "Top posts",
    "rules.by_category": FLAGS,
    "rules.escalations": FLAGS,
    "rules.escalations_handled_in_time": FLAGS,
    "rules.escalations_handled_late": FLAGS,
    "rules.escalation_list": FLAGS,
    "voices.people": "Voices",
    "voices.by_role": "Voices",
    "voices.quiet_advocates": "Voices",
    "voices.advocate_answers": "Advocate share of answers",
}
