"""Responsiveness: inbound, answers, first response time, commitments, unanswered.

Every figure is as of the period end: an answer at or after it does not count.
Channels where the team has no activity at all in the store (a post, a message) cannot
be measured: their inbound messages are counted, named, and left out of the response
figures instead of showing as a 0 % response rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..clock import BusinessClock
from ..dataset import Dataset
from .results import Responsiveness
from .stats import flag, hours, local_minutes, period_mask, ratio, rows

TEXT_LIMIT = 280
ANSWERS = ("team_answer_at", "team_answer_by", "advocate_answer_at", "advocate_answer_by",
           "peer_answer_at")
# The columns of inbound messages read here: filtering a narrow frame moves far less than
# the whole one. The columns of an unanswered question's entry are read for those only.
COLUMNS = ("platform", "created_at", "is_question", "sla", "sla_clock", *ANSWERS)
STATUS_COLUMNS = ("created_at", "team_answer_at", "sla", "sla_clock")
LISTED = ("created_at", "platform", "author_name", "author_id", "text")


def compute(data: Dataset, start: pd.Timestamp, end: pd.Timestamp,
            previous_start: pd.Timestamp | None = None) -> Responsiveness:
    """Figures for messages received in ``[start, end)``, as of ``end``."""
    window = period_mask(data.messages, start, end)
    inbound = inbound_messages(data, start, end)
    platform = inbound["platform"]
    unmeasured = sorted(set(platform.unique()) - team_channels(data))
    measured = ~platform.isin(unmeasured).to_numpy(dtype=bool)
    every = Status.at(end, inbound, data.clock)

    groups = {g: answered_before(inbound, g, end) for g in ("team", "advocate", "peer")}
    any_answer = groups["team"] | groups["advocate"] | groups["peer"]
    questions = inbound["is_question"]
    open_questions = inbound.index[questions & ~any_answer]
    unanswered = data.messages.loc[open_questions, list(LISTED)].sort_values("created_at")
    figures = {
        "inbound": len(inbound),
        "excluded_as_spam": int((window & flag(data.messages, "excluded")).sum()),
        "questions": int(questions.sum()),
        **every.part(measured).figures(),
        "answered_by_team": int(groups["team"].sum()),
        "answered_by_advocate": int(groups["advocate"].sum()),
        "answered_by_peer": int(groups["peer"].sum()),
        "answered_only_by_advocate": int((groups["advocate"] & ~groups["team"]).sum()),
        "question_answer_rate": ratio((any_answer & questions).sum(), questions.sum()),
        "unanswered_question_count": len(unanswered),
        "unanswered_questions": _unanswered(unanswered, data.playbook.tz),
        "responders": _responders(inbound, measured, end, data.clock),
        "by_platform": {
            str(p): _channel(every.part((platform == p).to_numpy(dtype=bool)),
                             str(p) not in unmeasured)
            for p in sorted(platform.dropna().unique())
        },
        "channels_without_team": unmeasured,
        "unmeasured_inbound": len(inbound) - int(measured.sum()),
        "replies_before_parent": int((window & flag(data.messages, "reply_before_parent")).sum()),
    }
    if previous_start is not None:
        figures["previous_pending"] = _previous_pending(data, previous_start, start, end)
    return Responsiveness(**figures)


def inbound_messages(data: Dataset, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The ``COLUMNS`` of the inbound messages received in ``[start, end)`` (kept: a period
    is the next one's previous)."""
    key = f"inbound {start.value} {end.value}"
    if key not in data.derived:
        keep = period_mask(data.messages, start, end) & flag(data.messages, "inbound")
        data.derived[key] = rows(data.messages, keep, COLUMNS)
    found: pd.DataFrame = data.derived[key]
    return found


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


