"""Small shared helpers: safe ratios, percentiles and rounding for metrics.json."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pandas as pd

from .. import caches

NOISE = Decimal("1e-9")


def rounded(value: float, places: int) -> float:
    """``value`` rounded to ``places`` decimals, halves away from zero (0.625 -> 0.63),
    as a reader rounds. Float noise is settled first at 9 places, so an exact half
    that floating point holds as 0.43499999999999994 still becomes 0.44."""
    settled = Decimal(repr(float(value))).quantize(NOISE)
    return float(settled.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator`` rounded to 4 places, or None when nothing to divide by."""
    if not denominator:
        return None
    return rounded(float(numerator) / float(denominator), 4)


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
    return rounded(value, 2)


def number(value: object) -> float | int | None:
    """A JSON-safe number (NaN and NA become None)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (np.integer, int)):
        return int(value)
    return rounded(float(value), 4)  # type: ignore[arg-type]


_WINDOWS: OrderedDict[tuple[int, pd.Timestamp, pd.Timestamp],
                      tuple[pd.DataFrame, pd.DataFrame]] = OrderedDict()
WINDOWS_KEPT = 4
caches.holds_client_data(_WINDOWS.clear)


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


def period_mask(frame: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> np.ndarray:
    """Whether each row of ``frame`` was created in ``[start, end)``."""
    created = frame["created_at"]
    return ((created >= start) & (created < end)).to_numpy(dtype=bool)


def rows(frame: pd.DataFrame, keep: np.ndarray, columns: Iterable[str]) -> pd.DataFrame:
    """``columns`` of the rows where ``keep``: the columns are chosen first, so only they
    are copied (a row selection copies every column of its frame)."""
    return frame[list(columns)][keep]


def flag(frame: pd.DataFrame, column: str) -> np.ndarray:
    """A boolean column as a numpy array."""
    return frame[column].to_numpy(dtype=bool)


def local_minutes(times: pd.Series, tz: Any) -> list[str]:
    """UTC times as local "YYYY-MM-DD HH:MM" strings, as ``strftime`` writes them (numpy
    formats them many times faster)."""
    local = times.dt.tz_convert(tz).dt.tz_localize(None).to_numpy().astype("datetime64[m]")
    return [text.replace("T", " ") for text in np.datetime_as_string(local).tolist()]
