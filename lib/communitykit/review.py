"""The review report's sections: what the notebook calls, one method per section."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from . import charts, metrics, periods
from . import playbook as playbook_mod
from .dataset import Dataset
from .definitions import DECISIONS, DEFINITIONS
from .errors import UserError
from .faults import checkpoint
from .findings import findings
from .html import Cell, Html, esc, fmt_date, fmt_hours, fmt_number, heading, paragraph, table
from .i18n import tr, use_language
from .metrics.catalogue import CATALOGUE, HEADLINES
from .paths import Workspace
from .periods import Period
from .report_listening import listening_html
from .store import Store

CONTENTS = (("summary", "Summary"), ("goals", "Goals"),
            ("responsiveness", "Presence and responsiveness"), ("health", "Community health"),
            ("listening", "Listening"), ("rules", "Rules and escalations"), ("voices", "Voices"),
            ("reach", "Reach and growth"),
            ("appendix", "Appendix"))
ESCALATION_CLASS = {"handled in time": "status good", "handled late": "status warn",
                    "open": "status bad"}
STATUS_CLASS = {"met": "good", "on track": "good", "at risk": "warn", "off track": "bad",
                "missed": "bad"}
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LOGO_LIMIT = 512 * 1024
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
SectionMethod = Callable[["Review"], Html]


def in_report_language(method: SectionMethod) -> SectionMethod:
    """Render a section in the playbook's language (each notebook cell is its own context)."""

    @functools.wraps(method)
    def wrapper(self: Review) -> Html:
        with use_language(self.language):
            return method(self)

    return wrapper


