"""The store cut by month: the same table whatever months are read, only those read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from communitykit import partitions
from communitykit.store import Store
from communitykit.tables import conform

T = pd.Timestamp


def messages(rows: list[tuple[str, str | None]]) -> pd.DataFrame:
    """Messages keyed ``m<i>`` in the order given (the table's order), created at ``when``."""
    return conform(pd.DataFrame({
        "platform": ["x"] * len(rows), "message_id": [m for m, _ in rows],
        "author_id": ["a"] * len(rows), "text": [f"text {m}" for m, _ in rows],
        "created_at": [T(w) if w else pd.NaT for _, w in rows]}), "messages")


ROWS = [("m1", "2026-10-31T23:59:59Z"), ("m2", "2026-09-01T00:00:00Z"),
        ("m3", None), ("m4", "2026-11-01T00:00:00Z"), ("m5", "2026-10-01T00:00:00Z"),
        ("m6", "2026-08-15T12:00:00Z")]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store")
    s.commit({"messages": messages(ROWS), "posts": conform(pd.DataFrame(), "posts")}, [])
    return s


def test_months_are_files_and_the_whole_table_reads_back_in_its_order(store: Store) -> None:
    folder = store.directory / str(store.version) / "messages"
    assert partitions.months(folder) == ["2026-08", "2026-09", "2026-10", "2026-11", "undated"]
    assert pq.read_table(folder / "2026-10.parquet")["message_id"].to_pylist() == ["m1", "m5"]
    whole = store.load("messages")
    pd.testing.assert_frame_equal(whole, messages(ROWS))
    assert partitions.months(store.directory / str(store.version) / "posts") == ["undated"]
    assert list(store.load("posts").columns) == list(conform(pd.DataFrame(), "posts").columns)


def test_a_period_reads_only_its_months_and_exactly_its_rows(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = pq.read_table
    monkeypatch.setattr(pq, "read_table", lambda path, **kw: read.append(Path(path).stem)
                        or real(path, **kw))
    october = store.load("messages", ["message_id", "text"], T("2026-10-01T00:00:00Z"),
                         T("2026-11-01T00:00:00Z"))
    assert read == ["2026-10"]  # and not the three other months, nor the undated rows
    assert october["message_id"].tolist() == ["m1", "m5"]  # the table's order
    assert list(october.columns) == ["message_id", "text"]
    read.clear()
    # a local month (UTC-4) reaches into the next UTC month
    local = store.load("messages", ["message_id"], T("2026-10-01T04:00:00Z"),
                       T("2026-11-01T04:00:00Z"))
    assert read == ["2026-10", "2026-11"] and local["message_id"].tolist() == ["m1", "m4"]
    assert store.load("messages", ["message_id"], T("2025-01-01T00:00Z"),
                      T("2025-02-01T00:00Z")).empty


def test_the_span_reads_the_first_and_last_month(store: Store) -> None:
    assert store.span("messages") == (T("2026-08-15T12:00:00Z"), T("2026-11-01T00:00:00Z"))
    assert store.span("posts") is None


def test_a_store_written_before_months_reads_as_before_and_is_cut_at_the_next_commit(
        tmp_path: Path) -> None:
    old = tmp_path / "store"
    (old / "v000001").mkdir(parents=True)
    messages(ROWS).to_parquet(old / "v000001" / "messages.parquet", index=False)
    (old / "CURRENT").write_text("v000001\n")
    s = Store(old)
    pd.testing.assert_frame_equal(s.load("messages"), messages(ROWS))
    assert s.load("messages", ["message_id"], T("2026-10-01T00:00Z"), T("2026-11-01T00:00Z"))[
        "message_id"].tolist() == ["m1", "m5"]
    assert s.span("messages") == (T("2026-08-15T12:00:00Z"), T("2026-11-01T00:00:00Z"))
    s.commit({"messages": s.load("messages")}, [])
    assert (old / "v000002" / "messages" / "2026-09.parquet").exists()
    pd.testing.assert_frame_equal(s.load("messages"), messages(ROWS))
