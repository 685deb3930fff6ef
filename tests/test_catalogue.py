"""The catalogue of figures: every figure once, and everything that names figures reads it."""

from __future__ import annotations

import dataclasses
import json

import pytest

from communitykit import catalogue
from communitykit.catalogue import CATALOGUE, DETAILS, GOAL_METRICS, HEADLINES, Metric
from communitykit.i18n import tr, use_language
from communitykit.metrics import SECTIONS, results
from communitykit.report.figure_table import figure_table
from figures_factory import StubReport, figures

SECTION_TYPES = {"responsiveness": results.Responsiveness, "presence": results.Presence,
                 "health": results.Health, "listening": results.Listening,
                 "reach": results.Reach, "rules": results.Rules, "voices": results.Voices}
# The metrics a goal could name before the catalogue held every figure: a goal may still
# name each of them.
GOALS_BEFORE = {
    "inbound", "questions", "response_rate", "first_response_business_median_hours",
    "first_response_business_p90_hours", "first_response_calendar_median_hours",
    "first_response_calendar_p90_hours", "sla_compliance", "unanswered_questions",
    "team_posts", "cadence_adherence", "longest_silence_hours", "coverage", "active_members",
    "new_members", "returning_members", "retention", "conversations", "peer_support_rate",
    "member_reply_share", "followers", "follower_growth_rate", "engagement_rate", "engagement",
    "net_sentiment", "pain_point_messages", "flags", "escalations_open",
    "advocate_share_of_answers"}


def test_every_field_of_the_typed_figures_is_catalogued_once() -> None:
    places = [f"{m.section}.{m.key}" for m in CATALOGUE.values()]
    assert len(places) == len(set(places)), "two catalogue entries name one figure"
    fields = {f"{section}.{f.name}" for section, cls in SECTION_TYPES.items()
              for f in dataclasses.fields(cls)}
    assert set(places) <= fields, "a catalogue entry names no field"
    assert set(places).isdisjoint(DETAILS), "a figure is both a metric and a detail"
    assert fields <= set(places) | set(DETAILS), "a field with neither entry nor detail"
    assert set(SECTION_TYPES) == set(SECTIONS)


def test_goals_still_name_every_earlier_metric_and_headlines_are_metrics() -> None:
    assert set(GOAL_METRICS) >= GOALS_BEFORE
    assert set(HEADLINES) <= set(GOAL_METRICS)


def test_a_goal_cannot_name_a_table_only_figure() -> None:
    from pydantic import ValidationError

    from communitykit.playbook.goals import Goal

    base = {"id": "g", "target": 10, "start": "2026-01-01", "deadline": "2026-12-31",
            "baseline": {"value": 5}}
    assert Goal.model_validate({**base, "metric": "inbound"}).metric == "inbound"
    with pytest.raises(ValidationError, match="unknown metric 'sla_breaches'"):
        Goal.model_validate({**base, "metric": "sla_breaches"})


def test_every_label_has_its_chinese_through_the_translation_catalogue() -> None:
    for m in CATALOGUE.values():
        assert m.labels == {"en": m.label, "zh": m.zh}
        with use_language("zh"):
            assert tr(m.label) == m.zh, m.id
    assert catalogue.label("engagement_rate", "reach") == "Engagement rate (by reach)"
    assert catalogue.label("engagement_rate") == "Engagement rate"


def test_a_section_table_shows_its_catalogue_entries_in_order() -> None:
    figs = figures({"health": {"current": {"active_members": 12, "retention": 0.5},
                               "previous": {"active_members": 10}}})
    markup = figure_table(StubReport(figs), "health")  # type: ignore[arg-type]
    labels = [m.label for m in catalogue.table_metrics("health")]
    assert labels[:2] == ["Active members", "New members"]
    positions = [markup.index(f">{label}<") for label in labels]
    assert positions == sorted(positions)
    assert ">12<" in markup and ">10<" in markup and ">50.0%<" in markup


def test_adding_a_figure_is_one_catalogue_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new entry (here a field of the health figures) appears in its section's table
    with its label, unit and value, and in metrics.json's reading helper."""
    entry = Metric("members_before", "health", "previous_active_members", "Members before",
                   "之前的成员", "count", "up", "Active, new, returning", goal=False)
    monkeypatch.setitem(CATALOGUE, entry.id, entry)
    figs = figures({"health": {"current": {"previous_active_members": 7}}})
    assert ">Members before<" in figure_table(StubReport(figs), "health")  # type: ignore[arg-type]
    doc = json.loads(json.dumps(figs.to_json()))
    assert catalogue.json_value(doc, "members_before") == 7.0
    assert catalogue.json_value(doc, "members_before", "previous") == 0.0
    assert catalogue.json_value({}, "members_before") is None
