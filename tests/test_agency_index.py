"""The agency index across time: one index per period kept beside the others, the index of
periods on top, clients sorted by need, the trend of the headline figures, the agency's
branding from the workspace settings, hostile names escaped, Chinese.

The batches run the real ``run_all`` with its pool replaced by a runner that writes each
client's metrics.json (synthetic, small): the index reads nothing else of a report."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from communitykit.errors import UserError
from communitykit.paths import Workspace
from communitykit.run import portfolio
from communitykit.run.jobs import JobResult, ReportJob
from figures_factory import figures
from reports_ws import add_client, run_cli

HOSTILE = '<img src=x onerror=alert(1)> "Rock & Roll" Co'
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwAD"
                       "hgGAWjR9awAAAABJRU5ErkJggg==")
WEEK, MONTH, NEXT_MONTH = "2026-W43", "2026-10", "2026-11"


def metrics(*, goals: list[tuple[str, str]] = (), open_: int = 0, escalations: int = 0,
            coverage: str = "full", partial: list[str] | None = None,
            without_team: list[str] | None = None, rejected: int = 0,
            members: tuple[int, int] = (100, 100), rate: tuple[float, float] = (0.5, 0.5),
            hours: tuple[float, float] = (2.0, 2.0)) -> dict[str, Any]:
    """A small metrics.json: what the index reads, every other figure blank."""
    def both(section: str, **pairs: tuple[Any, Any]) -> dict[str, Any]:
        return {which: {k: v[i] for k, v in pairs.items()}
                for i, which in enumerate(("current", "previous"))}
    doc = figures({
        "period": {"label": MONTH, "start": "2026-10-01", "end_exclusive": "2026-11-01",
                   "kind": "month"},
        "previous_period": {"label": "2026-09", "start": "2026-09-01",
                            "end_exclusive": "2026-10-01", "kind": "month"},
        "coverage": {"current": coverage, "partial_channels_current": partial or [],
                     "channels": [{"platform": p, "first_day": "2026-10-12",
                                   "last_day": "2026-10-31"} for p in partial or []]},
        "responsiveness": {
            "current": {"response_rate": rate[0], "due": 50, "answered": 40, "pending": 0,
                        "inbound": 60, "first_response_business_median_hours": hours[0],
                        "channels_without_team": without_team or []},
            "previous": {"response_rate": rate[1], "due": 50, "answered": 40, "inbound": 60,
                         "first_response_business_median_hours": hours[1]}},
        "health": both("health", active_members=members),
        "rules": {"current": {"escalations": escalations, "escalations_open": open_},
                  "previous": {}},
        "goals": [{"id": f"g{i}", "label": label, "status": status, "metric": "response_rate",
                   "unit": "ratio"} for i, (label, status) in enumerate(goals)],
    }).to_json()
    return {"schema": "communitykit.metrics/1", **doc,
            "data_quality": {"files": 1, "rows_rejected": rejected}}


# The fixture's clients, by hand: their figures and the tier of need they fall in.
CLIENTS: dict[str, dict[str, Any]] = {
    "acme": dict(goals=[("Response rate", "off track"), ("Active members", "on track")],
                 members=(120, 100), rate=(0.40, 0.50), hours=(1.5, 2.0)),  # off track
    "beta": dict(goals=[("Response rate", "met")], open_=2, escalations=3),  # escalations
    "gamma": dict(coverage="partial", partial=["instagram"]),  # a data problem
    "delta": dict(goals=[("Active members", "on track")], rejected=0),  # nothing to do
}
NAMES = {"acme": "Acme Foods", "beta": "Beta Bikes", "gamma": HOSTILE, "delta": "Delta Dairy"}


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace(tmp_path)
    for client in CLIENTS:
        add_client(ws, client)
    return ws


@pytest.fixture()
def batch(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[JobResult]]:
    """``report --all`` for a period with the pool replaced: each client's report folder
    gets its metrics.json (``fail`` clients fail)."""
    def run(period: str, fail: tuple[str, ...] = (),
            override: dict[str, dict[str, Any]] | None = None) -> list[JobResult]:
        def runner(jobs: list[ReportJob]) -> Iterator[JobResult]:
            for job in jobs:
                if job.client in fail:
                    yield JobResult(job.client, job.client, False, period,
                                    error=f"no data imported for {job.client!r} yet")
                    continue
                folder = ws.report_dir(job.client, period)
                folder.mkdir(parents=True, exist_ok=True)
                doc = metrics(**{**CLIENTS[job.client], **(override or {}).get(job.client, {})})
                (folder / "metrics.json").write_text(json.dumps(doc), encoding="utf-8")
                yield JobResult(job.client, NAMES[job.client], True, period,
                                report=f"{job.client}/{period}/report.html")

        monkeypatch.setattr(portfolio, "_on_pool", lambda workers, warm: runner)
        return portfolio.run_all(ws, period, progress=False)
    return run


def rows(page: str) -> list[str]:
    """The client ids of a period index's rows, in order."""
    return re.findall(r'<td class="client">.*?<br><span class="muted">([^<]*)</span>',
                      page.split("<tbody>")[1])


