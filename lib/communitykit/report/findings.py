"""The summary's findings: the few things a manager must know, as plain sentences.

Each finding comes from the figures (never from member text alone) and links to the
section that explains it. Order: channels whose figures cannot be measured (data
checks, always shown), then at most ``LIMIT`` of: goals in trouble, open escalations,
missed response commitments, the top member request, the largest movements, quiet
advocates, unanswered questions.

A period the data covers only in part never yields a fall (the missing days are missing
data, not zero): the finding says where the data ends instead. A movement against a
partly covered previous period says so. A rate or a duration resting on too few items in
either period (``FLOORS``) yields no movement: the summary notes it instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import catalogue, metrics
from ..catalogue import CATALOGUE
from ..html import fmt_date, fmt_number, fmt_points, fmt_relative, short_name
from ..i18n import tr
from ..metrics.results import Figures, Section
from .kit_words import kit_name

LIMIT = 7
# Metrics whose movements the summary may report, and the smallest relative change worth it.
MOVERS = ("active_members", "new_members", "inbound", "engagement", "engagement_rate",
          "response_rate", "first_response_business_median_hours", "followers",
          "peer_support_rate", "flags")
MIN_MOVE = 0.10
MIN_BASE = {"count": 20.0, "ratio": 0.0, "hours": 0.5}
# A top request's wording is cut past this many characters in its finding.
ITEM_CHARS = 120


@dataclass(frozen=True)
class Floor:
    """The least data a figure needs in each period before its change is reported."""

    section: str  # the metrics section holding the count
    count: str  # its key there, or ANSWERED_OR_DUE
    minimum: int
    noun: str  # what it counts (English, for ``tr``)


ANSWERED_OR_DUE = "answered or due"
# A rate or a duration from a few items moves by chance: its change is a finding only when
# both periods reach every floor (docs/metrics.md, decision "Findings on enough data").
# The impressions floor applies when the engagement rate is by impressions.
FLOORS: dict[str, tuple[Floor, ...]] = {
    "engagement_rate": (Floor("reach", "posts", 5, "team posts"),
                        Floor("reach", "impressions", 1000, "impressions")),
    "response_rate": (Floor("responsiveness", ANSWERED_OR_DUE, 10,
                            "inbound messages answered or due"),),
    "sla_compliance": (Floor("responsiveness", "due", 10, "messages due"),),
    "first_response_business_median_hours": (
        Floor("responsiveness", "answered", 10, "messages answered by the team"),),
    "peer_support_rate": (Floor("responsiveness", "questions", 10, "questions"),),
}


@dataclass(frozen=True)
class Finding:
    text: str
    section: str  # anchor of the section that explains it
    tone: str  # good, bad, warn or info


def findings(figures: Figures) -> list[Finding]:
    """The findings of one period, most important first."""
    out: list[Finding] = []
    out.extend(_goals(figures))
    rules = figures.rules.current
    if rules.escalations_open:
        out.append(Finding(tr("Escalations still open: {n}. Each needs its owner's action.",
                              n=rules.escalations_open), "rules", "bad"))
    r = figures.responsiveness.current
    if r.sla_breaches:
        out.append(Finding(tr("Messages that waited longer than the response commitment: "
                              "{n}; {share} of due messages were answered in time.",
                              n=r.sla_breaches,
                              share=fmt_number(r.sla_compliance, "ratio")),
                           "responsiveness", "bad"))
    request = _top_request(figures)
    if request:
        out.append(request)
    out.extend(_movements(figures))
    quiet = figures.voices.current.quiet_advocates
    if quiet:
        out.append(Finding(tr("Quiet advocates this period: {names}.",
                              names=", ".join(map(short_name, quiet))), "voices", "warn"))
    if r.unanswered_question_count:
        out.append(Finding(tr("Member questions from this period with no answer from anyone: "
                              "{n}.", n=r.unanswered_question_count),
                           "responsiveness", "warn"))
    return data_checks(figures) + out[:LIMIT]


def data_checks(figures: Figures) -> list[Finding]:
    """Channels with inbound messages and no team activity in the store: their response
    figures cannot be measured (most often accounts that match no export)."""
    r = figures.responsiveness.current
    by_platform = r.by_platform
    return [
        Finding(tr("{channel}: {n} inbound messages and no activity by the team's accounts in "
                   "the store; check that the playbook's accounts match the exports. Its "
                   "messages are left out of the response figures.", channel=platform,
                   n=fmt_number((by_platform.get(platform) or {}).get("inbound"))),
                "responsiveness", "bad")
        for platform in r.channels_without_team
    ]


def partly_covered(figures: Figures, which: str) -> bool:
    """Whether the data covers the ``current`` or ``previous`` period, or one of its
    channels, only in part (or not at all)."""
    coverage = figures.coverage
    return (getattr(coverage, which) != "full"
            or bool(getattr(coverage, f"partial_channels_{which}")))


def uncovered(figures: Figures, which: str) -> bool:
    """Whether the data has no day at all of the ``current`` or ``previous`` period."""
    return bool(getattr(figures.coverage, which) == "none")


def coverage_gaps(figures: Figures, which: str) -> str:
    """Where the data leaves the ``current`` or ``previous`` period uncovered, per channel:
    ``instagram from 1 May 2026; discord to 2 Nov 2026; x: no data``."""
    coverage = figures.coverage
    period = figures.period if which == "current" else figures.previous_period
    channels = {c["platform"]: c for c in coverage.channels}
    names = getattr(coverage, f"partial_channels_{which}") or sorted(channels)
    start = dt.date.fromisoformat(period.start)
    last = dt.date.fromisoformat(period.end_exclusive) - dt.timedelta(days=1)
    return "; ".join(_gap(name, channels.get(name), start, last) for name in names)


def _gap(name: str, channel: dict[str, Any] | None, start: dt.date, last: dt.date) -> str:
    if not channel or not channel.get("first_day") or not channel.get("last_day"):
        return tr("{channel}: no data", channel=name)
    first = dt.date.fromisoformat(channel["first_day"])
    final = dt.date.fromisoformat(channel["last_day"])
    if first > last or final < start:
        return tr("{channel}: no data", channel=name)
    if first > start and final < last:
        return tr("{channel} from {first} to {last}", channel=name, first=fmt_date(first),
                  last=fmt_date(final))
    if first > start:
        return tr("{channel} from {first}", channel=name, first=fmt_date(first))
    return tr("{channel} to {last}", channel=name, last=fmt_date(final))


def metric_label(figures: Figures, metric_id: str) -> str:
    """A metric's label (English, for ``tr``); the engagement rate names its basis."""
    return catalogue.label(metric_id, figures.reach.current.engagement_rate_by or "impressions")


