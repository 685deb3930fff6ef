"""metrics.json against a brute-force reference, figure by figure, on generated scenarios.

The reference (tests/reference/brute.py) follows METRICS.md and the issue-15 decisions
with loops and a minute-by-minute business clock; the scenarios (tests/reference/
scenarios.py) hold the awkward cases: two timezones, DST both ways, holidays and make-up
working days, period edges, flat channels, replies before their parents, 20-digit ids.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from communitykit import metrics, periods
from communitykit.dataset import Dataset

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference import scenarios  # noqa: E402
from reference.brute import Reference, midnight  # noqa: E402

NEW_YORK, SHANGHAI = "America/New_York", "Asia/Shanghai"
# name: (seed, timezone, first day, last day, periods, flat-thread window)
SCENARIOS: dict[str, tuple[int, str, dt.date, dt.date, list[str], str]] = {
    # DST starts 8 Mar; Lincoln's Birthday (NY only: open) and Presidents' Day in February
    "ny-spring": (1, NEW_YORK, dt.date(2026, 1, 26), dt.date(2026, 4, 5),
                  ["2026-03", "2026-02", "2026-W11", "2026-W10"], "24h"),
    # DST ends 1 Nov (in W44, and the first day of 2026-11); Election Day (NY only: open)
    # (and a quarter whose data stops seven weeks before its end)
    "ny-fall": (2, NEW_YORK, dt.date(2026, 9, 21), dt.date(2026, 11, 12),
                ["2026-W45", "2026-W44", "2026-10", "2026-Q4"], "24h"),
    # National Day week and the make-up working days Sun 20 Sep and Sat 10 Oct
    "shanghai-october": (3, SHANGHAI, dt.date(2026, 8, 24), dt.date(2026, 10, 25),
                         ["2026-10", "2026-09", "2026-W41"], "24h"),
    # a quarter whose previous quarter is only partly in the data; a 12 h window
    "shanghai-quarter": (4, SHANGHAI, dt.date(2026, 6, 8), dt.date(2026, 10, 4),
                         ["2026-Q3"], "12h"),
}
CASES = [(name, label) for name, spec in SCENARIOS.items() for label in spec[4]]
SECTIONS = ("responsiveness", "presence", "health", "voices")
SCALARS = {
    "responsiveness": (
        "inbound", "questions", "answered", "pending", "due", "response_rate",
        "first_response_business_median_hours", "first_response_business_p90_hours",
        "first_response_calendar_median_hours", "first_response_calendar_p90_hours",
        "sla_compliance", "sla_breaches", "answered_by_team", "answered_by_advocate",
        "answered_by_peer", "answered_only_by_advocate", "unanswered_question_count",
        "question_answer_rate", "replies_before_parent"),
    "presence": ("team_posts", "cadence_adherence", "longest_silence_calendar_hours",
                 "longest_silence_business_hours", "coverage"),
    "health": ("active_members", "new_members", "returning_members",
               "previous_active_members", "retention", "conversations", "peer_support_rate",
               "member_reply_share"),
    "voices": ("advocate_answers", "advocate_share_of_answers"),
}
SHARES = ("response_rate", "sla_compliance", "question_answer_rate", "cadence_adherence",
          "coverage", "retention", "peer_support_rate", "member_reply_share",
          "advocate_share_of_answers", "outside_business_hours_share")
MISSING = "(missing)"


@functools.cache
def _scenario(name: str) -> tuple[scenarios.Scenario, Dataset, Reference]:
    seed, zone, first, last, labels, window = SCENARIOS[name]
    s = scenarios.generate(seed, zone, first, last, labels, window)
    data = Dataset.build(s.playbook, posts=s.posts, messages=s.messages, daily=s.daily)
    return s, data, Reference(s.playbook, s.posts, s.messages)


@functools.cache
def _kit(name: str, label: str) -> dict[str, Any]:
    return (metrics.compute(_scenario(name)[1], periods.parse(label))).to_json()


def _flat_reference(figures: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The reference's figures under dotted paths."""
    out: dict[str, Any] = {}
    for section, names in SCALARS.items():
        for name in names:
            out[f"{section}.{name}"] = figures[section][name]
    resp = figures["responsiveness"]
    for platform, row in resp["by_platform"].items():
        for key, value in row.items():
            out[f"responsiveness.by_platform.{platform}.{key}"] = value
    for (group, who), row in resp["responders"].items():
        for key, value in row.items():
            out[f"responsiveness.responders[{group}: {who}].{key}"] = value
    return out


