"""The review report's sections: what the notebook calls, one method per section."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd

from . import charts, metrics, periods
from . import playbook as playbook_mod
from .dataset import Dataset
from .definitions import DECISIONS, DEFINITIONS
from .html import Cell, Html, esc, fmt_hours, fmt_number, heading, paragraph, table
from .metrics.catalogue import CATALOGUE
from .paths import Workspace
from .periods import Period
from .store import Store

HEADLINES = (
    "response_rate",
    "first_response_business_median_hours",
    "sla_compliance",
    "active_members",
    "followers",
    "engagement_rate",
)
CONTENTS = (("summary", "Summary"), ("goals", "Goals"),
            ("responsiveness", "Presence and responsiveness"), ("health", "Community health"),
            ("rules", "Rules and escalations"), ("voices", "Voices"),
            ("reach", "Reach and growth"),
            ("appendix", "Appendix"))
ESCALATION_CLASS = {"handled in time": "status good", "handled late": "status warn",
                    "open": "status bad"}
STATUS_CLASS = {"met": "good", "on track": "good", "at risk": "warn", "off track": "bad",
                "missed": "bad"}


def resolve_period(period: str | None, period_from: str | None, period_to: str | None) -> Period:
    if period:
        return periods.parse(period)
    if period_from and period_to:
        return periods.custom(periods.parse_date(period_from, "--from"),
                              periods.parse_date(period_to, "--to"))
    raise ValueError("give a period or both --from and --to")


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
        self.figures = metrics.compute(self.data, period)

    @classmethod
    def open(cls, client: str, period: str | None = None, period_from: str | None = None,
             period_to: str | None = None, workspace: str | None = None) -> Review:
        ws = Workspace(Path(workspace)) if workspace else None
        return cls(client, resolve_period(period, period_from, period_to), ws)

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
    def title(self) -> Html:
        p = self.period
        sub = f"Community review · {p.label} · {p.describe()} · {self.playbook.client.timezone}"
        links = "".join(f'<a href="#{anchor}">{esc(label)}</a>' for anchor, label in CONTENTS)
        return Html(f'<header class="report-head"><h1>{esc(self.playbook.client.name)}</h1>'
                    f'<p class="subtitle">{esc(sub)}</p>'
                    f'<nav class="toc" aria-label="Contents">{links}</nav></header>')

    def summary(self) -> Html:
        tiles = []
        for metric_id in HEADLINES:
            m = CATALOGUE[metric_id]
            now = metrics.metric_value(
                {s: self.figures[s]["current"] for s in metrics.SECTIONS}, metric_id)
            before = metrics.metric_value(
                {s: self.figures[s]["previous"] for s in metrics.SECTIONS}, metric_id)
            tiles.append(_tile(m.label, now, before, m.unit, m.better))
        findings = [f"<li>{esc(s)}</li>" for s in self.findings()]
        return Html(
            heading(2, "Summary", "summary")
            + f'<div class="tiles">{"".join(tiles)}</div>'
            + ('<ul class="findings">' + "".join(findings) + "</ul>" if findings else "")
        )

    def findings(self) -> list[str]:
        """Plain sentences about what needs attention, from the figures."""
        out = []
        for g in self.figures["goals"]:
            if g["status"] in ("off track", "at risk", "missed"):
                out.append(f"Goal '{g['label']}' is {g['status']}: "
                           f"{fmt_number(g['current'], g['unit'])} against a target of "
                           f"{fmt_number(g['target'], g['unit'])}.")
        r = self.cur("responsiveness")
        if r["unanswered_question_count"]:
            out.append(f"{r['unanswered_question_count']} member questions from this period "
                       "have no answer from anyone.")
        quiet = self.cur("voices")["quiet_advocates"]
        if quiet:
            out.append(f"Quiet advocates this period: {', '.join(quiet)}.")
        rules = self.cur("rules")
        if rules["escalations_open"]:
            out.append(f"{rules['escalations_open']} escalations are still open: see Rules "
                       "and escalations.")
        if r["sla_compliance"] is not None and r["sla_compliance"] < 0.9:
            out.append(f"{fmt_number(r['sla_compliance'], 'ratio')} of due messages were "
                       "answered within the committed time.")
        return out[:6]

    def goals(self) -> Html:
        rows = [
            (g["label"] + (f" ({g['channel']})" if g["channel"] else ""),
             fmt_number(g["baseline"], g["unit"]), fmt_number(g["target"], g["unit"]),
             fmt_number(g["expected"], g["unit"]), fmt_number(g["current"], g["unit"]),
             fmt_number(g["previous"], g["unit"]), g["deadline"],
             Cell(g["status"], f"status {STATUS_CLASS.get(g['status'], '')}".strip()))
            for g in self.figures["goals"]
        ]
        markup = table(["Goal", "Baseline", "Target", "Expected now", "This period",
                        "Previous", "Deadline", "Status"], rows, numeric=(1, 2, 3, 4, 5))
        return Html(heading(2, "Goals", "goals") + markup)

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
            ("Answered by advocates", "answered_by_advocate", "count"),
            ("Answered only by an advocate", "answered_only_by_advocate", "count"),
            ("Answered by members (peers)", "answered_by_peer", "count"),
            ("Excluded as spam", "excluded_as_spam", "count"),
        ]
        rows = [(label, fmt_number(r[k], u), fmt_number(p[k], u)) for label, k, u in figures]
        responders = [(x["responder"], x["group"], x["first_answers"],
                       fmt_hours(x["median_business_hours"])) for x in r["responders"]]
        unanswered = [(q["received"], q["platform"], q["author"], q["text"])
                      for q in r["unanswered_questions"][:15]]
        return Html(
            heading(2, "Presence and responsiveness", "responsiveness")
            + heading(3, "Responsiveness")
            + table(["Figure", "This period", "Previous"], rows, numeric=(1, 2))
            + heading(3, "Who answered first")
            + table(["Responder", "Group", "First answers", "Median wait (business)"],
                    responders, numeric=(2, 3))
            + heading(3, f"Unanswered questions ({r['unanswered_question_count']}, oldest first)")
            + table(["Received (local)", "Channel", "Member", "Message"], unanswered)
        )

    def presence(self) -> Html:
        c, p = self.cur("presence"), self.prev("presence")
        channels = c["channels"]
        chart = charts.bars(
            [x["platform"] for x in channels], [x["posts"] for x in channels],
            planned=[x["planned"] for x in channels], ylabel="posts in the period",
            title="Posts per channel against plan",
        ) if channels else ""
        mix = [(x["pillar"], x["posts"], fmt_number(x["actual_share"], "ratio"),
                fmt_number(x["planned_share"], "ratio"),
                _signed_pct(x["gap"])) for x in c["content_mix"]]
        open_grid = self._business_grid()
        heat = charts.heatmap(c["inbound_by_weekday_hour"], open_grid,
                              title="When members write (inbound messages, local time)")
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
            heading(3, "Presence and cadence")
            + table(["Figure", "This period", "Previous"],
                    [(a, fmt_number(b, u), fmt_number(d, u)) for a, b, d, u in facts],
                    numeric=(1, 2))
            + chart
            + table(["Channel", "Posts", "Planned", "Adherence"],
                    [(x["platform"], x["posts"], fmt_number(x["planned"]),
                      fmt_number(x["adherence"], "ratio")) for x in channels], numeric=(1, 2, 3))
            + heading(3, "Content mix against plan")
            + table(["Pillar", "Posts", "Actual share", "Planned share", "Gap"], mix,
                    numeric=(1, 2, 3, 4))
            + heat
        )

    def _business_grid(self) -> dict[str, list[bool]]:
        days = self.playbook.business_hours.days
        grid = {}
        names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        for short, name in zip(playbook_mod.WEEKDAYS, names, strict=True):
            hours = days.get(short)
            grid[name] = [hours is not None and hours[0] <= f"{h:02d}:00" < hours[1]
                          for h in range(24)]
        return grid

    def health(self) -> Html:
        c, p = self.cur("health"), self.prev("health")
        facts = [
            ("Active members", "active_members", "count"), ("New members", "new_members", "count"),
            ("Returning members", "returning_members", "count"),
            ("Retention", "retention", "ratio"), ("Conversations", "conversations", "count"),
            ("Peer support rate", "peer_support_rate", "ratio"),
            ("Member-to-member reply share", "member_reply_share", "ratio"),
        ]
        rows = [(label, fmt_number(c[k], u), fmt_number(p[k], u)) for label, k, u in facts]
        chart = charts.bars(
            ["active", "new", "returning"],
            [c["active_members"], c["new_members"], c["returning_members"]],
            previous=[p["active_members"], p["new_members"], p["returning_members"]],
            ylabel="members", title="Members this period and the previous one",
        )
        return Html(heading(2, "Community health", "health")
                    + table(["Figure", "This period", "Previous"], rows, numeric=(1, 2)) + chart)

    def rules(self) -> Html:
        c, p = self.cur("rules"), self.prev("rules")
        prev_flags = {x["category"]: x["flags"] for x in p["by_category"]}
        categories = [(x["label"], x["severity"], x["flags"], prev_flags.get(x["category"], 0),
                       " · ".join(e["text"] for e in x["examples"]))
                      for x in c["by_category"]]
        escalations = [(e["received"], e["platform"], e["author"], e["text"], e["severity"],
                        e["owner"], e["handle_within"], e["handled_by"],
                        fmt_hours(e["handled_after_hours"]),
                        Cell(e["status"], ESCALATION_CLASS[e["status"]]))
                       for e in c["escalation_list"]]
        summary = (f"{c['flags']} messages broke a rule ({p['flags']} in the previous period); "
                   f"{c['escalations']} were escalations: {c['escalations_handled_in_time']} "
                   f"handled in time, {c['escalations_handled_late']} late, "
                   f"{c['escalations_open']} still open.")
        return Html(
            heading(2, "Rules and escalations", "rules") + paragraph(summary)
            + table(["Rule category", "Severity", "Flags", "Previous", "Examples"], categories,
                    numeric=(2, 3))
            + heading(3, "Escalations")
            + table(["Received (local)", "Channel", "Member", "Message", "Severity", "Owner",
                     "Handle within", "Handled by", "After", "Status"], escalations)
        )

    def voices(self) -> Html:
        c, p = self.cur("voices"), self.prev("voices")
        rows = [(x["name"], x["role"].replace("_", " "), x["messages"], x["posts"],
                 x["conversations_started"], x["answers_to_questions"], x["likes_earned"],
                 x["last_active"], Cell("quiet" if x["quiet"] else "active",
                                        "status bad" if x["quiet"] else "status good"))
                for x in c["people"]]
        by_role = [(x["role"], x["people"], x["messages"], x["answers_to_questions"],
                    x["conversations_started"]) for x in c["by_role"]]
        quiet = ", ".join(c["quiet_advocates"]) or "none"
        share = (f"Advocates gave {c['advocate_answers']} answers, "
                 f"{fmt_number(c['advocate_share_of_answers'], 'ratio')} of all answers "
                 f"({fmt_number(p['advocate_share_of_answers'], 'ratio')} in the previous "
                 f"period). Quiet advocates: {quiet}.")
        return Html(
            heading(2, "Voices: advocates and community managers", "voices")
            + paragraph(share)
            + table(["Person", "Role", "Messages", "Posts", "Conversations started",
                     "Answers to questions", "Likes earned", "Last active", "This period"],
                    rows, numeric=(2, 3, 4, 5, 6))
            + heading(3, "By advocate role")
            + table(["Role", "People", "Messages", "Answers to questions",
                     "Conversations started"], by_role, numeric=(1, 2, 3, 4))
        )

    def reach(self) -> Html:
        c, p = self.cur("reach"), self.prev("reach")
        followers = [(x["platform"], fmt_number(x["followers_start"]),
                      fmt_number(x["followers_end"]), fmt_number(x["net_change"]),
                      fmt_number(x["growth_rate"], "ratio")) for x in c["followers"]]
        channels = [(x["platform"], x["posts"], fmt_number(x["impressions"]),
                     fmt_number(x["engagement"]), fmt_number(x["engagement_rate"], "ratio"))
                    for x in c["by_channel"]]
        pillars = [(x["pillar"], x["posts"], fmt_number(x["engagement_rate"], "ratio"))
                   for x in c["by_pillar"]]
        top = [(x["published"], x["platform"], x["pillar"], x["text"],
                fmt_number(x["engagement"]), fmt_number(x["impressions"]))
               for x in c["top_posts"]]
        trend = self._follower_chart()
        facts = [
            ("Followers (channels with totals)", c["followers_total"], p["followers_total"],
             "count"),
            ("Follower growth rate", c["follower_growth_rate"], p["follower_growth_rate"], "ratio"),
            ("Engagement rate (by impressions)", c["engagement_rate"], p["engagement_rate"],
             "ratio"),
            ("Engagement", c["engagement"], p["engagement"], "count"),
        ]
        return Html(
            heading(2, "Reach and growth", "reach")
            + table(["Figure", "This period", "Previous"],
                    [(a, fmt_number(b, u), fmt_number(d, u)) for a, b, d, u in facts],
                    numeric=(1, 2))
            + table(["Channel", "Followers at start", "At end", "Net change", "Growth"],
                    followers, numeric=(1, 2, 3, 4))
            + trend
            + table(["Channel", "Posts", "Impressions", "Engagement", "Engagement rate"],
                    channels, numeric=(1, 2, 3, 4))
            + table(["Pillar", "Posts", "Engagement rate"], pillars, numeric=(1, 2))
            + heading(3, "Top posts")
            + table(["Published", "Channel", "Pillar", "Text", "Engagement", "Impressions"], top,
                    numeric=(4, 5))
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
        return charts.line(series, ylabel="followers", target=goal.target if goal else None,
                           title="Followers, previous and this period")

    def appendix(self) -> Html:
        dq = self.data_quality()
        bh = self.playbook.business_hours
        hours = ", ".join(f"{d} {o}–{c}" for d, (o, c) in bh.days.items())
        hol = bh.holidays
        region = f"{hol.country}-{hol.subdivision}" if hol.subdivision else hol.country
        holidays = f"public holidays of {region}" if hol.country else "no public holidays"
        if hol.extra:
            holidays += " plus " + ", ".join(str(d) for d in hol.extra)
        closed = sorted(d for d in self.data.clock.holidays
                        if self.period.start <= d < self.period.end)
        settings = [
            ("Timezone", self.playbook.client.timezone),
            ("Business hours", hours),
            ("Holidays", holidays),
            ("Holidays in this period", ", ".join(f"{d} ({self.data.clock.holidays[d]})"
                                                  for d in closed) or "none"),
            ("Team roles", ", ".join(self.playbook.team_roles)),
            ("Response commitments", ", ".join(
                f"{k}: {c.within} ({c.clock})" for k, c in self.playbook.cadence.response.items())),
            ("Playbook", f"version {self.playbook.version}, sha256 {self.playbook_sha256[:12]}, "
                         f"last revision {self._last_revision() or 'none'}"),
            ("Store version", self.store_version or "none"),
        ]
        accounts = [(Path(str(a["file"])).name, a["format"], a["rows_read"], a["kept"],
                     a["duplicate"], a["rejected"]) for a in dq["accounts"]]
        rejected = [(Path(str(a["file"])).name, r["row"], r["reason"])
                    for a in dq["accounts"] for r in a["rejected_rows"][:20]]
        return Html(
            heading(2, "Appendix", "appendix")
            + heading(3, "Settings used")
            + table(["Setting", "Value"], settings)
            + heading(3, "Definitions")
            + table(["Figure", "Definition"], DEFINITIONS)
            + heading(3, "Decisions where the definitions leave a choice")
            + table(["Decision", "What the kit does"], DECISIONS)
            + heading(3, "Data quality")
            + paragraph(f"{dq['files']} files behind this period and the previous one: "
                        f"{dq['rows_read']:,} rows read, {dq['rows_kept']:,} kept, "
                        f"{dq['rows_duplicate']:,} duplicates removed, {dq['rows_rejected']:,} "
                        f"rejected; {dq['excluded_as_spam']} messages excluded as spam.")
            + table(["File", "Format", "Read", "Kept", "Duplicate", "Rejected"], accounts,
                    numeric=(2, 3, 4, 5))
            + (heading(3, "Rejected rows") + table(["File", "Row", "Reason"], rejected)
               if rejected else "")
        )


def _signed_pct(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 100:+.1f} pts"


def _tile(label: str, now: float | None, before: float | None, unit: str, better: str) -> str:
    delta = metrics.change(now, before)
    if delta is None or delta == 0:
        cls, arrow, text = "flat", "", "no change" if delta == 0 else "no previous figure"
    else:
        good = (delta > 0) == (better == "up")
        cls = "good" if good else "bad"
        arrow = "▲" if delta > 0 else "▼"
        text = (f"{delta * 100:+.1f} pts" if unit == "ratio"
                else ("+" if delta > 0 else "−") + fmt_number(abs(delta), unit))
    return (f'<div class="tile"><div class="tile-label">{esc(label)}</div>'
            f'<div class="tile-value">{esc(fmt_number(now, unit))}</div>'
            f'<div class="tile-change {cls}">{esc(arrow)} {esc(text)} '
            + (f'<span class="vs">vs {esc(fmt_number(before, unit))}</span>'
               if before is not None else "")
            + "</div></div>")