@dataclass
class Status:
    """Each inbound message's state at an instant: answered, due, pending, in time; and
    the first response times of those answered, on both clocks."""

    answered: pd.Series
    due: pd.Series
    pending: pd.Series
    in_time: pd.Series
    calendar: pd.Series  # of the answered messages only, as business
    business: pd.Series

    @classmethod
    def at(cls, end: pd.Timestamp, inbound: pd.DataFrame, clock: BusinessClock) -> Status:
        """The state at ``end`` of each of the ``inbound`` messages."""
        created = inbound["created_at"]
        answered = answered_before(inbound, "team", end)
        team_at = inbound["team_answer_at"].where(answered)
        on_business = (inbound["sla_clock"] == "business").to_numpy()
        waited = clock.elapsed(created, pd.Series(end, index=inbound.index))
        waited = waited.where(on_business, end - created)
        due = waited >= inbound["sla"]
        business = clock.elapsed(created[answered], team_at[answered])
        taken = business.reindex(inbound.index).where(on_business, team_at - created)
        return cls(answered=answered, due=due, pending=~due & ~answered,
                   in_time=answered & (taken <= inbound["sla"]),
                   calendar=(team_at - created)[answered], business=business)

    def part(self, keep: np.ndarray) -> Status:
        """The state of the messages where ``keep``."""
        kept_answered = keep[self.answered.to_numpy()]
        return Status(answered=self.answered[keep], due=self.due[keep],
                      pending=self.pending[keep], in_time=self.in_time[keep],
                      calendar=self.calendar[kept_answered],
                      business=self.business[kept_answered])

    def figures(self) -> dict[str, Any]:
        due = self.due
        return {
            "answered": int(self.answered.sum()),
            "pending": int(self.pending.sum()),
            "due": int(due.sum()),
            "response_rate": ratio(self.answered.sum(), len(self.answered) - self.pending.sum()),
            "first_response_business_median_hours": hours(self.business, "median"),
            "first_response_business_p90_hours": hours(self.business, "p90"),
            "first_response_business_mean_hours": hours(self.business, "mean"),
            "first_response_calendar_median_hours": hours(self.calendar, "median"),
            "first_response_calendar_p90_hours": hours(self.calendar, "p90"),
            "first_response_calendar_mean_hours": hours(self.calendar, "mean"),
            "sla_compliance": ratio((self.in_time & due).sum(), due.sum()),
            "sla_breaches": int((due & ~self.in_time).sum()),
        }


def _channel(status: Status, team_activity: bool) -> dict[str, Any]:
    """One channel's figures; none but its inbound count where the team never wrote."""
    figures = status.figures()
    if not team_activity:
        figures = dict.fromkeys(figures)
    return {**figures, "inbound": len(status.answered), "team_activity": team_activity}


def _previous_pending(data: Dataset, previous_start: pd.Timestamp, start: pd.Timestamp,
                      end: pd.Timestamp) -> dict[str, int]:
    """What became, by ``end``, of the messages pending at the end of the previous period."""
    inbound = inbound_messages(data, previous_start, start)
    measured = inbound["platform"].isin(team_channels(data)).to_numpy(dtype=bool)
    inbound = rows(inbound, measured, STATUS_COLUMNS)
    waiting = inbound[Status.at(start, inbound, data.clock).pending]
    now = Status.at(end, waiting, data.clock)
    return {
        "messages": len(waiting),
        "answered_in_time": int(now.in_time.sum()),
        "answered_late": int((now.answered & ~now.in_time).sum()),
        "unanswered": int((~now.answered).sum()),
    }


def _unanswered(questions: pd.DataFrame, tz: Any) -> list[dict[str, Any]]:
    """Every unanswered question as listed in metrics.json (local time, text cut)."""
    authors = questions["author_name"].fillna(questions["author_id"]).tolist()
    return [
        {"received": when, "platform": platform, "author": author,
         "text": str(text)[:TEXT_LIMIT]}
        for when, platform, author, text in zip(
            local_minutes(questions["created_at"], tz), questions["platform"].tolist(),
            authors, questions["text"].tolist(), strict=True)
    ]


def _responders(inbound: pd.DataFrame, measured: np.ndarray, end: pd.Timestamp,
                clock: BusinessClock) -> list[dict[str, Any]]:
    """First answers to the ``measured`` messages per responder (team and advocates): how
    many, how fast on both clocks, and the share given outside business hours."""
    found = []
    for group in ("team", "advocate"):
        answered = rows(inbound, measured & answered_before(inbound, group, end).to_numpy(),
                        ("created_at", f"{group}_answer_at", f"{group}_answer_by"))
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
            found.append({
                "responder": str(name),
                "group": group,
                "first_answers": len(part),
                "median_business_hours": hours(part["business"], "median"),
                "p90_business_hours": hours(part["business"], "p90"),
                "median_calendar_hours": hours(part["calendar"], "median"),
                "p90_calendar_hours": hours(part["calendar"], "p90"),
                "outside_business_hours_share": ratio(np.sum(part["outside"]), len(part)),
            })
    return sorted(found, key=lambda r: (r["group"] != "team", -int(r["first_answers"]),
                                       str(r["responder"])))
