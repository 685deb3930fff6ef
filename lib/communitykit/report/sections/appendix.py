"""The appendix: settings used, definitions, decisions, data quality and coverage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ... import classify, fonts
from ...definitions import DECISIONS, DEFINITIONS
from ...html import Html, fmt_date, fmt_number, folded, heading, paragraph, table
from ...i18n import tr
from ..context import Report
from ..lists import REJECTED_CSV
from ..quality import data_quality, last_revision

REJECTED_ROWS = 20


def render(report: Report) -> Html:
    dq = data_quality(report)
    rejected = [(Path(str(a["file"])).name, r["row"], r["reason"])
                for a in dq["accounts"] for r in a["rejected_rows"]]
    # the whole appendix folds away on screen (its tables do not fold again inside it)
    return Html(heading(2, tr("Appendix"), "appendix") + folded(
        tr("Show the settings, definitions and data quality"),
        heading(3, tr("Settings used"))
        + table([tr("Setting"), tr("Value")], _settings(report), fold=False)
        + heading(3, tr("Definitions"))
        + table([tr("Figure"), tr("Definition")], [(tr(a), tr(b)) for a, b in DEFINITIONS],
                fold=False)
        + heading(3, tr("Decisions where the definitions leave a choice"))
        + table([tr("Decision"), tr("What the kit does")],
                [(tr(a), tr(b)) for a, b in DECISIONS], fold=False)
        + heading(3, tr("Data quality"))
        + paragraph(tr("{files} files behind this period and the previous one: {read} rows "
                       "read, {kept} kept, {dup} duplicates removed, {rejected} rejected; "
                       "{spam} messages excluded as spam.", files=dq["files"],
                       read=fmt_number(dq["rows_read"]), kept=fmt_number(dq["rows_kept"]),
                       dup=fmt_number(dq["rows_duplicate"]),
                       rejected=fmt_number(dq["rows_rejected"]),
                       spam=fmt_number(dq["excluded_as_spam"])))
        + _data_notes(report, dq)
        + table([tr("File"), tr("Format"), tr("Read"), tr("Kept"), tr("Duplicate"),
                 tr("Rejected")], _accounts(dq), numeric=(2, 3, 4, 5), fold=False)
        + _coverage_table(report)
        + (heading(3, tr("Rejected rows"))
           + table([tr("File"), tr("Row"), tr("Reason")], rejected[:REJECTED_ROWS], fold=False)
           + report.more_line(len(rejected) - REJECTED_ROWS, REJECTED_CSV) if rejected else "")
    ))


def _accounts(dq: dict[str, Any]) -> list[tuple[object, ...]]:
    return [(Path(str(a["file"])).name, a["format"], fmt_number(a["rows_read"]),
             fmt_number(a["kept"]), fmt_number(a["duplicate"]), fmt_number(a["rejected"]))
            for a in dq["accounts"]]


def _data_notes(report: Report, dq: dict[str, Any]) -> str:
    """Replies stored before their parent, and channels whose figures are not measured."""
    r = report.figures.responsiveness.current
    notes = []
    if r.replies_before_parent:
        notes.append(tr("{n} replies are stored as written before the message they answer "
                        "(local times that occur twice when clocks go back): they answer "
                        "nothing and are left out of the response figures.",
                        n=fmt_number(r.replies_before_parent)))
    cut = dq.get("texts_cut_for_analysis")
    if cut:
        notes.append(tr("{n} message texts are longer than {limit} characters: only their "
                        "first {limit} characters are analysed (listening, rules, questions); "
                        "the whole text is kept and shown.", n=fmt_number(cut),
                        limit=fmt_number(classify.ANALYSIS_CHARS)))
    if r.channels_without_team:
        notes.append(tr("Channels with inbound messages and no team activity in the data, "
                        "left out of the response figures: {channels}.",
                        channels=", ".join(r.channels_without_team)))
    return "".join(paragraph(n) for n in notes)


def _coverage_table(report: Report) -> str:
    """First and last day with data per channel."""
    channels = report.figures.coverage.channels
    if not channels:
        return ""
    return (heading(3, tr("Data coverage"))
            + table([tr("Channel"), tr("First day with data"), tr("Last day with data")],
                    [(c["platform"], _day(c.get("first_day")), _day(c.get("last_day")))
                     for c in channels], fold=False))


def _day(value: str | None) -> str:
    return fmt_date(dt.date.fromisoformat(value)) if value else "–"


def _settings(report: Report) -> list[tuple[str, str]]:
    pb = report.playbook
    bh = pb.business_hours
    hours = ", ".join(f"{tr(d)} {o}–{c}" for d, (o, c) in bh.days.items())
    return [
        (tr("Timezone"), pb.client.timezone),
        (tr("Business hours"), hours),
        (tr("Holidays"), _holiday_rule(report)),
        (tr("Holidays in this period"), ", ".join(
            f"{d} ({name})" for d, name in _days_in_period(report, "holidays").items())
         or tr("none")),
        (tr("Make-up working days in this period"),
         ", ".join(str(d) for d in _days_in_period(report, "workdays")) or tr("none")),
        (tr("Team roles"), ", ".join(tr(r.replace("_", " ")) for r in pb.team_roles)),
        (tr("Response commitments"), ", ".join(
            f"{tr(k)}: {c.within} ({tr(c.clock)})" for k, c in pb.cadence.response.items())),
        (tr("Playbook"), tr("version {v}, sha256 {sha}, last revision {rev}",
                            v=pb.version, sha=report.playbook_sha256[:12],
                            rev=last_revision(pb) or tr("none"))),
        (tr("Store version"), report.store_version or tr("none")),
        (tr("Chart font"), fonts.chart_font_note()),
    ]


def _holiday_rule(report: Report) -> str:
    """Which public holidays close the team (country, region when asked, categories)."""
    hol = report.playbook.business_hours.holidays
    if not hol.country:
        text = tr("no public holidays")
    elif hol.subdivision and getattr(hol, "subdivision_holidays", True):
        text = tr("public holidays of {region}", region=f"{hol.country}-{hol.subdivision}")
    else:
        text = tr("public holidays of {region}", region=hol.country)
    categories = list(getattr(hol, "categories", None) or ["public"])
    if hol.country and categories != ["public"]:
        text += " (" + tr("categories: {names}", names=", ".join(categories)) + ")"
    if hol.extra:
        text += tr(" plus ") + ", ".join(str(d) for d in hol.extra)
    return text


def _days_in_period(report: Report, kind: str) -> dict[dt.date, str]:
    """The clock's closed days (``holidays``) or opened make-up working days
    (``workdays``) in the period, through the clock's own span when it has one."""
    clock = report.data.clock
    start, end = report.period.start, report.period.end
    between = getattr(clock, f"{kind}_between", None)
    days: dict[dt.date, str] = (between(start, end) if between is not None
                                else getattr(clock, kind, None) or {})
    return {d: days[d] for d in sorted(days) if start <= d < end}
