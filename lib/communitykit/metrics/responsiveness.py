"""Responsiveness: inbound, answers, first response time, commitments, unanswered.

Every figure is as of the period end: an answer at or after it does not count.
Channels where the team has no activity at all in the store (a post, a message) cannot
be measured: their inbound messages are counted, named, and left out of the response
figures instead of showing as a 0 % response rate.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..clock import BusinessClock
from ..dataset import Dataset
from .results import Responsiveness
from .stats import hours, in_period, ratio

TEXT_LIMIT = 280
# The columns read here: filtering a narrow frame moves far less than the whole one.
COLUMNS = ("platform", "author_id", "author_name", "text", "created_at", "is_question", "sla",
           "sla_clock", *(f"{g}_answer_{x}" for g in ("team", "advocate", "peer")
                          for x in ("at", "by")))


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp,
            previous_start: pd.Timestamp | None = None) -> Responsiveness:
    """Figures for messages received in ``[start, end)``, as of ``end``."""
    messages = in_period(data.messages, start, end)
    inbound = messages.loc[messages["inbound"], list(COLUMNS)]
    unmeasured = sorted(set(inbound["platform"].unique()) - team_channels(data))
    measured = inbound[~inbound["platform"].isin(unmeasured)]
    status = Status(measured, end, data.clock)

    groups = {g: answered_before(inbound, g, end) for g in ("team", "advocate", "peer")}
    any_answer = groups["team"] | groups["advocate"] | groups["peer"]
    questions = inbound[inbound["is_question"]]
    unanswered = questions[~any_answer[questions.index]].sort_values("created_at")
    figures = {
        "inbound": len(inbound),
        "excluded_as_spam": int(messages["excluded"].sum()),
        "questions": len(questions),
        **status.figures(),
        "answered_by_team": int(groups["team"].sum()),
        "answered_by_advocate": int(groups["advocate"].sum()),
        "answered_by_peer": int(groups["peer"].sum()),
        "answered_only_by_advocate": int((groups["advocate"] & ~groups["team"]).sum()),
        "question_answer_rate": ratio(any_answer[questions.index].sum(), len(questions)),
        "unanswered_question_count": len(unanswered),
        "unanswered_questions": _unanswered(unanswered, data.playbook.tz),
        "responders": _responders(measured, end, data.clock),
        "by_platform": {
            str(platform): _channel(group, end, data.clock, str(platform) not in unmeasured)
            for platform, group in inbound.groupby("platform", sort=True)
        },
        "channels_without_team": unmeasured,
        "unmeasured_inbound": len(inbound) - len(measured),
        "replies_before_parent": int(messages["reply_before_parent"].sum()),
    }
    if previous_start is not None:
        figures["previous_pending"] = _previous_pending(data, previous_start, start, end)
    return Responsiveness(**figures)


def answered_before(frame: pd.DataFrame, group: str, end: pd.Timestamp) -> pd.Series:
    """Whether ``group`` (team, advocate or peer) answered each message before ``end``."""
    at = frame[f"{group}_answer_at"]
    return at.notna() & (at < end)


def team_channels(data: Dataset) -> set[str]:
    """Platforms where the team wrote at least once in the whole store, or posted from an
    account the playbook names (another brand's post export does not count)."""
    if "team_channels" not in data.derived:
        posts = data.posts.loc[data.posts["is_team"] & data.posts["owner_matched"], "platform"]
        written = data.messages.loc[data.messages["is_team"], "platform"]
        data.derived["team_channels"] = ({str(p) for p in pd.concat([posts, written]).unique()}
                                         | data.history.team_platforms())
    found: set[str] = data.derived["team_channels"]
    return found


class Status:
    """Each inbound message's state at ``end``: answered, due, pending, in time."""

    def __init__(self, inbound: pd.DataFrame, end: pd.Timestamp, clock: BusinessClock) -> None:
        self.inbound = inbound
        created = inbound["created_at"]
        self.answered = answered_before(inbound, "team", end)
        team_at = inbound["team_answer_at"].where(self.answered)
        on_business = (inbound["sla_clock"] == "business").to_numpy()
        waited = clock.elapsed(created, pd.Series(end, index=inbound.index))
        waited = waited.where(on_business, end - created)
        self.due = waited >= inbound["sla"]
        self.pending = ~self.due & ~self.answered
        self.calendar = (team_at - created)[self.answered]
        self.business = clock.elapsed(created[self.answered], team_at[self.answered])
        taken = self.business.reindex(inbound.index).where(on_business, team_at - created)
        self.in_time = self.answered & (taken <= inbound["sla"])

    def figures(self) -> dict[str, Any]:
        due = self.due
        return {
            "answered": int(self.answered.sum()),
            "pending": int(self.pending.sum()),
            "due": int(due.sum()),
            "response_rate": ratio(self.answered.sum(), len(self.inbound) - self.pending.sum()),
            "first_response_business_median_hours": hours(self.business, "median"),
            "first_response_business_p90_hours": hours(self.business, "p90"),
            "first_response_business_mean_hours": hours(self.business, "mean"),
            "first_response_calendar_median_hours": hours(self.calendar, "median"),
            "first_response_calendar_p90_hours": hours(self.calendar, "p90"),
            "first_response_calendar_mean_hours": hours(self.calendar, "mean"),
            "sla_compliance": ratio((self.in_time & due).sum(), due.sum()),
            "sla_breaches": int((due & ~self.in_time).sum()),
        }


def _channel(inbound: pd.DataFrame, end: pd.Timestamp, clock: BusinessClock,
             team_activity: bool) -> dict[str, Any]:
    """One channel's figures; none but its inbound count where the team never wrote."""
    figures = Status(inbound, end, clock).figures()
    if not team_activity:
        figures = dict.fromkeys(figures)
    return {**figures, "inbound": len(inbound), "team_activity": team_activity}


def _previous_pending(data: Dataset, previous_start: pd.Timestamp, start: pd.Timestamp,
                      end: pd.Timestamp) -> dict[str, int]:
    """What became, by ``end``, of the messages pending at the end of the previous period."""
    earlier = in_period(data.messages, previous_start, start)
    inbound = earlier.loc[earlier["inbound"], list(COLUMNS)]
    inbound = inbound[inbound["platform"].isin(team_channels(data))]
    waiting = inbound[Status(inbound, start, data.clock).pending]
    now = Status(waiting, end, data.clock)
    return {
        "messages": len(waiting),
        "answered_in_time": int(now.in_time.sum()),
        "answered_late": int((now.answered & ~now.in_time).sum()),
        "unanswered": int((~now.answered).sum()),
    }


def _unanswered(questions: pd.DataFrame, tz: Any) -> list[dict[str, Any]]:
    """Every unanswered question as listed in metrics.json (local time, text cut)."""
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
    """First answers per responder (team and advocates): how many, how fast on both
    clocks, and the share given outside business hours."""
    rows = []
    for group in ("team", "advocate"):
        answered = inbound[answered_before(inbound, group, end)]
        if answered.empty:
            continue
        at = answered[f"{group}_answer_at"]
        frame = pd.DataFrame({
            "by": answered[f"{group}_answer_by"],
            "business": clock.elapsed(answered["created_at"], at),
            "calendar": at - answered["created_at"],
            "outside": ~clock.is_open(at).to_numpy(dtype=bool),
        })
        for name, part in frame.groupby("by", sort=True):
            rows.append({
                "responder": str(name),
                "group": group,
                "first_answers": len(part),
                "median_business_hours": hours(part["business"], "median"),
                "p90_business_hours": hours(part["business"], "p90"),
                "median_calendar_hours": hours(part["calendar"], "median"),
                "p90_calendar_hours": hours(part["calendar"], "p90"),
                "outside_business_hours_share": ratio(np.sum(part["outside"]), len(part)),
            })
    return sorted(rows, key=lambda r: (r["group"] != "team", -int(r["first_answers"]),
                                       str(r["responder"])))
