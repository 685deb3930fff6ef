"""Charts on fixed margins: the image keeps its size, the axes sit where matplotlib's
constrained layout put them for the demo's charts, and no text (tick labels, axis labels,
title, legend, colour bar, value labels) leaves the figure, in English and Chinese, with
40-character channel names and hostile names."""

from __future__ import annotations

import base64
import datetime as dt
import re
import struct
from collections.abc import Iterator
from typing import Any

import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from communitykit import charts
from communitykit.i18n import use_language

LONG_EN = "Customer care and loyalty programme (EU)"  # 40 characters
LONG_ZH = "社区活动与会员忠诚度计划欧洲区域官方微博账号频道名称很长的渠道名称测试一二三四五"  # 40
LONG_NAME = "Z" * 4990 + "_troll_end"  # as hostile_names.LONG_NAME
QUOTED = '"><b>Mallory</b> & co "the quiet one" ' + "x" * 40
CONTROL = "Eve\x1b]0;owned\x07 " + "y" * 60
DAYS = [dt.date(2026, 9, 1) + dt.timedelta(days=d) for d in range(61)]
WEEK = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PAD = 110 * 3 / 72  # pixels between the outermost text and the figure's edge


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Figure]:
    """The figures the charts module draws, instead of their images."""
    figs: list[Figure] = []

    def keep(fig: Figure, alt: str) -> str:
        figs.append(fig)
        return "<img>"

    monkeypatch.setattr(charts, "to_img", keep)
    return figs


def _heatmap(scale: int = 1, **labels: str) -> str:
    grid = {day: [(i * 7 + h * 3) % 9 * scale for h in range(24)] for i, day in enumerate(WEEK)}
    hours = {day: [i < 5 and 9 <= h < 18 for h in range(24)] for i, day in enumerate(WEEK)}
    return charts.heatmap(grid, hours, title=labels.get("title", "When members write"),
                          xlabel=labels.get("xlabel", "hour of day"),
                          scale_label=labels.get("bar", "messages per hour slot"))


def _demo_bars() -> str:
    return charts.bars(["discord", "instagram", "x"], [9, 19, 30], planned=[8.9, 13.3, 22.1],
                       ylabel="posts in the period", title="Posts per channel against plan")


def _demo_line() -> str:
    return charts.line({"instagram": (DAYS, [12700.0 + 12 * i for i in range(61)])},
                       ylabel="followers", target=15000,
                       title="Followers, previous and this period")


def _texts(ax: Axes) -> Iterator[Text]:
    """Every text drawn for ``ax``: tick labels in view, axis labels, offset texts, titles,
    value labels and legend entries."""
    for axis in (ax.xaxis, ax.yaxis):
        low, high = sorted(axis.get_view_interval())
        for loc, tick in zip(axis.get_majorticklocs(), axis.get_major_ticks(), strict=False):
            if low - 1e-9 <= loc <= high + 1e-9:
                yield tick.label1
        yield axis.label
        yield axis.get_offset_text()
    yield ax.title
    yield from ax.texts
    legend = ax.get_legend()
    if legend is not None:
        yield from legend.get_texts()


