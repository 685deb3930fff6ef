"""The trends block: a small inline SVG line per headline figure (no script), the same
period a year before beside it, the goal's path dashed, and the gaps said in words; and
the links to the previous and next reports.

The SVG carries its own colours and strokes as presentation attributes (the client's
accent colour as a literal ``#rrggbb``): a PDF engine does not apply the page's style
sheet inside an inline SVG (WeasyPrint drew every line black and filled), so the
browser, the PDF and the agency index (``run.index_page``) draw the same lines."""

from __future__ import annotations

from collections.abc import Callable

from ..html import esc, fmt_date, fmt_number, paragraph
from ..i18n import tr
from .context import Report
from .trends import (
    FIGURE,
    FIGURES_ONLY,
    NO_DATA,
    NO_FIGURE,
    NOT_RENDERED,
    UNREADABLE,
    Point,
    Trend,
    gather,
    links,
)

WIDTH, HEIGHT, PAD = 160, 44, 5
ACCENT = "#1f5f8b"  # the kit's accent colour (report.css --accent) when none is set
MUTED = "#5d6b78"  # report.css --muted: the goal's path
GAP_WORDS = {NOT_RENDERED: "not rendered", NO_FIGURE: "no figure", NO_DATA: "no data",
             UNREADABLE: "report cannot be read"}


def block(report: Report) -> str:
    """The "Trends" block of the summary: the periods without a rendered report said once,
    then one card per headline figure."""
    found = gather(report)
    accent = accent_of(report)
    cards = "".join(card(t, accent) for t in found)
    intro = tr("Each headline figure over the last six periods of this length, from the "
               "reports already rendered; a period whose report is not rendered is a gap, "
               "not a zero.")
    missing = [p.label for p in found[0].points if p.state == NOT_RENDERED] if found else []
    note = (paragraph(tr("Not rendered: {periods}.", periods=", ".join(missing)), "muted")
            if missing else "")
    alone = [p.label for p in (*found[0].points, found[0].year_ago)
             if p is not None and p.source == FIGURES_ONLY and p.state == FIGURE] if found else []
    if alone:  # their figures were computed for the trends: no report to open
        note += paragraph(tr("Figures only, no report rendered: {periods}.",
                             periods=", ".join(sorted(alone))), "muted")
    return (f'<div class="trends-head"><h3 id="trends">{esc(tr("Trends"))}</h3>'
            f'{paragraph(intro, "muted")}{note}</div><div class="trends">{cards}</div>')


def accent_of(report: Report) -> str:
    """The client's accent colour (``client.brand.colour``, checked as #rrggbb by the
    playbook), else the kit's."""
    playbook = getattr(report, "playbook", None)
    colour = playbook.client.brand.colour if playbook is not None else None
    return colour or ACCENT


def card(t: Trend, accent: str = ACCENT) -> str:
    gaps = [p for p in t.points if p.state not in (FIGURE, NOT_RENDERED)]
    lines = [_year_ago(t)]
    if gaps:
        lines.append(tr("Gaps: {periods}", periods="; ".join(
            f"{p.label} {tr(GAP_WORDS[p.state])}" for p in gaps)))
    if t.goal:
        lines.append(tr("Goal (dashed): from {baseline} to {target} by {deadline}",
                        baseline=fmt_number(t.goal.baseline, t.unit),
                        target=fmt_number(t.goal.target, t.unit),
                        deadline=fmt_date(t.goal.deadline)))
    text = "".join(f"<span>{esc(line)}</span>" for line in lines if line)
    span = f"{t.points[0].label} – {t.points[-1].label}"
    return (f'<div class="trend"><span class="trend-label">{esc(t.label)}</span>'
            f"{sparkline(t, accent)}"
            f'<span class="trend-axis" aria-hidden="true">{esc(span)}</span>'
            f'<span class="trend-notes">{text}</span></div>')


def sparkline(t: Trend, accent: str = ACCENT, *, width: int = WIDTH, height: int = HEIGHT,
              pad: float = PAD, dot: float = 2, goal: bool = True,
              css_class: str = "spark") -> str:
    """The figure's line over the periods (its goal's path dashed, unless ``goal`` is
    false), drawn in ``accent`` (a literal colour) with a dot per figure (``dot`` across,
    the current one larger), and its text alternative (every period's value or gap in
    words) as the image's label."""
    values = [p.value for p in t.points]
    path = list(t.goal.values) if t.goal and goal else []
    known = [v for v in (*values, *path) if v is not None]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1

    def xy(i: int, v: float) -> tuple[float, float]:
        x = pad + i * (width - 2 * pad) / max(len(values) - 1, 1)
        return x, height - pad - (v - low) / (high - low) * (height - 2 * pad)

    colour = esc(accent)
    marks = [f'<polyline class="goal-path" points="{pts}" fill="none" stroke="{MUTED}" '
             'stroke-width="1.2" stroke-dasharray="4 3"/>' for pts in _runs(path, xy)]
    marks += [f'<polyline class="line" points="{pts}" fill="none" stroke="{colour}" '
              'stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/>'
              for pts in _runs(values, xy)]
    for i, v in enumerate(values):
        if v is not None:
            x, y = xy(i, v)
            r = dot + 1 if i == len(values) - 1 else dot
            marks.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:g}" fill="{colour}"/>')
    label = esc(describe(t))
    return (f'<svg class="{css_class}" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-label="{label}"><title>{label}</title>'
            f'{"".join(marks)}</svg>')


def describe(t: Trend) -> str:
    """The chart in words, oldest first."""
    return tr("{figure}, the last {n} periods, oldest first: {values}", figure=t.label,
              n=len(t.points), values="; ".join(_said(p, t.unit) for p in t.points))


def links_nav(report: Report) -> str:
    """Links to the previous and next reports, when they are rendered."""
    found = links(report)
    parts = [f'<a href="{esc(href)}" rel="{rel}">{esc(tr(text))}</a>'
             for href, rel, text in ((found.previous, "prev", "← previous report"),
                                     (found.next, "next", "next report →")) if href]
    if not parts:
        return ""
    return f'<nav class="period-links" aria-label="{esc(tr("Reports"))}">{"".join(parts)}</nav>'


def _said(p: Point, unit: str) -> str:
    value = fmt_number(p.value, unit) if p.state == FIGURE else tr(GAP_WORDS[p.state])
    return f"{p.label} {value}"


def _year_ago(t: Trend) -> str:
    if t.year_ago is None:
        return ""
    return tr("A year before ({period}): {value}", period=t.year_ago.label,
              value=(fmt_number(t.year_ago.value, t.unit) if t.year_ago.state == FIGURE
                     else tr(GAP_WORDS[t.year_ago.state])))


def _runs(values: list[float | None],
          xy: Callable[[int, float], tuple[float, float]]) -> list[str]:
    """The ``points`` of each run of consecutive values (a gap breaks the line)."""
    runs: list[list[str]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            runs.append([])
        else:
            x, y = xy(i, v)
            runs[-1].append(f"{x:.1f},{y:.1f}")
    return [" ".join(r) for r in runs if len(r) > 1]