def _goals(figures: Figures) -> list[Finding]:
    partial = partly_covered(figures, "current")
    out = []
    for g in figures.goals:
        if g.status not in ("off track", "at risk", "missed"):
            continue
        text = tr("Goal “{goal}” is {status}: {now} against a target of {target}.",
                  goal=tr(g.label), status=tr(g.status), now=fmt_number(g.current, g.unit),
                  target=fmt_number(g.target, g.unit))
        if partial:
            text += " " + tr("The data covers this period only in part.")
        out.append(Finding(text, "goals", "warn" if g.status == "at risk" else "bad"))
    return out


def _movements(figures: Figures, top: int = 2) -> list[Finding]:
    """The largest relative changes against the previous period, worded with direction.

    No fall is claimed for a period the data covers only in part: one finding says where
    the data ends instead."""
    now, before = section_values(figures)
    current_partial = partly_covered(figures, "current")
    previous_partial = partly_covered(figures, "previous")
    if uncovered(figures, "previous"):
        return []  # nothing to compare with
    moves, withheld = [], []
    for metric_id in MOVERS:
        m = CATALOGUE[metric_id]
        a, b = metrics.metric_value(now, metric_id), metrics.metric_value(before, metric_id)
        if a is None or b is None or abs(b) <= MIN_BASE[m.unit] or a == b:
            continue
        if shortfalls(figures, metric_id):
            continue  # the summary notes it (thin_note)
        relative = (a - b) / abs(b)
        if abs(relative) < MIN_MOVE:
            continue
        if current_partial and a < b:
            withheld.append(tr(metric_label(figures, metric_id)))
            continue
        moves.append((-abs(relative), metric_id, a, b))
    out = []
    for _, metric_id, a, b in sorted(moves)[:top]:
        m = CATALOGUE[metric_id]
        good = (a > b) == (m.better == "up")
        change = (tr("{pts} points", pts=fmt_points(abs(a - b)).lstrip("+"))
                  if m.unit == "ratio" else fmt_relative((a - b) / b))
        values = {"metric": tr(metric_label(figures, metric_id)), "change": change,
                  "now": fmt_number(a, m.unit), "before": fmt_number(b, m.unit)}
        text = (tr("{metric} rose {change} to {now} (from {before}).", **values) if a > b
                else tr("{metric} fell {change} to {now} (from {before}).", **values))
        if previous_partial:
            text += " " + tr("The data covers the previous period only in part.")
        out.append(Finding(text, m.section,
                           "info" if previous_partial else "good" if good else "bad"))
    if withheld:
        out.append(_withheld(figures, withheld))
    return out


