"""The window's figures against the whole store's on larger stores: the bench's synthetic
client over eight months (every month, quarters, weeks, a goal baseline), the reference
scenarios, the hand-calculated client; and the facts of older months kept by an import and
read by a report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from communitykit import chains, history, partitions, periods, playbook, window
from communitykit.ingest import import_exports
from communitykit.paths import Workspace
from communitykit.store import Store
from conftest import FIXTURES, ROOT, make_workspace
from test_window import (
    _figures,
    _stored,
    _with,
    _without_baseline_periods,
    older_months_store,
    same_figures,
)

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from reference import scenarios  # noqa: E402


@pytest.fixture(scope="module")
def long_client(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The synthetic client of the bench over eight months (3,000 messages), imported."""
    root = tmp_path_factory.mktemp("long")
    synth.make_workspace(root)
    synth.add_client(root, "long", 3000, months=8)
    ws = Workspace(root)
    pb = playbook.load(ws.playbook_file("long"))
    import_exports(Store(ws.store_dir("long")), pb, [root / "playbooks" / "long" / "exports"],
                   say=lambda _: None)
    return ws


MONTHS = [f"2026-{m:02d}" for m in range(3, 12)]


def test_every_month_of_a_long_store_has_the_whole_stores_figures(long_client: Workspace
                                                                  ) -> None:
    handle = long_client.client("long")
    rows = same_figures(handle.store, _without_baseline_periods(handle.playbook),
                        [*MONTHS, "2026-Q3", "2026-Q2", "2026-W40", "2026-W31"],
                        handle.memo_dir)
    assert rows["2026-10"] < rows["whole"] * 0.6  # August to October of eight months
    assert rows["2026-W40"] < rows["whole"] * 0.3
    # with the demo's goal on the figures of June, the window starts in May
    assert same_figures(handle.store, handle.playbook, ["2026-10"])["2026-10"] > 2000


def test_a_goal_baseline_widens_the_window(long_client: Workspace) -> None:
    handle = long_client.client("long")
    goal = {"id": "answer", "metric": "response_rate", "direction": "at_least", "target": 0.9,
            "baseline": {"period": "2026-04"},
            "start": "2026-05-01", "deadline": "2026-12-31"}
    pb = _with(_without_baseline_periods(handle.playbook), goals=[goal])
    assert window.start(pb, periods.parse("2026-10")) == pd.Timestamp("2026-03-01 05:00",
                                                                       tz="UTC")
    same_figures(handle.store, pb, ["2026-10"])


