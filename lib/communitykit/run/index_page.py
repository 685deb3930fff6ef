"""The agency's index of one period: a row per client, sorted by need (``standing``), with
its goals, open escalations, data coverage, each headline figure with its change and a
small line of its last six periods (the report's own sparkline, in the agency's colour),
and links to the report and its PDF (or why its PDF failed in the batch). Every text from
a playbook or a file is escaped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..catalogue import CATALOGUE, HEADLINES
from ..html import esc, fmt_date, fmt_number
from ..i18n import tr
from ..paths import PACKAGE_DIR
from ..periods import Period
from ..report.goal_status import STATUS_CLASS, STATUS_ORDER
from ..report.page import page
from ..report.sparklines import ACCENT, sparkline
from ..report.tiles import Headline
from ..report.trends import Trend
from .standing import ORDER, Standing

KIT = "communitykit"


@dataclass(frozen=True)
class Brand:
    """The agency's name, accent colour and logo (a ``data:`` URI); the kit's own look
    when the workspace sets none."""

    name: str | None = None
    colour: str | None = None
    logo: str | None = None


def css() -> str:
    """The report's style sheet and the index's own."""
    return "\n".join((PACKAGE_DIR / "assets" / name).read_text(encoding="utf-8")
                     for name in ("report.css", "index.css"))


def head(brand: Brand, title: str, subtitle: str, nav: str = "", period: str = "") -> str:
    """The page's heading: the agency's logo and name, the title (then the ``period``'s
    label, never broken across lines), a subtitle, links."""
    style = f"<style>:root {{ --accent: {brand.colour}; }}</style>" if brand.colour else ""
    logo = (f'<img class="logo" alt="{esc(brand.name or KIT)}" src="{esc(brand.logo)}">'
            if brand.logo else "")
    agency = f'<p class="agency">{esc(brand.name)}</p>' if brand.name else ""
    label = f' · <span class="period-label">{esc(period)}</span>' if period else ""
    return (f'{style}<header class="report-head">{logo}{agency}<h1>{esc(title)}{label}</h1>'
            f'<p class="subtitle">{esc(subtitle)}</p>{nav}</header>\n')


def dates(period: Period) -> str:
    return f"{fmt_date(period.start)} – {fmt_date(period.end - dt.timedelta(days=1))}"


def period_index(period: Period, rows: list[Standing], generated_at: str, language: str,
                 brand: Brand) -> str:
    """The index page of ``period``; ``rows`` come sorted by need. The ``<main>`` element
    carries the figures the index of periods lists (``period_list``)."""
    failed = sum(not r.ok for r in rows)
    pdf_failed = sum(r.ok and r.pdf_error is not None for r in rows)
    attention = sum(r.needs_attention for r in rows)
    summary = (tr("{done} of {n} reports rendered", done=len(rows) - failed, n=len(rows))
               + (tr("; {n} failed", n=failed) if failed else "")
               + (tr("; {n} PDF failed", n=pdf_failed) if pdf_failed else "")
               + " · " + tr("{n} need attention", n=attention))
    title = tr("Community reviews")
    headers = [tr("Client"), tr("Goals"), tr("Open escalations"), tr("Data coverage"),
               *(tr(CATALOGUE[m].label) for m in HEADLINES), tr("Report")]
    nav = f'<p class="periods-link"><a href="index.html">{esc(tr("All periods"))}</a></p>'
    main = (
        f'<main class="report portfolio" data-period="{esc(period.label)}" '
        f'data-kind="{esc(period.kind)}" data-start="{period.start}" data-end="{period.end}" '
        f'data-clients="{len(rows)}" data-attention="{attention}" '
        f'data-failed="{failed + pdf_failed}" '
        f'data-generated="{esc(generated_at)}">\n'
        + head(brand, title, f"{dates(period)} · {summary}", nav, period.label)
        + f'<p class="order">{esc(tr(ORDER))}</p>\n'
        '<div class="table-wrap"><table><thead><tr>'
        + "".join(f'<th class="{"num" if i == 2 or 3 < i < len(headers) - 1 else ""}">'
                  f"{esc(h)}</th>" for i, h in enumerate(headers))  # figures to the right
        + "</tr></thead><tbody>" + "".join(_row(r, brand.colour or ACCENT) for r in rows)
        + "</tbody></table></div>\n</main>\n")
    return page(f"{title} · {period.label}", main, language, css(),
                footer=footer(brand, generated_at))


def footer(brand: Brand, generated_at: str) -> str:
    made = tr("Made with communitykit")
    by = f"{esc(brand.name)} · " if brand.name else ""
    return (f'<footer class="report-foot" id="generated-at">{by}{esc(made)} · '
            f"{esc(generated_at)}</footer>\n")


def _row(r: Standing, accent: str = ACCENT) -> str:
    name = f'<a href="{esc(r.report)}">{esc(r.name)}</a>' if r.ok and r.report else esc(r.name)
    client = f'{name}<br><span class="muted">{esc(r.client)}</span>'
    if not r.ok:
        return (f'<tr class="failed"><td class="client">{client}<br>'
                f'<span class="status bad">{esc(tr("failed"))}</span></td>'
                f'<td colspan="{4 + len(HEADLINES)}" class="reason">{esc(r.error)}</td></tr>')
    figures = {h.metric: h for h in r.headlines}
    lines = {t.metric: t for t in r.trends}
    cells = "".join(_figure(figures[m], lines.get(m), accent) if m in figures
                    else f'<td class="num" data-label="{esc(tr(CATALOGUE[m].label))}">–</td>'
                    for m in HEADLINES)
    links = f'<a href="{esc(r.report)}">HTML</a>' + (
        f' · <a href="{esc(r.pdf)}">PDF</a>' if r.pdf else "")
    if r.pdf_error:  # the job failed at its PDF: the page is in place, the reason said
        links = (f'<span>{links} · <span class="status bad">{esc(tr("PDF failed"))}</span>'
                 f'<span class="pdf-reason muted">{esc(r.pdf_error)}</span></span>')
    return (f'<tr class="need-{r.need}"><td class="client">{client}</td>'
            f'<td class="chips" data-label="{esc(tr("Goals"))}">{_goals(r)}</td>'
            f'<td class="num" data-label="{esc(tr("Open escalations"))}">{_escalations(r)}</td>'
            f'<td class="coverage" data-label="{esc(tr("Data coverage"))}">{_coverage(r)}</td>'
            f'{cells}<td class="links" data-label="{esc(tr("Report"))}">{links}</td></tr>')


def _goals(r: Standing) -> str:
    """A chip per goal status with its count, most urgent first, and the goals that need
    work by name; with data problems no chip is green (a goal on track may only look so)."""
    if not r.goals:
        return f'<span class="muted">{esc(tr("no goals"))}</span>'
    counts: dict[str, list[str]] = {}
    for label, status in r.goals:
        counts.setdefault(status, []).append(tr(label))
    order = (*STATUS_ORDER, *sorted(set(counts) - set(STATUS_ORDER)))
    chips = " ".join(
        f'<span class="chip {_chip_class(s, r)}" title="{esc(", ".join(counts[s]))}">'
        f'{esc(tr("{n} " + s, n=len(counts[s])))}</span>' for s in order if s in counts)
    named = "".join(f'<li class="{STATUS_CLASS.get(status, "")}">'
                    f"{esc(tr(label))}: {esc(tr(status))}</li>"
                    for label, status in r.goals if status in ("off track", "missed", "at risk"))
    return chips + (f'<ul class="goal-names">{named}</ul>' if named else "")


def _chip_class(status: str, r: Standing) -> str:
    css_class = STATUS_CLASS.get(status, "")
    return "idle" if r.problems and css_class == "good" else css_class


def _escalations(r: Standing) -> str:
    if not r.escalations:
        return f'<span class="muted">{esc(fmt_number(0))}</span>'
    of = esc(tr("of {n}", n=fmt_number(r.escalations)))
    cls = "bad" if r.escalations_open else "good"
    return (f'<span class="escalations"><b class="{cls}">{esc(fmt_number(r.escalations_open))}'
            f"</b> {of}</span>")


def _coverage(r: Standing) -> str:
    word = {"full": tr("full"), "partial": tr("partial"), "none": tr("no data")}.get(
        r.coverage, r.coverage)
    check = tr("data check")
    others = [p for p in r.problems if p != tr("the data covers this period only in part")]
    # the period's days are all there, but a data check failed: not a green "full"
    tone = "bad" if r.coverage != "full" else "flat" if others else "good"
    shown = f'<span class="{tone}">{esc(word)}</span>'
    if r.gaps:
        shown += f'<br><span class="muted">{esc(r.gaps)}</span>'
    return shown + "".join(f' <span class="chip bad" title="{esc(check)}">{esc(p)}</span>'
                           for p in others)


def _figure(h: Headline, trend: Trend | None = None, accent: str = ACCENT) -> str:
    """A headline figure and its change as the report's tile shows it: arrow, amount,
    coloured good or bad by the figure's better direction, uncoloured when qualified; under
    them its last six periods as a small line, its values in words for screen readers."""
    c = h.change
    title = " ".join(t for t in (h.label, c.verdict, c.vs) if t)
    shown = " ".join(t for t in (c.arrow, c.text) if t)
    change = f'<span class="{c.cls}">{esc(shown)}</span>' if shown else ""
    line = _line(trend, accent) if trend is not None else ""
    return (f'<td class="num" data-label="{esc(tr(CATALOGUE[h.metric].label))}" '
            f'title="{esc(title)}"><span class="fig"><b>{esc(fmt_number(h.now, h.unit))}</b>'
            f" {change}{line}</span></td>")


def _line(t: Trend, accent: str) -> str:
    """The figure's last six periods as a small line (72 × 20 px), without the goal's path:
    the goals column says where each goal stands."""
    return sparkline(t, accent, width=72, height=20, pad=3, dot=1.5, goal=False,
                     css_class="spark-mini")
