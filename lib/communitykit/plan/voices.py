"""Planning steps 4 and 5, influencers, ambassadors and employees: the roster of people who
speak for the brand (community managers, employees, ambassadors, influencers) with their
handles per platform and what each is asked to do. Before the answers, who actually answers
members (first answers by the team, roster people and members, flat chat channels read by
``answers.py``'s rule), with the members who answer often suggested for the roster; after
them, who speaks most for the brand with the answered roster, and who has gone quiet."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd
from ruamel.yaml import YAML

from ..dataset import Dataset
from ..html import Html, esc, fmt_hours, fmt_number, heading, paragraph
from ..i18n import tr
from ..metrics import responsiveness
from ..metrics.stats import hours, in_period
from ..playbook import Playbook
from ..roles import _norm
from ..tables import FLAT_THREAD_PLATFORMS
from .common import PlanStep, in_playbook_language, period_words, rows_table

TOP = 10
QUIET_DAYS = 30
SUGGEST_FROM = 3  # first answers in the period that make a member worth inviting


class VoicesPlan(PlanStep):
    STEP: ClassVar[str] = "voices"
    TITLE: ClassVar[str] = "Voices"
    SECTIONS: ClassVar[tuple[str, ...]] = ("roster", "team_roles")

    def dataset(self, playbook: Playbook) -> Dataset | None:
        """The client's data with roles resolved by ``playbook`` (e.g. with the answers)."""
        if self.data is None:
            return None
        if playbook is self.playbook:
            return self.data
        return Dataset.build(playbook, **self.raw)

    def speakers(self, playbook: Playbook, history: str | None = None) -> pd.DataFrame:
        """Every author who is not the brand account: messages, replies and answers given
        to inbound messages over the history period, most helpful first."""
        columns = ["name", "role", "platforms", "messages", "replies", "answers", "last_active"]
        data = self.dataset(playbook)
        if data is None or data.messages.empty:
            return pd.DataFrame(columns=columns)
        period = self.history_period(history)
        start, end = period.utc_bounds(playbook.tz)
        m = in_period(data.messages, start, end)
        m = m[~m["role"].isin(["brand", "bot"])]
        inbound = in_period(data.messages, start, end)
        inbound = inbound[inbound["inbound"]]
        answers = pd.concat([inbound.loc[responsiveness.answered_before(inbound, g, end),
                                         f"{g}_answer_by"] for g in ("team", "advocate", "peer")])
        answer_counts = answers.dropna().value_counts()
        tz = playbook.tz
        rows = []
        for (name, role), mine in m.groupby(["display_name", "role"]):
            rows.append({
                "name": name, "role": role,
                "platforms": ", ".join(sorted(mine["platform"].unique())),
                "messages": len(mine),
                "replies": int(mine["parent_id"].notna().sum()),
                "answers": int(answer_counts.get(name, 0)),
                "last_active": mine["created_at"].max().tz_convert(tz).date(),
            })
        out = pd.DataFrame(rows, columns=columns)
        return out.sort_values(["answers", "replies", "messages"], ascending=False,
                               ignore_index=True)

    def answerers(self, history: str | None = None) -> pd.DataFrame:
        """Who gave first answers to inbound messages over the history period, as of its
        end: the team and advocates as the report's responders figures count them
        (``metrics.responsiveness``), members (peers) counted the same way; most first."""
        columns = ["name", "role", "group", "first_answers", "median_business_hours",
                   "median_calendar_hours", "outside_business_hours_share"]
        if self.data is None or self.data.messages.empty:
            return pd.DataFrame(columns=columns)
        start, end = self.history_period(history).utc_bounds(self.playbook.tz)
        figures = responsiveness.compute(self.data, start, end)
        rows = [{"name": r["responder"], "group": r["group"], **{c: r[c] for c in columns[3:]}}
                for r in figures.responders]
        rows += self._peer_rows(start, end)
        roles = self.data.messages.drop_duplicates("display_name").set_index(
            "display_name")["role"]
        out = pd.DataFrame(rows, columns=columns)
        out["role"] = [str(roles.get(name, "member")) for name in out["name"]]
        return out.sort_values(["first_answers", "name"], ascending=[False, True],
                               ignore_index=True)

    def _peer_rows(self, start: pd.Timestamp, end: pd.Timestamp) -> list[dict[str, Any]]:
        """First answers by members to other members' inbound messages, per member."""
        assert self.data is not None
        inbound = in_period(self.data.messages, start, end)
        inbound = inbound[inbound["inbound"]]
        done = inbound[responsiveness.answered_before(inbound, "peer", end)]
        at = done["peer_answer_at"]
        frame = pd.DataFrame({"by": done["peer_answer_by"],
                              "business": self.data.clock.elapsed(done["created_at"], at),
                              "calendar": at - done["created_at"],
                              "outside": ~self.data.clock.is_open(at).to_numpy(dtype=bool)})
        return [{"name": str(name), "group": "peer", "first_answers": len(part),
                 "median_business_hours": hours(part["business"], "median"),
                 "median_calendar_hours": hours(part["calendar"], "median"),
                 "outside_business_hours_share": len(part[part["outside"]]) / len(part)}
                for name, part in frame.groupby("by", sort=True)]

    def suggested(self, history: str | None = None) -> list[dict[str, Any]]:
        """Members not on the roster with at least ``SUGGEST_FROM`` first answers in the
        history period, as roster entries (name, role, handles per platform)."""
        if self.data is None:
            return []
        found = self.answerers(history)
        members = found[(found["role"] == "member")
                        & (found["first_answers"] >= SUGGEST_FROM)]
        m = self.data.messages
        out = []
        for name in members["name"]:
            mine = m[(m["display_name"] == name) & (m["role"] == "member")]
            handles = {str(platform): _handles(str(platform), part)
                       for platform, part in mine.groupby("platform", sort=True)}
            out.append({"name": str(name), "role": "ambassador", "handles": handles,
                        "shared_name": any(len(h) > 1 for h in handles.values())})
        return out

    @in_playbook_language
    def who_answers(self, period: str | None = None) -> Html:
        """Before the answers: who gives members their first answer, and the members who
        answer often enough to invite onto the roster (as YAML to paste)."""
        note = self.no_data()
        if note is not None:
            return note
        chosen = self.history_period(period)
        found = self.answerers(period)
        invite = [p for p in self.suggested(period) if not p["shared_name"]]
        shared = [p["name"] for p in self.suggested(period) if p["shared_name"]]
        peers = found[found["group"] == "peer"]
        shown = pd.concat([found[found["group"] != "peer"], peers.head(TOP)])
        rows = [[r.name, tr(r.role.replace("_", " ")), tr(r.group), r.first_answers,
                 fmt_hours(r.median_business_hours), fmt_hours(r.median_calendar_hours),
                 fmt_number(r.outside_business_hours_share, "ratio")]
                for r in shown.itertuples()]
        return Html(
            heading(3, tr("Who answers members: {dates}", dates=period_words(chosen)))
            + paragraph(tr("First answers to inbound messages by the team, by roster people "
                           "outside the team (advocates) and by members (peers), as the review "
                           "report counts them; in chat channels a line without a reply "
                           "answers the nearest earlier message waiting for its group."))
            + rows_table([tr("Name"), tr("Role"), tr("Answers as"), tr("First answers"),
                          tr("Median (business)"), tr("Median (calendar)"),
                          tr("Outside business hours")], rows, numeric=(3, 4, 5, 6),
                         empty=tr("Nobody answered an inbound message in this period."))
            + (paragraph(tr("And {n} more members with fewer first answers.",
                            n=len(peers) - TOP), "note") if len(peers) > TOP else "")
            + heading(4, tr("Suggested for the roster"))
            + (paragraph(tr("Members not on the roster with at least {n} first answers in this "
                            "period. To invite them, add these entries to the roster list "
                            "(with everyone already on it) and adjust the role and asks:",
                            n=SUGGEST_FROM)) + f"<pre>{esc(_roster_yaml(invite))}</pre>"
               if invite else paragraph(tr("No member outside the roster gave {n} or more "
                                           "first answers in this period.", n=SUGGEST_FROM),
                                        "note"))
            + (paragraph(tr("Not suggested, as several accounts on one platform use the name: "
                            "{names}.", names=tr(", ").join(shared)), "note") if shared else "")
        )

    def inactive(self, playbook: Playbook, history: str | None = None) -> list[dict[str, Any]]:
        """Roster people with no message in the last ``QUIET_DAYS`` days of data."""
        data = self.dataset(playbook)
        if data is None:
            return []
        last_day = self.data_end()
        rows = []
        for person in playbook.roster:
            if person.role == "bot":
                continue
            mine = data.messages[data.messages["display_name"] == person.name]
            last = (mine["created_at"].max().tz_convert(playbook.tz).date()
                    if not mine.empty else None)
            quiet = last is None or (last_day is not None and (last_day - last).days
                                     >= QUIET_DAYS)
            if quiet:
                rows.append({"name": person.name, "role": person.role, "last_active": last,
                             "handles": sum(len(h) for h in person.handles.values())})
        return rows

    @in_playbook_language
    def history(self, answers: str | Path | Mapping[str, Any] | None = None,
                edited: Mapping[str, Any] | None = None, period: str | None = None) -> Html:
        note = self.no_data()
        if note is not None:
            return note
        pb = self.candidate(answers, edited)
        chosen = self.history_period(period)
        people = self.speakers(pb, period)
        members = people[people["role"] == "member"].head(TOP)
        roster = people[people["role"] != "member"]

        def rows(frame: pd.DataFrame) -> list[list[object]]:
            return [[r.name, tr(r.role.replace("_", " ")), r.platforms, r.messages, r.replies,
                     r.answers, str(r.last_active)] for r in frame.itertuples()]

        headers = [tr("Name"), tr("Role"), tr("Platforms"), tr("Messages"), tr("Replies"),
                   tr("First answers"), tr("Last active")]
        quiet = self.inactive(pb, period)
        quiet_rows = [[q["name"], tr(q["role"].replace("_", " ")),
                       str(q["last_active"] or tr("never in the data")), q["handles"]]
                      for q in quiet]
        return Html(
            heading(3, tr("Who speaks for the brand: {dates}", dates=period_words(chosen)))
            + paragraph(tr("Members not on the roster who answer others most often are the "
                           "first people to invite as ambassadors."))
            + heading(4, tr("Most helpful members (not on the roster)"))
            + rows_table(headers, rows(members), numeric=(3, 4, 5),
                         empty=tr("No member messages in this period."))
            + heading(4, tr("Roster people in the data"))
            + rows_table(headers, rows(roster), numeric=(3, 4, 5),
                         empty=tr("No roster person wrote in this period (check the handles)."))
            + heading(4, tr("Inactive roster people (nothing in the last {days} days)",
                            days=QUIET_DAYS))
            + rows_table([tr("Name"), tr("Role"), tr("Last active"), tr("Handles")], quiet_rows,
                         numeric=(3,), empty=tr("Everyone on the roster is active."))
        )

    def check(self, answers: Mapping[str, Any], candidate: Playbook) -> list[str]:
        problems = []
        names = [p.name for p in candidate.roster]
        for name in sorted({n for n in names if names.count(n) > 1}):
            problems.append(tr("roster: {name} appears more than once", name=repr(name))
                            + tr(" [key path: '{key}']", key="roster"))
        owner: dict[tuple[str, str], str] = {}
        for i, person in enumerate(candidate.roster):
            for platform, handles in person.handles.items():
                for handle in handles:
                    key = (platform, _norm(handle))
                    if key in owner and owner[key] != person.name:
                        problems.append(
                            tr("roster: the {platform} handle {handle} belongs to both {first} "
                               "and {second}", platform=platform, handle=repr(handle),
                               first=repr(owner[key]), second=repr(person.name))
                            + tr(" [key path: '{key}']", key=f"roster/{i}/handles/{platform}"))
                    owner[key] = person.name
        return problems


def _handles(platform: str, messages: pd.DataFrame) -> list[str]:
    """A member's handles on ``platform``: ids on chat platforms, else names."""
    column = "author_id" if platform in FLAT_THREAD_PLATFORMS else "author_name"
    return sorted({str(v) for v in messages[column].dropna()}
                  or {str(v) for v in messages["author_id"].dropna()})


def _roster_yaml(people: list[dict[str, Any]]) -> str:
    """Roster entries as YAML to paste (ids that look like numbers quoted)."""
    entries = [{"name": p["name"], "role": p["role"],
                "handles": {k: v[0] if len(v) == 1 else v for k, v in p["handles"].items()},
                "asks": tr("Answers members' questions")} for p in people]
    buffer = io.StringIO()
    yaml = YAML()
    yaml.default_flow_style = None
    yaml.allow_unicode = True
    yaml.dump(entries, buffer)
    return buffer.getvalue()
