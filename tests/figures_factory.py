"""Typed figures for tests, from a partial metrics.json-like dict: every field a test does
not give is blank (0, None, empty, coverage "full")."""

from __future__ import annotations

import dataclasses
import tempfile
import typing
from pathlib import Path
from typing import Any

from communitykit import periods
from communitykit.metrics import results
from communitykit.metrics.results import Figures, GoalRow, Pair
from communitykit.paths import Workspace
from communitykit.report.context import Report

SECTION_TYPES = {f.name: f.type for f in dataclasses.fields(Figures)}
FULL = {"current": "full", "previous": "full"}  # coverage of a test period


def blank(cls: type, values: dict[str, Any] | None = None) -> Any:
    """``cls`` with ``values`` and every other field blank."""
    values = dict(values or {})
    hints = typing.get_type_hints(cls, vars(results))
    out = {}
    for f in dataclasses.fields(cls):
        if f.name in values:
            out[f.name] = values.pop(f.name)
        elif f.default is not dataclasses.MISSING:
            out[f.name] = f.default
        elif cls is results.Coverage and f.name in FULL:
            out[f.name] = FULL[f.name]
        else:
            out[f.name] = _blank_value(hints[f.name])
    assert not values, f"{cls.__name__} has no field(s) {sorted(values)}"
    return cls(**out)


def _blank_value(hint: Any) -> Any:
    args = typing.get_args(hint)
    if type(None) in args:
        return None
    origin = typing.get_origin(hint) or hint
    return {int: 0, float: 0.0, str: "", list: [], dict: {}}[origin] if origin in (
        int, float, str, list, dict) else None


def figures(doc: dict[str, Any] | None = None) -> Figures:
    """Figures from a partial document: sections as {"current": {...}, "previous": {...}}."""
    doc = dict(doc or {})
    hints = typing.get_type_hints(Figures, vars(results))
    out: dict[str, Any] = {}
    settable = {f.name for f in dataclasses.fields(Figures) if f.init}
    for name, hint in hints.items():
        if name not in settable:  # member_levels: set after, blank until then
            continue
        given = doc.pop(name, None)
        if name == "goals":
            out[name] = [blank(GoalRow, g) for g in given or []]
        elif typing.get_origin(hint) is Pair:
            cls = typing.get_args(hint)[0]
            given = given or {}
            out[name] = Pair(blank(cls, given.get("current")), blank(cls, given.get("previous")))
        else:
            out[name] = blank(hint, given)
    assert not doc, f"Figures has no part(s) {sorted(doc)}"
    return Figures(**out)


class StubReport:
    """What a section reads, for sections that need only the figures (and ``parts``)."""

    more_line = Report.more_line

    def __init__(self, figures: Figures, language: str = "en", **parts: Any) -> None:
        self.figures = figures
        self.language = language
        self.lists_folder = None
        # a workspace with no rendered report: the trends show gaps, the links none
        self.client = "stub"
        if figures.period.label:  # a stub of no period renders no summary
            self.period = periods.parse(figures.period.label)
        self.workspace = Workspace(Path(tempfile.gettempdir()) / "communitykit-stub-workspace")
        vars(self).update(parts)


def metrics_document(period: periods.Period, rate: Any = None, members: int = 0, *,
                     before: tuple[Any, int] = (None, 0),
                     goals: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A metrics.json of ``period``: its response rate and active members (and the
    previous period's), every other figure blank."""
    info = {"label": period.label, "start": str(period.start),
            "end_exclusive": str(period.end), "kind": period.kind}
    prev = period.previous()
    return {"schema": "communitykit.metrics/1", **figures({
        "period": info,
        "previous_period": {"label": prev.label, "start": str(prev.start),
                            "end_exclusive": str(prev.end), "kind": prev.kind},
        "responsiveness": {"current": {"response_rate": rate},
                           "previous": {"response_rate": before[0]}},
        "health": {"current": {"active_members": members},
                   "previous": {"active_members": before[1]}},
        "goals": goals or [],
    }).to_json()}
