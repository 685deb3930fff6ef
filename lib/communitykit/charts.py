"""Charts as embedded PNG images: one palette, labelled axes, no global state.

Figures are drawn with matplotlib's object API (no pyplot state) and saved
without timestamps, so the same data gives the same bytes. Margins are fixed once per chart
from the measured extents of its axis texts (``_place``), not by a layout engine: the room
matplotlib's constrained layout gives, at a fraction of its cost. A chart with nothing to
show (no values, or only zeros) is not drawn: a line says so instead. Counts never get a
negative axis.
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
import unicodedata
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
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg  # noqa: E402
from matplotlib.colorbar import Colorbar  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from .html import BIDI_CONTROLS, esc  # noqa: E402
from .i18n import tr  # noqa: E402

PALETTE = ("#1f5f8b", "#e07a1f", "#3a9a5b", "#b8434b", "#7a5ba6", "#8c8c8c")
INK = "#24323f"
GRID = "#e3e8ee"
PAD = 3 / 72  # inch of room around the texts, as matplotlib's constrained layout leaves
MOST = 0.35  # the largest share of the figure a margin may take (hostile names clip instead)
LEGEND_CHARS = 60  # longer series names are cut in the legend
LABEL_LINES = 3  # a label wraps onto at most this many lines, then is cut
LABEL_SIZE = matplotlib.rcParams["axes.labelsize"]  # the axis labels' font size
ALONG = 0.8  # the share of the figure's height a vertical axis label may take


def _figure(width: float = 7.5, height: float = 3.2) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)  # a renderer to measure texts with (_place)
    ax = fig.add_axes((0.1, 0.1, 0.85, 0.8))  # placed by _place once its texts are set
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(colors=INK, labelsize=9)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    return fig, ax


def _place(fig: Figure, ax: Axes, bar: Colorbar | None = None) -> None:
    """Place ``ax`` (and the colour ``bar`` to its right) so that its tick labels, axis labels,
    offset text, title and value labels lie inside the figure with ``PAD`` to spare.

    The extents come from the renderer's text metrics (no drawing), measured with the axes at
    a first guess; they are measured again only if the ticks differ once placed (the number of
    ticks follows the axes' length). The colour bar is as
    matplotlib draws one beside an axes: a twentieth of the axes' height wide, a hundredth of
    its width away. A margin never takes more than ``MOST`` of the figure."""
    renderer = _renderer(fig)
    width, height = fig.bbox.width, fig.bbox.height
    pad = PAD * fig.dpi
    margins: tuple[float, ...] = (0.08 * width, 0.1 * height, pad, 0.1 * height)
    axes = [ax] if bar is None else [ax, bar.ax]
    for _ in range(3):
        _set(fig, ax, bar, margins)
        ticks = [_ticks(a) for a in axes]
        over = _overhang(ax, renderer)
        if bar is not None:
            on_bar = _overhang(bar.ax, renderer)
            over = (over[0], max(over[1], on_bar[1]), on_bar[2], max(over[3], on_bar[3]))
        margins = tuple(min(pad + max(side, 0.0), MOST * size)
                        for side, size in zip(over, (width, height, width, height), strict=True))
        _set(fig, ax, bar, margins)
        if [_ticks(a) for a in axes] == ticks:  # the same texts: they fit as measured
            return


def _set(fig: Figure, ax: Axes, bar: Colorbar | None, margins: Sequence[float]) -> None:
    """Axes (and colour bar) inside ``margins`` (left, bottom, right, top; pixels)."""
    width, height = fig.bbox.width, fig.bbox.height
    left, bottom, right, top = margins
    box_h = height - bottom - top
    bar_w = box_h / 20 if bar is not None else 0.0
    box_w = (width - left - right - bar_w) / (1.01 if bar is not None else 1.0)
    ax.set_position((left / width, bottom / height, box_w / width, box_h / height))
    if bar is not None:
        bar.ax.set_position(((left + 1.01 * box_w) / width, bottom / height,
                             bar_w / width, box_h / height))


def _overhang(ax: Axes, renderer: RendererAgg) -> tuple[float, float, float, float]:
    """How far the axes' texts reach past its box (left, bottom, right, top), in pixels."""
    box = ax.get_window_extent(renderer)
    tight = ax.get_tightbbox(renderer, bbox_extra_artists=ax.texts, for_layout_only=True)
    if tight is None:
        return (0.0, 0.0, 0.0, 0.0)
    return (box.x0 - tight.x0, box.y0 - tight.y0, tight.x1 - box.x1, tight.y1 - box.y1)


def _ticks(ax: Axes) -> list[list[float]]:
    """Where the axes' major ticks fall (their labels follow from these)."""
    return [list(ax.xaxis.get_majorticklocs()), list(ax.yaxis.get_majorticklocs())]


def _renderer(fig: Figure) -> RendererAgg:
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    return canvas.get_renderer()


def _short(text: str, limit: int = LEGEND_CHARS) -> str:
    text = _drawable(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _drawable(text: str) -> str:
    """A label without control characters (no font draws them) or bidi controls (which
    would reorder what a reader sees), as the page's text is (``html.esc``)."""
    return "".join(c for c in text.translate(BIDI_CONTROLS)
                   if c == "\n" or unicodedata.category(c) != "Cc")


def _wrapped(fig: Figure, labels: Sequence[str], fontsize: float | str,
             room: float) -> list[str]:
    """Labels wider than ``room`` (pixels) wrapped to it, so that neighbours never overlap
    and an axis label fits along its axis (at most ``LABEL_LINES`` lines, the last one cut)."""
    renderer = _renderer(fig)
    font = FontProperties(size=fontsize)
    out = []
    for label in map(_drawable, labels):
        wide = renderer.get_text_width_height_descent(label, font, ismath=False)[0]
        if wide > room:
            chars = max(int(len(label) * room / wide), 4)
            lines = textwrap.wrap(label, chars) or [label]
            if len(lines) > LABEL_LINES:
                lines = lines[:LABEL_LINES]
                lines[-1] = lines[-1][:chars - 1] + "…"
            label = "\n".join(lines)
        out.append(label)
    return out


def _along(fig: Figure, label: str, fontsize: float | str) -> str:
    """An axis label wrapped to fit along a vertical axis."""
    return _wrapped(fig, [label], fontsize, ALONG * fig.bbox.height)[0]


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
    slot = 0.85 * fig.bbox.width / max(len(labels), 1) - PAD * fig.dpi
    ax.set_xticks(list(x), _wrapped(fig, [str(label) for label in labels], 9, slot))
    ax.set_ylim(bottom=0)
    ax.set_ylabel(_along(fig, ylabel, LABEL_SIZE), color=INK)
    ax.set_title(title, color=INK, fontsize=11, loc="left")
    ax.legend(frameon=False, fontsize=8)
    _place(fig, ax)
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
        ax.plot(list(xs), list(ys), color=color, linewidth=1.8, label=_short(name))
    if target is not None:
        ax.axhline(target, color=PALETTE[3], linestyle="--", linewidth=1.2, label=tr("target"))
    lowest = min([*values, *([target] if target is not None else [])])
    if lowest >= 0 and ax.get_ylim()[0] < 0:
        ax.set_ylim(bottom=0)
    ax.set_ylabel(_along(fig, ylabel, LABEL_SIZE), color=INK)
    ax.set_title(title, color=INK, fontsize=11, loc="left")
    ax.legend(frameon=False, fontsize=8)
    fig.autofmt_xdate()
    _place(fig, ax)
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
    bar = fig.colorbar(image, cax=fig.add_axes((0.9, 0.1, 0.02, 0.8)))
    bar.set_label(_along(fig, scale_label, 8), color=INK, fontsize=8)
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
    _place(fig, ax, bar)
    return to_img(fig, title)