def _withheld(figures: Figures, labels: list[str]) -> Finding:
    """Falls not claimed because the data covers the current period only in part."""
    return Finding(tr("Lower than in the previous period, but not reported as a fall: "
                      "{labels}. The data covers this period only in part ({gaps}).",
                      labels=", ".join(labels), gaps=coverage_gaps(figures, "current")),
                   "summary", "info")


def _top_request(figures: Figures) -> Finding | None:
    """The request most members asked for, with the team that owns it."""
    register = figures.listening.current.request_register
    if not register:
        return None
    top = register[0]
    return Finding(tr("Top member request: “{item}” ({n} members asking; owner: {team}).",
                      item=short_name(top["item"], ITEM_CHARS), n=top["members"],
                      team=kit_name(top["owner"])),
                   "listening", "info")


# ---- findings on enough data ------------------------------------------------------------
def floors(figures: Figures, metric_id: str) -> tuple[Floor, ...]:
    """The floors of one metric (none for counts: a count is its own evidence)."""
    found = FLOORS.get(metric_id, ())
    by = figures.reach.current.engagement_rate_by
    if metric_id == "engagement_rate" and (by or "impressions") != "impressions":
        found = tuple(f for f in found if f.count != "impressions")
    return found


def evidence(figures: Figures, which: str, floor: Floor) -> int | None:
    """The count ``floor`` looks at in the ``current`` or ``previous`` period (None when
    the figures do not hold it)."""
    section = figures.section(floor.section, which)
    if floor.count == ANSWERED_OR_DUE:
        inbound, pending = getattr(section, "inbound", None), getattr(section, "pending", None)
        if inbound is None or pending is None:
            return None
        return int(inbound) - int(pending) - int(getattr(section, "unmeasured_inbound", 0))
    value = getattr(section, floor.count, None)
    return None if value is None else int(value)


def shortfalls(figures: Figures, metric_id: str) -> list[tuple[str, Floor, int | None]]:
    """Each period and floor of ``metric_id`` the data does not reach: (period, floor,
    count). A count the figures do not hold does not reach its floor."""
    return [(which, floor, count)
            for which in ("current", "previous")
            for floor in floors(figures, metric_id)
            if (count := evidence(figures, which, floor)) is None or count < floor.minimum]


def thin(figures: Figures, metric_id: str) -> bool:
    """Whether the change of ``metric_id`` rests on too little data to be reported."""
    return bool(shortfalls(figures, metric_id))


def thin_note(figures: Figures, metric_ids: tuple[str, ...]) -> str | None:
    """One sentence naming the figures among ``metric_ids`` whose change rests on too
    little data, with the counts each period has and the floors they miss; None if none."""
    now, before = section_values(figures)
    parts = []
    for metric_id in dict.fromkeys(metric_ids):
        a, b = metrics.metric_value(now, metric_id), metrics.metric_value(before, metric_id)
        missing = shortfalls(figures, metric_id)
        if a is None or b is None or a == b or not missing:
            continue
        counts = tr("; ").join(_shortfall(which, floor, count)
                               for which, floor, count in missing)
        parts.append(tr("{metric} ({counts})", metric=tr(metric_label(figures, metric_id)),
                        counts=counts))
    if not parts:
        return None
    return tr("Too little data to compare with the previous period, so these changes are "
              "not reported as findings: {figures}.", figures=tr("; ").join(parts))


def section_values(figures: Figures) -> tuple[dict[str, Section], dict[str, Section]]:
    """Every section's figures of the period and of the previous one, by section."""
    return ({s: figures.section(s) for s in metrics.SECTIONS},
            {s: figures.section(s, "previous") for s in metrics.SECTIONS})


def _shortfall(which: str, floor: Floor, count: int | None) -> str:
    values = {"noun": tr(floor.noun), "count": fmt_number(count),
              "minimum": fmt_number(floor.minimum)}
    if which == "current":
        return tr("{noun} this period: {count}, at least {minimum} needed", **values)
    return tr("{noun} in the previous period: {count}, at least {minimum} needed", **values)
