"""The six periods before a goal, their trend and the suggested target, by hand."""

from __future__ import annotations

import pytest

from communitykit import periods
from communitykit.goal_history import history, periods_up_to, slope

LAST = periods.parse("2026-10")


def _measure(values: dict[str, float | None]):
    return lambda metric, period: values.get(period.label)


def _months(*values: float | None) -> dict[str, float | None]:
    labels = [p.label for p in periods_up_to(LAST)]
    return dict(zip(labels, values, strict=True))


def test_the_six_months_up_to_the_baseline() -> None:
    assert [p.label for p in periods_up_to(LAST)] == [
        "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
    assert slope([1, 2, 3]) == 1 and slope([3, 3, 3]) == 0


def test_a_best_reached_before_is_the_target() -> None:
    h = history("response_rate", LAST, _measure(_months(0.7, 0.82, 0.75, 0.8, 0.78, 0.76)))
    assert h.suggested == 0.82 and h.reason == "the best of the last 6 periods"
    # hours: lower is better
    h = history("first_response_business_median_hours", LAST,
                _measure(_months(3, 2.5, None, 4, 3.5, 3)))
    assert h.suggested == 2.5 and h.values[2] is None


def test_a_rising_latest_best_is_carried_on_by_its_trend() -> None:
    h = history("active_members", LAST, _measure(_months(100, 110, 120, 130, 140, 150)))
    assert h.trend == "rising"
    assert h.suggested == pytest.approx(180)  # 150 + 3 periods x 10
    assert h.reason == "the trend carried 3 periods on"


def test_a_flat_latest_best_gets_five_percent_and_rates_stay_below_one() -> None:
    h = history("engagement", LAST, _measure(_months(200, 200, 200, 200, 200, 200)))
    assert (h.trend, h.suggested) == ("flat", pytest.approx(210))
    h = history("sla_compliance", LAST, _measure(_months(0.5, 0.6, 0.7, 0.8, 0.9, 1.0)))
    assert h.suggested == 1.0
    # a negative latest best: slope = 0.25 / 17.5 per month, carried 3 months on
    h = history("net_sentiment", LAST, _measure(_months(-0.3, -0.3, -0.3, -0.3, -0.3, -0.2)))
    assert h.trend == "rising" and h.suggested == pytest.approx(-0.2 + 3 * 0.25 / 17.5)
    h = history("net_sentiment", LAST, _measure(_months(-0.2, -0.2, -0.2, -0.2, -0.2, -0.2)))
    assert h.suggested == pytest.approx(-0.19)  # 5 % of its size, the better way


def test_a_zero_baseline_asks_for_an_absolute_target() -> None:
    h = history("conversations", LAST, _measure(_months(0, 0, 0, 0, 0, 0)))
    assert h.zero_baseline and h.suggested is None and "absolute target" in h.reason
    h = history("conversations", LAST, _measure(_months(None, None, None, None, None, 4)))
    assert h.trend == "too little data" and h.suggested is None
