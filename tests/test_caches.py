"""Caches holding a client's data are dropped between the reports of a warm kernel."""

from __future__ import annotations

import pandas as pd

from communitykit import caches, fastmatch
from communitykit.listening import text
from communitykit.metrics import stats
from communitykit.run import kernels


def test_the_reset_between_reports_drops_every_client_cache() -> None:
    frame = pd.DataFrame({"created_at": pd.to_datetime(["2026-10-01T12:00Z"])})
    stats.in_period(frame, pd.Timestamp("2026-10-01T00:00Z"), pd.Timestamp("2026-11-01T00:00Z"))
    fastmatch.search(pd.Series(["client text"]), __import__("re").compile("client"))
    text.fold("Jalapeño client")
    assert stats._WINDOWS and fastmatch._LAST and text.fold.cache_info().currsize
    magic, call = kernels.RESET_CODE.split("\n")
    assert magic == "%reset -f"
    exec(call, {})  # what the kernel runs after emptying its namespace  # noqa: S102
    assert not stats._WINDOWS and not fastmatch._LAST and text.fold.cache_info().currsize == 0


def test_registered_clears_run_once_each() -> None:
    seen: list[str] = []
    clear_fn = caches.holds_client_data(lambda: seen.append("x"))
    try:
        caches.clear()
        assert seen == ["x"]
    finally:
        caches._CLEARS.remove(clear_fn)
