"""The index of periods (``reports/index.html``): every period's index on disk, grouped by
length (weeks, months, quarters, other periods), newest first, each with its dates, how
many clients it shows and how many need attention.

Rebuilt from the ``reports/index-<period>.html`` files alone (their ``<main>`` element
carries the figures), so deleting one and running a batch again is safe.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..html import esc, fmt_number
from ..i18n import tr
from ..periods import Period
from ..report.page import page
from .index_page import Brand, css, dates, footer, head

PREFIX = "index-"
GROUPS = (("week", "Weeks"), ("month", "Months"), ("quarter", "Quarters"),
          ("custom", "Other periods"))
MAIN = re.compile(r'<main class="report portfolio"([^>]*)>')
ATTRIBUTE = re.compile(r'\s(data-[a-z]+)="([^"]*)"')


@dataclass(frozen=True)
class Listed:
    """One period's index as the index of periods lists it."""

    file: str  # index-2026-10.html
    period: Period
    clients: int
    attention: int
    failed: int
    generated: str


def file_name(label: str) -> str:
    return f"{PREFIX}{label}.html"


def on_disk(reports: Path) -> list[Listed]:
    """Every period index in ``reports`` whose figures can be read (others are skipped:
    a file of an older kit, or not the kit's)."""
    found = []
    for path in sorted(reports.glob(f"{PREFIX}*.html")):
        listed = _read(path)
        if listed is not None:
            found.append(listed)
    return found


def _read(path: Path) -> Listed | None:
    try:
        with path.open(encoding="utf-8") as file:
            start = file.read(256 * 1024)  # <main> comes after the style sheet
    except (OSError, UnicodeDecodeError):
        return None
    match = MAIN.search(start)
    if not match:
        return None
    data = {k: html.unescape(v) for k, v in ATTRIBUTE.findall(match[1])}
    try:
        period = Period(dt.date.fromisoformat(data["data-start"]),
                        dt.date.fromisoformat(data["data-end"]), data["data-period"],
                        data["data-kind"])
        return Listed(path.name, period, int(data["data-clients"]),
                      int(data["data-attention"]), int(data["data-failed"]),
                      data["data-generated"])
    except (KeyError, ValueError):
        return None


def index_of_periods(listed: list[Listed], generated_at: str, language: str,
                     brand: Brand) -> str:
    """The page: a column per length of period (side by side on a wide screen), newest
    first."""
    title = tr("Community reviews")
    groups = []
    for kind, heading in GROUPS:
        items = sorted((x for x in listed if x.period.kind == kind),
                       key=lambda x: (x.period.start, x.period.end), reverse=True)
        if items:
            groups.append(f'<section class="period-group"><h2>{esc(tr(heading))}</h2>'
                          f'<ul class="periods">{"".join(_item(x) for x in items)}</ul>'
                          "</section>")
    body = ('<div class="period-groups">' + "".join(groups) + "</div>" if groups else
            f'<p class="muted">{esc(tr("No period has been rendered yet: run report --all."))}'
            "</p>")
    subtitle = tr("{n} periods", n=fmt_number(len(listed)))
    main = ('<main class="report portfolio period-list">\n'
            + head(brand, title, subtitle) + body + "\n</main>\n")
    return page(title, main, language, css(), footer=footer(brand, generated_at))


def _item(x: Listed) -> str:
    attention = (f'<span class="chip bad">{esc(tr("{n} need attention", n=x.attention))}</span>'
                 if x.attention else
                 f'<span class="chip good">{esc(tr("none needs attention"))}</span>')
    failed = (f' <span class="chip bad">{esc(tr("{n} failed", n=x.failed))}</span>'
              if x.failed else "")
    return (f'<li><a class="period" href="{esc(x.file)}">{esc(x.period.label)}</a> '
            f'<span class="dates">{esc(dates(x.period))}</span><br>'
            f'<span>{esc(tr("{n} clients", n=fmt_number(x.clients)))}</span> '
            f"{attention}{failed}<br>"
            f'<span class="muted">{esc(tr("rendered {when}", when=x.generated))}</span></li>')