def test_kept_facts_are_read_and_a_playbook_change_computes_them_afresh(
        long_client: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handle = long_client.client("long")
    folder = handle.store.folder("messages")
    assert folder is not None
    older = ["2026-03", "2026-04", "2026-05", "2026-06"]
    computed: list[str] = []
    real = window.month_facts
    monkeypatch.setattr(window, "month_facts", lambda f, name, pb, memo: computed.append(name)
                        or real(f, name, pb, memo))
    first = window.older_facts(folder, older, handle.playbook, tmp_path)
    assert computed == older
    monkeypatch.setattr(history, "kept", _refuse)  # the four months' sum is read instead
    again = window.older_facts(folder, older, handle.playbook, tmp_path)
    assert computed == older  # read, not computed
    pd.testing.assert_frame_equal(first.facts, again.facts)
    monkeypatch.undo()
    monkeypatch.setattr(window, "month_facts", lambda f, name, pb, memo: computed.append(name)
                        or real(f, name, pb, memo))
    three = window.older_facts(folder, older[:3], handle.playbook, tmp_path)  # another run
    assert computed == older  # of months kept one by one
    assert len(three.members()) < len(first.members())
    changed = _with(handle.playbook, team_roles=["brand"])
    window.older_facts(folder, older, changed, tmp_path)
    assert computed == older * 2
    assert [p.name for p in tmp_path.glob("history-*")] == [
        history.folder(tmp_path, changed).name]  # the other version is gone


@pytest.mark.parametrize("name", ["ny-fall", "shanghai-october", "shanghai-quarter"])
def test_reference_scenarios(name: str, tmp_path: Path) -> None:
    from test_reference import SCENARIOS

    seed, zone, first, last, labels, flat_window = SCENARIOS[name]
    s = scenarios.generate(seed, zone, first, last, labels, flat_window)
    store = _stored(tmp_path, s.posts, s.messages, s.daily)
    more = ["2026-W41", "2026-W43", "2026-10", "2026-11"]
    same_figures(store, s.playbook, [*labels, *more])



def test_an_import_keeps_every_months_facts_so_a_report_computes_none(
        long_client: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handle = long_client.client("long")
    assert window.keep_facts(handle.store, handle.playbook, tmp_path) == 9  # March to November
    assert window.keep_facts(handle.store, handle.playbook, tmp_path) == 0
    monkeypatch.setattr(window, "month_facts", _refuse)
    pb = handle.playbook
    part = window.dataset(handle.store, pb, periods.parse("2026-10"), tmp_path)
    assert not part.history.facts.empty


def _refuse(*_: object) -> pd.DataFrame:
    raise AssertionError("a month's facts were computed again")


def test_the_hand_calculated_client(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, "handcalc", FIXTURES / "handcalc" / "playbook.yaml")
    pb = playbook.load(ws.playbook_file("handcalc"))
    store = Store(ws.store_dir("handcalc"))
    import_exports(store, pb, [FIXTURES / "handcalc" / "exports"], say=lambda _: None)
    same_figures(store, pb, ["2026-11", "2026-12", "2026-W46"])


def test_the_next_report_reads_only_the_months_holding_its_chains(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, pb = older_months_store(tmp_path)
    cache = tmp_path / "cache"
    december = periods.parse("2026-12")
    first = window.dataset(store, pb, december, cache)
    kept = json.loads((cache / chains.MEMORY).read_text())
    assert kept["where"] == {"x\x1fx5": "2026-03", "x\x1fx1": "2026-01"}
    assert kept["absent"] == ["x\x1fgone"]
    read: list[str] = []
    real = partitions.read_months
    monkeypatch.setattr(partitions, "read_months", lambda folder, names, *a, **k: (
        read.extend(names) if k.get("keys") is not None else None) or real(folder, names,
                                                                            *a, **k))
    again = window.dataset(store, pb, december, cache)
    assert read == ["2026-03", "2026-01"]  # not every older month for "gone"
    assert _figures(again, december) == _figures(first, december)
    # a memory that no longer holds: every month is read again, the figures the same
    kept["where"] = {"x\x1fx5": "2026-02", "x\x1fx1": "2026-02"}
    (cache / chains.MEMORY).write_text(json.dumps(kept))
    read.clear()
    assert _figures(window.dataset(store, pb, december, cache), december) == _figures(
        first, december)
    assert read[0] == "2026-02" and {"2026-01", "2026-03"} <= set(read)


def test_a_store_cut_before_digests_gets_them_once_and_the_same(tmp_path: Path) -> None:
    store, pb = older_months_store(tmp_path)
    folder = store.folder("messages")
    assert folder is not None
    written = partitions.digests(folder)
    (folder / partitions.DIGESTS).unlink()  # as the previous version wrote its months
    assert partitions.digests(folder) == written
    assert json.loads((folder / partitions.DIGESTS).read_text()) == written
    cache = tmp_path / "cache"
    window.dataset(store, pb, periods.parse("2026-12"), cache)
    assert len(list(cache.glob("history-*/sum-*.parquet"))) == 1  # the facts are kept


def test_a_cache_that_cannot_be_written_costs_speed_only(tmp_path: Path) -> None:
    store, pb = older_months_store(tmp_path)
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    december = periods.parse("2026-12")
    part = window.dataset(store, pb, december, blocked)
    assert _figures(part, december) == _figures(window.dataset(store, pb, december), december)
