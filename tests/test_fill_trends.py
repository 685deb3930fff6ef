"""`report --fill-trends`: the figures of the earlier periods a report's trends show,
computed without their report, kept apart from the reports, and read by the trends.

The client is ``tiny_client``: August to October 2026, its response rate and active members
worked out by hand there (August 50.0 % and 4, September 100 % and 3, October 80.0 % and 5).
Most tests compute in this process, as the fill does (no kernel); the slow ones run the
command line and render the months for real.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import tiny_client
from communitykit.cli import main
from communitykit.i18n import use_language
from communitykit.metrics.results import read_back
from communitykit.paths import Workspace
from communitykit.periods import parse
from communitykit.report import sparklines, trends
from communitykit.report.review import Review
from communitykit.report.tiles import headlines
from communitykit.run import fill_trends
from conftest import ROOT, copy_workspace
from reports_ws import run_cli

CLIENT = tiny_client.CLIENT
OCTOBER = "2026-10"
NO_DATA_LINES = ["trends 2025-10 (a year before): no data in the store",
                 "trends 2026-05: no data in the store", "trends 2026-06: no data in the store",
                 "trends 2026-07: no data in the store"]
COMPUTED = re.compile(r"trends 2026-08: figures computed, no report \(\d+\.\d s\)")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = Workspace(tmp_path_factory.mktemp("tiny"))
    shutil.copytree(ROOT / "notebooks", ws.notebooks)
    tiny_client.add(ws.root)
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(ws.root))
    try:
        assert main(["import", CLIENT]) == 0
    finally:
        mp.undo()
    return ws


@pytest.fixture
def ws(imported: Workspace, tmp_path: Path) -> Workspace:
    """A copy of the imported workspace, nothing filled or rendered."""
    return copy_workspace(imported, tmp_path / "ws")


def _review(ws: Workspace, label: str) -> Review:
    return Review.open(CLIENT, label, workspace=str(ws.root))


def _trends(ws: Workspace, label: str = OCTOBER) -> dict[str, trends.Trend]:
    return {t.metric: t for t in trends.gather(_review(ws, label).report)}


def _headline_figures(doc: dict[str, Any]) -> dict[str, float | None]:
    return {h.metric: h.now for h in headlines(read_back(doc))}


def _fill(ws: Workspace, label: str = OCTOBER) -> list[str]:
    lines: list[str] = []
    fill_trends.fill(ws.client(CLIENT), parse(label), lines.append)
    return lines


def test_without_filling_the_months_before_the_previous_are_gaps(ws: Workspace) -> None:
    found = _trends(ws)
    rate, members = found["response_rate"], found["active_members"]
    # the store begins in August: the months before it have no data, August no report
    assert [(p.label, p.value, p.state) for p in rate.points] == [
        ("2026-05", None, "no data"), ("2026-06", None, "no data"),
        ("2026-07", None, "no data"), ("2026-08", None, "not rendered"),
        ("2026-09", 1.0, "figure"),  # the previous month: computed by the report itself
        ("2026-10", 0.8, "figure")]
    assert [p.value for p in members.points] == [None, None, None, None, 3, 5]
    with use_language("en"):
        block = sparklines.block(_review(ws, OCTOBER).report)
    assert "Not rendered: 2026-08." in block
    assert "Figures only" not in block


def test_filling_computes_the_months_with_data_as_their_reports_would(ws: Workspace) -> None:
    lines = _fill(ws)
    assert lines[:4] == NO_DATA_LINES and COMPUTED.fullmatch(lines[4]) and len(lines) == 5
    kept = trends.figures_only_file(ws, CLIENT, "2026-08")
    assert kept == ws.root / "data" / CLIENT / "figures-only" / "2026-08" / "metrics.json"
    # the file is the month's metrics.json, as its own report computes it
    august = _review(ws, "2026-08").metrics_document()
    assert json.loads(kept.read_text(encoding="utf-8")) == august
    assert not ws.report_dir(CLIENT, "2026-08").exists()  # nothing among the reports

    found = _trends(ws)
    rate, members = found["response_rate"], found["active_members"]
    # by hand: August 2 of 4 answered and 4 members, September 3 of 3 and 3 members
    assert [(p.label, p.value, p.state, p.source) for p in rate.points] == [
        ("2026-05", None, "no data", "figures only"), ("2026-06", None, "no data", "figures only"),
        ("2026-07", None, "no data", "figures only"), ("2026-08", 0.5, "figure", "figures only"),
        ("2026-09", 1.0, "figure", "report"), ("2026-10", 0.8, "figure", "report")]
    assert [p.value for p in members.points] == [None, None, None, 4, 3, 5]
    assert rate.year_ago == trends.Point("2025-10", None, "no data", "figures only")
    # every headline figure of August and September equals its own month's
    september = _review(ws, "2026-09").metrics_document()
    for month, doc in (("2026-08", august), ("2026-09", september)):
        for metric, value in _headline_figures(doc).items():
            point = next(p for p in found[metric].points if p.label == month)
            assert point.value == value, (month, metric)
    assert tiny_client.BY_HAND["2026-08"] == {"response_rate": rate.points[3].value,
                                              "active_members": members.points[3].value}

    with use_language("en"):
        block = sparklines.block(_review(ws, OCTOBER).report)
    assert "Figures only, no report rendered: 2026-08." in block and "Not rendered" not in block
    assert ("2026-07 no data; 2026-08 50.0%; 2026-09 100.0%; 2026-10 80.0%" in block)
    with use_language("zh"):
        block = sparklines.block(_review(ws, OCTOBER).report)
    assert "仅计算了数据、未生成报告的周期：2026-08。" in block


def test_figures_only_are_no_report_to_link_to(ws: Workspace) -> None:
    _fill(ws, "2026-11")  # fills 2026-07 to 2026-09: August is September's previous month
    assert trends.figures_only_file(ws, CLIENT, "2026-08").is_file()
    september = _review(ws, "2026-09").report
    assert trends.links(september) == trends.Links(None, None)
    (ws.report_dir(CLIENT, "2026-10")).mkdir(parents=True)
    (ws.report_dir(CLIENT, "2026-10") / "report.html").write_text("x", encoding="utf-8")
    assert trends.links(september) == trends.Links(None, "../2026-10/report.html")


def test_a_rendered_report_is_read_as_it_is(ws: Workspace) -> None:
    folder = ws.report_dir(CLIENT, "2026-08")
    folder.mkdir(parents=True)
    doc = _review(ws, "2026-08").metrics_document()
    doc["responsiveness"]["current"]["response_rate"] = 0.25  # what that report said
    (folder / "metrics.json").write_text(json.dumps(doc), encoding="utf-8")
    lines = _fill(ws)
    assert lines[4] == "trends 2026-08: report rendered, read as it is"
    assert not trends.figures_only_file(ws, CLIENT, "2026-08").exists()
    point = _trends(ws)["response_rate"].points[3]
    assert (point.value, point.source) == (0.25, "report")


def test_kept_until_the_store_or_playbook_changes(ws: Workspace) -> None:
    _fill(ws)
    assert _fill(ws)[4] == "trends 2026-08: figures kept (store and playbook unchanged)"
    # a late export: one more unanswered comment in August (cat again) -> 2 of 5 answered
    late = ws.root / "late"
    late.mkdir()
    comment = {"id": "17900000000009900", "text": "Still waiting", "username": "cat",
               "timestamp": "2026-08-12T15:00:00+0000", "like_count": 0,
               "from": {"id": "178500000000002", "username": "cat"},
               "media": {"id": "18000000000000100"}, "replies": {"data": []}}
    (late / "comments_18000000000000100.json").write_text(
        json.dumps({"data": [comment]}), encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(ws.root))
    try:
        assert main(["import", CLIENT, str(late)]) == 0
    finally:
        mp.undo()
    # the store changed: the old "no data" notes no longer count (the months before the
    # store's first day still have none), the old figures still read
    before = _trends(ws)["response_rate"]
    assert [(p.state, p.source) for p in before.points[:3]] == [("no data", "report")] * 3
    assert before.points[3].value == 0.5
    lines = _fill(ws)
    assert lines[:4] == NO_DATA_LINES and COMPUTED.fullmatch(lines[4])
    assert _trends(ws)["response_rate"].points[3].value == 0.4
    assert _fill(ws)[4].endswith("figures kept (store and playbook unchanged)")
    playbook = ws.playbook_file(CLIENT)
    playbook.write_text(playbook.read_text(encoding="utf-8") + "\n# a comment\n",
                        encoding="utf-8")
    assert COMPUTED.fullmatch(_fill(ws)[4])


def test_a_period_that_cannot_be_computed_is_said_and_skipped(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(client: Any, period: Any, target: Path) -> None:
        raise ValueError("a figure came out as text")

    monkeypatch.setattr(fill_trends, "write", broken)
    lines = _fill(ws)
    assert lines[4] == ("trends 2026-08: figures not computed: ValueError: a figure came out "
                        "as text")
    assert _trends(ws)["response_rate"].points[3].state == "not rendered"


# ---- the command line, rendering for real ------------------------------------------------

@pytest.mark.slow
def test_report_fill_trends_then_the_months_rendered_alone(
        ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(ws, "report", CLIENT, "--period", OCTOBER, "--fill-trends") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == NO_DATA_LINES and COMPUTED.fullmatch(out[4])
    assert out[5].startswith("report: ")
    page = (ws.report_dir(CLIENT, OCTOBER) / "report.html").read_text(encoding="utf-8")
    assert "Figures only, no report rendered: 2026-08." in page
    assert ("Response rate, the last 6 periods, oldest first: 2026-05 no data; 2026-06 no "
            "data; 2026-07 no data; 2026-08 50.0%; 2026-09 100.0%; 2026-10 80.0%") in page
    assert 'rel="prev"' not in page  # September has no report

    # the months rendered on their own give the figures the trends showed
    for month in ("2026-08", "2026-09"):
        assert run_cli(ws, "report", CLIENT, "--period", month) == 0
    august = json.loads((ws.report_dir(CLIENT, "2026-08") / "metrics.json")
                        .read_text(encoding="utf-8"))
    kept = trends.figures_only_file(ws, CLIENT, "2026-08")
    assert json.loads(kept.read_text(encoding="utf-8")) == august
    september = json.loads((ws.report_dir(CLIENT, "2026-09") / "metrics.json")
                           .read_text(encoding="utf-8"))
    assert _headline_figures(september)["response_rate"] == 1.0
    assert _headline_figures(september)["active_members"] == 3

    # the batch fills too; a rendered month is read from its report from then on
    shutil.rmtree(ws.root / "data" / CLIENT / "figures-only")
    shutil.rmtree(ws.report_dir(CLIENT, "2026-08"))
    assert run_cli(ws, "report", "--all", "--period", OCTOBER, "--fill-trends",
                   "--workers", "1") == 0
    assert json.loads(kept.read_text(encoding="utf-8")) == august
    page = (ws.report_dir(CLIENT, OCTOBER) / "report.html").read_text(encoding="utf-8")
    assert "Figures only, no report rendered: 2026-08." in page
    assert '<a href="../2026-09/report.html" rel="prev">' in page
    capsys.readouterr()
