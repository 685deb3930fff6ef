"""Responsiveness (METRICS.md): inbound, answers, first response time, SLA, unanswered."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..clock import BusinessClock
from ..dataset import Dataset
from .stats import hours, in_period, ratio

TEXT_LIMIT = 280
# The columns read here: filtering a narrow frame moves far less than the whole one.
COLUMNS = ("platform", "author_id", "author_name", "text", "created_at", "is_question", "sla",
           "sla_clock", *(f"{g}_answer_{x}" for g in ("team", "advocate", "peer")
                          for x in ("at", "by")))


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> dict[str, Any]:
    """Figures for messages received in ``[start, end)``, as of ``end``."""
    messages = in_period(data.messages, start, end)
    excluded = int((messages["excluded"]).sum())
    inbound = messages[list(COLUMNS)][messages["inbound"]].copy()
    team_at = inbound["team_answer_at"].where(inbound["team_answer_at"] < end)
    answered = team_at.notna()
    cutoff = pd.Series(end, index=inbound.index)
    business_left = data.clock.elapsed(inbound["created_at"], cutoff)
    calendar_left = end - inbound["created_at"]
    on_business = inbound["sla_clock"] == "business"
    waited = business_left.where(on_business, calendar_left)
    due = waited >= inbound["sla"]
    pending = ~due & ~answered

    frt_calendar = (team_at - inbound["created_at"])[answered]
    frt_business = data.clock.elapsed(inbound["created_at"][answered], team_at[answered])
    taken = frt_business.reindex(inbound.index).where(on_business, team_at - inbound["created_at"])
    in_time = answered & (taken <= inbound["sla"])

    groups = {
        g: inbound[f"{g}_answer_at"].where(inbound[f"{g}_answer_at"] < end).notna()
        for g in ("team", "advocate", "peer")
    }
    any_answer = groups["team"] | groups["advocate"] | groups["peer"]
    questions = inbound[inbound["is_question"]]
    unanswered = questions[~any_answer[questions.index]].sort_values("created_at")
    tz = data.playbook.tz

    return {
        "inbound": len(inbound),
        "excluded_as_spam": excluded,
        "questions": len(questions),
        "answered": int(answered.sum()),
        "pending": int(pending.sum()),
        "due": int(due.sum()),
        "response_rate": ratio(answered.sum(), len(inbound) - pending.sum()),
        "first_response_business_median_hours": hours(frt_business, "median"),
        "first_response_business_p90_hours": hours(frt_business, "p90"),
        "first_response_business_mean_hours": hours(frt_business, "mean"),
        "first_response_calendar_median_hours": hours(frt_calendar, "median"),
        "first_response_calendar_p90_hours": hours(frt_calendar, "p90"),
        "first_response_calendar_mean_hours": hours(frt_calendar, "mean"),
        "sla_compliance": ratio((in_time & due).sum(), due.sum()),
        "sla_breaches": int((due & ~in_time).sum()),
        "answered_by_team": int(groups["team"].sum()),
        "answered_by_advocate": int(groups["advocate"].sum()),
        "answered_by_peer": int(groups["peer"].sum()),
        "answered_only_by_advocate": int((groups["advocate"] & ~groups["team"]).sum()),
        "question_answer_rate": ratio(any_answer[questions.index].sum(), len(questions)),
        "unanswered_question_count": len(unanswered),
        "unanswered_questions": _unanswered(unanswered, tz),
        "responders": _responders(inbound, end, data.clock),
        "by_platform": {
            str(platform): {
                "inbound": len(group),
                "response_rate": ratio(answered[group.index].sum(),
                                       len(group) - pending[group.index].sum()),
                "first_response_business_median_hours": hours(
                    frt_business.reindex(group.index), "median"),
            }
            for platform, group in inbound.groupby("platform", sort=True)
        },
    }


def _unanswered(questions: pd.DataFrame, tz: Any) -> list[dict[str, Any]]:
    """The unanswered questions as listed in metrics.json (local time, text cut)."""
    received = questions["created_at"].dt.tz_convert(tz).dt.strftime("%Y-%m-%d %H:%M")
    names = questions["author_name"].tolist()
    ids = questions["author_id"].tolist()
    return [
        {"received": when, "platform": platform,
         "author": name if pd.notna(name) else author, "text": str(text)[:TEXT_LIMIT]}
        for when, platform, name, author, text in zip(
            received.tolist(), questions["platform"].tolist(), names, ids,
            questions["text"].tolist(), strict=True)
    ]


def _responders(inbound: pd.DataFrame, end: pd.Timestamp, clock: BusinessClock
                ) -> list[dict[str, Any]]:
    """First answers per responder (team and advocates), with the median business-hours
    time to that answer."""
    rows = []
    for group in ("team", "advocate"):
        at = inbound[f"{group}_answer_at"]
        answered = inbound[at.notna() & (at < end)]
        if answered.empty:
            continue
        waited = clock.elapsed(answered["created_at"], answered[f"{group}_answer_at"])
        frame = pd.DataFrame({"by": answered[f"{group}_answer_by"], "waited": waited})
        for name, part in frame.groupby("by", sort=True):
            rows.append({
                "responder": str(name),
                "group": group,
                "first_answers": len(part),
                "median_business_hours": hours(part["waited"], "median"),
            })
    return sorted(rows, key=lambda r: (r["group"] != "team", -int(r["first_answers"]),
                                       str(r["responder"])))
