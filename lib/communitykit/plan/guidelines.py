"""Planning step 1, rules and guidelines: purpose, expected behaviour, what breaks the
rules (categories and patterns), how members contribute, where the guidelines are shared,
and the escalation matrix. Before the answers, how many past member messages each rule
pattern flags (``rule_reach``, a warning above 5 %); after them, the same for the answered
rules, and escalation promises a closed team cannot keep. Renders the public guidelines
into ``guidelines/<client>/``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from .. import promises, rule_reach
from ..html import Html, esc, heading, paragraph
from ..i18n import language, tr
from ..playbook import SEVERITY_ORDER, Playbook
from ..rule_flags import rule_flags
from ..rule_reach import Reach
from . import guidelines_doc, history_view
from .common import PlanStep, in_playbook_language, rows_table

EXAMPLES = 3
EXAMPLE_CHARS = 120


class GuidelinesPlan(PlanStep):
    STEP: ClassVar[str] = "guidelines"
    TITLE: ClassVar[str] = "Rules and guidelines"
    SECTIONS: ClassVar[tuple[str, ...]] = ("guidelines", "rules")

    def check(self, answers: Mapping[str, Any], candidate: Playbook) -> list[str]:
        """Free text with an unknown placeholder or a time written by hand is refused
        before it is saved (the guidelines could not be rendered from it)."""
        return guidelines_doc.problems(candidate)

    def member_messages(self) -> pd.DataFrame:
        """Messages members wrote, oldest first (empty without data)."""
        if self.data is None or self.data.messages.empty:
            return pd.DataFrame(columns=["created_at", "platform", "text"])
        m = self.data.messages
        return m[m["role"] == "member"].sort_values("created_at")

    def pattern_reach(self, playbook: Playbook) -> list[Reach]:
        """Per rule category and pattern of ``playbook``: the member messages it flags,
        the latest first as examples."""
        texts = self.member_messages()["text"].iloc[::-1]
        return rule_reach.reach(playbook, texts.astype("string").fillna(""))

    @in_playbook_language
    def patterns(self) -> Html:
        """Before the answers: what each pattern of the playbook's rules flags in the past
        member messages, with a warning for the patterns that flag too many."""
        note = self.no_data()
        if note is not None:
            return note
        found = self.pattern_reach(self.playbook)
        members = len(self.member_messages())
        return Html(heading(3, tr("What each rule pattern flags today"))
                    + history_view.reach_table(found, members)
                    + history_view.warning_list(
                        tr("Patterns that flag too much"),
                        history_view.reach_warnings(self.playbook, found, members)))

    def flag_table(self, playbook: Playbook) -> pd.DataFrame:
        """Per rule category: members' messages in the store its patterns match."""
        columns = ["category", "label", "severity", "flagged", "examples"]
        if self.data is None or self.data.messages.empty:
            return pd.DataFrame(columns=columns)
        m = self.member_messages()
        flags = rule_flags(m["text"], playbook)
        tz = playbook.tz
        rows = []
        for category in playbook.rules.categories:
            hits = m[flags[category.id].to_numpy()]
            examples = [
                f"{t.tz_convert(tz):%Y-%m-%d} {p}: {_clip(str(x))}"
                for t, p, x in zip(hits["created_at"].iloc[-EXAMPLES:],
                                   hits["platform"].iloc[-EXAMPLES:],
                                   hits["text"].iloc[-EXAMPLES:], strict=True)
            ]
            rows.append({"category": category.id, "label": category.label,
                         "severity": category.severity, "flagged": len(hits),
                         "examples": examples})
        return pd.DataFrame(rows, columns=columns)

    @in_playbook_language
    def flagged(self, answers: str | Path | Mapping[str, Any] | None = None,
                edited: Mapping[str, Any] | None = None) -> Html:
        """Which past messages each rule category would have flagged (with the answers)."""
        note = self.no_data()
        if note is not None:
            return note
        assert self.data is not None
        playbook = self.candidate(answers, edited)
        table = self.flag_table(playbook)
        members = int((self.data.messages["role"] == "member").sum())
        rows = [[r.label, tr(r.severity), r.flagged, " · ".join(r.examples) or "–"]
                for r in table.itertuples()]
        intro = paragraph(tr(
            "Out of {members} messages by members in the store, each rule category's "
            "patterns match these (latest examples shown). Too many hits on harmless "
            "messages: make the pattern narrower. Known abuse missing: add a pattern.",
            members=members))
        return Html(heading(3, tr("What the rules would have flagged")) + intro
                    + rows_table([tr("Rule category"), tr("Severity"), tr("Messages"),
                                  tr("Latest examples")], rows, numeric=(2,),
                                 empty=tr("No rule categories yet."))
                    + self._answered_patterns(playbook))

    def _answered_patterns(self, candidate: Playbook) -> str:
        """Per pattern, for the rule categories the answers add or change (with warnings)."""
        before = {c.id: c for c in self.playbook.rules.categories}
        changed = [c for c in candidate.rules.categories if before.get(c.id) != c]
        if not changed:
            return ""
        ids = {c.id for c in changed}
        found = [r for r in self.pattern_reach(candidate) if r.category in ids]
        members = len(self.member_messages())
        return (heading(4, tr("Patterns of the answered rule categories"))
                + history_view.reach_table(found, members)
                + history_view.warning_list(tr("Patterns that flag too much"),
                                            history_view.reach_warnings(candidate, found,
                                                                        members)))

    @in_playbook_language
    def matrix(self, answers: str | Path | Mapping[str, Any] | None = None,
               edited: Mapping[str, Any] | None = None) -> Html:
        """The escalation matrix: per severity, the categories, who acts, how and how fast."""
        playbook = self.candidate(answers, edited)
        rules = playbook.rules
        threshold = SEVERITY_ORDER[rules.escalate_from]
        rows = []
        for severity in sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__, reverse=True):
            categories = [c.label for c in rules.categories if c.severity == severity]
            row = next((e for e in rules.escalation if e.severity == severity), None)
            escalates = SEVERITY_ORDER[severity] >= threshold
            if not categories and row is None:
                continue
            rows.append([tr(severity), tr(", ").join(categories) or "–",
                         tr("escalates") if escalates else tr("moderated as usual"),
                         row.owner if row else "–", row.how if row else "–",
                         promises.within(row.handle_within, row.clock,
                                         playbook.business_hours, language())
                         if row else "–",
                         tr("; ").join(row.examples) if row and row.examples else "–"])
        return Html(heading(3, tr("Escalation matrix"))
                    + paragraph(tr("Flags of severity {severity} and above are escalations: "
                                   "the owner handles them within the time given.",
                                   severity=tr(rules.escalate_from)))
                    + rows_table([tr("Severity"), tr("Rule categories"), tr("Handling"),
                                  tr("Owner"), tr("How"), tr("Within"), tr("Examples")], rows,
                                 empty=tr("No rules yet."))
                    + history_view.warning_list(tr("Promises the team cannot keep"),
                                                history_view.overpromise_lines(playbook)))

    @in_playbook_language
    def render(self) -> Html:
        """Write the public guidelines (full and pinned; Markdown and HTML)."""
        folder = self.workspace.guidelines_dir(self.client)
        rendered = guidelines_doc.write(self.saved or self.playbook, folder)
        files = "".join(f"<li>{esc(p)}</li>" for p in rendered.files)
        language = tr("Chinese") if rendered.language == "zh" else tr("English")
        return Html(
            heading(3, tr("Public guidelines"))
            + paragraph(tr("Written in {language} to {folder}. The pinned version has "
                           "{length} characters (limit {limit}).",
                           language=language, folder=folder,
                           length=rendered.pinned_length, limit=rendered.pinned_limit))
            + f"<ul>{files}</ul>"
            + f"<pre>{esc(rendered.pinned_text)}</pre>"
        )


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"
