"""Planning step 2, consistency and presence: planned posts per channel per week, content
pillars and their planned mix, business hours and holidays, and response commitments per
message kind. Before the answers, what exists today (team posts per channel week by week,
the content mix, the business hours and when members actually write); after them, the
client's actual rhythm, mix and response times against the plan in the answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import holidays as holidays_lib
import pandas as pd

from .. import charts, periods, promises
from ..clock import MAKE_UP, BusinessClock, public_calendar
from ..html import Html, fmt_hours, fmt_number, heading, paragraph
from ..i18n import language, tr
from ..metrics import presence
from ..metrics.stats import hours, in_period
from ..playbook import WEEKDAYS, Playbook, parse_duration
from .common import PlanStep, in_playbook_language, period_words, rows_table

HOLIDAY_DAYS = 120
BUSIEST = 3  # hours of the day named as the busiest
# The holidays library's name for each report language (where a country has it).
HOLIDAY_LANGUAGES = {"zh": "zh_CN"}


class CadencePlan(PlanStep):
    STEP: ClassVar[str] = "cadence"
    TITLE: ClassVar[str] = "Cadence and presence"
    SECTIONS: ClassVar[tuple[str, ...]] = ("cadence", "business_hours")

    # ---- figures ---------------------------------------------------------------------------
    def rhythm(self, history: str | None = None) -> pd.DataFrame:
        """Per channel: team posts per week over the history period, against the plan."""
        columns = ["platform", "posts", "weeks", "per_week", "busiest_week", "planned"]
        if self.data is None:
            return pd.DataFrame(columns=columns)
        period = self.history_period(history)
        start, end = period.utc_bounds(self.playbook.tz)
        posts = in_period(presence.team_posts(self.data), start, end)
        weeks = max(period.days / 7, 1 / 7)
        local = posts["created_at"].dt.tz_convert(self.playbook.tz)
        week = local.dt.strftime("%G-W%V")
        plan = self.playbook.cadence.posts_per_week
        rows = []
        for platform in sorted(set(posts["platform"]) | set(plan)):
            mine = week[posts["platform"] == platform]
            rows.append({"platform": platform, "posts": len(mine), "weeks": round(weeks, 1),
                         "per_week": round(len(mine) / weeks, 1),
                         "busiest_week": int(mine.value_counts().max()) if len(mine) else 0,
                         "planned": plan.get(platform)})
        return pd.DataFrame(rows, columns=columns)

    def mix(self, history: str | None = None) -> pd.DataFrame:
        """Actual share of each content pillar over the history period, against the plan."""
        if self.data is None:
            return pd.DataFrame(columns=["pillar", "posts", "actual_share", "planned_share"])
        period = self.history_period(history)
        start, end = period.utc_bounds(self.playbook.tz)
        posts = in_period(presence.team_posts(self.data), start, end)
        rows = presence._content_mix(posts, self.data)  # noqa: SLF001 (same definition)
        return pd.DataFrame(rows)[["pillar", "posts", "actual_share", "planned_share"]]

    def response_times(self, history: str | None = None,
                       playbook: Playbook | None = None) -> pd.DataFrame:
        """Per message kind: inbound, answered, and first response times today."""
        pb = playbook or self.playbook
        columns = ["kind", "inbound", "answered", "median_business_hours",
                   "p90_business_hours", "median_calendar_hours", "commitment"]
        if self.data is None:
            return pd.DataFrame(columns=columns)
        period = self.history_period(history)
        start, end = period.utc_bounds(pb.tz)
        inbound = in_period(self.data.messages, start, end)
        inbound = inbound[inbound["inbound"]]
        clock = BusinessClock(pb, period.start - dt.timedelta(days=400),
                              period.end)
        rows = []
        for kind in ("question", "message"):
            mine = inbound[inbound["message_kind"] == kind]
            at = mine["team_answer_at"].where(mine["team_answer_at"] < end)
            done = at.notna()
            business = clock.elapsed(mine["created_at"][done], at[done])
            commitment = pb.cadence.response.get(kind) or pb.cadence.response["message"]
            rows.append({
                "kind": kind, "inbound": len(mine), "answered": int(done.sum()),
                "median_business_hours": hours(business, "median"),
                "p90_business_hours": hours(business, "p90"),
                "median_calendar_hours": hours((at - mine["created_at"])[done], "median"),
                "commitment": f"{commitment.within} ({commitment.clock} clock)",
            })
        return pd.DataFrame(rows, columns=columns)

    def weekly_posts(self, history: str | None = None) -> pd.DataFrame:
        """Team posts per channel in each whole week (Monday to Sunday, local time) of the
        history period: one row per week, one column per channel."""
        period = self.history_period(history)
        first = period.start + dt.timedelta(days=-period.start.weekday() % 7)
        mondays = [first + dt.timedelta(days=7 * i)
                   for i in range((period.end - first).days // 7)]
        if self.data is None or not mondays:
            return pd.DataFrame()
        start, end = periods.custom(mondays[0], mondays[-1] + dt.timedelta(days=6)).utc_bounds(
            self.playbook.tz)
        posts = in_period(presence.team_posts(self.data), start, end)
        local = posts["created_at"].dt.tz_convert(self.playbook.tz)
        monday = (local.dt.normalize() - pd.to_timedelta(local.dt.day_of_week, unit="D")).dt.date
        grid = pd.crosstab(monday, posts["platform"]) if len(posts) else pd.DataFrame()
        channels = sorted(set(grid.columns) | set(self.playbook.cadence.posts_per_week))
        return grid.reindex(index=mondays, columns=channels, fill_value=0).astype(int)

    def busiest_hours(self, history: str | None = None) -> list[tuple[int, int]]:
        """The ``BUSIEST`` local hours of the day with the most inbound messages:
        (hour, messages), busiest first."""
        if self.data is None:
            return []
        start, end = self.history_period(history).utc_bounds(self.playbook.tz)
        inbound = in_period(self.data.messages, start, end)
        inbound = inbound[inbound["inbound"]]
        hours_of_day = inbound["created_at"].dt.tz_convert(self.playbook.tz).dt.hour
        counts = hours_of_day.value_counts()
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:BUSIEST]
        return [(int(hour), int(count)) for hour, count in ranked]

    # ---- showing ---------------------------------------------------------------------------
    @in_playbook_language
    def today(self, period: str | None = None) -> Html:
        """Before the answers: team posts per channel week by week, the content mix by the
        playbook's pillars, the business hours and when members actually write."""
        note = self.no_data()
        if note is not None:
            return note
        pb = self.playbook
        chosen = self.history_period(period)
        weeks = self.weekly_posts(period)
        week_rows: list[list[object]] = [[str(monday), *row] for monday, row in zip(
            weeks.index, weeks.itertuples(index=False), strict=True)]
        if len(weeks):
            week_rows.append([tr("Per week"), *(fmt_number(weeks[c].mean(), "planned")
                                                for c in weeks.columns)])
        mix_rows = [[tr("other") if r.pillar == "other" else r.pillar, r.posts,
                     fmt_number(r.actual_share, "ratio")] for r in self.mix(period).itertuples()]
        busiest = tr(", ").join(tr("{hour}:00–{hour}:59 ({count})", hour=f"{h:02d}", count=n)
                                for h, n in self.busiest_hours(period))
        return Html(
            heading(3, tr("What exists today: {dates}", dates=period_words(chosen)))
            + heading(4, tr("Team posts per week"))
            + rows_table([tr("Week of"), *weeks.columns], week_rows,
                         numeric=tuple(range(1, len(weeks.columns) + 1)),
                         empty=tr("No whole week in this period."))
            + heading(4, tr("Content mix"))
            + paragraph(tr("Pillars are recognised by their patterns (first match wins); "
                           "'other' is every post no pattern matched."))
            + rows_table([tr("Pillar"), tr("Posts"), tr("Actual share")], mix_rows,
                         numeric=(1, 2))
            + heading(4, tr("Business hours and when members write"))
            + paragraph(tr("Open {hours}; the longest closure of a regular week is {closure}.",
                           hours=promises.opening_words(pb.business_hours, language()),
                           closure=promises.calendar_words(
                               promises.longest_closure(pb.business_hours), language())))
            + (paragraph(tr("Members write most at {hours} (inbound messages).",
                            hours=busiest)) if busiest else "")
            + self.when_members_write(pb, period)
        )

    @in_playbook_language
    def history(self, answers: str | Path | Mapping[str, Any] | None = None,
                edited: Mapping[str, Any] | None = None, period: str | None = None) -> Html:
        """Posting rhythm, content mix, when members write and response times, against the
        plan in the answers (or the playbook)."""
        note = self.no_data()
        if note is not None:
            return note
        assert self.data is not None
        pb = self.candidate(answers, edited)
        chosen = self.history_period(period)
        rhythm = self.rhythm(period)
        planned = pb.cadence.posts_per_week
        rhythm_rows = [[r.platform, r.posts, fmt_number(r.per_week, "planned"), r.busiest_week,
                        fmt_number(planned.get(r.platform), "planned")]
                       for r in rhythm.itertuples()]
        for platform in sorted(set(planned) - set(rhythm["platform"])):
            rhythm_rows.append([platform, 0, fmt_number(0, "planned"), 0,
                                fmt_number(planned[platform], "planned")])
        plan_shares = {p.id: p.share for p in pb.cadence.pillars}
        mix_rows = [[tr("other") if r.pillar == "other" else r.pillar, r.posts,
                     fmt_number(r.actual_share, "ratio"),
                     fmt_number(plan_shares.get(r.pillar), "ratio")]
                    for r in self.mix(period).itertuples()]
        times = self.response_times(period, pb)
        time_rows = [[tr(r.kind), r.inbound, r.answered, fmt_hours(r.median_business_hours),
                      fmt_hours(r.p90_business_hours), fmt_hours(r.median_calendar_hours),
                      _commitment(pb, r.kind)] for r in times.itertuples()]
        return Html(
            heading(3, tr("History: {dates}", dates=period_words(chosen)))
            + heading(4, tr("Posting rhythm"))
            + rows_table([tr("Channel"), tr("Team posts"), tr("Per week"), tr("Busiest week"),
                          tr("Planned per week")], rhythm_rows, numeric=(1, 2, 3, 4))
            + heading(4, tr("Content mix"))
            + paragraph(tr("Pillars are recognised by their patterns (first match wins); "
                           "'other' is every post no pattern matched."))
            + rows_table([tr("Pillar"), tr("Posts"), tr("Actual share"), tr("Planned share")],
                         mix_rows, numeric=(1, 2, 3))
            + heading(4, tr("When members write"))
            + self.when_members_write(pb, period)
            + heading(4, tr("Response times today"))
            + rows_table([tr("Kind"), tr("Inbound"), tr("Answered by the team"),
                          tr("Median (business)"), tr("90th percentile (business)"),
                          tr("Median (calendar)"), tr("Commitment")], time_rows,
                         numeric=(1, 2, 3, 4, 5))
        )

    def when_members_write(self, playbook: Playbook, history: str | None = None) -> str:
        """Inbound messages by weekday and hour (local), business hours outlined."""
        assert self.data is not None
        period = self.history_period(history)
        start, end = period.utc_bounds(playbook.tz)
        inbound = in_period(self.data.messages, start, end)
        inbound = inbound[inbound["inbound"]]
        if inbound.empty:
            return paragraph(tr("No inbound messages in this period."), "note")
        local = inbound["created_at"].dt.tz_convert(playbook.tz)
        grid = pd.crosstab(local.dt.day_of_week, local.dt.hour).reindex(
            index=range(7), columns=range(24), fill_value=0)
        names = [tr(day) for day in presence.WEEKDAY_NAMES]
        counts = {names[d]: [int(v) for v in grid.loc[d].tolist()] for d in range(7)}
        open_grid = {names[d]: _open_hours(playbook, WEEKDAYS[d]) for d in range(7)}
        inside = sum(counts[names[d]][h] for d in range(7) for h in range(24)
                     if open_grid[names[d]][h])
        share = fmt_number(inside / len(inbound), "ratio")
        return (charts.heatmap(counts, open_grid, title=tr("Inbound messages by weekday and hour"),
                               xlabel=tr("hour of day (local time); orange outline = business "
                                         "hours"),
                               scale_label=tr("messages per hour slot"))
                + paragraph(tr("{share} of inbound messages arrive in the planned business "
                               "hours (holidays aside).", share=share)))

    @in_playbook_language
    def holidays_ahead(self, answers: str | Path | Mapping[str, Any] | None = None,
                       edited: Mapping[str, Any] | None = None,
                       days: int = HOLIDAY_DAYS) -> Html:
        """Days the response clock stops in the coming months: public holidays and the
        team's own days off (from the answers, or the playbook)."""
        pb = self.candidate(answers, edited)
        first = dt.date.today()
        last = first + dt.timedelta(days=days)
        clock = BusinessClock(pb, first, last)
        end = last + dt.timedelta(days=1)
        names = holiday_names(pb, first, end)
        closed = [(day, names.get(day, name))
                  for day, name in clock.holidays_between(first, end).items()]
        opened = [(day, tr("{name} (open)", name=names.get(day, name)))
                  for day, name in clock.workdays_between(first, end).items()]
        rows = [[day.isoformat(), tr(WEEKDAYS[day.weekday()]), name]
                for day, name in sorted(closed + opened)]
        return Html(heading(4, tr("Holidays in the next {days} days", days=days))
                    + paragraph(tr("The business-hours clock stops on these days; plan cover "
                                   "for the busy ones. Make-up working days, marked open, "
                                   "count as working days."))
                    + rows_table([tr("Date"), tr("Day"), tr("Holiday")], rows,
                                 empty=tr("No holidays in this window.")))

    def check(self, answers: Mapping[str, Any], candidate: Playbook) -> list[str]:
        owned = {a.platform for a in candidate.accounts}
        return [
            tr("cadence/posts_per_week plans posts on {platform}, but the playbook has no "
               "{platform} account; add it under accounts first", platform=platform)
            + tr(" [key path: '{key}']", key=f"cadence/posts_per_week/{platform}")
            for platform in candidate.cadence.posts_per_week if platform not in owned
        ]


