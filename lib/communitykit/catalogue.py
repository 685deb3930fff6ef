"""The metrics a goal or a headline tile can name: where each lives and which way is good."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Metric:
    id: str
    section: str
    key: str
    label: str
    unit: Literal["count", "ratio", "hours"]
    better: Literal["up", "down"]


def _m(
    id_: str, section: str, label: str, unit: str, better: str, key: str | None = None
) -> Metric:
    return Metric(id_, section, key or id_, label, unit, better)  # type: ignore[arg-type]


CATALOGUE: dict[str, Metric] = {
    m.id: m
    for m in (
        _m("inbound", "responsiveness", "Inbound messages", "count", "up"),
        _m("questions", "responsiveness", "Questions", "count", "up"),
        _m("response_rate", "responsiveness", "Response rate", "ratio", "up"),
        _m("first_response_business_median_hours", "responsiveness",
           "First response, median (business hours)", "hours", "down"),
        _m("first_response_business_p90_hours", "responsiveness",
           "First response, 90th percentile (business hours)", "hours", "down"),
        _m("first_response_calendar_median_hours", "responsiveness",
           "First response, median (calendar hours)", "hours", "down"),
        _m("first_response_calendar_p90_hours", "responsiveness",
           "First response, 90th percentile (calendar hours)", "hours", "down"),
        _m("sla_compliance", "responsiveness", "Answered within commitment", "ratio", "up"),
        _m("unanswered_questions", "responsiveness", "Unanswered questions", "count", "down",
           "unanswered_question_count"),
        _m("team_posts", "presence", "Team posts", "count", "up"),
        _m("cadence_adherence", "presence", "Cadence adherence", "ratio", "up"),
        _m("longest_silence_hours", "presence", "Longest silence (calendar hours)", "hours",
           "down", "longest_silence_calendar_hours"),
        _m("coverage", "presence", "Inbound inside business hours", "ratio", "up"),
        _m("active_members", "health", "Active members", "count", "up"),
        _m("new_members", "health", "New members", "count", "up"),
        _m("returning_members", "health", "Returning members", "count", "up"),
        _m("retention", "health", "Retention", "ratio", "up"),
        _m("conversations", "health", "Member conversations", "count", "up"),
        _m("peer_support_rate", "health", "Peer support rate", "ratio", "up"),
        _m("member_reply_share", "health", "Member-to-member reply share", "ratio", "up"),
        _m("followers", "reach", "Followers", "count", "up", "followers_total"),
        _m("follower_growth_rate", "reach", "Follower growth rate", "ratio", "up"),
        _m("engagement_rate", "reach", "Engagement rate", "ratio", "up"),
        _m("engagement", "reach", "Engagement", "count", "up"),
        _m("net_sentiment", "listening", "Net sentiment", "ratio", "up"),
        _m("pain_point_messages", "listening", "Messages about a negative experience", "count",
           "down"),
        _m("flags", "rules", "Rule flags", "count", "down"),
        _m("escalations_open", "rules", "Open escalations", "count", "down"),
        _m("advocate_share_of_answers", "voices", "Advocate share of answers", "ratio", "up"),
    )
}

# The report's headline tiles, and a batch index's columns.
HEADLINES = (
    "response_rate",
    "first_response_business_median_hours",
    "sla_compliance",
    "active_members",
    "followers",
    "engagement_rate",
)
