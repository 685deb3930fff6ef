"""A rule pattern is shown with how many past messages it would flag, and one that flags
ordinary talk is a warning."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from communitykit import playbook
from communitykit.rule_reach import TOO_BROAD, reach, warnings

PB = playbook.load(Path(__file__).resolve().parents[1] / "playbooks" / "demo" / "playbook.yaml")


def _with_pattern(pattern: str, severity: str = "high") -> playbook.Playbook:
    extra = playbook.RuleCategory(id="broad", label="Broad", severity=severity,
                                  patterns=[pattern])
    return PB.model_copy(update={"rules": PB.rules.model_copy(
        update={"categories": [*PB.rules.categories, extra]})})


TEXTS = pd.Series(["love the biscuits", "when do you open?", "the new box is great",
                   "any oat ones left?"] * 24 + ["you idiots", "free followers at bit.ly/x",
                                                 "thanks!", "see you"])  # 100 messages


def test_each_pattern_with_its_count_share_and_examples() -> None:
    found = {(r.category, r.pattern): r for r in reach(_with_pattern("(?i)box"), TEXTS)}
    broad = found[("broad", "(?i)box")]
    assert (broad.flagged, broad.share) == (24, 0.24)
    assert broad.examples == ("the new box is great",) * 3
    assert broad.too_broad and TOO_BROAD == 0.05


def test_a_pattern_that_flags_everything_is_a_warning_naming_the_escalations() -> None:
    pb = _with_pattern(".")
    lines = warnings(pb, reach(pb, TEXTS))
    assert len(lines) == 1
    assert lines[0].startswith("rules/categories/broad: pattern '.' flags 100 of the past "
                               "member messages (100%), more than 5%")
    assert "every flag would be an escalation" in lines[0]
    low = _with_pattern(".", severity="low")
    assert "escalation" not in warnings(low, reach(low, TEXTS))[0]


def test_the_demo_rules_are_not_too_broad() -> None:
    assert warnings(PB, reach(PB, TEXTS)) == []
