"""Small HTML builders. Every value passes through ``esc``: member text stays inert."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from .i18n import language, tr

# Babel locale of each report language (number, percent and date formats).
LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN"}

# Bidirectional controls (e.g. U+202E) could reorder what a reader sees.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# A name (member, person, client) longer than this is cut with an ellipsis where it is shown;
# the whole name goes in a tooltip when it is at most TOOLTIP_CHARS long and has no control
# characters. CSV files beside the report keep every name whole.
NAME_CHARS = 60
TOOLTIP_CHARS = 300
# The most any table cell or heading shows: member texts are cut in the figures already,
# this bounds whatever else a file could bring into a cell.
CELL_CHARS = 1000
ELLIPSIS = "…"
# A run of this many characters without a space (a pasted link, a hostile name) may break
# anywhere in its table cell; shorter words stay whole (report.css, class "long").
LONG_RUN = re.compile(r"\S{25}")
# A table of more than this many rows folds away on screen (a native <details>, no
# script): the page leads with its findings and figures; print and the PDF unfold it.
FOLD_ROWS = 10


def esc(value: object) -> str:
    """Escape any value for HTML text or attribute context; neutralise bidi controls."""
    if value is None:
        return "–"
    return html.escape(str(value).translate(BIDI_CONTROLS), quote=True)


def cut(text: str, limit: int) -> str:
    """``text`` whole when it has at most ``limit`` characters, else cut to ``limit``
    characters ending with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def short_name(name: object, limit: int = NAME_CHARS) -> str:
    """A name as the report shows it in running text: cut past ``limit`` characters."""
    return cut(str(name), limit)


def name_tooltip(name: object, limit: int = NAME_CHARS) -> str:
    """A ``title`` attribute with the whole name when it was cut and is simple enough
    to read in a tooltip (not too long, no control characters); else nothing."""
    text = str(name)
    if len(text) <= limit or len(text) > TOOLTIP_CHARS:
        return ""
    if any(unicodedata.category(c) == "Cc" for c in text):
        return ""
    return f' title="{esc(text)}"'


@dataclass(frozen=True)
class Name:
    """A person's name in a table cell: cut like a text, whole in its tooltip."""

    value: object


@dataclass(frozen=True)
class Cell:
    """A table cell with a CSS class (e.g. a goal status coloured by its meaning)."""

    value: object
    css: str


class Html:
    """A ready fragment: notebooks display it as HTML."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


def half_up(value: float | int | Decimal, places: int = 0) -> Decimal:
    """``value`` rounded half away from zero to ``places`` decimals (0.625 -> 0.63).

    Floats go through their shortest repr, the figure metrics.json shows, so 0.625 is
    read as 0.625 and not as the binary 0.62499999..."""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    else:
        number = Decimal(repr(float(value)))  # numpy floats too
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt_number(value: Any, unit: str = "count") -> str:
    """A figure in the report language: thousands separators, percentages, durations.

    Units: ``count`` (whole numbers: a count, or a count's expected value, is never shown
    with decimals), ``ratio`` (a percentage with one decimal), ``hours`` (hours and
    minutes), ``planned`` (one decimal, only when fractional: planned posts pro rata).
    Every rounding is half away from zero."""
    if value is None or value != value:  # None or NaN
        return "–"
    locale = LOCALES[language()]
    if unit == "ratio":
        return str(format_percent(half_up(float(value), 3), "#,##0.0%", locale=locale))
    if unit == "hours":
        return fmt_hours(float(value))
    if unit == "planned":
        return str(format_decimal(half_up(float(value), 1), "#,##0.#", locale=locale))
    return str(format_decimal(half_up(value), "#,##0", locale=locale))


def fmt_points(delta: float) -> str:
    """A change of a ratio in percentage points, signed: ``+1.3`` (0.0125), ``−0.4``."""
    points = half_up(half_up(delta, 6) * 100, 1)
    return ("+" if points > 0 else "−" if points < 0 else "±") + f"{abs(points)}"


def fmt_relative(change: float) -> str:
    """A relative change as a whole percentage, unsigned: ``54%`` for 0.5449."""
    return f"{half_up(abs(half_up(change, 6)) * 100)}%"


def fmt_hours(value: float | None) -> str:
    """Hours as hours and minutes: ``3 h 05 min``, ``45 min``; 0.625 h is 38 min."""
    if value is None or value != value:
        return "–"
    minutes = int(half_up(half_up(value, 6) * 60))
    sign = "−" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    text = tr("{h} h {m} min", h=h, m=f"{m:02d}") if h else tr("{m} min", m=m)
    return sign + text


def fmt_date(day: dt.date) -> str:
    """A calendar day in the report language (``1 Oct 2026``, ``2026年10月1日``)."""
    pattern = "long" if language() == "zh" else "d MMM y"
    return str(format_date(day, pattern, locale=LOCALES[language()]))


def table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, numeric: Sequence[int] = (),
    caption: str | None = None, fold: bool = True,
) -> str:
    """An HTML table; cells are escaped, columns in ``numeric`` right-aligned. With
    ``fold``, a table of more than FOLD_ROWS rows is folded (``folded``)."""
    head = "".join(
        f'<th class="{_classes("num" if i in numeric else "", h)}">{esc(_shown(h))}</th>'
        for i, h in enumerate(headers)
    )
    listed = list(rows)
    body = "".join(
        "<tr>" + "".join(_td(c, i in numeric) for i, c in enumerate(row)) + "</tr>"
        for row in listed
    )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    if not body:
        empty = esc(tr("Nothing in this period."))
        body = f'<tr><td colspan="{len(headers)}" class="empty">{empty}</td></tr>'
    markup = (f'<div class="table-wrap"><table>{cap}<thead><tr>{head}</tr></thead>'
              f"<tbody>{body}</tbody></table></div>")
    if fold and len(listed) > FOLD_ROWS:
        return folded(tr("Show the table ({n} rows)", n=fmt_number(len(listed))), markup)
    return markup


def folded(summary: str, markup: str) -> str:
    """``markup`` folded away under a one-line ``summary`` (escaped here): closed on
    screen, opened by a click; print shows it whole (report.css, ``report.pdf``)."""
    return f'<details class="fold"><summary>{esc(summary)}</summary>{markup}</details>'


def _td(cell: object, numeric: bool) -> str:
    if isinstance(cell, Name):
        if cell.value is None:
            return '<td class="name">–</td>'
        name = short_name(cell.value)
        return (f'<td class="{_classes("name", name)}"{name_tooltip(cell.value)}>'
                f"{esc(name)}</td>")
    value = _shown(cell.value if isinstance(cell, Cell) else cell)
    classes = _classes("num" if numeric else "", value, cell.css if isinstance(cell, Cell) else "")
    return f'<td class="{classes}">{esc(value)}</td>'


def _shown(value: object) -> object:
    """A cell's value, text cut to CELL_CHARS characters."""
    return value if value is None else cut(str(value), CELL_CHARS)


def _classes(kind: str, value: object, css: str = "") -> str:
    """A cell's classes (escaped): its kind, ``long`` when its text holds a long run
    without a space, and its own."""
    long = "long" if value is not None and LONG_RUN.search(str(value)) else ""
    return esc(" ".join(c for c in (kind, long, css) if c))


def heading(level: int, text: str, anchor: str | None = None) -> str:
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{esc(_shown(text))}</h{level}>"


def paragraph(text: str, css: str = "") -> str:
    cls = f' class="{esc(css)}"' if css else ""
    return f"<p{cls}>{esc(text)}</p>"
