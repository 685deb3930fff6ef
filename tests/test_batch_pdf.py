"""`report --all --pdf`: each client's report.pdf is written by its own job, beside its
report.html; a failed PDF fails that client's job alone (its report stays, with the
previous report.pdf when there was one), the others go on, and the agency index links
each client's PDF or says why it failed.

The index and the command's lines are checked with the batch's pool replaced by a runner
that makes each client's report folder (fast); the slow tests run two tiny clients (the
hand-calculation fixture twice) through the real pool with --pdf, then through
``run_job`` in this process with one client's PDF engine broken.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from communitykit.cli import main
from communitykit.i18n import use_language
from communitykit.paths import Workspace
from communitykit.run import portfolio
from communitykit.run.jobs import JobResult, ReportJob, run_job
from conftest import FIXTURES, ROOT
from figures_factory import figures
from reports_ws import run_cli

MONTH = "2026-11"
PDF_FAILED = ("PDF failed: WeasyPrint could not write report.pdf: RuntimeError: cairo ran "
              "out of memory; the HTML report is in place; the previous report.pdf is kept")


def _metrics() -> dict[str, Any]:
    """A metrics.json with blank figures: what the index reads of a report."""
    period = {"label": MONTH, "start": "2026-11-01", "end_exclusive": "2026-12-01",
              "kind": "month"}
    previous = {"label": "2026-10", "start": "2026-10-01", "end_exclusive": "2026-11-01",
                "kind": "month"}
    doc = figures({"period": period, "previous_period": previous}).to_json()
    return {"schema": "communitykit.metrics/1", **doc, "data_quality": {"rows_rejected": 0}}


def _client(ws: Workspace, client: str) -> None:
    (ws.playbooks / client).mkdir(parents=True)
    shutil.copyfile(FIXTURES / "handcalc" / "playbook.yaml",
                    ws.playbook_file(client))


@pytest.fixture
def fake_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               ) -> Callable[[dict[str, str]], Workspace]:
    """A workspace whose batch runner gives each client the outcome asked for: ``ok`` (page
    and PDF written), ``pdf`` (page written now, the PDF kept from before: older), or
    ``failed`` (nothing)."""
    ws = Workspace(tmp_path)

    def make(outcomes: dict[str, str]) -> Workspace:
        for client in outcomes:
            _client(ws, client)

        def runner(jobs: list[ReportJob]) -> Iterator[JobResult]:
            for job in jobs:
                outcome = outcomes[job.client]
                assert job.pdf  # the batch passes --pdf on to every job
                if outcome == "failed":
                    yield JobResult(job.client, job.client, False, MONTH,
                                    error="report failed: the review notebook failed")
                    continue
                folder = ws.report_dir(job.client, MONTH)
                folder.mkdir(parents=True, exist_ok=True)
                if outcome == "pdf":
                    (folder / "report.pdf").write_bytes(b"%PDF-1.7 of the last rendering")
                    os.utime(folder / "report.pdf", (1_000_000_000, 1_000_000_000))
                (folder / "report.html").write_text("<p>page</p>", encoding="utf-8")
                (folder / "metrics.json").write_text(json.dumps(_metrics()), encoding="utf-8")
                html = f"{job.client}/{MONTH}/report.html"
                if outcome == "ok":
                    (folder / "report.pdf").write_bytes(b"%PDF-1.7")
                    yield JobResult(job.client, job.client, True, MONTH, report=html,
                                    pdf=f"{job.client}/{MONTH}/report.pdf")
                else:
                    yield JobResult(job.client, job.client, False, MONTH, report=html,
                                    error=PDF_FAILED, pdf_failed=True)

        monkeypatch.setattr(portfolio, "_on_pool", lambda workers, warm: runner)
        return ws
    return make


def _row(page: str, client: str) -> str:
    return next(r for r in page.split("<tr")[1:] if f'<span class="muted">{client}</span>' in r)


def test_a_failed_pdf_fails_its_job_alone(fake_batch: Callable[[dict[str, str]], Workspace],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    ws = fake_batch({"alpha": "ok", "beta": "pdf"})
    assert run_cli(ws, "report", "--all", "--period", MONTH, "--pdf") == 4
    out = capsys.readouterr().out
    assert f"alpha: reports/alpha/{MONTH}/report.html and reports/alpha/{MONTH}/report.pdf\n" \
        in out
    assert f"beta: FAILED: {PDF_FAILED} (reports/beta/{MONTH}/report.html)\n" in out
    assert "(2 rendered, 1 PDF failed, 0 failed, " in out
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert "2 of 2 reports rendered; 1 PDF failed · 1 need attention" in page
    assert 'data-failed="1"' in page  # the index of periods counts it as failed
    alpha, beta = _row(page, "alpha"), _row(page, "beta")
    assert page.index("beta</span>") < page.index("alpha</span>")  # failed jobs first
    assert f'<a href="alpha/{MONTH}/report.pdf">PDF</a>' in alpha
    # beta's page is linked, its kept PDF (older than the page) is not, and the reason said
    assert f'<a href="beta/{MONTH}/report.html">HTML</a>' in beta and "report.pdf\"" not in beta
    assert '<span class="status bad">PDF failed</span>' in beta
    assert PDF_FAILED.replace("'", "&#x27;") in beta
    assert (ws.report_dir("beta", MONTH) / "report.pdf").read_bytes() == \
        b"%PDF-1.7 of the last rendering"


def test_a_failed_report_outranks_a_failed_pdf(
        fake_batch: Callable[[dict[str, str]], Workspace],
        capsys: pytest.CaptureFixture[str]) -> None:
    ws = fake_batch({"alpha": "failed", "beta": "pdf", "gamma": "ok"})
    assert run_cli(ws, "report", "--all", "--period", MONTH, "--pdf") == 3
    assert "(2 rendered, 1 PDF failed, 1 failed, " in capsys.readouterr().out
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert "2 of 3 reports rendered; 1 failed; 1 PDF failed · 2 need attention" in page
    assert 'data-failed="2"' in page


def test_the_index_says_a_failed_pdf_in_chinese(
        fake_batch: Callable[[dict[str, str]], Workspace]) -> None:
    from communitykit.run.index_page import period_index
    from communitykit.run.portfolio import _period
    from communitykit.run.standing import standing

    ws = fake_batch({"beta": "pdf"})
    result = JobResult("beta", "Beta", False, MONTH, report=f"beta/{MONTH}/report.html",
                       error=PDF_FAILED, pdf_failed=True)
    folder = ws.report_dir("beta", MONTH)
    folder.mkdir(parents=True)
    (folder / "metrics.json").write_text(json.dumps(_metrics()), encoding="utf-8")
    with use_language("zh"):
        page = period_index(_period(MONTH), [standing(ws.reports, result)], "now", "zh",
                            portfolio.Brand())
    assert "PDF 生成失败" in page and "已生成 1/1 份报告；1 份 PDF 生成失败" in page


def test_report_all_takes_pdf_and_fill_trends() -> None:
    from communitykit.cli import _check_report_usage, parser

    top = parser()
    args = top.parse_args(["report", "--all", "--period", MONTH, "--pdf", "--fill-trends"])
    _check_report_usage(top, args)  # no longer refused
    assert args.pdf and args.fill_trends


# ---- two tiny clients rendered for real --------------------------------------------------

@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    pytest.importorskip("weasyprint")
    ws = Workspace(tmp_path_factory.mktemp("batch-pdf"))
    shutil.copytree(ROOT / "notebooks", ws.notebooks)
    mp = pytest.MonkeyPatch()
    mp.setenv("COMMUNITYKIT_HOME", str(ws.root))
    try:
        for client in ("alpha", "beta"):
            _client(ws, client)
            assert main(["import", client, str(FIXTURES / "handcalc" / "exports")]) == 0
    finally:
        mp.undo()
    return ws


@pytest.mark.slow
def test_every_client_gets_its_pdf_then_one_fails(agency: Workspace,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import weasyprint
    from pypdf import PdfReader

    # 1. the real pool, two workers: each job writes its client's PDF
    assert run_cli(agency, "report", "--all", "--period", MONTH, "--pdf", "--workers", "2") == 0
    first = {c: (agency.report_dir(c, MONTH) / "report.pdf").read_bytes()
             for c in ("alpha", "beta")}
    for client, pdf in first.items():
        folder = agency.report_dir(client, MONTH)
        assert pdf.startswith(b"%PDF-")
        assert (folder / "report.pdf").stat().st_mtime >= \
            (folder / "report.html").stat().st_mtime
        text = "".join(p.extract_text() for p in PdfReader(folder / "report.pdf").pages)
        assert "Handcalc Bakery" in text and "Member levels" in text
    page = (agency.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    for client in ("alpha", "beta"):
        assert f'<a href="{client}/{MONTH}/report.pdf">PDF</a>' in page
    capsys.readouterr()

    # 2. the same batch in this process, beta's PDF engine failing half-way through a file
    real = weasyprint.Document.write_pdf

    def write_pdf(self: Any, target: str, **kwargs: Any) -> Any:
        if f"{os.sep}beta{os.sep}" in str(target):
            Path(target).write_bytes(b"%PDF-1.7 half")
            raise RuntimeError("cairo ran out of memory")
        return real(self, target, **kwargs)

    monkeypatch.setattr(weasyprint.Document, "write_pdf", write_pdf)
    monkeypatch.setattr(portfolio, "_on_pool",
                        lambda workers, warm: lambda jobs: map(run_job, jobs))
    assert run_cli(agency, "report", "--all", "--period", MONTH, "--pdf") == 4
    out = capsys.readouterr().out
    assert f"beta: FAILED: {PDF_FAILED} (reports/beta/{MONTH}/report.html)\n" in out
    assert f"alpha: reports/alpha/{MONTH}/report.html and reports/alpha/{MONTH}/report.pdf" \
        in out
    alpha, beta = agency.report_dir("alpha", MONTH), agency.report_dir("beta", MONTH)
    assert (beta / "report.pdf").read_bytes() == first["beta"]  # the previous PDF, whole
    assert (beta / "report.pdf").stat().st_mtime < (beta / "report.html").stat().st_mtime
    assert sorted(p.name for p in beta.iterdir() if "pdf" in p.name) == ["report.pdf"]
    assert (alpha / "report.pdf").stat().st_mtime >= (alpha / "report.html").stat().st_mtime
    assert (alpha / "report.pdf").read_bytes().startswith(b"%PDF-")
    page = (agency.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert f'<a href="alpha/{MONTH}/report.pdf">PDF</a>' in page
    assert f'beta/{MONTH}/report.pdf' not in page and "PDF failed" in _row(page, "beta")
