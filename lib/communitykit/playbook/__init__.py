"""The client's playbook: one YAML file, validated by a strict model.

Unknown keys, wrong types and bad values fail with the key path and what is
allowed. YAML is loaded with a safe loader: tags are never executed.

One module per part of the file: ``fields`` (the field types and checks every part
shares), ``client`` (the client, its accounts and people), ``hours`` (business hours and
closed days), ``rules`` (rule categories, escalation, guidelines), ``goals``, ``cadence``
(cadence, reach, listening themes), ``exports``; ``model`` puts them together as
:class:`Playbook` and ``loading`` reads a file into one. The names below are the
package's public API.
"""

from __future__ import annotations

from .cadence import Cadence, Commitment, Pillar, Reach, Theme
from .client import Account, Brand, Client, Person
from .exports import ColumnMapping, Exports, Source
from .fields import (
    CLOCK_TIME,
    DURATION,
    PLATFORMS,
    ROLES,
    RULE_KINDS,
    SEVERITY_ORDER,
    SLUG,
    WEEKDAYS,
    ClockTime,
    CommitmentKey,
    Duration,
    IdText,
    Number,
    Pattern,
    Platform,
    PostsPerWeek,
    Role,
    RuleKind,
    Severity,
    Slug,
    Strict,
    Weekday,
    parse_duration,
)
from .goals import PERCENT, SIGNED_RATIOS, Baseline, Goal
from .hours import BusinessHours, DayHours, Holidays
from .loading import load, read_yaml, validate
from .model import Playbook, Revision
from .rules import Escalation, Guidelines, RuleCategory, Rules, SharedPlace

__all__ = [
    "CLOCK_TIME", "DURATION", "PERCENT", "PLATFORMS", "ROLES", "RULE_KINDS", "SEVERITY_ORDER",
    "SIGNED_RATIOS", "SLUG", "WEEKDAYS",
    "Account", "Baseline", "Brand", "BusinessHours", "Cadence", "Client", "ClockTime",
    "ColumnMapping", "Commitment", "CommitmentKey", "DayHours", "Duration", "Escalation",
    "Exports", "Goal", "Guidelines", "Holidays", "IdText", "Number", "Pattern", "Person",
    "Pillar", "Platform", "Playbook", "PostsPerWeek", "Reach", "Revision", "Role",
    "RuleCategory", "RuleKind", "Rules", "Severity", "SharedPlace", "Slug", "Source", "Strict",
    "Theme", "Weekday",
    "load", "parse_duration", "read_yaml", "validate",
]
