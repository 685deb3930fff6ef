"""Small shared helpers: safe ratios, percentiles and rounding for metrics.json."""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
import pandas as pd


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator`` rounded to 4 places, or None when nothing to divide by."""
    if not denominator:
        return None
    return round(float(numerator) / float(denominator), 4)


def hours(values: pd.Series, how: str) -> float | None:
    """Median, 90th percentile or mean of timedeltas, in hours (2 places).

    Percentiles interpolate linearly between ranks (numpy's default, the same as
    Excel's PERCENTILE.INC).
    """
    clean = values.dropna()
    if clean.empty:
        return None
    h = clean.dt.total_seconds().to_numpy() / 3600
    if how == "median":
        value = float(np.median(h))
    elif how == "p90":
        value = float(np.percentile(h, 90))
    else:
        value = float(np.mean(h))
    return round(value, 2)


def number(value: object) -> float | int | None:
    """A JSON-safe number (NaN and NA become None)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (np.integer, int)):
        return int(value)
    return round(float(value), 4)  # type: ignore[arg-type]


_WINDOWS: OrderedDict[tuple[int, pd.Timestamp, pd.Timestamp],
                      tuple[pd.DataFrame, pd.DataFrame]] = OrderedDict()
WINDOWS_KEPT = 4


def in_period(frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Rows created in ``[start, end)``. The last few slices are kept, as every section
    asks for the same one; callers must not modify the frame they get."""
    key = (id(frame), start, end)
    held = _WINDOWS.get(key)
    if held is not None and held[0] is frame:
        _WINDOWS.move_to_end(key)
        return held[1]
    window = frame[(frame["created_at"] >= start) & (frame["created_at"] < end)]
    _WINDOWS[key] = (frame, window)
    while len(_WINDOWS) > WINDOWS_KEPT:
        _WINDOWS.popitem(last=False)
    return window