class Review:
    """Figures of one client and period, and the HTML of each section."""

    def __init__(self, client: str, period: Period, workspace: Workspace | None = None) -> None:
        self.workspace = workspace or Workspace.find()
        self.client = client
        self.period = period
        path = self.workspace.playbook_file(client)
        self.playbook = playbook_mod.load(path)
        self.playbook_sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        store = Store(self.workspace.store_dir(client))
        self.store_version = store.version
        self.data = Dataset.from_store(store, self.playbook)
        self.data.memo_dir = self.workspace.data_dir(client) / "cache" / "listening"
        self.figures = metrics.compute(self.data, period)
        self.language = self.playbook.client.language

    @classmethod
    def open(cls, client: str, period: str | None = None, period_from: str | None = None,
             period_to: str | None = None, workspace: str | None = None) -> Review:
        checkpoint("report:executing")
        ws = Workspace(Path(workspace)) if workspace else None
        return cls(client, periods.resolve(period, period_from, period_to), ws)

    # ---- figures -------------------------------------------------------------------------
    def cur(self, section: str) -> dict[str, Any]:
        return self.figures[section]["current"]

    def prev(self, section: str) -> dict[str, Any]:
        return self.figures[section]["previous"]

    def metrics_document(self) -> dict[str, Any]:
        return {
            "schema": "communitykit.metrics/1",
            "client": {"id": self.client, "name": self.playbook.client.name,
                       "timezone": self.playbook.client.timezone},
            **self.figures,
            "data_quality": self.data_quality(),
            "playbook": {"sha256": self.playbook_sha256, "version": self.playbook.version,
                         "last_revision": self._last_revision()},
            "store_version": self.store_version,
            "definitions": dict(DEFINITIONS),
            "decisions": dict(DECISIONS),
        }

    def save_metrics(self, path: str | Path | None) -> None:
        """Write metrics.json (the runner passes the path; None when run by hand)."""
        if path is None:
            return
        text = json.dumps(self.metrics_document(), indent=1, ensure_ascii=False, sort_keys=False)
        Path(path).write_text(text + "\n", encoding="utf-8")

    def _last_revision(self) -> str | None:
        if not self.playbook.revisions:
            return None
        r = self.playbook.revisions[-1]
        return f"{r.date} {r.step}: {r.note}".strip()

    def data_quality(self) -> dict[str, Any]:
        """Import accounts of the files behind this period and the previous one."""
        start, _ = self.period.previous().utc_bounds(self.playbook.tz)
        _, end = self.period.utc_bounds(self.playbook.tz)
        used: set[str] = set()
        for frame in (self.data.posts, self.data.messages):
            inside = (frame["created_at"] >= start) & (frame["created_at"] < end)
            used.update(frame.loc[inside, "source_file"].dropna().unique().tolist())
        d = self.data.daily
        start_day = pd.Timestamp(self.period.previous().start)
        end_day = pd.Timestamp(self.period.end)
        used.update(d[(d["date"] >= start_day) & (d["date"] < end_day)]["source_file"].dropna())
        latest: dict[str, dict[str, Any]] = {}
        for account in self.data.accounts:
            name = Path(str(account["file"])).name
            if name in used:
                latest[name] = account
        files = [latest[n] for n in sorted(latest)]
        return {
            "files": len(files),
            "rows_read": sum(int(a["rows_read"]) for a in files),
            "rows_kept": sum(int(a["kept"]) for a in files),
            "rows_duplicate": sum(int(a["duplicate"]) for a in files),
            "rows_rejected": sum(int(a["rejected"]) for a in files),
            "accounts": [
                {k: a[k] for k in ("file", "format", "rows_read", "kept", "duplicate",
                                   "rejected", "rejected_rows", "notes", "imported_at") if k in a}
                for a in files
            ],
            "excluded_as_spam": self.cur("responsiveness")["excluded_as_spam"],
        }

    # ---- sections ------------------------------------------------------------------------
    @in_report_language
    def title(self) -> Html:
        p = self.period
        last = p.end - pd.Timedelta(days=1)
        sub = " · ".join((tr("Community review"), p.label,
                          f"{fmt_date(p.start)} – {fmt_date(last)}",
                          self.playbook.client.timezone))
        links = "".join(f'<a href="#{anchor}">{esc(tr(label))}</a>'
                        for anchor, label in self.contents())
        colour = self.playbook.client.brand.colour
        style = f"<style>:root {{ --accent: {colour}; }}</style>" if colour else ""
        return Html(f'{style}<header class="report-head">{self._logo()}'
                    f'<h1>{esc(self.playbook.client.name)}</h1>'
                    f'<p class="subtitle">{esc(sub)}</p>'
                    f'<nav class="toc" aria-label="{esc(tr("Contents"))}">{links}</nav></header>')

    def contents(self) -> tuple[tuple[str, str], ...]:
        """Anchors and titles of the sections this report has."""
        return tuple((a, t) for a, t in CONTENTS if a != "listening" or "listening" in self.figures)

    def _logo(self) -> str:
        """The client's logo as an embedded image (PNG or JPEG, checked by its bytes)."""
        name = self.playbook.client.brand.logo
        if not name:
            return ""
        path = self.workspace.client_dir(self.client) / name
        if not path.is_file():
            raise UserError("the logo file does not exist", file=path)
        data = path.read_bytes()
        if len(data) > LOGO_LIMIT:
            raise UserError(f"the logo is larger than {LOGO_LIMIT // 1024} KB", file=path)
        mime = next((t for magic, t in LOGO_TYPES.items() if data.startswith(magic)), None)
        if mime is None:
            raise UserError("the logo is not a PNG or JPEG image", file=path)
        encoded = base64.b64encode(data).decode("ascii")
        return (f'<img class="logo" alt="{esc(self.playbook.client.name)}" '
                f'src="data:{mime};base64,{encoded}">')

    @in_report_language
    def summary(self) -> Html:
        tiles = []
        for metric_id in HEADLINES:
            m = CATALOGUE[metric_id]
            now = metrics.metric_value(
                {s: self.figures[s]["current"] for s in metrics.SECTIONS}, metric_id)
            before = metrics.metric_value(
                {s: self.figures[s]["previous"] for s in metrics.SECTIONS}, metric_id)
            tiles.append(_tile(tr(m.label), now, before, m.unit, m.better, m.section))
        items = "".join(
            f'<li class="finding {f.tone}"><a href="#{esc(f.section)}">{esc(f.text)}</a></li>'
            for f in findings(self.figures))
        return Html(
            heading(2, tr("Summary"), "summary")
            + self._goal_status_line()
            + f'<div class="tiles">{"".join(tiles)}</div>'
            + (f'<h3>{esc(tr("What needs attention"))}</h3><ul class="findings">{items}</ul>'
               if items else paragraph(tr("Nothing needs attention this period."), "calm"))
        )

    def _goal_status_line(self) -> str:
        goals = self.figures["goals"]
        if not goals:
            return paragraph(tr("No goals are set in the playbook."), "goal-line")
        counts: dict[str, int] = {}
        for g in goals:
            counts[g["status"]] = counts.get(g["status"], 0) + 1
        chips = "".join(
            f'<a class="chip {STATUS_CLASS.get(status, "")}" href="#goals">'
            f"{esc(tr('{n} ' + status, n=counts[status]))}</a>"
            for status in ("off track", "missed", "at risk", "on track", "met") if status in counts)
        return (f'<p class="goal-line"><span>{esc(tr("Goals"))}</span> {chips}</p>')

    def findings(self) -> list[str]:
        """The summary's findings as plain sentences (in the report language)."""
        with use_language(self.language):
            return [f.text for f in findings(self.figures)]

    @in_report_language
    def goals(self) -> Html:
        rows = [
            (tr(g["label"]) + (f" ({g['channel']})" if g["channel"] else ""),
             fmt_number(g["baseline"], g["unit"]), fmt_number(g["target"], g["unit"]),
             fmt_number(g["expected"], g["unit"]), fmt_number(g["current"], g["unit"]),
             fmt_number(g["previous"], g["unit"]), g["deadline"],
             Cell(tr(g["status"]), f"status {STATUS_CLASS.get(g['status'], '')}".strip()))
            for g in self.figures["goals"]
        ]
        markup = table([tr("Goal"), tr("Baseline"), tr("Target"), tr("Expected now"),
                        tr("This period"), tr("Previous"), tr("Deadline"), tr("Status")],
                       rows, numeric=(1, 2, 3, 4, 5))
        return Html(heading(2, tr("Goals"), "goals") + markup)

    @in_report_language
    def responsiveness(self) -> Html:
        r, p = self.cur("responsiveness"), self.prev("responsiveness")
        figures = [
            ("Inbound messages", "inbound", "count"), ("Questions", "questions", "count"),
            ("Answered by the team", "answered", "count"),
            ("Pending (not yet due)", "pending", "count"),
            ("Response rate", "response_rate", "ratio"),
            ("First response, median (business h)", "first_response_business_median_hours",
             "hours"),
            ("First response, 90th pct (business h)", "first_response_business_p90_hours",
             "hours"),
            ("First response, median (calendar h)", "first_response_calendar_median_hours",
             "hours"),
            ("First response, 90th pct (calendar h)", "first_response_calendar_p90_hours",
             "hours"),
            ("First response, mean (business h)", "first_response_business_mean_hours", "hours"),
            ("Answered within commitment", "sla_compliance", "ratio"),
            ("Missed the commitment", "sla_breaches", "count"),
            ("Answered by advocates", "answered_by_advocate", "count"),
            ("Answered only by an advocate", "answered_only_by_advocate", "count"),
            ("Answered by members (peers)", "answered_by_peer", "count"),
            ("Excluded as spam", "excluded_as_spam", "count"),
        ]
        rows = [(tr(label), fmt_number(r.get(k), u), fmt_number(p.get(k), u))
                for label, k, u in figures]
        responders = [(x["responder"], tr(x["group"]), fmt_number(x["first_answers"]),
                       fmt_hours(x["median_business_hours"])) for x in r["responders"]]
        unanswered = [(q["received"], q["platform"], q["author"], q["text"])
                      for q in r["unanswered_questions"][:15]]
        return Html(
            heading(2, tr("Presence and responsiveness"), "responsiveness")
            + heading(3, tr("Responsiveness"))
            + table([tr("Figure"), tr("This period"), tr("Previous")], rows, numeric=(1, 2))
            + heading(3, tr("Who answered first"))
            + table([tr("Responder"), tr("Group"), tr("First answers"),
                     tr("Median wait (business)")], responders, numeric=(2, 3))
            + heading(3, tr("Unanswered questions ({n}, oldest first)",
                            n=r["unanswered_question_count"]))
            + table([tr("Received (local)"), tr("Channel"), tr("Member"), tr("Message")],
                    unanswered)
        )

    @in_report_language
    def presence(self) -> Html:
        c, p = self.cur("presence"), self.prev("presence")
        channels = c["channels"]
        chart = charts.bars(
            [x["platform"] for x in channels], [x["posts"] for x in channels],
            planned=[x["planned"] for x in channels], ylabel=tr("posts in the period"),
            title=tr("Posts per channel against plan"),
        ) if channels else ""
        mix = [(x["pillar"], fmt_number(x["posts"]), fmt_number(x["actual_share"], "ratio"),
                fmt_number(x["planned_share"], "ratio"),
                _signed_pct(x["gap"])) for x in c["content_mix"]]
        heat = charts.heatmap(
            {tr(k): v for k, v in _weekday_grid(c["inbound_by_weekday_hour"]).items()},
            {tr(k): v for k, v in self._business_grid().items()},
            title=tr("When members write (inbound messages, local time)"),
            xlabel=tr("hour of day (local time); orange outline = business hours"),
            scale_label=tr("messages per hour slot"))
        facts = [
            ("Team posts", c["team_posts"], p["team_posts"], "count"),
            ("Cadence adherence", c["cadence_adherence"], p["cadence_adherence"], "ratio"),
            ("Longest silence (calendar)", c["longest_silence_calendar_hours"],
             p["longest_silence_calendar_hours"], "hours"),
            ("Longest silence (business)", c["longest_silence_business_hours"],
             p["longest_silence_business_hours"], "hours"),
            ("Inbound inside business hours", c["coverage"], p["coverage"], "ratio"),
        ]
        return Html(
            heading(3, tr("Presence and cadence"))
            + table([tr("Figure"), tr("This period"), tr("Previous")],
                    [(tr(a), fmt_number(b, u), fmt_number(d, u)) for a, b, d, u in facts],
                    numeric=(1, 2))
            + chart
            + table([tr("Channel"), tr("Posts"), tr("Planned"), tr("Adherence")],
                    [(x["platform"], fmt_number(x["posts"]), fmt_number(x["planned"]),
                      fmt_number(x["adherence"], "ratio")) for x in channels], numeric=(1, 2, 3))
            + heading(3, tr("Content mix against plan"))
            + table([tr("Pillar"), tr("Posts"), tr("Actual share"), tr("Planned share"),
                     tr("Gap")], mix, numeric=(1, 2, 3, 4))
            + heat
        )

    def _business_grid(self) -> dict[str, list[bool]]:
        days = self.playbook.business_hours.days
        grid = {}
        for short, name in zip(playbook_mod.WEEKDAYS, WEEKDAY_NAMES, strict=True):
            hours = days.get(short)
            grid[name] = [hours is not None and hours[0] <= f"{h:02d}:00" < hours[1]
                          for h in range(24)]
        return grid

    @in_report_language
    def health(self) -> Html:
        c, p = self.cur("health"), self.prev("health")
        facts = [
            ("Active members", "active_members", "count"), ("New members", "new_members", "count"),
            ("Returning members", "returning_members", "count"),
            ("Retention", "retention", "ratio"), ("Conversations", "conversations", "count"),
            ("Peer support rate", "peer_support_rate", "ratio"),
            ("Member-to-member reply share", "member_reply_share", "ratio"),
        ]
        rows = [(tr(label), fmt_number(c[k], u), fmt_number(p[k], u)) for label, k, u in facts]
        chart = charts.bars(
            [tr("active"), tr("new"), tr("returning")],
            [c["active_members"], c["new_members"], c["returning_members"]],
            previous=[p["active_members"], p["new_members"], p["returning_members"]],
            ylabel=tr("members"), title=tr("Members this period and the previous one"),
        )
        return Html(heading(2, tr("Community health"), "health")
                    + table([tr("Figure"), tr("This period"), tr("Previous")], rows,
                            numeric=(1, 2)) + chart)

    @in_report_language
    def listening(self) -> Html:
        return listening_html(self)

    @in_report_language
    def rules(self) -> Html:
        c, p = self.cur("rules"), self.prev("rules")
        prev_flags = {x["category"]: x["flags"] for x in p["by_category"]}
        categories = [(x["label"], tr(x["severity"]), fmt_number(x["flags"]),
                       fmt_number(prev_flags.get(x["category"], 0)),
                       " · ".join(e["text"] for e in x["examples"]))
                      for x in c["by_category"]]
        escalations = [(e["received"], e["platform"], e["author"], e["text"], tr(e["severity"]),
                        e["owner"], e["handle_within"], e["handled_by"],
                        fmt_hours(e["handled_after_hours"]),
                        Cell(tr(e["status"]), ESCALATION_CLASS[e["status"]]))
                       for e in c["escalation_list"]]
        summary = tr("{flags} messages broke a rule ({previous} in the previous period); "
                     "{escalations} were escalations: {in_time} handled in time, {late} late, "
                     "{open} still open.", flags=c["flags"], previous=p["flags"],
                     escalations=c["escalations"], in_time=c["escalations_handled_in_time"],
                     late=c["escalations_handled_late"], open=c["escalations_open"])
        return Html(
            heading(2, tr("Rules and escalations"), "rules") + paragraph(summary)
            + table([tr("Rule category"), tr("Severity"), tr("Flags"), tr("Previous"),
                     tr("Examples")], categories, numeric=(2, 3))
            + heading(3, tr("Escalations"))
            + table([tr("Received (local)"), tr("Channel"), tr("Member"), tr("Message"),
                     tr("Severity"), tr("Owner"), tr("Handle within"), tr("Handled by"),
                     tr("After"), tr("Status")], escalations)
        )

    @in_report_language
    def voices(self) -> Html:
        c, p = self.cur("voices"), self.prev("voices")
        rows = [(x["name"], tr(x["role"].replace("_", " ")), fmt_number(x["messages"]),
                 fmt_number(x["posts"]), fmt_number(x["conversations_started"]),
                 fmt_number(x["answers_to_questions"]), fmt_number(x["likes_earned"]),
                 x["last_active"], Cell(tr("quiet") if x["quiet"] else tr("active"),
                                        "status bad" if x["quiet"] else "status good"))
                for x in c["people"]]
        by_role = [(tr(x["role"]), fmt_number(x["people"]), fmt_number(x["messages"]),
                    fmt_number(x["answers_to_questions"]),
                    fmt_number(x["conversations_started"])) for x in c["by_role"]]
        quiet = ", ".join(c["quiet_advocates"]) or tr("none")
        share = tr("Advocates gave {n} answers, {share} of all answers ({previous} in the "
                   "previous period). Quiet advocates: {quiet}.", n=c["advocate_answers"],
                   share=fmt_number(c["advocate_share_of_answers"], "ratio"),
                   previous=fmt_number(p["advocate_share_of_answers"], "ratio"), quiet=quiet)
        return Html(
            heading(2, tr("Voices: advocates and community managers"), "voices")
            + paragraph(share)
            + table([tr("Person"), tr("Role"), tr("Messages"), tr("Posts"),
                     tr("Conversations started"), tr("Answers to questions"),
                     tr("Likes earned"), tr("Last active"), tr("This period")],
                    rows, numeric=(2, 3, 4, 5, 6))
            + heading(3, tr("By advocate role"))
            + table([tr("Role"), tr("People"), tr("Messages"), tr("Answers to questions"),
                     tr("Conversations started")], by_role, numeric=(1, 2, 3, 4))
        )

    @in_report_language
    def reach(self) -> Html:
        c, p = self.cur("reach"), self.prev("reach")
        followers = [(x["platform"], fmt_number(x["followers_start"]),
                      fmt_number(x["followers_end"]), fmt_number(x["net_change"]),
                      fmt_number(x["growth_rate"], "ratio")) for x in c["followers"]]
        channels = [(x["platform"], fmt_number(x["posts"]), fmt_number(x["impressions"]),
                     fmt_number(x["engagement"]), fmt_number(x["engagement_rate"], "ratio"))
                    for x in c["by_channel"]]
        pillars = [(x["pillar"], fmt_number(x["posts"]),
                    fmt_number(x["engagement_rate"], "ratio")) for x in c["by_pillar"]]
        top = [(x["published"], x["platform"], x["pillar"], x["text"],
                fmt_number(x["engagement"]), fmt_number(x["impressions"]))
               for x in c["top_posts"]]
        facts = [
            ("Followers (channels with totals)", c["followers_total"], p["followers_total"],
             "count"),
            ("Follower growth rate", c["follower_growth_rate"], p["follower_growth_rate"], "ratio"),
            ("Engagement rate (by impressions)", c["engagement_rate"], p["engagement_rate"],
             "ratio"),
            ("Engagement", c["engagement"], p["engagement"], "count"),
        ]
        return Html(
            heading(2, tr("Reach and growth"), "reach")
            + table([tr("Figure"), tr("This period"), tr("Previous")],
                    [(tr(a), fmt_number(b, u), fmt_number(d, u)) for a, b, d, u in facts],
                    numeric=(1, 2))
            + table([tr("Channel"), tr("Followers at start"), tr("At end"), tr("Net change"),
                     tr("Growth")], followers, numeric=(1, 2, 3, 4))
            + self._follower_chart()
            + table([tr("Channel"), tr("Posts"), tr("Impressions"), tr("Engagement"),
                     tr("Engagement rate")], channels, numeric=(1, 2, 3, 4))
            + table([tr("Pillar"), tr("Posts"), tr("Engagement rate")], pillars, numeric=(1, 2))
            + heading(3, tr("Top posts"))
            + table([tr("Published"), tr("Channel"), tr("Pillar"), tr("Text"), tr("Engagement"),
                     tr("Impressions")], top, numeric=(4, 5))
        )

    def _follower_chart(self) -> str:
        d = self.data.daily.dropna(subset=["followers"])
        start = pd.Timestamp(self.period.previous().start)
        d = d[(d["date"] >= start) & (d["date"] < pd.Timestamp(self.period.end))]
        if d.empty:
            return ""
        series = {
            str(platform): (g["date"].dt.date.tolist(), g["followers"].astype(float).tolist())
            for platform, g in d.sort_values("date").groupby("platform", sort=True)
        }
        goal = next((g for g in self.playbook.goals if g.metric == "followers"
                     and g.channel in series), None)
        return charts.line(series, ylabel=tr("followers"),
                           target=goal.target if goal else None,
                           title=tr("Followers, previous and this period"))

    @in_report_language
    def appendix(self) -> Html:
        dq = self.data_quality()
        bh = self.playbook.business_hours
        hours = ", ".join(f"{tr(d)} {o}–{c}" for d, (o, c) in bh.days.items())
        hol = bh.holidays
        region = f"{hol.country}-{hol.subdivision}" if hol.subdivision else hol.country
        holidays = (tr("public holidays of {region}", region=region) if hol.country
                    else tr("no public holidays"))
        if hol.extra:
            holidays += tr(" plus ") + ", ".join(str(d) for d in hol.extra)
        closed = sorted(d for d in self.data.clock.holidays
                        if self.period.start <= d < self.period.end)
        settings = [
            (tr("Timezone"), self.playbook.client.timezone),
            (tr("Business hours"), hours),
            (tr("Holidays"), holidays),
            (tr("Holidays in this period"), ", ".join(f"{d} ({self.data.clock.holidays[d]})"
                                                      for d in closed) or tr("none")),
            (tr("Team roles"), ", ".join(tr(r.replace("_", " "))
                                         for r in self.playbook.team_roles)),
            (tr("Response commitments"), ", ".join(
                f"{tr(k)}: {c.within} ({tr(c.clock)})"
                for k, c in self.playbook.cadence.response.items())),
            (tr("Playbook"), tr("version {v}, sha256 {sha}, last revision {rev}",
                                v=self.playbook.version, sha=self.playbook_sha256[:12],
                                rev=self._last_revision() or tr("none"))),
            (tr("Store version"), self.store_version or tr("none")),
        ]
        accounts = [(Path(str(a["file"])).name, a["format"], fmt_number(a["rows_read"]),
                     fmt_number(a["kept"]), fmt_number(a["duplicate"]),
                     fmt_number(a["rejected"])) for a in dq["accounts"]]
        rejected = [(Path(str(a["file"])).name, r["row"], r["reason"])
                    for a in dq["accounts"] for r in a["rejected_rows"][:20]]
        return Html(
            heading(2, tr("Appendix"), "appendix")
            + heading(3, tr("Settings used"))
            + table([tr("Setting"), tr("Value")], settings)
            + heading(3, tr("Definitions"))
            + table([tr("Figure"), tr("Definition")], [(tr(a), tr(b)) for a, b in DEFINITIONS])
            + heading(3, tr("Decisions where the definitions leave a choice"))
            + table([tr("Decision"), tr("What the kit does")],
                    [(tr(a), tr(b)) for a, b in DECISIONS])
            + heading(3, tr("Data quality"))
            + paragraph(tr("{files} files behind this period and the previous one: {read} rows "
                           "read, {kept} kept, {dup} duplicates removed, {rejected} rejected; "
                           "{spam} messages excluded as spam.", files=dq["files"],
                           read=fmt_number(dq["rows_read"]), kept=fmt_number(dq["rows_kept"]),
                           dup=fmt_number(dq["rows_duplicate"]),
                           rejected=fmt_number(dq["rows_rejected"]),
                           spam=fmt_number(dq["excluded_as_spam"])))
            + table([tr("File"), tr("Format"), tr("Read"), tr("Kept"), tr("Duplicate"),
                     tr("Rejected")], accounts, numeric=(2, 3, 4, 5))
            + (heading(3, tr("Rejected rows"))
               + table([tr("File"), tr("Row"), tr("Reason")], rejected) if rejected else "")
        )