def _outside(fig: Figure) -> list[str]:
    """The texts of ``fig`` (once drawn) whose box leaves the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    out = []
    for ax in fig.axes:
        for text in _texts(ax):
            if not text.get_visible() or not text.get_text():
                continue
            box = text.get_window_extent(renderer)
            if box.x0 < -0.5 or box.y0 < -0.5 or box.x1 > fig.bbox.width + 0.5 or (
                    box.y1 > fig.bbox.height + 0.5):
                out.append(text.get_text()[:30])
    return out


def _extents(ax: Axes) -> tuple[float, ...]:
    return tuple(ax.get_window_extent().extents)


def test_the_png_keeps_its_size_and_the_same_data_gives_the_same_bytes() -> None:
    img = _demo_bars()
    png = base64.b64decode(re.search(r"base64,([^\"]+)", img).group(1))  # type: ignore[union-attr]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (825, 352)  # 7.5 x 3.2 inches at 110 dpi
    assert _demo_bars() == img
    heat = base64.b64decode(re.search(r"base64,([^\"]+)", _heatmap()).group(1))  # type: ignore[union-attr]
    assert struct.unpack(">II", heat[16:24]) == (825, 308)  # 7.5 x 2.8 inches


def test_the_demo_charts_keep_the_constrained_layout_boxes(drawn: list[Figure]) -> None:
    """Axes boxes (pixels: left, bottom, right, top) as matplotlib's constrained layout
    placed them before issue 20; the right edge is the figure's width less the pad."""
    _demo_bars()
    _demo_line()
    _heatmap(title="When members write (inbound messages, local time)",
             xlabel="hour of day (local time); orange outline = business hours")
    bars, line, heat = drawn
    assert _extents(bars.axes[0]) == pytest.approx((54.7, 29.6, 825 - PAD, 325.2), abs=0.5)
    # the first date label, rotated, reaches further left than the y tick labels
    assert _extents(line.axes[0]) == pytest.approx((81.7, 68.2, 825 - PAD, 325.2), abs=0.5)
    ax, bar = heat.axes
    assert _extents(ax) == pytest.approx((46.5, 50.4, 763.8, 281.2), abs=0.5)
    assert _extents(bar) == pytest.approx((771.0, 50.4, 782.5, 281.2), abs=0.5)
    # the colour bar: a twentieth of the axes' height wide, a hundredth of its width away
    assert bar.bbox.width == pytest.approx(ax.bbox.height / 20)
    assert bar.bbox.x0 - ax.bbox.x1 == pytest.approx(ax.bbox.width / 100)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_text_leaves_the_figure(drawn: list[Figure], language: str) -> None:
    with use_language(language):
        _demo_bars()
        charts.bars([LONG_EN, "instagram", LONG_ZH], [9, 19, 30000], planned=[8.9, None, 22.1],
                    ylabel="posts", title="Posts per channel against plan")
        charts.bars([LONG_EN + str(i) if i % 2 else LONG_ZH for i in range(6)],
                    [9, 19, 30, 4, 5, 6], ylabel="posts", title="Six long channels")
        charts.bars([QUOTED, CONTROL, "x"], [1234567, 19, 30], previous=[1, 2, 3],
                    ylabel=QUOTED, title="Hostile names, values in millions")
        charts.bars([LONG_NAME, "x"], [3, 4], ylabel="n", title="Members")
        _demo_line()
        charts.line({LONG_EN: (DAYS, [12700.0 + i for i in range(61)]),
                     LONG_ZH: (DAYS, [1e6 + 5 * i for i in range(61)]),
                     QUOTED: (DAYS[:30], [5.0] * 30), LONG_NAME: (DAYS, [1.0] * 61)},
                    ylabel=LONG_EN, title="Followers, previous and this period")
        _heatmap()
        _heatmap(scale=100000, xlabel=LONG_EN, bar=LONG_ZH)
    assert len(drawn) == 9
    assert {i: _outside(fig) for i, fig in enumerate(drawn)} == {i: [] for i in range(9)}


def test_long_channel_names_wrap_within_their_slot(drawn: list[Figure]) -> None:
    names = [LONG_EN + str(i) if i % 2 else LONG_ZH for i in range(6)]
    charts.bars(names, [9, 19, 30, 4, 5, 6], ylabel="posts", title="Posts")
    charts.bars([LONG_NAME, "x"], [3, 4], ylabel="n", title="Members")
    six, huge = drawn
    labels = [label.get_text().split("\n") for label in six.axes[0].get_xticklabels()]
    assert [len(lines) for lines in labels] == [3] * 6
    assert LONG_ZH.startswith("".join(labels[0]).rstrip("…"))
    assert (LONG_EN + "1").startswith(" ".join(labels[1]).rstrip("…"))
    six.canvas.draw()
    boxes = [label.get_window_extent() for label in six.axes[0].get_xticklabels()]
    assert all(left.x1 <= right.x0 for left, right in zip(boxes, boxes[1:], strict=False))
    # a 5,000-character name: three lines, the last one cut
    first = huge.axes[0].get_xticklabels()[0].get_text().split("\n")
    assert len(first) == 3 and first[-1].endswith("…") and first[0] == "Z" * len(first[0])
    assert huge.axes[0].get_xticklabels()[1].get_text() == "x"


def test_series_names_are_cut_in_the_legend(drawn: list[Figure]) -> None:
    charts.line({LONG_NAME: (DAYS, [1.0] * 61), LONG_EN: (DAYS, [2.0] * 61)}, ylabel="f",
                title="F")
    legend: Any = drawn[0].axes[0].get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    assert texts == ["Z" * 59 + "…", LONG_EN]  # 60 characters at most; 40 stay whole


def test_control_characters_in_names_are_not_drawn() -> None:
    """No font draws an escape or a bell: they are left out (no missing-glyph warning),
    as are bidi controls, which would reorder the label."""
    import warnings

    from communitykit import charts

    assert charts._drawable("a\x1bb\x07c\u202ed\ne") == "abcd\ne"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        charts.bars(["in\x1bsta\x07gram", "x\u202e"], [3, 4], previous=[1, 2],
                    ylabel="posts", title="t")
        charts.line({"dis\x07cord": ([], [])}, ylabel="followers", title="t")