def row_of(page: str, client: str) -> str:
    return next(r for r in page.split("<tr")[1:] if f'<span class="muted">{client}</span>' in r)


def test_every_period_keeps_its_index_and_the_index_of_periods_lists_them(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    batch(MONTH)
    first_month = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    batch(WEEK, fail=("delta",))
    batch(NEXT_MONTH)
    assert sorted(p.name for p in ws.reports.glob("index*.html")) == [
        "index-2026-10.html", "index-2026-11.html", "index-2026-W43.html", "index.html"]
    assert (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8") == first_month
    top = (ws.reports / "index.html").read_text(encoding="utf-8")
    # grouped by length, weeks first, newest first within a group
    assert top.index("<h2>Weeks</h2>") < top.index("<h2>Months</h2>")
    assert "Quarters" not in top  # no quarter rendered
    months = top.split("<h2>Months</h2>")[1]
    assert months.index('href="index-2026-11.html"') < months.index('href="index-2026-10.html"')
    week = top.split("<h2>Weeks</h2>")[1].split("</section>")[0]
    assert ('<a class="period" href="index-2026-W43.html">2026-W43</a> '
            '<span class="dates">19 Oct 2026 – 25 Oct 2026</span>') in week
    assert "4 clients" in week and "4 need attention" in week and "1 failed" in week
    october = months.split('href="index-2026-10.html"')[1].split("</li>")[0]
    assert "1 Oct 2026 – 31 Oct 2026" in october and "3 need attention" in october
    assert re.search(r"rendered \d{4}-\d\d-\d\d \d\d:\d\d UTC", october)
    assert "3 periods" in top
    # deleting a period's index and running another batch rebuilds the list from disk
    (ws.reports / f"index-{WEEK}.html").unlink()
    batch(MONTH)
    top = (ws.reports / "index.html").read_text(encoding="utf-8")
    assert "2026-W43" not in top and "Weeks" not in top and "2 periods" in top
    assert not list(ws.reports.glob("*.tmp*"))  # atomic writes leave nothing behind


def test_rows_are_sorted_by_need_and_the_order_is_stated(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    batch(WEEK, fail=("delta",))
    page = (ws.reports / f"index-{WEEK}.html").read_text(encoding="utf-8")
    # by hand: delta failed; acme has a goal off track; beta 2 open escalations;
    # gamma's data covers the period in part
    assert rows(page) == ["delta", "acme", "beta", "gamma"]
    assert "Sorted by need: reports that failed, then goals off track" in page
    assert "no data imported for &#x27;delta&#x27; yet" in row_of(page, "delta")
    batch(MONTH, override={"delta": {"rejected": 3}, "beta": {"open_": 0}})
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    # delta's rejected rows put it among the data problems, by name after gamma (whose
    # name starts with "<"); beta's escalations are handled: nothing to do, last
    assert rows(page) == ["acme", "gamma", "delta", "beta"]
    assert "3 rows rejected at import" in row_of(page, "delta")
    batch(NEXT_MONTH, override={"beta": {"open_": 0, "escalations": 0}})
    page = (ws.reports / f"index-{NEXT_MONTH}.html").read_text(encoding="utf-8")
    assert rows(page) == ["acme", "gamma", "beta", "delta"]  # beta and delta: nothing to do


def test_columns_goals_escalations_coverage_and_trends(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    batch(MONTH)
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert re.findall(r"<th[^>]*>([^<]*)</th>", page)[:5] == [
        "Client", "Goals", "Open escalations", "Data coverage", "Response rate"]
    acme = row_of(page, "acme")
    assert '<span class="chip bad" title="Response rate">1 off track</span>' in acme
    assert '<span class="chip good" title="Active members">1 on track</span>' in acme
    assert '<li class="bad">Response rate: off track</li>' in acme
    # trends: more members is good, a lower response rate bad, faster answers good
    assert ('<td class="num" data-label="Active members" title="Active members better vs 100">'
            '<span class="fig"><b>120</b> <span class="good">▲ +20</span></span></td>') in acme
    assert '<b>40.0%</b> <span class="bad">▼ −10.0 pts</span>' in acme
    assert '<b>1 h 30 min</b> <span class="good">▼ −30 min</span>' in acme
    assert '<a href="acme/2026-10/report.html">HTML</a></td>' in acme and "PDF" not in acme
    beta = row_of(page, "beta")
    assert '<span class="escalations"><b class="bad">2</b> of 3</span>' in beta
    assert '<span class="flat">no change</span>' in beta
    gamma = row_of(page, "gamma")
    assert '<span class="bad">partial</span><br><span class="muted">instagram from 12 Oct 2026' \
        in gamma
    # a client with a data problem has no green chip: its goals may only look on track
    delta = row_of(page, "delta")
    assert '<span class="good">full</span>' in delta and "chip good" in delta
    # the PDF is linked once it exists
    (ws.report_dir("acme", MONTH) / "report.pdf").write_bytes(b"%PDF-1.7")
    batch(MONTH)
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert '<a href="acme/2026-10/report.pdf">PDF</a>' in row_of(page, "acme")


def test_a_data_problem_turns_green_chips_grey(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    batch(MONTH, override={"delta": {"without_team": ["discord"]}})
    delta = row_of((ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8"), "delta")
    assert "discord: inbound messages and no team activity in the data" in delta
    assert "chip good" not in delta and '<span class="chip idle"' in delta


def test_a_hostile_client_name_is_text(ws: Workspace,
                                       batch: Callable[..., list[JobResult]]) -> None:
    batch(MONTH)
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "onerror=alert(1)&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt; &quot;Rock &amp; Roll&quot; Co" in page
    assert "<script" not in page and "Content-Security-Policy" in page


def settings(ws: Workspace, text: str) -> Path:
    path = ws.root / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_agency_branding_comes_from_the_workspace_settings(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    batch(MONTH)
    plain = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert '<p class="agency">' not in plain and "--accent: #" not in plain.split("</style>")[1]
    assert "Made with communitykit" in plain
    (ws.root / "brand").mkdir()
    (ws.root / "brand" / "logo.png").write_bytes(PNG)
    settings(ws, 'agency:\n  name: "Harbour & Co <Agency>"\n  colour: "#aa3300"\n'
                 "  logo: brand/logo.png\n"
                 "smtp: {host: smtp.example.com, from: reports@example.com}\n")
    batch(MONTH)
    for name in (f"index-{MONTH}.html", "index.html"):
        page = (ws.reports / name).read_text(encoding="utf-8")
        assert "<style>:root { --accent: #aa3300; }</style>" in page
        assert '<p class="agency">Harbour &amp; Co &lt;Agency&gt;</p>' in page
        assert (f'<img class="logo" alt="Harbour &amp; Co &lt;Agency&gt;" '
                f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}">') in page
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    (ws.root / "brand" / "logo.svg").write_bytes(svg)
    settings(ws, "agency:\n  name: Harbour\n  logo: brand/logo.svg\n")
    batch(MONTH)
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert f'src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}"' in page


@pytest.mark.parametrize(("agency", "logo", "expected"), [
    ('name: A\n  colour: "red"', None, "line 4, agency/colour: 'red' is not a colour"),
    ("name: A\n  logo: brand/missing.png", None,
     "agency/logo: 'brand/missing.png' is not a file"),
    ("name: A\n  logo: brand/logo.gif", None, "'brand/logo.gif' is not a PNG or SVG"),
    ("name: A\n  logo: brand/logo.png", b"GIF89a", "agency/logo: 'brand/logo.png' is not a PNG"),
    ("name: A\n  logo: brand/logo.png", PNG + b"\0" * 210_000, "is larger than 200 KB"),
    ("name: A\n  logo: brand/logo.svg",
     b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "agency/logo: 'brand/logo.svg' holds a script"),
    ("nmae: A", None, "unknown key 'nmae'"),
])
def test_bad_branding_names_the_file_and_the_key(
        ws: Workspace, agency: str, logo: bytes | None, expected: str,
        capsys: pytest.CaptureFixture[str], batch: Callable[..., list[JobResult]]) -> None:
    if logo is not None:
        (ws.root / "brand").mkdir()
        (ws.root / "brand" / ("logo.svg" if logo.startswith(b"<svg") else "logo.png")
         ).write_bytes(logo)
    path = settings(ws, f"# the agency\nagency:\n  {agency}\n")
    with pytest.raises(UserError) as caught:
        batch(MONTH)
    assert expected in str(caught.value) and str(path) in str(caught.value)
    assert not ws.reports.exists() or not list(ws.reports.glob("index*.html"))  # stopped first
    # the command line says it in one line, exit 1, before any report
    assert run_cli(ws, "report", "--all", "--period", MONTH) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_the_send_command_still_needs_smtp_but_the_index_does_not(ws: Workspace) -> None:
    from communitykit.delivery import settings as delivery

    path = settings(ws, "agency:\n  name: Harbour\n")
    assert portfolio.load_brand(ws).name == "Harbour"
    with pytest.raises(UserError, match="smtp: this key is missing"):
        delivery.load(path)
    settings(ws, "agency:\n  name: Harbour\nsmtp: {host: mail.example.com, from: a@b.example}\n")
    assert delivery.load(path).smtp.host == "mail.example.com"


def test_the_index_reads_in_chinese(ws: Workspace,
                                    batch: Callable[..., list[JobResult]]) -> None:
    for client in CLIENTS:
        path = ws.playbook_file(client)
        path.write_text(path.read_text(encoding="utf-8").replace(
            "  language: en ", "  language: zh ", 1), encoding="utf-8")
    batch(MONTH, fail=("delta",))
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page
    assert "按需要关注的程度排序" in page and "未处理的升级事件" in page
    assert "1 项偏离目标" in row_of(page, "acme") and "不完整" in row_of(page, "gamma")
    assert "2026年10月1日 – 2026年10月31日" in page
    top = (ws.reports / "index.html").read_text(encoding="utf-8")
    assert "月报" in top and "4 个客户" in top and "4 个需要关注" in top and "全部周期" not in top
    assert "全部周期" in page


def test_a_metrics_file_the_index_cannot_read_is_a_data_problem(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    batch(MONTH)
    (ws.report_dir("delta", MONTH) / "metrics.json").write_text('{"schema": "old"}')
    results = [JobResult(c, NAMES[c], True, MONTH, report=f"{c}/{MONTH}/report.html")
               for c in CLIENTS]
    page = portfolio.write_index(ws, MONTH, results).read_text(encoding="utf-8")
    assert "the report&#x27;s metrics.json cannot be read (KeyError)" in row_of(page, "delta")
    assert rows(page) == ["acme", "beta", "gamma", "delta"]  # beta: open escalations


def test_a_bad_period_stops_the_batch_before_any_report(ws: Workspace) -> None:
    with pytest.raises(UserError, match="month must be 01 to 12"):
        portfolio.run_all(ws, "2026-13", progress=False)
    assert not ws.reports.exists()
