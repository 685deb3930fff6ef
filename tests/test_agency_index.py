"""The agency index across time: one index per period kept beside the others, the index of
periods on top, clients sorted by need, the trend of the headline figures, the agency's
branding from the workspace settings, hostile names escaped, Chinese.

The batches run the real ``run_all`` with its pool replaced by a runner that writes each
client's metrics.json (synthetic, small): the index reads nothing else of a report."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from communitykit.errors import UserError
from communitykit.paths import Workspace
from communitykit.report import trends
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
            hours: tuple[float, float] = (2.0, 2.0),
            store: tuple[str, str] | None = None) -> dict[str, Any]:
    """A small metrics.json: what the index reads, every other figure blank (``store``:
    the store's first and last day)."""
    def both(section: str, **pairs: tuple[Any, Any]) -> dict[str, Any]:
        return {which: {k: v[i] for k, v in pairs.items()}
                for i, which in enumerate(("current", "previous"))}
    doc = figures({
        "period": {"label": MONTH, "start": "2026-10-01", "end_exclusive": "2026-11-01",
                   "kind": "month"},
        "previous_period": {"label": "2026-09", "start": "2026-09-01",
                            "end_exclusive": "2026-10-01", "kind": "month"},
        "coverage": {"current": coverage, "partial_channels_current": partial or [],
                     "store_first_day": store[0] if store else None,
                     "store_last_day": store[1] if store else None,
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
    # the period's label is kept on one line (a phone would break 2026-10 at its hyphen)
    assert f'<h1>Community reviews · <span class="period-label">{MONTH}</span></h1>' \
        in first_month
    assert ".portfolio .period-label { white-space: nowrap; }" in first_month
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
            '<span class="fig"><b>120</b> <span class="good">▲ +20</span><svg class="spark-mini"'
            ) in acme
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


def earlier(ws: Workspace, client: str, label: str, members: int, *,
            alone: bool = False) -> None:
    """The metrics.json of an earlier month of ``client``: its report's, or its figures
    computed alone (``--fill-trends``); only the active members are given."""
    start, end = (f"{label}-01", f"2026-{int(label[5:]) + 1:02d}-01")
    doc = {"schema": "communitykit.metrics/1", **figures({
        "period": {"label": label, "start": start, "end_exclusive": end, "kind": "month"},
        "previous_period": {"label": "x", "start": start, "end_exclusive": end,
                            "kind": "month"},
        "health": {"current": {"active_members": members}, "previous": {}}}).to_json()}
    path = (trends.figures_only_file(ws, client, label) if alone
            else ws.report_dir(client, label) / "metrics.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_each_figure_has_a_line_of_its_last_six_periods(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    """Read as the report's trends read them: June's report, July's figures alone, August
    never rendered, May before the store's first day; drawn in the agency's colour."""
    earlier(ws, "acme", "2026-06", 80)
    earlier(ws, "acme", "2026-07", 90, alone=True)
    batch(MONTH, override={"acme": {"store": ("2026-06-01", "2026-10-31")}})
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    cell = row_of(page, "acme").split('data-label="Active members"')[1].split("</td>")[0]
    said = ("Active members, the last 6 periods, oldest first: 2026-05 no data; 2026-06 80; "
            "2026-07 90; 2026-08 not rendered; 2026-09 100; 2026-10 120")
    assert f'role="img" aria-label="{said}"><title>{said}</title>' in cell
    # by hand, 72 x 20 with 3 of padding: x every 13.2 from 3; y from 17 (80, the lowest)
    # to 3 (120, the highest); the gap in August breaks the line
    assert re.findall(r'<polyline class="line" points="([^"]*)" fill="none" '
                      r'stroke="#1f5f8b"', cell) == ["16.2,17.0 29.4,13.5", "55.8,10.0 69.0,3.0"]
    assert re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', cell) == [
        ("16.2", "17.0", "1.5"), ("29.4", "13.5", "1.5"), ("55.8", "10.0", "1.5"),
        ("69.0", "3.0", "2.5")]
    assert "goal-path" not in page and "<script" not in page
    # a client without earlier reports: the two months its report computed, the rest gaps
    beta = row_of(page, "beta").split('data-label="Active members"')[1].split("</td>")[0]
    assert ("2026-05 not rendered; 2026-06 not rendered; 2026-07 not rendered; 2026-08 not "
            "rendered; 2026-09 100; 2026-10 100") in beta
    # the agency's colour, as a literal colour (no style sheet reaches inside an SVG)
    settings(ws, 'agency:\n  name: Harbour\n  colour: "#aa3300"\n')
    batch(MONTH)
    page = (ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8")
    assert 'stroke="#aa3300"' in page and 'stroke="#1f5f8b"' not in page


def test_a_data_problem_turns_green_chips_grey(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    batch(MONTH, override={"delta": {"without_team": ["discord"]}})
    delta = row_of((ws.reports / f"index-{MONTH}.html").read_text(encoding="utf-8"), "delta")
    assert "discord: inbound messages and no team activity in the data" in delta
    assert "chip good" not in delta and '<span class="chip idle"' in delta
    # the days are all there, but a data check failed: "full" is not shown in green
    assert '<span class="flat">full</span>' in delta and '<span class="good">full' not in delta


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


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Words of a cell laid over two lines, and a phone card's label narrower than its longest
# word (the label is the cell's ::before, out of reach of a text range).
BROKEN_WORDS = """() => {
  const broken = [];
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;white-space:nowrap;visibility:hidden';
  document.body.appendChild(probe);
  for (const td of document.querySelectorAll('.portfolio td[data-label]')) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of n.data.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0)
                                                   .map(x => Math.round(x.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    const before = getComputedStyle(td, '::before');
    if (before.content !== 'none' && before.display !== 'none') {
      for (const k of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing']) {
        probe.style[k] = before[k];
      }
      for (const word of td.dataset.label.split(/\\s+/)) {
        probe.textContent = word;
        if (parseFloat(before.width) + 0.5 < probe.getBoundingClientRect().width) {
          broken.push(td.dataset.label);
        }
      }
    }
  }
  probe.remove();
  return broken;
}"""


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM and not os.environ.get("COMMUNITYKIT_REQUIRE_BROWSER"),
                    reason="Debian's chromium is not installed")
def test_data_checks_read_at_1280_and_390_px(
        ws: Workspace, batch: Callable[..., list[JobResult]]) -> None:
    """A long data check is a pill that wraps like text, not a bubble, and on a phone no
    word is cut ("Data coverag/e", "f/ul/l" before); the table fits 1280 px with its lines."""
    from playwright.sync_api import sync_playwright

    batch(MONTH, override={"delta": {"without_team": ["instagram"], "rejected": 12}})
    index = (ws.reports / f"index-{MONTH}.html").as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            for width in (1280, 390):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto(index)
                assert page.evaluate(BROKEN_WORDS) == [], width
                sizes = page.evaluate("[...document.querySelectorAll('td.coverage .chip')]"
                                      ".map(c => [c.getBoundingClientRect().width, "
                                      "c.getBoundingClientRect().height, "
                                      "parseFloat(getComputedStyle(c).borderTopLeftRadius)])")
                assert len(sizes) == 2, sizes  # delta's two checks
                for chip_width, height, radius in sizes:
                    assert chip_width >= height and radius <= 12, (width, sizes)
                assert page.evaluate("document.documentElement.scrollWidth") <= width
                if width == 1280:  # every column on the screen, no scrolling
                    assert page.evaluate("(t => t.scrollWidth <= t.clientWidth)"
                                         "(document.querySelector('.table-wrap'))")
                    assert page.locator("svg.spark-mini").count() == 4 * 6
                page.close()
        finally:
            browser.close()
