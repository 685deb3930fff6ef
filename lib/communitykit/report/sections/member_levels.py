"""Member levels: members per level against the previous period, the movement between
levels, and the drifting champions and regulars to reach out to."""

from __future__ import annotations

import datetime as dt

from ...html import Cell, Html, Name, esc, fmt_date, fmt_number, heading, paragraph, table
from ...i18n import tr
from ...metrics.levels import LEVELS, STATES
from ..context import Report


def label(level: str) -> str:
    """A level's name in the report language (a movement's state, "inactive", too)."""
    return {"champion": tr("Champions"), "regular": tr("Regulars"),
            "participant": tr("Participants"), "newcomer": tr("Newcomers"),
            "drifting": tr("Drifting"), "inactive": tr("Inactive")}[level]


def one(level: str) -> str:
    """The level an outreach row names (a champion or a regular)."""
    return {"champion": tr("Champion"), "regular": tr("Regular")}.get(level, level)


def render(report: Report) -> Html:
    levels = report.figures.member_levels
    intro = tr("Each member who wrote in this period or the previous one is in one level, "
               "from their messages in those two periods (spam left out): champions wrote "
               "in both and are among the top 10 % by messages (this period: at least "
               "{n} messages); regulars wrote in both; participants wrote now after a "
               "quiet period; newcomers wrote for the first time; drifting members wrote "
               "in the previous period and not in this one.",
               n=fmt_number(levels.champion_min_messages))
    counts = [(label(name), fmt_number(levels.previous.get(name)),
               fmt_number(levels.current.get(name)),
               _change(levels.current.get(name), levels.previous.get(name)))
              for name in LEVELS]
    return Html(
        heading(2, tr("Member levels"), "member_levels") + paragraph(intro)
        + table([tr("Level"), tr("Previous period"), tr("This period"), tr("Change")],
                counts, numeric=(1, 2, 3))
        + heading(3, tr("Movement since the previous period"))
        + paragraph(tr("Members by their level at the end of the previous period (rows) "
                       "and now (columns)."))
        + movement_table(levels.movement)
        + _outreach(report)
    )


def movement_table(movement: dict[str, dict[str, int]]) -> str:
    """Members by level before (rows) and now (columns): a table with its row and column
    headers, each cell labelled with its column (``data-label``) for the phone layout,
    where each row becomes a card (report.css, ``table.movement``). The roles keep it a
    table for screen readers when that layout changes how it is displayed."""
    before = tr("Level before")
    head = (f'<th scope="col" role="columnheader">{esc(before)}</th>'
            + "".join(f'<th scope="col" role="columnheader" class="num">{esc(label(now))}</th>'
                      for now in STATES))
    rows = "".join(
        f'<tr role="row"><th scope="row" role="rowheader" data-label="{esc(before)}">'
        f"{esc(label(was))}</th>"
        + "".join(_cell(label(now), cell) for now, cell in zip(STATES, cells, strict=True))
        + "</tr>"
        for was, cells in _movement(movement))
    return (f'<div class="table-wrap"><table class="movement" role="table">'
            f'<thead role="rowgroup"><tr role="row">{head}</tr></thead>'
            f'<tbody role="rowgroup">{rows}</tbody></table></div>')


def _cell(column: str, value: str | None) -> str:
    if value is None:  # inactive before and now: not counted
        return '<td class="num none" role="cell">–</td>'
    return f'<td class="num" role="cell" data-label="{esc(column)}">{esc(value)}</td>'


def _change(now: int | None, before: int | None) -> str:
    if now is None or before is None:
        return "–"
    sign = "+" if now > before else "−" if now < before else ""
    return sign + fmt_number(abs(now - before))


def _movement(movement: dict[str, dict[str, int]]) -> list[tuple[str, list[str | None]]]:
    """Each row: the level before, and its members per level now (None: not counted)."""
    return [(before, [None if before == now == "inactive" else fmt_number(row.get(now, 0))
                      for now in STATES])
            for before, row in ((b, movement.get(b, {})) for b in STATES)]


def _outreach(report: Report) -> str:
    levels = report.figures.member_levels
    rows = [(Name(r["name"]), r["platform"],
             Cell(one(r["level_before"]), "status bad"),
             _day(r["last_active"]), fmt_number(r["messages_before"]))
            for r in levels.outreach]
    return (heading(3, tr("Drifting members to reach out to"))
            + paragraph(tr("{n} members who were champions or regulars at the end of the "
                           "previous period wrote nothing in this one. Messages before: "
                           "theirs in the previous period and the one before it.",
                           n=fmt_number(levels.drifting_valuable)))
            + (table([tr("Member"), tr("Channel"), tr("Level before"), tr("Last active"),
                      tr("Messages before")], rows, numeric=(4,))
               + report.more_line(levels.drifting_valuable - len(rows)) if rows else ""))


def _day(value: str) -> str:
    return fmt_date(dt.date.fromisoformat(value))
