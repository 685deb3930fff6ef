"""A report's window of the store gives the figures of the whole store, byte for byte.

``window.dataset`` reads the months from two periods before the report (or a goal's
baseline) to the store's end, the reply chains above them, and narrow facts of the older
months (``history``). Each test compares ``metrics.json``'s figures from that window with
those from the whole store (``Dataset.from_store``), and checks the window really left
months out, so that no comparison is vacuous. Larger stores: ``test_window_long.py``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from communitykit import metrics, partitions, periods, playbook, window
from communitykit.dataset import Dataset
from communitykit.errors import NoData
from communitykit.playbook import Playbook
from communitykit.store import Store, merge
from communitykit.tables import conform
from conftest import FIXTURES


def same_figures(store: Store, pb: Playbook, labels: list[str], memo_dir: Path | None = None,
                 ) -> dict[str, int]:
    """Assert each period's figures are equal both ways; return the window's row counts."""
    whole = Dataset.from_store(store, pb, memo_dir)
    rows = {}
    for label in labels:
        period = periods.parse(label)
        part = window.dataset(store, pb, period, memo_dir)
        assert _figures(part, period) == _figures(whole, period), label
        rows[label] = len(part.messages)
    rows["whole"] = len(whole.messages)
    return rows


def _figures(data: Dataset, period: periods.Period) -> dict[str, object] | str:
    """metrics.json's figures, or the message of a period without data."""
    try:
        return metrics.compute(data, period).to_json()
    except NoData as stop:
        return str(stop)


def test_a_months_digest_ignores_rows_added_to_other_months(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    rows = _messages([("m1", "2026-01-05"), ("m3", "2026-03-05")])
    store.commit({"messages": rows}, [])
    before = _digests(store)
    more, _ = merge(rows, _messages([("m2", "2026-03-06"), ("m0", "2026-02-01")]),
                    "messages")
    store.commit({"messages": more}, [])
    after = _digests(store)
    assert after["2026-01"] == before["2026-01"]  # its rows moved in the table, no more
    assert after["2026-03"] != before["2026-03"]
    assert set(after) == {"2026-01", "2026-02", "2026-03"}


# --- what the older months must still say -------------------------------------------------


def older_months_store(tmp_path: Path) -> tuple[Store, Playbook]:
    """A store in which each fact of ``history``, and a reply chain, decides a figure of
    December (its window: October on)."""
    pb = _with(playbook.load(FIXTURES / "handcalc" / "playbook.yaml"), goals=[], roster=[
        {"name": "Mia", "role": "community_manager",
         "handles": {"instagram": "mia.cm", "slack": "mia", "discord": "mia"}}])
    rows = [
        # a reply chain from January: the December reply's parent and its parent's parent
        _row("x", "x1", "ann", "2026-01-10T15:00Z", text="Is the shop open on Sunday?"),
        _row("x", "x5", "bob", "2026-03-10T15:00Z", parent="x1", text="same question"),
        _row("x", "x9", "cat", "2026-12-09T15:00Z", parent="x5", text="me too?"),
        # a reply to a parent the store never held
        _row("x", "x8", "dan", "2026-12-09T16:00Z", parent="gone", text="hello?"),
        # a member of February who writes again in December: not new
        _row("x", "x2", "eve", "2026-02-02T15:00Z", text="love it"),
        _row("x", "x7", "eve", "2026-12-08T15:00Z", text="still love it"),
        # a roster person last active in April (and the team's only line on slack, where a
        # member writes in December: a channel with team activity)
        _row("slack", "s1", "mia", "2026-04-01T15:00Z", text="welcome all",
             channel="general"),
        _row("slack", "s2", "fay", "2026-12-07T15:00Z", text="Is there a sale?",
             channel="general"),
        # two authors named "sam" on discord: the first in the table's order is s-0 (May);
        # the December mention of @sam answers s-0's line, not s-9's
        _row("discord", "d01", "s-0", "2026-05-04T15:00Z", name="sam", channel="general",
             text="hi"),
        _row("discord", "d50", "s-9", "2026-12-09T14:00Z", name="sam", channel="general",
             text="Anyone know when the shop opens?"),
        _row("discord", "d60", "s-0", "2026-12-09T14:05Z", name="sam", channel="general",
             text="Where do I find the recipe?"),
        _row("discord", "d70", "mia", "2026-12-09T15:00Z", channel="general",
             text="@sam here it is"),
    ]
    return _stored(tmp_path, None, conform(pd.DataFrame(rows), "messages"), None), pb


def test_what_only_older_months_hold(tmp_path: Path) -> None:
    store, pb = older_months_store(tmp_path)
    rows_read = same_figures(store, pb, ["2026-12"])
    assert rows_read["2026-12"] == 9  # x1 and x5 of the chain; not x2, d01 and s1
    part = window.dataset(store, pb, periods.parse("2026-12"))
    m = part.messages.set_index("message_id")
    assert m.loc["x9", "thread"] == m.loc["x5", "thread"]
    assert pd.notna(m.loc["d60", "team_answer_at"]) and pd.isna(m.loc["d50", "team_answer_at"])
    doc = metrics.compute(part, periods.parse("2026-12"))
    assert doc.health.current.active_members > doc.health.current.new_members


# --- helpers ---------------------------------------------------------------------------------


def _with(pb: Playbook, **changes: object) -> Playbook:
    data = pb.model_dump(mode="json")
    data.update(changes)
    return Playbook.model_validate(data)


def _without_baseline_periods(pb: Playbook) -> Playbook:
    goals = [g.model_dump(mode="json") for g in pb.goals]
    for goal in goals:
        if goal["baseline"].get("period"):
            goal["baseline"] = {"value": 0.5}
    return _with(pb, goals=goals)


def _row(platform: str, message_id: str, author: str, when: str, *, text: str,
         parent: str | None = None, channel: str | None = None, name: str | None = None,
         ) -> dict[str, object]:
    return {"platform": platform, "message_id": message_id, "author_id": author,
            "author_name": name or author, "created_at": pd.Timestamp(when),
            "parent_id": parent, "container": channel, "text": text, "kind": "comment"}


def _messages(keys: list[tuple[str, str]]) -> pd.DataFrame:
    return conform(pd.DataFrame({"platform": "x", "message_id": [k for k, _ in keys],
                                 "author_id": "a", "text": "t",
                                 "created_at": [pd.Timestamp(w, tz="UTC") for _, w in keys]}),
                   "messages")


def _digests(store: Store) -> dict[str, str]:

    folder = store.folder("messages")
    assert folder is not None
    return partitions.digests(folder)


def _stored(tmp_path: Path, posts: pd.DataFrame | None, messages: pd.DataFrame,
            daily: pd.DataFrame | None) -> Store:
    """A store holding the frames as an import leaves them (one row per key, in key order)."""
    store = Store(tmp_path / "store")
    tables = {"posts": posts, "messages": messages, "account_daily": daily}
    store.commit({name: merge(conform(pd.DataFrame(), name), frame, name)[0]
                  for name, frame in tables.items() if frame is not None}, [])
    return store
