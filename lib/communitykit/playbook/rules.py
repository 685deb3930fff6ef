"""The community's rules: rule categories, the escalation matrix, and the public
guidelines around them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..rule_library import patterns_for
from .fields import (
    RULE_KINDS,
    SEVERITY_ORDER,
    Duration,
    Pattern,
    Platform,
    RuleKind,
    Severity,
    Slug,
    Strict,
)


class RuleCategory(Strict):
    id: Slug
    label: str
    severity: Severity
    description: str = Field(
        default="", description="What this rule means, in the words of the public guidelines"
    )
    use: RuleKind | None = Field(
        default=None, description="the kit's own patterns for this kind of rule break, "
        "English and Chinese (rule_library.py), matched as well as `patterns`")
    patterns: list[Pattern] = []
    excluded_from_inbound: bool = Field(
        default=False, description="Spam or bot traffic: not counted as inbound"
    )

    @model_validator(mode="after")
    def _something_to_match(self) -> RuleCategory:
        if not self.patterns and self.use is None:
            raise ValueError("a rule category needs `patterns`, or `use:` one of the kit's "
                             f"kinds ({', '.join(RULE_KINDS)}), or both")
        return self

    @property
    def all_patterns(self) -> list[str]:
        """The kit's patterns for ``use`` (if any), then the category's own."""
        return [*(patterns_for(self.use) if self.use else []), *self.patterns]


class Escalation(Strict):
    severity: Severity
    owner: str
    handle_within: Duration
    clock: Literal["business", "calendar"] = Field(
        default="calendar", description="calendar: the time runs at night and at weekends "
        "(someone is on call); business: it runs only in business_hours")
    how: str = ""
    examples: list[str] = []


class Rules(Strict):
    escalate_from: Severity = "high"
    categories: list[RuleCategory] = []
    escalation: list[Escalation] = []

    @model_validator(mode="after")
    def _matrix_covers_escalations(self) -> Rules:
        threshold = SEVERITY_ORDER[self.escalate_from]
        needed = {c.severity for c in self.categories if SEVERITY_ORDER[c.severity] >= threshold}
        covered = {e.severity for e in self.escalation}
        missing = sorted(needed - covered, key=SEVERITY_ORDER.__getitem__)
        if missing:
            raise ValueError(
                f"the escalation matrix has no row for severity {', '.join(missing)}, "
                f"which rule categories use (everything from {self.escalate_from!r} up "
                "escalates)"
            )
        ids = [c.id for c in self.categories]
        if len(ids) != len(set(ids)):
            raise ValueError(f"rule category ids must be unique: {ids}")
        return self


class SharedPlace(Strict):
    """Where the guidelines are shared with members (and whether they are pinned there)."""

    platform: Platform
    where: str = Field(min_length=1, description="e.g. 'the #welcome channel', 'profile link'")
    pinned: bool = False


class Guidelines(Strict):
    """The public community guidelines: the parts that are not rules or escalations.

    ``communitykit plan <client> guidelines`` renders them, with the rule categories,
    into ``guidelines/<client>/``; the short version fits ``pinned_limit`` characters.
    """

    purpose: str = Field(default="", description="Why the community exists, for members")
    behaviour: list[str] = Field(default=[], description="What we expect from every member")
    contribute: list[str] = Field(default=[], description="How members can contribute")
    feedback: str = Field(default="", description="How to give constructive feedback")
    contact: str = Field(default="", description="How to reach the moderators")
    shared: list[SharedPlace] = Field(default=[], description="Where they are shared and pinned")
    pinned_limit: int = Field(
        default=500, ge=140, le=2200, description="Longest the pinned version may be, characters"
    )