def _open_hours(playbook: Playbook, day: str) -> list[bool]:
    span = playbook.business_hours.days.get(day)  # type: ignore[call-overload]
    if span is None:
        return [False] * 24
    opens, closes = span
    return [opens <= f"{h:02d}:00" < closes for h in range(24)]


def _commitment(playbook: Playbook, kind: str) -> str:
    c = playbook.cadence.response.get(kind) or playbook.cadence.response["message"]  # type: ignore[call-overload]
    return tr("within {time} ({clock})",
              time=fmt_hours(parse_duration(c.within).total_seconds() / 3600), clock=tr(c.clock))


def holiday_names(playbook: Playbook, first: dt.date, end: dt.date) -> dict[dt.date, str]:
    """Names of the closed and make-up days in ``[first, end)`` in the current language:
    the holidays library's own translation where the country has one (China's in Chinese),
    the kit's words for the team's days off and make-up days."""
    spec = playbook.business_hours.holidays
    calendar = public_calendar(spec, range(first.year, end.year + 1))
    names: dict[dt.date, str] = {}
    if calendar is not None:
        names.update(dict.fromkeys(calendar.weekend_workdays, tr(MAKE_UP)))
        names.update({day: str(name) for day, name in in_language(calendar).items()})
    for day in spec.extra:
        if calendar is None or day not in calendar:
            names[day] = tr("team day off")
    return names


def in_language(calendar: holidays_lib.HolidayBase) -> holidays_lib.HolidayBase:
    """The same calendar (country, region, years, categories) with its names in the current
    language when the holidays library has them, else as it is."""
    local = HOLIDAY_LANGUAGES.get(language())
    if local is None or local not in calendar.supported_languages:
        return calendar
    return holidays_lib.country_holidays(
        calendar.country, subdiv=calendar.subdiv, years=calendar.years,
        categories=calendar.categories, language=local)
