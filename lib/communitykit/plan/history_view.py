"""What the client's data says, in the words and charts the planning steps show it with.

- goals: a metric's trend and the reason for its suggested target (``goal_history``'s rule,
  in the playbook's language), and the metrics' histories as small multiples;
- rules: how many past member messages each pattern flags (``rule_reach``), with a warning
  above ``rule_reach.TOO_BROAD``; escalation promises a closed team cannot keep
  (``promises.overpromises``), in the playbook's language.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from .. import charts, promises, rule_reach
from ..catalogue import CATALOGUE
from ..goal_history import STEP_UP, History
from ..html import fmt_number, heading, paragraph
from ..i18n import language, tr
from ..playbook import SEVERITY_ORDER, Playbook
from ..rule_reach import Reach
from .common import rows_table

COLUMNS = 5  # panels per row of the small multiples
EXAMPLE_CHARS = 120
TREND_WORDS = {"rising": "rising", "falling": "falling", "flat": "flat",
               "too little data": "too little data"}


# ---- goals -------------------------------------------------------------------------------
def trend_words(found: History) -> str:
    """``rising``, ``falling``, ``flat`` or ``too little data``, in the current language."""
    words = {"rising": tr("rising"), "falling": tr("falling"), "flat": tr("flat"),
             "too little data": tr("too little data")}
    return words.get(found.trend, found.trend)


def reason_words(found: History) -> str:
    """Why ``found.suggested`` is suggested (or why nothing is), in the current language."""
    up = CATALOGUE[found.metric].better == "up"
    if found.suggested is None and found.zero_baseline and found.trend != "too little data":
        return tr("the latest value is 0, so a change from it says nothing: choose an "
                  "absolute target (a goal on it asks you to confirm it)")
    if found.suggested is None:
        return tr("fewer than two periods with a value")
    if found.reason.startswith("the best"):
        return tr("the best of the last {n} periods: reached before, so realistic",
                  n=len(found.periods))
    if found.reason.startswith("the trend"):
        count = re.search(r"\d+", found.reason)
        return tr("the trend carried {n} periods on", n=count.group(0) if count else "")
    share = fmt_number(STEP_UP, "ratio")
    return (tr("the latest value raised by {share}", share=share) if up
            else tr("the latest value lowered by {share}", share=share))


def small_multiples(found: Sequence[History], title: str) -> str:
    """One small line chart per metric with a value, the suggested target dashed."""
    shown = [h for h in found if any(v is not None for v in h.values)]
    if not shown:
        return charts.no_data(title)
    rows = math.ceil(len(shown) / COLUMNS)
    height = 2.0 * rows + 0.5
    # Margins set by hand: a constrained layout of 30 panels doubles the drawing time.
    fig = Figure(figsize=(11, height), dpi=100)
    fig.subplots_adjust(left=0.05, right=0.99, bottom=0.25 / height, top=1 - 0.75 / height,
                        wspace=0.38, hspace=0.85)
    axes = fig.subplots(rows, COLUMNS, squeeze=False)
    for index, ax in enumerate(axes.flat):
        if index >= len(shown):
            ax.set_visible(False)
            continue
        _panel(ax, shown[index])
    fig.suptitle(title, color=charts.INK, fontsize=11, x=0.01, y=1 - 0.15 / height,
                 ha="left", va="top")
    return charts.to_img(fig, title)


def _panel(ax: Axes, found: History) -> None:
    metric = CATALOGUE[found.metric]
    ticks = [label.split("-", 1)[-1] for label in found.periods]
    points = [(i, v) for i, v in enumerate(found.values) if v is not None]
    ax.plot([i for i, _ in points], [v for _, v in points], color=charts.PALETTE[0],
            linewidth=1.6, marker="o", markersize=3)
    if found.suggested is not None:
        ax.axhline(found.suggested, color=charts.PALETTE[1], linestyle="--", linewidth=1.1)
    ax.set_xticks(range(len(ticks)), ticks)
    ax.set_xlim(-0.3, len(ticks) - 0.7)
    if metric.unit == "ratio":
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    lowest = min([v for _, v in points] + [found.suggested or 0.0])
    if lowest >= 0:
        ax.set_ylim(bottom=0)
    ax.tick_params(colors=charts.INK, labelsize=7)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color=charts.GRID, linewidth=0.6)
    width = 16 if language() == "zh" else 26
    ax.set_title("\n".join(textwrap.wrap(tr(metric.label), width)), color=charts.INK,
                 fontsize=8, loc="left")


# ---- rules -------------------------------------------------------------------------------
def pattern_words(found: Reach) -> str:
    """A pattern as shown: the regular expression, or the kit's rules of a kind."""
    kind = re.fullmatch(r"\(kit: (.+)\)", found.pattern)
    return tr("the kit's {kind} rules", kind=kind.group(1)) if kind else found.pattern


