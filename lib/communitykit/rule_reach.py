"""How many past member messages each rule pattern would flag, before it is saved.

A pattern is a guess about how people break a rule; the client's own history says how
good a guess it is. A rule category exists for the exceptions, so a pattern that flags
more than ``TOO_BROAD`` of all member messages is almost surely catching ordinary talk:
in the labelled messages of bench/eval (written to hold many rule breaks) all seven
kinds together are a third of the set, and in a real community's history rule breaks are
rarer still, so one pattern reaching 5 % of everything is a warning sign, and at
``escalate_from`` severity it would bury the team in escalations.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import classify
from .playbook import SEVERITY_ORDER, Playbook
from .rule_library import patterns_for

TOO_BROAD = 0.05
EXAMPLES = 3


@dataclass(frozen=True)
class Reach:
    category: str
    severity: str
    pattern: str  # "(kit: <kind>)" for a category's library patterns as a whole
    flagged: int
    share: float  # of the member messages looked at
    examples: tuple[str, ...]

    @property
    def too_broad(self) -> bool:
        return self.share > TOO_BROAD


def reach(pb: Playbook, texts: pd.Series) -> list[Reach]:
    """Per rule category and pattern: how many of ``texts`` it flags, with the first few
    in ``texts`` order as examples. A category's kit patterns (``use:``) count as one."""
    prepared = classify.for_analysis(texts)
    total = max(len(texts), 1)
    out = []
    for category in pb.rules.categories:
        groups: list[tuple[str, list[str]]] = []
        if category.use:
            groups.append((f"(kit: {category.use})", patterns_for(category.use)))
        groups += [(p, [p]) for p in category.patterns]
        for label, patterns in groups:
            hit = classify.matches(prepared, patterns) if patterns else pd.Series(
                False, index=texts.index)
            examples = tuple(str(t)[:140] for t in texts[hit.to_numpy()].head(EXAMPLES))
            out.append(Reach(category.id, category.severity, label, int(hit.sum()),
                             int(hit.sum()) / total, examples))
    return out


def warnings(pb: Playbook, found: list[Reach]) -> list[str]:
    """One line per pattern that flags more than ``TOO_BROAD`` of the messages."""
    threshold = SEVERITY_ORDER[pb.rules.escalate_from]
    lines = []
    for r in found:
        if not r.too_broad:
            continue
        escalates = SEVERITY_ORDER[r.severity] >= threshold
        lines.append(
            f"rules/categories/{r.category}: pattern {r.pattern!r} flags {r.flagged} of the "
            f"past member messages ({r.share:.0%}), more than {TOO_BROAD:.0%}: it catches "
            "ordinary talk" + (", and every flag would be an escalation" if escalates else "")
            + (f"; e.g. {r.examples[0]!r}" if r.examples else ""))
    return lines
