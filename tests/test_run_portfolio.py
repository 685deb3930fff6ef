"""`report --all`: every client in parallel, failures recorded, and the agency's index page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from communitykit.paths import Workspace
from communitykit.run.jobs import ReportJob, run_job
from communitykit.run.portfolio import clients, run_all
from reports_ws import PERIOD, demo_workspace, run_cli


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return demo_workspace(tmp_path_factory.mktemp("agency"), {"northwind": "en", "acme": "zh"},
                          broken=("nodata",))


@pytest.fixture(scope="module")
def rendered_all(agency: Workspace) -> tuple[int, str, str]:
    """`report --all` once (warm kernels, two workers): exit code, stdout, stderr."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_cli(agency, "report", "--all", "--period", PERIOD, "--workers", "2")
    return code, out.getvalue(), err.getvalue()


def test_all_clients_render_and_a_failure_is_shown(agency: Workspace,
                                                   rendered_all: tuple[int, str, str]) -> None:
    assert clients(agency) == ["acme", "nodata", "northwind"]
    code, out, err = rendered_all
    assert code == 3  # one client failed; the others still rendered
    assert "nodata: FAILED: no data imported for 'nodata' yet" in out
    assert "reports 2026-10" in err  # the progress bar
    for client in ("northwind", "acme"):
        assert (agency.report_dir(client, PERIOD) / "report.html").exists()
    index = (agency.reports / f"index-{PERIOD}.html").read_text(encoding="utf-8")
    assert "2 of 3 reports rendered; 1 failed" in index
    assert '<a href="northwind/2026-10/report.html">Northwind Biscuit Co.</a>' in index
    assert "no data imported for &#x27;nodata&#x27; yet" in index
    # goal statuses and headline figures with their change, per client
    row = index.split('href="northwind/')[1].split("</tr>")[0]
    assert re.search(r"Response rate: off track", row)
    assert ('<td class="num" data-label="Active members" title="Active members better vs 219">'
            '<span class="fig"><b>265</b> <span class="good">▲ +46</span><svg class="spark-mini"'
            ) in row
    assert "<th class=\"num\">Active members</th>" in index
    assert "Content-Security-Policy" in index and "<script" not in index
    periods = (agency.reports / "index.html").read_text(encoding="utf-8")  # every period
    assert f'href="index-{PERIOD}.html"' in periods and "3 clients" in periods


def test_warm_kernels_render_what_a_fresh_run_renders(
        agency: Workspace, rendered_all: tuple[int, str, str]) -> None:
    folder = agency.report_dir("northwind", PERIOD)
    warm = {name: (folder / name).read_text(encoding="utf-8")
            for name in ("report.html", "metrics.json")}
    assert run_cli(agency, "report", "northwind", "--period", PERIOD) == 0
    fresh = {name: (folder / name).read_text(encoding="utf-8") for name in warm}
    assert fresh["metrics.json"] == warm["metrics.json"]
    stamp = re.compile(r'<footer class="report-foot" id="generated-at">.*</footer>')
    assert stamp.sub("", fresh["report.html"]) == stamp.sub("", warm["report.html"])


def test_a_failed_client_never_raises(agency: Workspace) -> None:
    result = run_job(ReportJob(str(agency.root), "nodata", PERIOD))
    assert not result.ok and result.error and "nodata" in result.error
    result = run_job(ReportJob(str(agency.root), "northwind", "2026-13"))
    assert not result.ok and "month must be 01 to 12" in str(result.error)


def test_the_same_jobs_run_on_a_dask_cluster(agency: Workspace, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        results = run_all(agency, "2026-09", scheduler=cluster.scheduler_address,
                          progress=False)
    assert [(r.client, r.ok) for r in results] == [("acme", True), ("nodata", False),
                                                   ("northwind", True)]
    assert (agency.report_dir("acme", "2026-09") / "report.html").exists()
    assert "2 of 3 reports rendered" in (agency.reports / "index-2026-09.html").read_text()
    assert 'href="index-2026-09.html"' in (agency.reports / "index.html").read_text()


def test_an_unreachable_scheduler_is_one_clear_line(agency: Workspace,
                                                    rendered_all: tuple[int, str, str],
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    import communitykit.run.portfolio as portfolio

    monkeypatch.setattr(portfolio, "SCHEDULER_TIMEOUT", 1)
    before = (agency.reports / "index.html").read_bytes()
    code = run_cli(agency, "report", "--all", "--period", PERIOD,
                   "--scheduler", "tcp://127.0.0.1:9")
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in err
    assert "Traceback" not in err
    assert (agency.reports / "index.html").read_bytes() == before  # nothing rewritten


def test_a_client_whose_data_matches_no_team_gets_no_green_chip(tmp_path: Path) -> None:
    """Inbound messages and no team activity in a channel (exports of another brand): the
    index says so in red, and the client's goals on track are not shown green."""
    import json

    from communitykit.run.jobs import JobResult
    from communitykit.run.portfolio import data_checks, write_index
    from figures_factory import figures

    ws = Workspace(tmp_path)
    for client, without_team, coverage in (("acme", ["discord"], "full"),
                                           ("zeta", [], "partial"), ("okay", [], "full")):
        folder = ws.reports / client / PERIOD
        folder.mkdir(parents=True)
        (folder / "metrics.json").write_text(json.dumps(figures({
            "period": {"label": PERIOD, "start": "2026-10-01", "end_exclusive": "2026-11-01",
                       "kind": "month"},
            "coverage": {"current": coverage},
            "responsiveness": {"current": {"channels_without_team": without_team}},
            "goals": [{"id": "g", "label": "Response rate", "status": "on track"}],
        }).to_json()))
    results = [JobResult(client=c, name=c.title(), ok=True, period=PERIOD,
                         report=f"{c}/{PERIOD}/report.html") for c in ("acme", "zeta", "okay")]
    results.append(JobResult(client="gone", name="Gone", ok=False, period=PERIOD, error="x"))
    checks = {r.client: data_checks(ws, r) for r in results}
    assert checks == {"acme": ["discord: inbound messages and no team activity in the data"],
                      "zeta": ["the data covers this period only in part"],
                      "okay": [], "gone": []}
    index = write_index(ws, PERIOD, results).read_text(encoding="utf-8")
    rows = {c: index.split(f'href="{c}/')[1].split("</tr>")[0] for c in ("acme", "zeta", "okay")}
    assert ('<span class="chip bad" title="data check">discord: inbound messages '
            'and no team activity in the data</span>') in rows["acme"]
    assert '<span class="chip idle" title="Response rate">1 on track</span>' in rows["acme"]
    assert "chip good" not in rows["acme"] and "chip good" not in rows["zeta"]
    assert '<span class="chip good" title="Response rate">1 on track</span>' in rows["okay"]
    assert "data check" not in rows["okay"]


@pytest.mark.parametrize(("written", "listed"), [("Handcalc Bakery", "Handcalc Bakery"),
                                                 ("TO FILL", "handcalc"),
                                                 ("待填写", "handcalc")])
def test_a_client_not_filled_in_is_listed_by_its_folder_name(
        handcalc_ws: Workspace, written: str, listed: str) -> None:
    """The index names a client by its playbook's name, not by the marker a new client
    has until it is filled in (its folder name then)."""
    path = handcalc_ws.playbook_file("handcalc")
    path.write_text(path.read_text(encoding="utf-8").replace("Handcalc Bakery", written),
                    encoding="utf-8")
    result = run_job(ReportJob(str(handcalc_ws.root), "handcalc", "2026-11", None, None))
    assert not result.ok and "communitykit import handcalc" in (result.error or "")
    assert result.name == listed