def reach_table(found: Sequence[Reach], members: int) -> str:
    """Per rule category and pattern: messages flagged, their share, examples."""
    rows = [[r.category, tr(r.severity), pattern_words(r), r.flagged,
             fmt_number(r.share, "ratio"), " · ".join(_clip(e) for e in r.examples) or "–"]
            for r in found]
    return (paragraph(tr("Out of {members} past messages by members, each pattern flags "
                         "these (latest examples shown). A pattern above {limit} is almost "
                         "surely catching ordinary talk.", members=members,
                         limit=fmt_number(rule_reach.TOO_BROAD, "ratio")))
            + rows_table([tr("Rule category"), tr("Severity"), tr("Pattern"), tr("Messages"),
                          tr("Share"), tr("Examples")], rows, numeric=(3, 4),
                         empty=tr("No rule categories yet.")))


def reach_warnings(pb: Playbook, found: Sequence[Reach], members: int) -> list[str]:
    """One warning per pattern flagging more than ``rule_reach.TOO_BROAD`` of the
    messages (the lines of ``rule_reach.warnings``, in the current language)."""
    threshold = SEVERITY_ORDER[pb.rules.escalate_from]
    lines = []
    for r in found:
        if not r.too_broad:
            continue
        text = tr("rules/categories/{category}: pattern {pattern} flags {flagged} of the "
                  "{members} past member messages ({share}), more than {limit}: it catches "
                  "ordinary talk; make it narrower", category=r.category,
                  pattern=repr(pattern_words(r)), flagged=r.flagged, members=members,
                  share=fmt_number(r.share, "ratio"),
                  limit=fmt_number(rule_reach.TOO_BROAD, "ratio"))
        if SEVERITY_ORDER[r.severity] >= threshold:
            text += tr(", and at severity {severity} every flag would be an escalation",
                       severity=tr(r.severity))
        if r.examples:
            text += tr("; e.g. {example}", example=repr(_clip(r.examples[0])))
        lines.append(text)
    return lines


def overpromise_lines(pb: Playbook) -> list[str]:
    """The escalation rows ``promises.overpromises`` warns about (a time at any hour, by
    default, shorter than the team's longest closure), in the current language."""
    warned = promises.overpromises(pb)
    closure = promises.longest_closure(pb.business_hours)
    lang = language()
    return [
        tr("rules/escalation ({severity}): handle_within {within} promises action {promise}, but "
           "the team is closed for up to {closure} in a row ({hours}): if someone is on call "
           "for it, say so with `clock: calendar`; otherwise set `clock: business` so the "
           "promise counts only opening hours",
           severity=tr(row.severity), within=row.handle_within,
           promise=promises.within(row.handle_within, row.clock, pb.business_hours, lang),
           closure=promises.calendar_words(closure, lang),
           hours=promises.opening_words(pb.business_hours, lang))
        for row in pb.rules.escalation
        if any(line.startswith(f"rules/escalation ({row.severity}):") for line in warned)
    ]


def warning_list(title: str, lines: Sequence[str]) -> str:
    """A heading and one paragraph per warning; nothing when there is none."""
    if not lines:
        return ""
    return heading(4, title) + "".join(paragraph("⚠ " + line, "warn") for line in lines)


def _clip(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"

