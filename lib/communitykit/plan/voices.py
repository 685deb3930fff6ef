"""Planning steps 4 and 5, influencers, ambassadors and employees: the roster of people who
speak for the brand (community managers, employees, ambassadors, influencers) with their
handles per platform and what each is asked to do. Beside it, who already speaks most for
the brand in the data, and who on the roster has gone quiet."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from ..dataset import Dataset
from ..html import Html, heading, paragraph
from ..i18n import tr
from ..metrics.stats import in_period
from ..playbook import Playbook
from ..roles import _norm
from .common import PlanStep, in_playbook_language, period_words, rows_table

TOP = 10
QUIET_DAYS = 30


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
        answers = pd.concat([inbound[f"{g}_answer_by"] for g in ("team", "advocate", "peer")])
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