def _flat_kit(section_figures: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """metrics.json's figures under the same paths (all responders and channels)."""
    out: dict[str, Any] = {}
    for section, names in SCALARS.items():
        for name in names:
            out[f"{section}.{name}"] = section_figures[section].get(name, MISSING)
    resp = section_figures["responsiveness"]
    for platform, row in resp.get("by_platform", {}).items():
        for key, value in row.items():
            out[f"responsiveness.by_platform.{platform}.{key}"] = value
    for row in resp.get("responders", []):
        for key, value in row.items():
            if key not in ("responder", "group"):
                out[f"responsiveness.responders[{row['group']}: {row['responder']}].{key}"] \
                    = value
    return out


def _mismatches(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Every figure the reference has that the kit shows otherwise (or not at all), and
    every responder or channel the kit has that the reference does not."""
    lines = []
    for path, want in expected.items():
        got = actual.get(path, MISSING)
        if got != want:
            lines.append(f"  {path}: reference {want!r}, kit {got!r}")
    for path in sorted(set(actual) - set(expected)):
        if ".responders[" in path and path.endswith(".first_answers"):
            lines.append(f"  {path}: reference (no first answers), kit {actual[path]!r}")
        elif ".by_platform." in path and path.endswith(".inbound"):
            lines.append(f"  {path}: reference (no inbound), kit {actual[path]!r}")
    return lines


@pytest.mark.parametrize(("name", "label"), CASES)
def test_every_figure_equals_the_reference(name: str, label: str) -> None:
    reference = _scenario(name)[2].figures(periods.parse(label))
    kit = {s: _kit(name, label)[s]["current"] for s in SECTIONS}
    wrong = _mismatches(_flat_reference(reference), _flat_kit(kit))
    assert not wrong, f"{name} {label}: {len(wrong)} figures differ\n" + "\n".join(wrong)


def test_scenarios_hold_the_awkward_cases() -> None:
    """The scenarios are what they claim: sizes, ids, edges, DST, make-up days."""
    for name in SCENARIOS:
        s, data, reference = _scenario(name)
        assert 150 <= len(s.messages) <= 400, (name, len(s.messages))
        assert s.messages["message_id"].str.len().max() == 20
        assert sum(x.before_parent for x in reference.lines) >= 1, name
        assert any(x.excluded for x in reference.lines), name
        assert any(x.severity == "high" and x.inbound for x in reference.lines), name
        flat = [x for x in reference.lines if x.platform == "discord"]
        assert any(x.parent_id for x in flat) and any(x.mentions for x in flat), name
        assert any("@" in x.text and not x.mentions for x in flat), name
        tz = s.playbook.tz
        local = s.messages["created_at"].dt.tz_convert(tz)
        at_midnight = set(local[(local.dt.hour == 0) & (local.dt.minute == 0)].dt.date)
        assert {periods.parse(p).start for p in SCENARIOS[name][4]} <= at_midnight, name
    clock = _scenario("shanghai-october")[2].clock()
    assert clock.hours_on(dt.date(2026, 10, 10)) == (600, 960)  # Saturday: Monday's hours
    assert clock.hours_on(dt.date(2026, 10, 6)) is None  # a weekday off for National Day
    spring = _scenario("ny-spring")[2].clock()
    assert spring.hours_on(dt.date(2026, 2, 12)) == (540, 1050)  # Lincoln's Birthday: open
    assert spring.hours_on(dt.date(2026, 2, 16)) is None


@pytest.mark.parametrize(("name", "label"), CASES)
def test_invariants(name: str, label: str) -> None:
    period = periods.parse(label)
    _, data, reference = _scenario(name)
    figures = _kit(name, label)
    capacity = reference.link_capacity(midnight(period.end, reference.tz))
    for which in ("current", "previous"):
        resp = figures["responsiveness"][which]
        assert resp["answered"] <= resp["inbound"]
        assert resp["pending"] + resp["due"] <= resp["inbound"]
        for group in ("team", "advocate", "peer"):
            assert resp[f"answered_by_{group}"] <= resp["inbound"]
        assert resp["answered_only_by_advocate"] <= resp["answered_by_advocate"]
        for section in SECTIONS:
            _shares_between_0_and_1(figures[section][which], f"{section}.{which}")
        voices = figures["voices"][which]
        assert voices["advocate_answers"] == resp["answered_by_advocate"]
        for group in ("team", "advocate"):
            given = sum(r["first_answers"] for r in resp["responders"] if r["group"] == group)
            assert given == resp[f"answered_by_{group}"], (which, group)
    for row in figures["responsiveness"]["current"]["responders"]:
        linked = capacity.get(row["responder"], 0)
        assert row["first_answers"] <= linked, (row, linked)


def _shares_between_0_and_1(figures: Any, where: str) -> None:
    if isinstance(figures, dict):
        for key, value in figures.items():
            if key in SHARES and value is not None:
                assert 0 <= value <= 1, f"{where}.{key} = {value}"
            _shares_between_0_and_1(value, f"{where}.{key}")
    elif isinstance(figures, list):
        for i, item in enumerate(figures):
            _shares_between_0_and_1(item, f"{where}[{i}]")


@pytest.mark.parametrize(("name", "label"), [
    (name, label) for name, label in CASES
    if periods.parse(label).previous().label in SCENARIOS[name][4]])
def test_previous_period_equals_its_own_report(name: str, label: str) -> None:
    previous = periods.parse(label).previous().label
    later = _flat_kit({s: _kit(name, label)[s]["previous"] for s in SECTIONS})
    own = _flat_kit({s: _kit(name, previous)[s]["current"] for s in SECTIONS})
    wrong = _mismatches(own, later)
    assert not wrong, f"{name}: {previous} as the previous period of {label}\n" + \
        "\n".join(wrong)


def test_the_reference_itself_on_a_channel_worked_by_hand() -> None:
    """Shanghai, Monday 12 Oct 2026 (open 10:00-16:00) and the make-up Saturday 10 Oct."""
    pb = scenarios.validate(scenarios.playbook_data(SHANGHAI, "24h"), Path("hand.yaml"))
    a, b, c = ("1" * 20, "anna"), ("2" * 20, "ben"), ("3" * 20, "carla")
    rows = [  # (id, author, local time, parent, mentions, text)
        ("m1", a, "2026-10-12 10:00", None, None, "How much starter goes in?"),
        ("m2", b, "2026-10-12 10:05", None, None, "How warm should the kitchen be?"),
        ("m3", scenarios.MIA_DC, "2026-10-12 10:20", None, None, "Around 24 degrees"),
        ("m4", scenarios.PRIYA_DC, "2026-10-12 10:30", None, a[0], "About 100 grams"),
        ("m5", scenarios.SAM_DC, "2026-10-12 10:40", None, None, "Yes 100 grams"),
        ("m6", c, "2026-10-12 10:50", None, None, "Love this bake"),
        ("m7", b, "2026-10-12 11:00", None, None, "@Carla Thanks team"),
        ("s1", a, "2026-10-10 09:00", None, None, "How do I keep the crust crisp?"),
        ("s2", scenarios.MIA_DC, "2026-10-10 11:00", "s1", None, "Bake it longer"),
    ]
    frame = pd.DataFrame([
        {"platform": "discord", "message_id": i, "container": "help", "author_id": who[0],
         "author_name": who[1], "parent_id": parent, "mentions": mentions, "text": text,
         "created_at": pd.Timestamp(when, tz=SHANGHAI).tz_convert("UTC")}
        for i, who, when, parent, mentions, text in rows])
    reference = Reference(pb, scenarios.conform(pd.DataFrame(), "posts"),
                          scenarios.conform(frame, "messages"))
    by = {x.message_id: {g: who for g, (_, who) in x.answers.items()}
          for x in reference.lines}
    assert by["m1"] == {"advocate": "Priya Natarajan", "team": "Sam Ortiz"}
    assert by["m2"] == {"team": "Mia Chen"}  # Mia's unlinked line: the nearest, m2
    assert by["m6"] == {"peer": "ben"}  # "@Carla" names carla
    assert by["m7"] == {} and by["s1"] == {"team": "Mia Chen"}
    resp = reference.figures(periods.parse("2026-10"))["responsiveness"]
    # first team answers: m1 40 min, m2 15 min, s1 60 min of business time (10:00-11:00
    # on the make-up Saturday, which opens at Monday's 10:00); calendar: 40, 15, 120
    assert resp["first_response_business_median_hours"] == 0.67
    assert resp["first_response_business_p90_hours"] == 0.93  # 40 + 0.8 * 20 = 56 min
    assert resp["first_response_calendar_median_hours"] == 0.67
    assert resp["first_response_calendar_p90_hours"] == 1.73  # 40 + 0.8 * 80 = 104 min
    assert resp["inbound"] == 5 and resp["answered"] == 3 and resp["answered_by_peer"] == 1
