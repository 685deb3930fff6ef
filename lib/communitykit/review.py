"""The review report's sections: what the notebook calls, one method per section."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import charts, classify, fonts, metrics, periods
from . import playbook as playbook_mod
from .catalogue import CATALOGUE, HEADLINES
from .cells import safe_row
from .definitions import DECISIONS, DEFINITIONS
from .errors import UserError
from .faults import checkpoint
from .findings import (
    MOVERS,
    coverage_gaps,
    findings,
    metric_label,
    partly_covered,
    thin,
    thin_note,
    uncovered,
)
from .html import (
    Cell,
    Html,
    Name,
    esc,
    fmt_date,
    fmt_hours,
    fmt_number,
    fmt_points,
    heading,
    name_tooltip,
    paragraph,
    short_name,
    table,
)
from .i18n import tr, use_language
from .paths import Workspace
from .periods import Period
from .report_listening import REQUESTS_CSV, listening_html

CONTENTS = (("summary", "Summary"), ("goals", "Goals"),
            ("responsiveness", "Presence and responsiveness"), ("health", "Community health"),
            ("listening", "Listening"), ("rules", "Rules and escalations"), ("voices", "Voices"),
            ("reach", "Reach and growth"),
            ("appendix", "Appendix"))
ESCALATION_CLASS = {"handled in time": "status good", "handled late": "status warn",
                    "open": "status bad"}
STATUS_CLASS = {"met": "good", "on track": "good", "at risk": "warn", "off track": "bad",
                "missed": "bad", "not started": "idle not-started", "partial data": "idle",
                "no data": "idle", "no baseline": "idle"}
# The goal line's chips, most urgent first.
STATUS_ORDER = ("off track", "missed", "at risk", "on track", "met", "partial data",
                "not started", "no data", "no baseline")
# Lists longer than this show their first rows and say how many more there are.
LIST_ROWS = 15
REJECTED_ROWS = 20
# Files written beside metrics.json (and so beside report.html): every row of a cut list.
UNANSWERED_CSV = "unanswered-questions.csv"
REJECTED_CSV = "rejected-rows.csv"
# A spreadsheet reads a cell starting with one of these as a formula.
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# The client's name in the report's heading is cut past this many characters.
CLIENT_NAME_CHARS = 120
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

    lists_folder: Path | None = None  # where save_metrics wrote the full lists

    def __init__(self, client: str, period: Period, workspace: Workspace | None = None) -> None:
        self.workspace = workspace or Workspace.find()
        self.client = client
        self.period = period
        handle = self.workspace.client(client)
        self.playbook = handle.playbook
        self.playbook_sha256 = hashlib.sha256(handle.playbook_file.read_bytes()).hexdigest()
        self.store_version = handle.store.version
        self.data = handle.dataset()
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
        """Write metrics.json, and beside it the CSV files of the lists the report cuts
        (the runner passes the path, in the folder that becomes the report's; None when
        run by hand)."""
        if path is None:
            return
        document = self.metrics_document()
        text = json.dumps(document, indent=1, ensure_ascii=False, sort_keys=False)
        Path(path).write_text(text + "\n", encoding="utf-8")
        self.write_lists(Path(path).parent, document["data_quality"])

    def write_lists(self, folder: Path, dq: dict[str, Any]) -> None:
        """Every unanswered question and every rejected row, as CSV for a spreadsheet."""
        questions = self.cur("responsiveness")["unanswered_questions"]
        write_csv(folder / UNANSWERED_CSV, ("received", "channel", "member", "message"),
                  [(q["received"], q["platform"], q["author"], q["text"]) for q in questions])
        write_csv(folder / REJECTED_CSV, ("file", "row", "reason"),
                  [(Path(str(a["file"])).name, r["row"], r["reason"]) for a in dq["accounts"]
                   for r in a["rejected_rows"]])
        register = (self.figures.get("listening") or {}).get("current", {}).get(
            "request_register") or []
        write_csv(folder / REQUESTS_CSV, ("requested", "owner", "members", "messages",
                                          "first_seen", "last_seen", "previous", "trend",
                                          "asked_as", "examples"),
                  [(x["item"], x["owner"], x["members"], x["messages"], x["first_seen"],
                    x["last_seen"], x["previous"], x["trend"], " | ".join(x["asked_as"]),
                    " | ".join(e["text"] for e in x["examples"])) for x in register])
        self.lists_folder = folder

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
        files = [self._shareable(latest[n]) for n in sorted(latest)]
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
            "texts_cut_for_analysis": self._texts_cut_for_analysis(),
        }

    def _texts_cut_for_analysis(self) -> int:
        """Messages of this period whose text is longer than the analysed opening."""
        start, end = self.period.utc_bounds(self.playbook.tz)
        m = self.data.messages
        inside = (m["created_at"] >= start) & (m["created_at"] < end)
        return int(classify.cut_for_analysis(m.loc[inside, "text"]).sum())

    def _shareable(self, account: dict[str, Any]) -> dict[str, Any]:
        """An import account as a report carries it: the file relative to the workspace
        (or by its name), never the absolute path the store holds."""
        roots = {str(self.workspace.root), str(self.workspace.root.resolve())}
        return {**account,
                "file": shared_path(account["file"], self.workspace.root),
                "notes": [unrooted(str(n), roots) for n in account.get("notes") or []],
                "rejected_rows": [{**r, "reason": unrooted(str(r["reason"]), roots)}
                                  for r in account.get("rejected_rows") or []]}

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
        name = self.playbook.client.name
        return Html(f'{style}<header class="report-head">{self._logo()}'
                    f'<h1{name_tooltip(name, CLIENT_NAME_CHARS)}>'
                    f"{esc(short_name(name, CLIENT_NAME_CHARS))}</h1>"
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
        try:
            with path.open("rb") as logo:
                data = logo.read(LOGO_LIMIT + 1)  # a larger file is refused unread
        except OSError as exc:
            raise UserError(f"the logo cannot be read ({exc.strerror or 'read error'})",
                            file=path) from None
        if len(data) > LOGO_LIMIT:
            raise UserError(f"the logo is larger than {LOGO_LIMIT // 1024} KB", file=path)
        mime = next((t for magic, t in LOGO_TYPES.items() if data.startswith(magic)), None)
        if mime is None:
            raise UserError("the logo is not a PNG or JPEG image", file=path)
        encoded = base64.b64encode(data).decode("ascii")
        alt = short_name(self.playbook.client.name, CLIENT_NAME_CHARS)
        return (f'<img class="logo" alt="{esc(alt)}" '
                f'src="data:{mime};base64,{encoded}">')

    @in_report_language
    def summary(self) -> Html:
        items = "".join(
            f'<li class="finding {f.tone}"><a href="#{esc(f.section)}">{esc(f.text)}</a></li>'
            for f in findings(self.figures))
        return Html(
            heading(2, tr("Summary"), "summary")
            + self._goal_status_line()
            + "".join(paragraph(note, "data-note") for note in self.summary_notes())
            + f'<div class="tiles">{"".join(self._tiles())}</div>'
            + (f'<h3>{esc(tr("What needs attention"))}</h3><ul class="findings">{items}</ul>'
               if items else paragraph(tr("Nothing needs attention this period."), "calm"))
        )

    def _tiles(self) -> list[str]:
        """The headline tiles; a change against a partly covered period is marked."""
        now_figures = {s: self.figures[s]["current"] for s in metrics.SECTIONS}
        before_figures = {s: self.figures[s]["previous"] for s in metrics.SECTIONS}
        coverage = Coverage(partly_covered(self.figures, "current"),
                            partly_covered(self.figures, "previous"),
                            uncovered(self.figures, "previous"))
        tiles = []
        for metric_id in HEADLINES:
            m = CATALOGUE[metric_id]
            tiles.append(_tile(tr(metric_label(self.figures, metric_id)),
                               metrics.metric_value(now_figures, metric_id),
                               metrics.metric_value(before_figures, metric_id), m.unit,
                               m.better, m.section, coverage,
                               little_data=thin(self.figures, metric_id)))
        return tiles

    def summary_notes(self) -> list[str]:
        """Plain sentences about the data behind the figures: periods the data covers only
        in part, changes resting on too little data, and what became of the previous
        period's pending messages."""
        notes = []
        if partly_covered(self.figures, "current"):
            notes.append(tr("The data covers this period only in part ({gaps}): days without "
                            "data are missing, not zero.",
                            gaps=coverage_gaps(self.figures, "current")))
        if uncovered(self.figures, "previous"):
            notes.append(tr("The data has no day of the previous period: there is nothing to "
                            "compare this period with."))
        elif partly_covered(self.figures, "previous"):
            notes.append(tr("The data covers the previous period only in part ({gaps}): "
                            "changes against it are marked as such.",
                            gaps=coverage_gaps(self.figures, "previous")))
        if not uncovered(self.figures, "previous"):
            notes.append(thin_note(self.figures, (*HEADLINES, *MOVERS)) or "")
        pending = self.cur("responsiveness").get("previous_pending") or {}
        if pending.get("messages"):
            notes.append(tr("Messages pending at the end of the previous period: {n}. Since "
                            "then: answered in time {in_time}, answered late {late}, still "
                            "unanswered {open}.", n=fmt_number(pending["messages"]),
                            in_time=fmt_number(pending.get("answered_in_time", 0)),
                            late=fmt_number(pending.get("answered_late", 0)),
                            open=fmt_number(pending.get("unanswered", 0))))
        return [n for n in notes if n]

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
            for status in (*STATUS_ORDER, *sorted(set(counts) - set(STATUS_ORDER)))
            if status in counts)
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
            (tr("Inbound messages"), "inbound", "count"), (tr("Questions"), "questions", "count"),
            (tr("Answered by the team"), "answered", "count"),
            (tr("Pending (not yet due)"), "pending", "count"),
            (tr("Response rate"), "response_rate", "ratio"),
            (tr("First response, median (business h)"), "first_response_business_median_hours",
             "hours"),
            (tr("First response, 90th pct (business h)"), "first_response_business_p90_hours",
             "hours"),
            (tr("First response, median (calendar h)"), "first_response_calendar_median_hours",
             "hours"),
            (tr("First response, 90th pct (calendar h)"), "first_response_calendar_p90_hours",
             "hours"),
            (tr("First response, mean (business h)"), "first_response_business_mean_hours",
             "hours"),
            (tr("Answered within commitment"), "sla_compliance", "ratio"),
            (tr("Missed the commitment"), "sla_breaches", "count"),
            (tr("Answered by advocates"), "answered_by_advocate", "count"),
            (tr("Answered only by an advocate"), "answered_only_by_advocate", "count"),
            (tr("Answered by members (peers)"), "answered_by_peer", "count"),
            (tr("Excluded as spam"), "excluded_as_spam", "count"),
        ]
        rows = [(label, fmt_number(r.get(k), u), fmt_number(p.get(k), u))
                for label, k, u in figures]
        return Html(
            heading(2, tr("Presence and responsiveness"), "responsiveness")
            + heading(3, tr("Responsiveness"))
            + table([tr("Figure"), tr("This period"), tr("Previous")], rows, numeric=(1, 2))
            + self._channel_responsiveness()
            + self._responders()
            + self._unanswered()
        )

    def _channel_responsiveness(self) -> str:
        """Responsiveness per channel; a channel without team activity is not measured."""
        r = self.cur("responsiveness")
        unmeasured = set(r.get("channels_without_team") or [])
        rows = []
        for platform, x in sorted((r.get("by_platform") or {}).items()):
            counts = (platform, fmt_number(x.get("inbound")), fmt_number(x.get("answered")),
                      fmt_number(x.get("pending")))
            if platform in unmeasured:
                rows.append((*counts, Cell(tr("not measured: no team activity in the data"),
                                           "status bad"), "", "", "", "", ""))
                continue
            rows.append((*counts, fmt_number(x.get("response_rate"), "ratio"),
                         *(fmt_hours(x.get(f"first_response_{clock}_{stat}_hours"))
                           for clock in ("business", "calendar") for stat in ("median", "p90")),
                         fmt_number(x.get("sla_compliance"), "ratio")))
        return (heading(3, tr("Responsiveness by channel"))
                + table([tr("Channel"), tr("Inbound"), tr("Answered"), tr("Pending"),
                         tr("Response rate"), tr("Median (business h)"),
                         tr("90th pct (business h)"), tr("Median (calendar h)"),
                         tr("90th pct (calendar h)"), tr("Within commitment")],
                        rows, numeric=tuple(range(1, 10))))

    def _responders(self) -> str:
        """First answers per team member and advocate, with their waits on both clocks."""
        rows = [(Name(x["responder"]), tr(x["group"]), fmt_number(x["first_answers"]),
                 fmt_hours(x.get("median_business_hours")), fmt_hours(x.get("p90_business_hours")),
                 fmt_hours(x.get("median_calendar_hours")), fmt_hours(x.get("p90_calendar_hours")),
                 fmt_number(x.get("outside_business_hours_share"), "ratio"))
                for x in self.cur("responsiveness")["responders"]]
        return (heading(3, tr("First answers by person"))
                + table([tr("Responder"), tr("Group"), tr("First answers"),
                         tr("Median wait (business h)"), tr("90th pct wait (business h)"),
                         tr("Median wait (calendar h)"), tr("90th pct wait (calendar h)"),
                         tr("Answered outside business hours")],
                        rows, numeric=tuple(range(2, 8)),
                        caption=tr("A message's first answer by the team and its first answer "
                                   "by an advocate are each credited to the person who gave "
                                   "it; waits are from the message to that answer.")))

    def _unanswered(self) -> str:
        r = self.cur("responsiveness")
        questions = r["unanswered_questions"]
        total = r.get("unanswered_question_count", len(questions))
        rows = [(q["received"], q["platform"], Name(q["author"]), q["text"])
                for q in questions[:LIST_ROWS]]
        return (heading(3, tr("Unanswered questions ({n}, oldest first)", n=total))
                + table([tr("Received (local)"), tr("Channel"), tr("Member"), tr("Message")],
                        rows)
                + self.more_line(max(total, len(questions)) - len(rows), UNANSWERED_CSV))

    def more_line(self, hidden: int, csv_name: str | None = None) -> str:
        """The line under a cut list: how many rows are not shown, and where they are."""
        if hidden <= 0:
            return ""
        if csv_name and self.lists_folder is not None:
            text = tr("… and {n} more: all of them are in {file} beside this report.",
                      n=fmt_number(hidden), file=csv_name)
        else:
            text = tr("… and {n} more.", n=fmt_number(hidden))
        return paragraph(text, "more")

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
            (tr("Team posts"), c["team_posts"], p["team_posts"], "count"),
            (tr("Cadence adherence"), c["cadence_adherence"], p["cadence_adherence"], "ratio"),
            (tr("Longest silence (calendar)"), c["longest_silence_calendar_hours"],
             p["longest_silence_calendar_hours"], "hours"),
            (tr("Longest silence (business)"), c["longest_silence_business_hours"],
             p["longest_silence_business_hours"], "hours"),
            (tr("Inbound inside business hours"), c["coverage"], p["coverage"], "ratio"),
        ]
        return Html(
            heading(3, tr("Presence and cadence"))
            + table([tr("Figure"), tr("This period"), tr("Previous")],
                    [(a, fmt_number(b, u), fmt_number(d, u)) for a, b, d, u in facts],
                    numeric=(1, 2))
            + chart
            + table([tr("Channel"), tr("Posts"), tr("Planned"), tr("Adherence")],
                    [(x["platform"], fmt_number(x["posts"]), fmt_number(x["planned"], "planned"),
                      fmt_number(x["adherence"], "ratio")) for x in channels], numeric=(1, 2, 3),
                    caption=tr("Planned: the playbook's posts per week, pro rata for partial "
                               "weeks."))
            + heading(3, tr("Content mix against plan"))
            + table([tr("Pillar"), tr("Posts"), tr("Actual share"), tr("Planned share"),
                     tr("Gap")], mix, numeric=(1, 2, 3, 4))
            + self._mix_by_channel()
            + heat
        )

    def _mix_by_channel(self) -> str:
        """Team posts by pillar and channel (absent from older figures)."""
        mix = self.cur("presence").get("content_mix_by_channel")
        if mix is None:
            return ""
        channels = sorted({x["platform"] for x in mix})
        pillars = list(dict.fromkeys(x["pillar"] for x in mix))
        posts = {(x["platform"], x["pillar"]): x["posts"] for x in mix}
        rows = [(pillar, *(fmt_number(posts.get((c, pillar), 0)) for c in channels),
                 fmt_number(sum(posts.get((c, pillar), 0) for c in channels)))
                for pillar in pillars]
        return (heading(3, tr("Posts by pillar and channel"))
                + table([tr("Pillar"), *channels, tr("All channels")], rows,
                        numeric=tuple(range(1, len(channels) + 2))))

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
            (tr("Active members"), "active_members", "count"),
            (tr("New members"), "new_members", "count"),
            (tr("Returning members"), "returning_members", "count"),
            (tr("Retention"), "retention", "ratio"),
            (tr("Conversations"), "conversations", "count"),
            (tr("Peer support rate"), "peer_support_rate", "ratio"),
            (tr("Member-to-member reply share"), "member_reply_share", "ratio"),
        ]
        rows = [(label, fmt_number(c[k], u), fmt_number(p[k], u)) for label, k, u in facts]
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
                       fmt_number(prev_flags.get(x["category"], 0)), _examples(x))
                      for x in c["by_category"]]
        escalations = [(e["received"], e["platform"], Name(e["author"]), e["text"],
                        tr(e["severity"]), e["owner"], e["handle_within"],
                        Name(e["handled_by"]),
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
        rows = [(Name(x["name"]), tr(x["role"].replace("_", " ")), fmt_number(x["messages"]),
                 fmt_number(x["posts"]), fmt_number(x["conversations_started"]),
                 fmt_number(x["answers_to_questions"]), fmt_number(x["likes_earned"]),
                 x["last_active"], Cell(tr("quiet") if x["quiet"] else tr("active"),
                                        "status bad" if x["quiet"] else "status good"))
                for x in c["people"]]
        by_role = [(tr(x["role"]), fmt_number(x["people"]), fmt_number(x["messages"]),
                    fmt_number(x["answers_to_questions"]),
                    fmt_number(x["conversations_started"])) for x in c["by_role"]]
        quiet = ", ".join(map(short_name, c["quiet_advocates"])) or tr("none")
        share = tr("Advocates answered {n} inbound messages: {share} of the answers to inbound "
                   "messages by anyone (team, advocates, members), a message answered by "
                   "several groups counting once for each ({previous} in the previous period). "
                   "Quiet advocates: {quiet}.", n=fmt_number(c["advocate_answers"]),
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
            (tr("Followers (channels with totals)"), c["followers_total"], p["followers_total"],
             "count"),
            (tr("Follower growth rate"), c["follower_growth_rate"], p["follower_growth_rate"],
             "ratio"),
            (tr(metric_label(self.figures, "engagement_rate")), c["engagement_rate"],
             p["engagement_rate"], "ratio"),
            (tr("Engagement"), c["engagement"], p["engagement"], "count"),
        ]
        return Html(
            heading(2, tr("Reach and growth"), "reach")
            + table([tr("Figure"), tr("This period"), tr("Previous")],
                    [(a, fmt_number(b, u), fmt_number(d, u)) for a, b, d, u in facts],
                    numeric=(1, 2))
            + table([tr("Channel"), tr("Followers at start"), tr("At end"), tr("Net change"),
                     tr("Growth")], followers, numeric=(1, 2, 3, 4))
            + self._follower_chart()
            + table([tr("Channel"), tr("Posts"), tr("Impressions"), tr("Engagement"),
                     tr("Engagement rate")], channels, numeric=(1, 2, 3, 4))
            + table([tr("Pillar"), tr("Posts with impressions"), tr("Engagement rate")],
                    pillars, numeric=(1, 2))
            + paragraph(tr("Posts in the post exports that carry impressions; announcements "
                           "on chat platforms have none, so the content mix counts more."),
                        "note")
            + heading(3, tr("Top {n} posts by engagement", n=len(top)) if top
                      else tr("Top posts"))
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
        rejected = [(Path(str(a["file"])).name, r["row"], r["reason"])
                    for a in dq["accounts"] for r in a["rejected_rows"]]
        return Html(
            heading(2, tr("Appendix"), "appendix")
            + heading(3, tr("Settings used"))
            + table([tr("Setting"), tr("Value")], self._settings())
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
            + self._data_notes()
            + table([tr("File"), tr("Format"), tr("Read"), tr("Kept"), tr("Duplicate"),
                     tr("Rejected")], self._accounts(dq), numeric=(2, 3, 4, 5))
            + self._coverage_table()
            + (heading(3, tr("Rejected rows"))
               + table([tr("File"), tr("Row"), tr("Reason")], rejected[:REJECTED_ROWS])
               + self.more_line(len(rejected) - REJECTED_ROWS, REJECTED_CSV) if rejected else "")
        )

    @staticmethod
    def _accounts(dq: dict[str, Any]) -> list[tuple[object, ...]]:
        return [(Path(str(a["file"])).name, a["format"], fmt_number(a["rows_read"]),
                 fmt_number(a["kept"]), fmt_number(a["duplicate"]), fmt_number(a["rejected"]))
                for a in dq["accounts"]]

    def _data_notes(self) -> str:
        """Replies stored before their parent, and channels whose figures are not measured."""
        r = self.cur("responsiveness")
        notes = []
        if r.get("replies_before_parent"):
            notes.append(tr("{n} replies are stored as written before the message they answer "
                            "(local times that occur twice when clocks go back): they answer "
                            "nothing and are left out of the response figures.",
                            n=fmt_number(r["replies_before_parent"])))
        cut = self.data_quality().get("texts_cut_for_analysis")
        if cut:
            notes.append(tr("{n} message texts are longer than {limit} characters: only their "
                            "first {limit} characters are analysed (listening, rules, questions); "
                            "the whole text is kept and shown.", n=fmt_number(cut),
                            limit=fmt_number(classify.ANALYSIS_CHARS)))
        if r.get("channels_without_team"):
            notes.append(tr("Channels with inbound messages and no team activity in the data, "
                            "left out of the response figures: {channels}.",
                            channels=", ".join(r["channels_without_team"])))
        return "".join(paragraph(n) for n in notes)

    def _coverage_table(self) -> str:
        """First and last day with data per channel (absent from older figures)."""
        channels = (self.figures.get("coverage") or {}).get("channels")
        if not channels:
            return ""
        return (heading(3, tr("Data coverage"))
                + table([tr("Channel"), tr("First day with data"), tr("Last day with data")],
                        [(c["platform"], _day(c.get("first_day")), _day(c.get("last_day")))
                         for c in channels]))

    def _settings(self) -> list[tuple[str, str]]:
        bh = self.playbook.business_hours
        hours = ", ".join(f"{tr(d)} {o}–{c}" for d, (o, c) in bh.days.items())
        return [
            (tr("Timezone"), self.playbook.client.timezone),
            (tr("Business hours"), hours),
            (tr("Holidays"), self._holiday_rule()),
            (tr("Holidays in this period"), ", ".join(
                f"{d} ({name})" for d, name in self._days_in_period("holidays").items())
             or tr("none")),
            (tr("Make-up working days in this period"),
             ", ".join(str(d) for d in self._days_in_period("workdays")) or tr("none")),
            (tr("Team roles"), ", ".join(tr(r.replace("_", " "))
                                         for r in self.playbook.team_roles)),
            (tr("Response commitments"), ", ".join(
                f"{tr(k)}: {c.within} ({tr(c.clock)})"
                for k, c in self.playbook.cadence.response.items())),
            (tr("Playbook"), tr("version {v}, sha256 {sha}, last revision {rev}",
                                v=self.playbook.version, sha=self.playbook_sha256[:12],
                                rev=self._last_revision() or tr("none"))),
            (tr("Store version"), self.store_version or tr("none")),
            (tr("Chart font"), fonts.chart_font_note()),
        ]

    def _holiday_rule(self) -> str:
        """Which public holidays close the team (country, region when asked, categories)."""
        hol = self.playbook.business_hours.holidays
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

    def _days_in_period(self, kind: str) -> dict[dt.date, str]:
        """The clock's closed days (``holidays``) or opened make-up working days
        (``workdays``) in the period, through the clock's own span when it has one."""
        clock = self.data.clock
        start, end = self.period.start, self.period.end
        between = getattr(clock, f"{kind}_between", None)
        days: dict[dt.date, str] = (between(start, end) if between is not None
                                    else getattr(clock, kind, None) or {})
        return {d: days[d] for d in sorted(days) if start <= d < end}


def shared_path(file: object, root: Path) -> str:
    """An imported file's path as a report names it: relative to the workspace ``root``
    when the file is inside it, else its name alone."""
    path = Path(str(file))
    if not path.is_absolute():
        return path.name if ".." in path.parts else path.as_posix()
    for base in (root, root.resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.name


def unrooted(text: str, roots: set[str]) -> str:
    """``text`` with the workspace's absolute folder left out of the paths it names."""
    for root in sorted(roots, key=len, reverse=True):
        text = text.replace(os.path.join(root, ""), "")
    return text


def write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """A CSV that Excel opens as UTF-8 (byte order mark); text cells are kept from being
    read as formulas."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(safe_row(list(row)) for row in rows)


def _day(value: str | None) -> str:
    return fmt_date(dt.date.fromisoformat(value)) if value else "–"


def _examples(category: dict[str, Any]) -> str:
    """A rule category's example messages, saying how many flags they leave out."""
    texts = [e["text"] for e in category["examples"]]
    hidden = int(category["flags"]) - len(texts)
    if hidden > 0:
        texts.append(tr("and {n} more", n=fmt_number(hidden)))
    return " · ".join(texts)


def _weekday_grid(grid: dict[str, list[int]]) -> dict[str, list[int]]:
    """The metrics' weekday keys (Mon..Sun) in order."""
    return {name: grid[name] for name in WEEKDAY_NAMES if name in grid}


def _signed_pct(value: float | None) -> str:
    if value is None:
        return "–"
    return tr("{pts} pts", pts=fmt_points(value))


@dataclass(frozen=True)
class Coverage:
    """Whether the data covers the current and the previous period only in part."""

    current_partial: bool = False
    previous_partial: bool = False
    previous_missing: bool = False  # no day of the previous period has data


def _tile(label: str, now: float | None, before: float | None, unit: str, better: str,
          section: str, coverage: Coverage = Coverage(), *, little_data: bool = False) -> str:
    """A headline figure with its change, coloured by whether the change is good.

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
    return (f'<a class="tile" href="#{esc(section)}"><span class="tile-label">{esc(label)}</span>'
            f'<span class="tile-value">{esc(fmt_number(now, unit))}</span>'
            f'<span class="tile-change {cls}" title="{esc(verdict)}">{esc(arrow)} {esc(text)} '
            + (f'<span class="vs">{esc(vs)}</span>' if vs else "")
            + "</span></a>")
