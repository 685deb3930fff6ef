"""The summary's findings: the few things a manager must know, as plain sentences.

Each finding comes from the figures (never from member text alone) and links to the
section that explains it. Order: goals in trouble, open escalations, missed response
commitments, the top member request, the largest movements, quiet advocates,
unanswered questions; at most ``LIMIT``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import metrics
from .html import fmt_number
from .i18n import tr
from .metrics.catalogue import CATALOGUE

LIMIT = 7
# Metrics whose movements the summary may report, and the smallest relative change worth it.
MOVERS = ("active_members", "new_members", "inbound", "engagement", "engagement_rate",
          "response_rate", "first_response_business_median_hours", "followers",
          "peer_support_rate", "flags")
MIN_MOVE = 0.10
MIN_BASE = {"count": 20.0, "ratio": 0.0, "hours": 0.5}


@dataclass(frozen=True)
class Finding:
    text: str
    section: str  # anchor of the section that explains it
    tone: str  # good, bad, warn or info


def findings(figures: dict[str, Any]) -> list[Finding]:
    """The findings of one period, most important first."""
    out: list[Finding] = []
    for g in figures["goals"]:
        if g["status"] in ("off track", "at risk", "missed"):
            out.append(Finding(tr("Goal “{goal}” is {status}: {now} against a target of "
                                  "{target}.", goal=tr(g["label"]), status=tr(g["status"]),
                                  now=fmt_number(g["current"], g["unit"]),
                                  target=fmt_number(g["target"], g["unit"])),
                               "goals", "warn" if g["status"] == "at risk" else "bad"))
    rules = figures["rules"]["current"]
    if rules["escalations_open"]:
        out.append(Finding(tr("Escalations still open: {n}. Each needs its owner's action.",
                              n=rules["escalations_open"]), "rules", "bad"))
    r = figures["responsiveness"]["current"]
    if r.get("sla_breaches"):
        out.append(Finding(tr("Messages that waited longer than the response commitment: "
                              "{n}; {share} of due messages were answered in time.",
                              n=r["sla_breaches"],
                              share=fmt_number(r["sla_compliance"], "ratio")),
                           "responsiveness", "bad"))
    request = _top_request(figures)
    if request:
        out.append(request)
    out.extend(_movements(figures))
    quiet = figures["voices"]["current"]["quiet_advocates"]
    if quiet:
        out.append(Finding(tr("Quiet advocates this period: {names}.", names=", ".join(quiet)),
                           "voices", "warn"))
    if r["unanswered_question_count"]:
        out.append(Finding(tr("Member questions from this period with no answer from anyone: "
                              "{n}.", n=r["unanswered_question_count"]),
                           "responsiveness", "warn"))
    return out[:LIMIT]


def _movements(figures: dict[str, Any], top: int = 2) -> list[Finding]:
    """The largest relative changes against the previous period, worded with direction."""
    now = {s: figures[s]["current"] for s in metrics.SECTIONS}
    before = {s: figures[s]["previous"] for s in metrics.SECTIONS}
    moves = []
    for metric_id in MOVERS:
        m = CATALOGUE[metric_id]
        a, b = metrics.metric_value(now, metric_id), metrics.metric_value(before, metric_id)
        if a is None or b is None or abs(b) <= MIN_BASE[m.unit] or a == b:
            continue
        relative = (a - b) / abs(b)
        if abs(relative) >= MIN_MOVE:
            moves.append((-abs(relative), metric_id, a, b))
    out = []
    for _, metric_id, a, b in sorted(moves)[:top]:
        m = CATALOGUE[metric_id]
        good = (a > b) == (m.better == "up")
        change = (tr("{pts} points", pts=f"{abs(a - b) * 100:.1f}") if m.unit == "ratio"
                  else f"{abs(a - b) / abs(b) * 100:.0f}%")
        values = {"metric": tr(m.label), "change": change, "now": fmt_number(a, m.unit),
                  "before": fmt_number(b, m.unit)}
        text = (tr("{metric} rose {change} to {now} (from {before}).", **values) if a > b
                else tr("{metric} fell {change} to {now} (from {before}).", **values))
        out.append(Finding(text,
                           m.section, "good" if good else "bad"))
    return out


def _top_request(figures: dict[str, Any]) -> Finding | None:
    """The request most members asked for, with the team that owns it."""
    register = figures.get("listening", {}).get("current", {}).get("request_register") or []
    if not register:
        return None
    top = register[0]
    return Finding(tr("Top member request: “{item}” ({n} members asking; owner: {team}).",
                      item=top["item"], n=top["members"], team=top["owner"]),
                   "listening", "info")
