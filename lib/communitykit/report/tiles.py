"""The headline tiles: each headline figure with its change, coloured by what is good."""

from __future__ import annotations

from dataclasses import dataclass

from .. import metrics
from ..catalogue import CATALOGUE, HEADLINES
from ..html import esc, fmt_number, fmt_points
from ..i18n import tr
from ..metrics.results import Figures
from .findings import metric_label, partly_covered, section_values, thin, uncovered


@dataclass(frozen=True)
class Coverage:
    """Whether the data covers the current and the previous period only in part."""

    current_partial: bool = False
    previous_partial: bool = False
    previous_missing: bool = False  # no day of the previous period has data


def tiles(figures: Figures) -> list[str]:
    """The headline tiles; a change against a partly covered period is marked."""
    return [tile_markup(h) for h in headlines(figures)]


@dataclass(frozen=True)
class Change:
    """A figure's change as a tile shows it: its colour class (good, bad or flat), arrow,
    text, verdict word and the "vs" line with its qualifiers."""

    cls: str
    arrow: str
    text: str
    verdict: str
    vs: str


@dataclass(frozen=True)
class Headline:
    """One headline figure of a report, with its change (what a tile shows)."""

    metric: str
    label: str  # translated
    now: float | None
    unit: str
    section: str
    change: Change


def headlines(figures: Figures) -> list[Headline]:
    """Each headline figure with its change, coloured by what is good for it (also read by
    the agency index)."""
    now, before = section_values(figures)
    coverage = Coverage(partly_covered(figures, "current"), partly_covered(figures, "previous"),
                        uncovered(figures, "previous"))
    out = []
    for metric_id in HEADLINES:
        m = CATALOGUE[metric_id]
        value = metrics.metric_value(now, metric_id)
        out.append(Headline(metric_id, tr(metric_label(figures, metric_id)), value, m.unit,
                            m.section,
                            change(value, metrics.metric_value(before, metric_id), m.unit,
                                   m.better, coverage, little_data=thin(figures, metric_id))))
    return out


def tile(label: str, now: float | None, before: float | None, unit: str, better: str,
         section: str, coverage: Coverage = Coverage(), *, little_data: bool = False) -> str:
    """A headline figure with its change, coloured by whether the change is good."""
    return tile_markup(Headline("", label, now, unit, section,
                                change(now, before, unit, better, coverage,
                                       little_data=little_data)))


def change(now: float | None, before: float | None, unit: str, better: str,
           coverage: Coverage = Coverage(), *, little_data: bool = False) -> Change:
    """The change of a figure, coloured by whether it is good.

    A change involving a partly covered period, or resting on too little data, is shown
    uncoloured, and says so; a lower figure in a partly covered period is not shown as a
    fall."""
    delta = metrics.change(now, before)
    if coverage.previous_missing:
        before, delta = None, None
    if now is None:
        cls, arrow, text = "flat", "", tr("no figure this period")
    elif delta is not None and delta < 0 and coverage.current_partial:
        cls, arrow, text = "flat", "", ""  # missing days, not a fall
    elif delta is None or delta == 0:
        cls, arrow = "flat", ""
        text = tr("no change") if delta == 0 else tr("no previous figure")
    elif _shown_as_zero(delta, unit):  # too small to show: no arrow, no colour
        cls, arrow = "flat", ""
        text = (tr("{pts} pts", pts=fmt_points(0.0)) if unit == "ratio"
                else "±" + fmt_number(0, unit))
        delta = 0.0
    else:
        good = (delta > 0) == (better == "up")
        cls = "good" if good else "bad"
        arrow = "▲" if delta > 0 else "▼"
        text = (tr("{pts} pts", pts=fmt_points(delta)) if unit == "ratio"
                else ("+" if delta > 0 else "−") + fmt_number(abs(delta), unit))
    qualifiers = []
    if delta is not None and (coverage.current_partial or coverage.previous_partial):
        qualifiers.append(tr("(previous period partly covered)") if coverage.previous_partial
                          else tr("(this period partly covered)"))
    if delta and little_data:
        qualifiers.append(tr("(little data)"))
    if qualifiers:
        cls = "flat"
    qualifier = "".join(" " + q for q in qualifiers)
    verdict = {"good": tr("better"), "bad": tr("worse"), "flat": ""}[cls]
    vs = (tr("vs {before}", before=fmt_number(before, unit)) + qualifier
          if before is not None else "")
    return Change(cls, arrow, text, verdict, vs)


def _shown_as_zero(delta: float, unit: str) -> bool:
    """Whether a change rounds to zero as shown (0.04 pts is "±0.0 pts", 20 s "0 min")."""
    if unit == "ratio":
        return fmt_points(delta) == fmt_points(0.0)
    return fmt_number(abs(delta), unit) == fmt_number(0, unit)


def tile_markup(h: Headline) -> str:
    c = h.change
    return (f'<a class="tile" href="#{esc(h.section)}"><span class="tile-label">'
            f'{esc(h.label)}</span>'
            f'<span class="tile-value">{esc(fmt_number(h.now, h.unit))}</span>'
            f'<span class="tile-change {c.cls}" title="{esc(c.verdict)}">{esc(c.arrow)} '
            f'{esc(c.text)} '
            + (f'<span class="vs">{esc(c.vs)}</span>' if c.vs else "")
            + "</span></a>")
