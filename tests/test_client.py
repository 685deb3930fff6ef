"""The client handle (``Workspace.client``): one way to a client's playbook, store and lock."""

from __future__ import annotations

from pathlib import Path

import pytest

from communitykit import periods
from communitykit import playbook as playbook_mod
from communitykit.errors import UserError
from communitykit.paths import Client, Workspace
from communitykit.run import jobs
from communitykit.store import client_lock


def test_an_unknown_client_is_named_with_the_known_ones(handcalc_ws: Workspace) -> None:
    with pytest.raises(UserError) as refused:
        handcalc_ws.client("nobody")
    text = str(refused.value)
    assert text.startswith("unknown client 'nobody' (no ")
    assert "known clients: handcalc;" in text and "`communitykit new`" in text
    with pytest.raises(UserError, match="known clients: none;"):
        Workspace(handcalc_ws.root / "empty").client("nobody")
    with pytest.raises(UserError, match="not allowed"):
        handcalc_ws.client("../etc")


def test_the_folders_are_the_workspace_s(handcalc_ws: Workspace) -> None:
    ws, client = handcalc_ws, handcalc_ws.client("handcalc")
    assert isinstance(client, Client) and client.name == "handcalc"
    assert client.folder == ws.client_dir("handcalc")
    assert client.playbook_file == ws.playbook_file("handcalc")
    assert client.data_dir == ws.data_dir("handcalc")
    assert client.store_dir == ws.store_dir("handcalc") == client.store.directory
    assert client.lab_dir == ws.lab_dir("handcalc")
    assert client.plan_runs_dir == ws.plan_runs_dir("handcalc")
    assert client.guidelines_dir == ws.guidelines_dir("handcalc")
    assert client.report_dir(periods.parse("2026-11")) == ws.report_dir("handcalc", "2026-11")
    assert ws.clients() == ["handcalc"]


def test_the_playbook_is_loaded_once(handcalc_ws: Workspace,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    loaded: list[Path] = []
    load = playbook_mod.load

    def counted(path: Path) -> playbook_mod.Playbook:
        loaded.append(path)
        return load(path)

    monkeypatch.setattr(playbook_mod, "load", counted)
    client = handcalc_ws.client("handcalc")
    assert loaded == []  # nothing is read to make the handle
    assert client.playbook is client.playbook
    assert client.language == "en"
    assert loaded == [client.playbook_file]


def test_the_lock_is_the_store_s_client_lock(handcalc_ws: Workspace) -> None:
    client = handcalc_ws.client("handcalc")
    with client.lock("import"), pytest.raises(UserError, match="an import"), \
                client_lock(client.data_dir, "report", 0.1, lambda _text: None):
        pass
    with client_lock(client.data_dir, "report", 0.1):  # let go on leaving
        pass


def test_a_report_parses_its_period_once(imported_ws: Workspace,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str | None] = []
    resolve = periods.resolve

    def counted(period: str | None, start: str | None, end: str | None) -> periods.Period:
        calls.append(period)
        return resolve(period, start, end)

    monkeypatch.setattr(periods, "resolve", counted)
    report = jobs.prepare(jobs.ReportJob(str(imported_ws.root), "handcalc", "2026-11"))
    assert calls == ["2026-11"] and report.period.label == "2026-11"
    assert report.client.name == "handcalc" and report.client.playbook.client.language == "en"
