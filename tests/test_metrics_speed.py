"""The metrics' shortcuts (narrow selections, Arrow key lookups, numpy time strings, goal
data filtered by the tables its section reads) give what the plain pandas ways give."""

from __future__ import annotations

import zoneinfo

import numpy as np
import pandas as pd
import pytest

from communitykit import keys, metrics, periods
from communitykit.metrics import reach, stats
from communitykit.paths import Workspace


def _pair(platform: pd.Series, ident: pd.Series) -> pd.Series:
    return platform.astype("string") + "\x1f" + ident.astype("string")


def _isin(values: pd.Series, pool: pd.Series) -> np.ndarray:
    codes, _ = pd.factorize(pd.concat([values, pool], ignore_index=True))
    mine, theirs = codes[: len(values)], codes[len(values):]
    return np.isin(mine, theirs[theirs >= 0]) & (mine >= 0)


@pytest.mark.parametrize("dtype", ["string", object])
def test_pair_keys_and_lookups_match_the_string_ways(dtype: object) -> None:
    platform = pd.Series(["x", None, "y", "x", "x", "y"], dtype=dtype, index=[5, 3, 1, 0, 2, 4])
    ident = pd.Series(["1", "2", None, "1", "ü\x1f", "3"], dtype=dtype, index=platform.index)
    pd.testing.assert_series_equal(keys.pair(platform, ident), _pair(platform, ident))
    values, pool = keys.pair(platform, ident), keys.pair(platform.iloc[3:], ident.iloc[3:])
    assert keys.isin(values, pool).tolist() == _isin(values, pool).tolist()
    empty = pd.Series([], dtype="string")
    assert keys.isin(empty, pool).tolist() == []
    assert not keys.isin(values, empty).any()


@pytest.mark.parametrize("tz", ["Europe/Berlin", "Asia/Kolkata", "America/St_Johns"])
def test_local_minutes_are_strftime_minutes(tz: str) -> None:
    times = pd.Series(pd.to_datetime(
        ["2026-03-29T00:59:59.999Z", "2026-03-29T01:00:00Z", "2026-10-25T00:30:00Z",
         "2026-10-25T01:30:59Z", "1960-01-01T00:00:30Z"], utc=True, format="ISO8601"))
    zone = zoneinfo.ZoneInfo(tz)
    assert stats.local_minutes(times, zone) == times.dt.tz_convert(zone).dt.strftime(
        "%Y-%m-%d %H:%M").tolist()


def test_goal_reach_reads_only_the_tables_it_names(demo_store: Workspace) -> None:
    """A reach goal on one channel gets the data with only posts and daily rows filtered:
    its figures are those of the whole channel's data."""
    data = demo_store.client("demo").dataset()
    period = periods.parse("2026-10")
    start, end = period.utc_bounds(data.playbook.tz)
    for channel in sorted(set(data.daily["platform"]) | set(data.posts["platform"])):
        narrow = metrics.only_platform(data, channel, metrics.SECTION_TABLES["reach"])
        assert narrow.messages.empty
        whole = metrics.only_platform(data, channel)
        assert reach.compute(narrow, start, end) == reach.compute(whole, start, end)
