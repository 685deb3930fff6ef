"""Numeric ranges, percentages for rates, and the settings added for issue 15."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from communitykit import playbook
from communitykit.errors import PlaybookError

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "playbooks" / "demo" / "playbook.yaml"
HANDCALC = ROOT / "tests" / "fixtures" / "handcalc" / "playbook.yaml"
ANSWER_MORE = "    target: 0.9\n    baseline: {period: 2026-06}"  # goals/1: response_rate
GROW = "    target: 15000\n    baseline: {value: 12000}"  # goals/2: followers
CADENCE = "  posts_per_week: {instagram: 3, x: 5, discord: 2}"


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = DEMO.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "playbook.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _error(tmp_path: Path, old: str, new: str) -> str:
    with pytest.raises(PlaybookError) as err:
        playbook.load(_edited(tmp_path, old, new))
    return str(err.value)


def _goal(tmp_path: Path, old: str, new: str, index: int) -> playbook.Goal:
    return playbook.load(_edited(tmp_path, old, new)).goals[index]


# --- rates as fractions or percentages --------------------------------------------------------

def test_a_bare_85_for_a_rate_says_how_to_write_it(tmp_path: Path) -> None:
    message = _error(tmp_path, ANSWER_MORE, "    target: 85\n    baseline: {period: 2026-06}")
    assert 'write 0.85 or "85%"' in message
    assert ", goals/1/target: " in message


@pytest.mark.parametrize(("written", "value"), [('"85%"', 0.85), ("85 %", 0.85),
                                                ("0.85", 0.85), ('"12.5%"', 0.125),
                                                ("1", 1.0), ("0", 0.0)])
def test_rate_targets_as_fraction_or_percentage(tmp_path: Path, written: str,
                                                value: float) -> None:
    goal = _goal(tmp_path, ANSWER_MORE, f"    target: {written}\n    baseline: {{value: 0.5}}",
                 1)
    assert goal.target == pytest.approx(value)


def test_rate_baseline_as_percentage_and_its_key_path(tmp_path: Path) -> None:
    goal = _goal(tmp_path, ANSWER_MORE, '    target: 0.9\n    baseline: {value: "40%"}', 1)
    assert goal.baseline.value == pytest.approx(0.4)
    message = _error(tmp_path, ANSWER_MORE, "    target: 0.9\n    baseline: {value: 40}")
    assert 'write 0.4 or "40%"' in message
    assert ", goals/1/baseline/value: " in message
    message = _error(tmp_path, ANSWER_MORE, '    target: 0.9\n    baseline: {value: "140%"}')
    assert "outside 0% to 100%" in message and "goals/1/baseline/value" in message


@pytest.mark.parametrize(("target", "expected"), [
    ('"150%"', "'150%' is outside 0% to 100%"),
    ("-0.1", "-0.1 is below 0: response_rate runs from 0 to 1"),
    ('"-5%"', "'-5%' is outside 0% to 100%"),
])
def test_rates_stay_between_0_and_1(tmp_path: Path, target: str, expected: str) -> None:
    message = _error(tmp_path, ANSWER_MORE, f"    target: {target}\n    baseline: {{value: 0.5}}")
    assert expected in message and "goals/1/target" in message


def test_net_sentiment_may_be_negative(tmp_path: Path) -> None:
    rate = "    metric: response_rate\n    direction: at_least\n" + ANSWER_MORE
    sentiment = ("    metric: net_sentiment\n    direction: at_least\n"
                 '    target: "-10%"\n    baseline: {value: -0.3}')
    goal = _goal(tmp_path, rate, sentiment, 1)
    assert (goal.target, goal.baseline.value) == (pytest.approx(-0.1), -0.3)
    message = _error(tmp_path, rate, sentiment.replace("-0.3", "-2"))
    assert "-2 is below -1" in message and "goals/1/baseline/value" in message


# --- counts and hours -------------------------------------------------------------------------

def test_a_percentage_is_refused_for_a_count(tmp_path: Path) -> None:
    message = _error(tmp_path, GROW, '    target: "85%"\n    baseline: {value: 12000}')
    assert "'85%' is a percentage, but followers is a count" in message
    assert "goals/2/target" in message


def test_negative_counts_and_hours_are_refused(tmp_path: Path) -> None:
    message = _error(tmp_path, GROW, "    target: -5\n    baseline: {value: 12000}")
    assert "-5 is negative" in message and "goals/2/target" in message
    message = _error(tmp_path, "    target: 1.5\n    baseline: {value: 3.0}",
                     "    target: 1.5\n    baseline: {value: -3}")
    assert "-3 is negative, and first_response_business_median_hours is a number of hours" \
        in message and "goals/0/baseline/value" in message


def test_counts_above_one_are_fine(tmp_path: Path) -> None:
    assert _goal(tmp_path, GROW, "    target: 15000\n    baseline: {value: 0}", 2).target == 15000


def test_nan_is_not_a_target(tmp_path: Path) -> None:
    message = _error(tmp_path, GROW, "    target: .nan\n    baseline: {value: 12000}")
    assert "goals/2/target" in message


# --- cadence ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("posts", "expected"), [
    ("-3", "must be at least 0, got -3"),
    ("1001", "must be at most 1000, got 1001")])
def test_posts_per_week_has_a_range(tmp_path: Path, posts: str, expected: str) -> None:
    message = _error(tmp_path, CADENCE, f"  posts_per_week: {{instagram: {posts}, x: 5}}")
    assert expected in message and "cadence/posts_per_week/instagram" in message


def test_zero_posts_per_week_is_allowed(tmp_path: Path) -> None:
    pb = playbook.load(_edited(tmp_path, CADENCE, "  posts_per_week: {instagram: 0}"))
    assert pb.cadence.posts_per_week == {"instagram": 0}


def test_durations_must_be_longer_than_zero(tmp_path: Path) -> None:
    message = _error(tmp_path, "question: {within: 4h", "question: {within: 0h")
    assert "longer than zero" in message and "cadence/response/question/within" in message


def test_commitments_per_severity(tmp_path: Path) -> None:
    old = "    message: {within: 8h, clock: business}"
    pb = playbook.load(_edited(tmp_path, old, old + "\n    high: {within: 1h, clock: calendar}"))
    assert pb.cadence.response["high"].within == "1h"
    assert pb.cadence.response["high"].clock == "calendar"
    assert "low" not in pb.cadence.response
    message = _error(tmp_path, old, old + "\n    urgent: {within: 1h}")
    assert "'critical'" in message and "cadence/response/urgent" in message


def test_flat_thread_window(tmp_path: Path) -> None:
    assert playbook.load(DEMO).cadence.flat_thread_window == "24h"
    pb = playbook.load(_edited(tmp_path, CADENCE, CADENCE + "\n  flat_thread_window: 2h"))
    assert playbook.parse_duration(pb.cadence.flat_thread_window) == dt.timedelta(hours=2)
    message = _error(tmp_path, CADENCE, CADENCE + "\n  flat_thread_window: soon")
    assert "not a duration" in message and "cadence/flat_thread_window" in message


# --- reach ------------------------------------------------------------------------------------

def test_engagement_rate_by(tmp_path: Path) -> None:
    assert playbook.load(DEMO).reach.engagement_rate_by == "impressions"
    pb = playbook.load(_edited(tmp_path, "\nlistening:", "\nreach:\n  engagement_rate_by: reach"
                                                        "\n\nlistening:"))
    assert pb.reach.engagement_rate_by == "reach"
    message = _error(tmp_path, "\nlistening:", "\nreach: {engagement_rate_by: views}\nlistening:")
    assert "'impressions', 'reach' or 'followers'" in message
    assert "reach/engagement_rate_by" in message


def test_an_older_playbook_loads_with_the_defaults() -> None:
    pb = playbook.load(HANDCALC)
    holidays = pb.business_hours.holidays
    assert (holidays.subdivision_holidays, holidays.categories) == (False, ["public"])
    assert pb.cadence.flat_thread_window == "24h"
    assert pb.reach.engagement_rate_by == "impressions"
    assert pb.goals[0].target == 0.9 and pb.goals[3].target == 3.6
