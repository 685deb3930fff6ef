"""The engine bench's figures (bench/engine_figures.py) on a store made by hand: every engine
gives the numbers counted by hand, with the kit's percentile and rounding rules."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

from communitykit import partitions
from communitykit.metrics.stats import rounded

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import engine_figures  # noqa: E402

UTC = dt.UTC
BOUNDS = {"start": dt.datetime(2026, 10, 1, tzinfo=UTC),
          "end": dt.datetime(2026, 11, 1, tzinfo=UTC),
          "previous_start": dt.datetime(2026, 9, 1, tzinfo=UTC)}
COLUMNS = ["platform", "author_id", "created_at", "is_member", "excluded", "parent_id",
           "message_id", "inbound", "team_answer_at", "is_team"]
H = pd.Timedelta(hours=1)


def _rows() -> list[tuple[object, ...]]:
    t = pd.Timestamp
    m1, m2, m3 = t("2026-10-02 10:00Z"), t("2026-10-03 10:00Z"), t("2026-10-04 10:00Z")
    m5 = t("2026-10-06 10:00Z")
    late = t("2026-11-02 10:00Z")
    member = (True, False)
    return [  # platform, author, created, is_member, excluded, parent, id, inbound, team at, team
        ("instagram", "u1", t("2026-08-15 00:00Z"), *member, None, "a", False, None, False),
        ("instagram", "u1", m1, *member, None, "m1", True, m1 + 2 * H, False),
        ("instagram", "u2", t("2026-09-10 00:00Z"), *member, None, "b", False, None, False),
        ("instagram", "u2", m2, *member, None, "m2", True, m2 + 4 * H, False),
        ("instagram", "u3", m3, *member, None, "m3", True, late, False),
        ("instagram", "u4", t("2026-10-05 00:00Z"), True, True, None, "spam", False, None, False),
        ("discord", "u1", m5, *member, None, "m5", True, m5 + 10 * H, False),
        ("discord", "u5", t("2026-09-20 00:00Z"), *member, None, "c", False, None, False),
        ("instagram", "team", m1 + 2 * H, False, False, "m1", "t1", False, None, True),
        ("instagram", "team", m2 + 4 * H, False, False, "m2", "t2", False, None, True),
        ("instagram", "team", m2 - H, False, False, "m2", "t0", False, None, True),  # before
        ("instagram", "team", late, False, False, "m3", "t3", False, None, True),  # after end
    ]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    frame = pd.DataFrame(_rows(), columns=COLUMNS)
    for column in ("created_at", "team_answer_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True).astype("datetime64[ns, UTC]")
    for column in ("platform", "author_id", "parent_id", "message_id"):
        frame[column] = frame[column].astype("string")
    target = tmp_path_factory.mktemp("prepared") / "messages"
    partitions.write(frame.sort_values("created_at", ignore_index=True), target)
    return target


def _available(engine: str) -> bool:
    module = {"arrow": "pyarrow", "pandas": "pandas"}.get(engine, engine)
    return importlib.util.find_spec(module) is not None


@pytest.mark.parametrize("engine", list(engine_figures.ENGINES))
def test_every_engine_counts_the_hand_made_store(folder: Path, engine: str) -> None:
    if not _available(engine):
        pytest.skip(f"{engine} is not installed (pip install -e '.[bench]')")
    got = engine_figures.ENGINES[engine](folder, BOUNDS)
    # Active in October: instagram u1, u2, u3 and discord u1 (u4's message is spam). New:
    # not seen before October (instagram u3, discord u1). September: instagram u2, discord u5.
    assert got["health"] == {"active_members": 4, "new_members": 2, "returning_members": 1,
                             "previous_active_members": 2,
                             "by_platform": {"discord": 1, "instagram": 3}}
    hours = {k: None if v is None else rounded(v, 2) for k, v in got["responsiveness"].items()}
    # Answered before the end: 2, 4 and 10 hours; p90 = 4 + 0.8 * (10 - 4) (linear ranks).
    assert hours == {"inbound": 4, "answered": 3, "median_h": 4.0, "p90_h": 8.8,
                     "mean_h": 5.33}
    instagram = {k: rounded(v, 2) for k, v in got["by_platform"]["instagram"].items()}
    assert instagram == {"inbound": 3, "answered": 2, "median_h": 3.0, "p90_h": 3.8,
                         "mean_h": 3.0}
    assert got["by_platform"]["discord"]["answered"] == 1
    # Replies joined to parents: t1 and t2 count, t0 came before its parent, t3 after the end.
    thread = {k: rounded(v, 2) for k, v in got["thread"].items()}
    assert thread == {"answered": 2, "median_h": 3.0, "p90_h": 3.8, "mean_h": 3.0}
