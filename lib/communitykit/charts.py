"""Charts as embedded PNG images: one palette, labelled axes, no global state.

Figures are drawn with matplotlib's object API (no pyplot state) and saved
without timestamps, so the same data gives the same bytes. A chart with nothing to show
(no values, or only zeros) is not drawn: a line says so instead. Counts never get a
negative axis.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")
# Labels are text, never math: a "$" in a name must not start mathtext.
matplotlib.rcParams["text.parse_math"] = False
from .fonts import chart_families  # noqa: E402

# Latin glyphs from DejaVu, Chinese from a CJK font found through fontconfig even when
# matplotlib's font cache predates it (fonts.py); matplotlib falls back glyph by glyph.
matplotlib.rcParams["font.family"] = chart_families()
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from .html import esc  # noqa: E402
from .i18n import tr  # noqa: E402

PALETTE = ("#1f5f8b", "#e07a1f", "#3a9a5b", "#b8434b", "#7a5ba6", "#8c8c8c")
INK = "#24323f"
GRID = "#e3e8ee"


def _figure(width: float = 7.5, height: float = 3.2) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(colors=INK, labelsize=9)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def to_img(fig: Figure, alt: str) -> str:
    """An <img> tag with the figure as a base64 PNG (deterministic bytes)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="chart" alt="{esc(alt)}" src="data:image/png;base64,{data}">'


def no_data(title: str) -> str:
    """What stands in for a chart with nothing to show."""
    return f'<p class="chart-empty">{esc(tr("{title}: no data in this period.", title=title))}</p>'


def has_data(*groups: Sequence[float | None] | None) -> bool:
    """Whether any value of ``groups`` is a number other than zero."""
    return any(v is not None and math.isfinite(v) and v != 0
               for group in groups if group is not None for v in group)


def bars(
    labels: Sequence[str], values: Sequence[float], *, ylabel: str, title: str,
    planned: Sequence[float | None] | None = None, previous: Sequence[float] | None = None,
) -> str:
    """Bars from zero up (counts), the previous period beside them and the plan as ticks."""
    if not has_data(values, planned, previous):
        return no_data(title)
    fig, ax = _figure()
    x = range(len(labels))
    width = 0.38 if previous is not None else 0.6
    if previous is not None:
        ax.bar([i - width / 2 for i in x], previous, width, color=PALETTE[5],
               label=tr("previous period"))
        current = ax.bar([i + width / 2 for i in x], values, width, color=PALETTE[0],
                         label=tr("this period"))
    else:
        current = ax.bar(list(x), values, width, color=PALETTE[0], label=tr("actual"))
    ax.bar_label(current, fmt="{:,.0f}", fontsize=8, color=INK, padding=2)
    if planned is not None:
        for i, plan in zip(x, planned, strict=True):
            if plan is not None:
                ax.hlines(plan, i - 0.4, i + 0.4, colors=PALETTE[1], linewidth=2.2,
                          label=tr("planned") if i == 0 else "_nolegend_")
    ax.set_xticks(list(x), [str(label) for label in labels])
    ax.set_ylim(bottom=0)
    ax.set_ylabel(ylabel, color=INK)
    ax.set_title(title, color=INK, fontsize=11, loc="left")
    ax.legend(frameon=False, fontsize=8)
    return to_img(fig, title)


def line(
    series: Mapping[str, tuple[Sequence[Any], Sequence[float]]], *, ylabel: str, title: str,
    target: float | None = None,
) -> str:
    """Lines per series; an axis that would dip below zero for values that never do starts
    at zero."""
    values = [float(y) for _, ys in series.values() for y in ys]
    if not has_data(values):
        return no_data(title)
    fig, ax = _figure()
    for color, (name, (xs, ys)) in zip(PALETTE, series.items(), strict=False):
        ax.plot(list(xs), list(ys), color=color, linewidth=1.8, label=name)
    if target is not None:
        ax.axhline(target, color=PALETTE[3], linestyle="--", linewidth=1.2, label=tr("target"))
    lowest = min([*values, *([target] if target is not None else [])])
    if lowest >= 0 and ax.get_ylim()[0] < 0:
        ax.set_ylim(bottom=0)
    ax.set_ylabel(ylabel, color=INK)
    ax.set_title(title, color=INK, fontsize=11, loc="left")
    ax.legend(frameon=False, fontsize=8)
    fig.autofmt_xdate()
    return to_img(fig, title)


def heatmap(grid: dict[str, list[int]], open_grid: dict[str, list[bool]], *, title: str,
            xlabel: str, scale_label: str) -> str:
    """Inbound by weekday and hour, with business hours outlined and a scale from zero."""
    rows = list(grid)
    values = [grid[r] for r in rows]
    if not has_data(*values):
        return no_data(title)
    fig, ax = _figure(7.5, 2.8)
    image = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0)
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.01)
    bar.set_label(scale_label, color=INK, fontsize=8)
    bar.ax.tick_params(labelsize=8, colors=INK)
    for y, day in enumerate(rows):
        for x, is_open in enumerate(open_grid[day]):
            if is_open:
                ax.add_patch(Rectangle(
                    (x - 0.5, y - 0.5), 1, 1, fill=False, edgecolor=PALETTE[1], linewidth=0.8))
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xticks(range(0, 24, 2), [f"{h:02d}" for h in range(0, 24, 2)])
    ax.set_xlabel(xlabel, color=INK)
    ax.grid(False)
    ax.set_title(title, color=INK, fontsize=11, loc="left")
    return to_img(fig, title)