def _weekday_grid(grid: dict[str, list[int]]) -> dict[str, list[int]]:
    """The metrics' weekday keys (Mon..Sun) in order."""
    return {name: grid[name] for name in WEEKDAY_NAMES if name in grid}


def _signed_pct(value: float | None) -> str:
    if value is None:
        return "–"
    return tr("{pts} pts", pts=f"{value * 100:+.1f}")


def _tile(label: str, now: float | None, before: float | None, unit: str, better: str,
          section: str) -> str:
    """A headline figure with its change, coloured by whether the change is good."""
    delta = metrics.change(now, before)
    if delta is None or delta == 0:
        cls, arrow = "flat", ""
        text = tr("no change") if delta == 0 else tr("no previous figure")
    else:
        good = (delta > 0) == (better == "up")
        cls = "good" if good else "bad"
        arrow = "▲" if delta > 0 else "▼"
        text = (tr("{pts} pts", pts=f"{delta * 100:+.1f}") if unit == "ratio"
                else ("+" if delta > 0 else "−") + fmt_number(abs(delta), unit))
    verdict = {"good": tr("better"), "bad": tr("worse"), "flat": ""}[cls]
    return (f'<a class="tile" href="#{esc(section)}"><span class="tile-label">{esc(label)}</span>'
            f'<span class="tile-value">{esc(fmt_number(now, unit))}</span>'
            f'<span class="tile-change {cls}" title="{esc(verdict)}">{esc(arrow)} {esc(text)} '
            + (f'<span class="vs">{esc(tr("vs {before}", before=fmt_number(before, unit)))}</span>'
               if before is not None else "")
            + "</span></a>")
