"""A metric over the last periods, its trend and a realistic target to suggest.

Before a strategist sets a goal, the goals step shows each candidate metric over the six
periods up to the baseline period. The suggestion follows one documented rule:

- the **best** value of those periods, when it is better than the latest: the client has
  reached it before, so it is realistic;
- otherwise (the latest is the best) the latest plus the **trend** of three more periods,
  when the trend goes the better way; else the latest improved by 5 % of its size;
- no suggestion when the latest is 0 and never bettered (a baseline of 0 asks for an
  absolute target, and the goals step asks the strategist to confirm it);
- rates and shares stay between 0 and 1, counts and hours at 0 or more.

The trend is the least-squares slope per period; it is "flat" when the change it
predicts over the six periods is under 5 % of their mean.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .catalogue import CATALOGUE
from .periods import Period

PERIODS = 6
FLAT = 0.05
STEP_UP = 0.05
AHEAD = 3


@dataclass(frozen=True)
class History:
    metric: str
    periods: tuple[str, ...]  # oldest first
    values: tuple[float | None, ...]
    trend: str  # rising, falling, flat, or "too little data"
    suggested: float | None
    reason: str
    zero_baseline: bool  # the latest value is 0: a relative target means nothing


def periods_up_to(last: Period, count: int = PERIODS) -> list[Period]:
    """``count`` periods ending with ``last``, oldest first."""
    out = [last]
    while len(out) < count:
        out.append(out[-1].previous())
    return out[::-1]


def slope(values: list[float]) -> float:
    """Least-squares slope of ``values`` against 0, 1, 2, ..."""
    n = len(values)
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    spread = sum((x - mean_x) ** 2 for x in range(n))
    return sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values)) / spread


def history(metric: str, last: Period,
            measure: Callable[[str, Period], float | None]) -> History:
    """``metric`` over the periods up to ``last``, with its trend and a suggested target."""
    spans = periods_up_to(last)
    values = tuple(measure(metric, p) for p in spans)
    known = [v for v in values if v is not None]
    labels = tuple(p.label for p in spans)
    latest = values[-1]
    if len(known) < 2 or latest is None:
        return History(metric, labels, values, "too little data", None,
                       "fewer than two periods with a value", latest == 0)
    up = CATALOGUE[metric].better == "up"
    per_period = slope(known)
    mean = sum(known) / len(known)
    change = per_period * (len(known) - 1)
    trend = ("flat" if abs(change) < FLAT * abs(mean) or change == 0
             else "rising" if change > 0 else "falling")
    best = max(known) if up else min(known)
    if (best > latest) if up else (best < latest):
        target, reason = best, f"the best of the last {len(spans)} periods"
    elif (per_period > 0) == up and trend != "flat":
        target, reason = latest + per_period * AHEAD, f"the trend carried {AHEAD} periods on"
    elif latest == 0:
        return History(metric, labels, values, trend, None,
                       "the latest value is 0: a change from it says nothing, choose an "
                       "absolute target", True)
    else:
        step = abs(latest) * STEP_UP
        target = latest + step if up else latest - step
        reason = f"the latest value {'raised' if up else 'lowered'} by {STEP_UP:.0%}"
    return History(metric, labels, values, trend, _bounded(metric, target), reason,
                   latest == 0)


def _bounded(metric: str, value: float) -> float:
    unit = CATALOGUE[metric].unit
    if unit == "ratio":
        return min(max(value, -1.0 if metric in ("net_sentiment", "follower_growth_rate")
                       else 0.0), 1.0)
    return max(value, 0.0)
