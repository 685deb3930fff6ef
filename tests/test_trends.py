"""Trends: each headline figure over the last six periods, read from the reports already
rendered (their metrics.json), a year before, the goal's path, and the links between
reports; gaps are said in words, never drawn as zeros."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from communitykit.i18n import use_language
from communitykit.locales import CATALOGUES
from communitykit.metrics.results import read_back
from communitykit.paths import PACKAGE_DIR, Workspace
from communitykit.periods import custom, parse
from communitykit.report import sparklines, trends
from communitykit.report.review import Review
from communitykit.report.sections import summary
from figures_factory import StubReport
from figures_factory import metrics_document as doc

CLIENT = "demo"


def render_earlier(ws: Workspace, label: str, document: dict[str, Any] | str) -> Path:
    folder = ws.report_dir(CLIENT, label)
    folder.mkdir(parents=True, exist_ok=True)
    text = document if isinstance(document, str) else json.dumps(document)
    (folder / "metrics.json").write_text(text, encoding="utf-8")
    return folder


def report(ws: Workspace, label: str, language: str = "en", **values: Any) -> StubReport:
    period = parse(label)
    read = read_back(doc(period, **values))
    return StubReport(read, language, client=CLIENT, period=period, workspace=ws)


def by_metric(found: list[trends.Trend]) -> dict[str, trends.Trend]:
    return {t.metric: t for t in found}


GOAL = {"id": "reply", "metric": "response_rate", "label": "Response rate", "unit": "ratio",
        "channel": None, "direction": "at_least", "target": 0.8, "baseline": 0.5,
        "baseline_source": "2026-06", "start": "2026-07-01", "deadline": "2026-12-31",
        "status": "on track"}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """Rendered reports of 2026-05, 2026-07 and 2025-10 (2026-06 and 2026-08 are gaps), and
    one of 2026-09 the current report's own previous figures take the place of."""
    ws = Workspace(tmp_path)
    for label, rate, members in (("2026-05", 0.5, 50), ("2026-07", 0.6, 70),
                                 ("2025-10", 0.4, 40), ("2026-09", 0.99, 99)):
        render_earlier(ws, label, doc(parse(label), rate, members))
    return ws


def test_six_months_and_a_year_before_with_gaps(ws: Workspace) -> None:
    found = by_metric(trends.gather(report(ws, "2026-10", rate=0.8, members=80,
                                           before=(0.7, 75))))  # type: ignore[arg-type]
    rate = found["response_rate"]
    assert [(p.label, p.value, p.state) for p in rate.points] == [
        ("2026-05", 0.5, "figure"), ("2026-06", None, "not rendered"),
        ("2026-07", 0.6, "figure"), ("2026-08", None, "not rendered"),
        ("2026-09", 0.7, "figure"),  # computed by the current report, not read back
        ("2026-10", 0.8, "figure")]
    assert rate.year_ago == trends.Point("2025-10", 0.4, "figure")
    assert [p.value for p in found["active_members"].points] == [50, None, 70, None, 75, 80]
    # a figure the reports did not measure is "no figure", not a gap and not a zero
    assert [p.state for p in found["sla_compliance"].points] == [
        "no figure", "not rendered", "no figure", "not rendered", "no figure", "no figure"]
    assert rate.goal is None


def test_the_weekly_and_quarterly_periods_and_their_year_before(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    render_earlier(ws, "2025-W50", doc(parse("2025-W50"), 0.3))
    render_earlier(ws, "2025-W02", doc(parse("2025-W02"), 0.2))
    week = by_metric(trends.gather(report(ws, "2026-W02", rate=0.9)))  # type: ignore[arg-type]
    rate = week["response_rate"]
    assert [p.label for p in rate.points] == ["2025-W49", "2025-W50", "2025-W51",
                                              "2025-W52", "2026-W01", "2026-W02"]
    assert [p.value for p in rate.points] == [None, 0.3, None, None, None, 0.9]
    assert rate.year_ago == trends.Point("2025-W02", 0.2, "figure")
    assert trends.year_before(parse("2026-W53")) is None  # 2025 has no week 53
    assert trends.year_before(parse("2026-W43")) == parse("2025-W43")

    render_earlier(ws, "2025-Q1", doc(parse("2025-Q1"), 0.55))
    quarter = by_metric(trends.gather(report(ws, "2026-Q1", rate=0.6)))  # type: ignore[arg-type]
    rate = quarter["response_rate"]
    assert [p.label for p in rate.points] == ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3",
                                              "2025-Q4", "2026-Q1"]
    assert rate.points[1].value == 0.55 and rate.year_ago == trends.Point("2025-Q1", 0.55,
                                                                          "figure")
    assert trends.year_before(parse("2026-Q4")) == parse("2025-Q4")
    assert trends.year_before(parse("2026-10")) == parse("2025-10")
    assert trends.year_before(custom(parse("2026-10").start, parse("2026-10").start)) \
        is None


def test_the_goals_path_from_its_baseline_to_its_target(ws: Workspace) -> None:
    found = by_metric(trends.gather(report(ws, "2026-10", rate=0.8,
                                           goals=[GOAL])))  # type: ignore[arg-type]
    path = found["response_rate"].goal
    assert path is not None and (path.baseline, path.target) == (0.5, 0.8)
    # 2026-05 ends before the goal starts; 2026-06 is its baseline period; then straight
    # from 0.5 on 1 Jul to 0.8 on 31 Dec (183 days): 31 Aug is 61 days in, 31 Oct 122
    assert path.values[:2] == (None, 0.5)
    assert path.values[3] == pytest.approx(0.6) and path.values[5] == pytest.approx(0.7)
    assert found["active_members"].goal is None
    page = sparklines.block(report(ws, "2026-10", rate=0.8, goals=[GOAL]))  # type: ignore[arg-type]
    assert page.count('class="goal-path"') == 1
    assert "Goal (dashed): from 50.0% to 80.0% by 31 Dec 2026" in page
    # a goal for one channel only is not the headline figure's path
    one_channel = {**GOAL, "channel": "weibo"}
    found = by_metric(trends.gather(report(ws, "2026-10", rate=0.8,
                                           goals=[one_channel])))  # type: ignore[arg-type]
    assert found["response_rate"].goal is None


def test_the_block_says_gaps_in_words_and_draws_no_zero(ws: Workspace) -> None:
    page = sparklines.block(report(ws, "2026-10", rate=0.8, members=80,
                                   before=(0.7, 75)))  # type: ignore[arg-type]
    assert '<h3 id="trends">Trends</h3>' in page
    assert page.count("<svg") == 6 and "<script" not in page
    assert ("Response rate, the last 6 periods, oldest first: 2026-05 50.0%; 2026-06 not "
            "rendered; 2026-07 60.0%; 2026-08 not rendered; 2026-09 70.0%; 2026-10 80.0%"
            in page)
    assert "A year before (2025-10): 40.0%" in page
    # the periods without a report are said once; a figure not measured, on its card
    assert page.count("Not rendered: 2026-06, 2026-08.") == 1
    assert "Gaps: 2026-05 no figure; 2026-07 no figure; 2026-09 no figure; 2026-10 no " \
           "figure" in page
    rate_card = page[page.index("Response rate"):page.index("First response")]
    # the gaps break the line: only 2026-09 to 2026-10 are joined; each figure has its dot,
    # x every 30 from 5, y from 39 (50%, the lowest) to 5 (80%, the highest)
    chart = rate_card.split("</svg>")[0]
    assert re.findall(r'<polyline class="line" points="([^"]*)"', chart) == [
        "125.0,16.3 155.0,5.0"]
    assert re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', chart) == [
        ("5.0", "39.0"), ("65.0", "27.7"), ("125.0", "16.3"), ("155.0", "5.0")]


def test_hostile_or_broken_earlier_reports_are_gaps_shown_as_text(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    hostile = doc(parse("2026-07"), '<img src=x onerror=alert(1)>')
    render_earlier(ws, "2026-07", hostile)
    render_earlier(ws, "2026-08", "{not json")
    render_earlier(ws, "2026-06", doc(parse("2026-05"), 0.5))  # another period's file
    page = sparklines.block(report(ws, "2026-10", rate=0.8))  # type: ignore[arg-type]
    assert "<img" not in page and "onerror" not in page
    assert "Gaps: 2026-06 report cannot be read; 2026-07 report cannot be read; 2026-08 " \
           "report cannot be read" in page


def test_a_period_without_data_is_a_gap_not_a_zero(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    empty = doc(parse("2026-07"), None, 0)
    empty["coverage"]["current"] = "none"
    render_earlier(ws, "2026-07", empty)
    current = report(ws, "2026-10", rate=0.8, members=80)
    current.figures.coverage.previous = "none"  # the store has no day of 2026-09
    members = by_metric(trends.gather(current))["active_members"]  # type: ignore[arg-type]
    assert [(p.value, p.state) for p in members.points[2:]] == [
        (None, "no data"), (None, "not rendered"), (None, "no data"), (80, "figure")]


def test_links_to_the_previous_and_next_reports(ws: Workspace) -> None:
    current = report(ws, "2026-10", rate=0.8)
    assert trends.links(current) == trends.Links(None, None)  # type: ignore[arg-type]
    (ws.report_dir(CLIENT, "2026-09") / "report.html").write_text("x")
    ws.report_dir(CLIENT, "2026-11").mkdir(parents=True)  # a folder without a report
    assert trends.links(current) == trends.Links("../2026-09/report.html", None)  # type: ignore[arg-type]
    (ws.report_dir(CLIENT, "2026-11") / "report.html").write_text("x")
    nav = sparklines.links_nav(current)  # type: ignore[arg-type]
    assert '<a href="../2026-09/report.html" rel="prev">← previous report</a>' in nav
    assert '<a href="../2026-11/report.html" rel="next">next report →</a>' in nav
    for label, after in (("2026-W52", "2026-W53"), ("2026-W53", "2027-W01"),
                         ("2026-Q4", "2027-Q1"), ("2026-12", "2027-01")):
        assert trends.following(parse(label)) == parse(after)


def test_the_summary_carries_the_block_in_english_and_chinese(ws: Workspace) -> None:
    (ws.report_dir(CLIENT, "2026-09") / "report.html").write_text("x")
    with use_language("en"):
        page = str(summary.render(report(ws, "2026-10", rate=0.8)))  # type: ignore[arg-type]
    assert page.index('rel="prev"') < page.index('id="summary"') < page.index('id="trends"')
    with use_language("zh"):
        page = str(summary.render(report(ws, "2026-10", "zh", rate=0.8,
                                         goals=[GOAL])))  # type: ignore[arg-type]
    for text in ("趋势", "报告未生成", "一年前（2025-10）：40.0%", "← 上一期报告", "目标（虚线）",
                 "最近 6 个周期", "2026年12月31日"):
        assert text in page, text
    assert not re.search(r"not rendered|A year before|previous report|Trends", page)


def test_gap_words_are_translated() -> None:
    for words in sparklines.GAP_WORDS.values():
        assert words in CATALOGUES["zh"], words


def test_metrics_json_is_the_same_with_or_without_earlier_reports(
        imported_ws: Workspace) -> None:
    period = "2026-11"
    alone = Review.open("handcalc", period, workspace=str(imported_ws.root))
    first = json.dumps(alone.metrics_document())
    assert "not rendered" in str(alone.summary())
    for label, rate in (("2026-10", 0.25), ("2026-08", 0.125), ("2025-11", 0.5)):
        folder = imported_ws.report_dir("handcalc", label)
        folder.mkdir(parents=True)
        (folder / "metrics.json").write_text(json.dumps(doc(parse(label), rate)))
    again = Review.open("handcalc", period, workspace=str(imported_ws.root))
    assert json.dumps(again.metrics_document()) == first
    page = str(again.summary())
    assert "2026-08 12.5%" in page and "A year before (2025-11): 50.0%" in page


def test_figures_alone_fill_a_gap_a_report_comes_first(ws: Workspace) -> None:
    """A period without a report reads its figures computed alone (``--fill-trends``); a
    rendered report of the period is read instead whenever there is one."""
    alone = trends.figures_only_file(ws, CLIENT, "2026-06")
    alone.parent.mkdir(parents=True)
    alone.write_text(json.dumps(doc(parse("2026-06"), 0.55, 60)), encoding="utf-8")
    kept = trends.figures_only_file(ws, CLIENT, "2026-07")  # beside a rendered report
    kept.parent.mkdir(parents=True)
    kept.write_text(json.dumps(doc(parse("2026-07"), 0.11, 11)), encoding="utf-8")
    # 2026-08 had no data when the trends were filled, in this store version only
    mark = trends.no_data_file(ws, CLIENT, "2026-08")
    mark.parent.mkdir(parents=True)
    mark.write_text('{"store_version": "v000007"}', encoding="utf-8")
    def current(store_version: str) -> StubReport:
        read = read_back(doc(parse("2026-10"), 0.8, 80, before=(0.7, 75)))
        return StubReport(read, client=CLIENT, period=parse("2026-10"), workspace=ws,
                          store_version=store_version)

    rate = by_metric(trends.gather(current("v000007")))["response_rate"]  # type: ignore[arg-type]
    assert [(p.label, p.value, p.state, p.source) for p in rate.points[:4]] == [
        ("2026-05", 0.5, "figure", "report"), ("2026-06", 0.55, "figure", "figures only"),
        ("2026-07", 0.6, "figure", "report"), ("2026-08", None, "no data", "figures only")]
    page = sparklines.block(current("v000007"))  # type: ignore[arg-type]
    assert "Figures only, no report rendered: 2026-06." in page and "Not rendered" not in page
    assert "2026-06 55.0%; 2026-07 60.0%; 2026-08 no data;" in page
    # an import since: the note no longer holds
    rate = by_metric(trends.gather(current("v000008")))["response_rate"]  # type: ignore[arg-type]
    assert rate.points[3] == trends.Point("2026-08", None, "not rendered")
    assert alone.is_relative_to(ws.root / "data") and not alone.is_relative_to(ws.reports)


def test_the_lines_carry_their_own_colours_for_the_pdf(ws: Workspace) -> None:
    """A PDF engine applies no page style inside an inline SVG: every stroke, dash and fill
    is an attribute, the line and dots in the client's colour, the goal's path dashed."""
    current = report(ws, "2026-10", rate=0.8, members=80, before=(0.7, 75), goals=[GOAL])
    current.playbook = SimpleNamespace(client=SimpleNamespace(  # type: ignore[attr-defined]
        brand=SimpleNamespace(colour="#aa3300")))
    page = sparklines.block(current)  # type: ignore[arg-type]
    lines = re.findall(r'<polyline class="line" [^>]*>', page)
    goals = re.findall(r'<polyline class="goal-path" [^>]*>', page)
    dots = re.findall(r"<circle [^>]*>", page)
    # by hand: response rate 2026-09 to 2026-10 joined; active members the same; the goal
    # from 2026-06 (its baseline) to 2026-10 unbroken; a dot per figure: rate 4, members 4
    assert len(lines) == 2 and len(goals) == 1 and len(dots) == 8
    for line in lines:
        assert ('fill="none" stroke="#aa3300" stroke-width="1.6"' in line
                and "dasharray" not in line)
    assert 'fill="none" stroke="#5d6b78" stroke-width="1.2" stroke-dasharray="4 3"' in goals[0]
    assert all(' fill="#aa3300"' in d for d in dots)
    assert page.count('<svg class="spark" viewBox="0 0 160 44" width="160" height="44"') == 6
    # without a brand colour, the kit's own accent; the style sheet styles no stroke
    plain = sparklines.block(report(ws, "2026-10", rate=0.8))  # type: ignore[arg-type]
    assert 'stroke="#1f5f8b"' in plain and "#aa3300" not in plain
    css = (PACKAGE_DIR / "assets" / "report.css").read_text(encoding="utf-8")
    assert "svg.spark ." not in css and "stroke:" not in css


def test_a_period_outside_the_stores_days_is_no_data(ws: Workspace) -> None:
    """The store's first and last day (in the current report's figures) tell a period the
    store holds nothing of ("no data") from one whose report is not rendered."""
    current = report(ws, "2026-10", rate=0.8, members=80, before=(0.7, 75))
    current.figures.coverage.store_first_day = "2026-06-20"
    current.figures.coverage.store_last_day = "2026-10-31"
    rate = by_metric(trends.gather(current))["response_rate"]  # type: ignore[arg-type]
    # 2026-05's report is read as it is; 2026-06 (from the 20th in the store) is not
    # rendered; 2026-08 is; the year before (2025-10's report is rendered) is read
    assert [(p.label, p.state) for p in rate.points[:4]] == [
        ("2026-05", "figure"), ("2026-06", "not rendered"), ("2026-07", "figure"),
        ("2026-08", "not rendered")]
    assert rate.year_ago == trends.Point("2025-10", 0.4, "figure")
    (ws.report_dir(CLIENT, "2025-10") / "metrics.json").unlink()
    (ws.report_dir(CLIENT, "2026-05") / "metrics.json").unlink()
    rate = by_metric(trends.gather(current))["response_rate"]  # type: ignore[arg-type]
    assert rate.points[0] == trends.Point("2026-05", None, "no data")
    assert rate.year_ago == trends.Point("2025-10", None, "no data")
    page = sparklines.block(current)  # type: ignore[arg-type]
    assert "A year before (2025-10): no data" in page
    assert "2026-05 no data; 2026-06 not rendered;" in page
    assert "Not rendered: 2026-06, 2026-08." in page
    with use_language("zh"):
        zh = sparklines.block(report(ws, "2026-10", "zh", rate=0.8))  # type: ignore[arg-type]
        current.figures.coverage.store_first_day = "2026-06-20"
    assert "一年前（2025-10）：报告未生成" in zh  # a stub without the store's days: unknown
    with use_language("zh"):
        zh = sparklines.block(current)  # type: ignore[arg-type]
    assert "一年前（2025-10）：无数据" in zh


def test_the_trends_of_a_report_read_from_its_figures_alone(ws: Workspace) -> None:
    """``series`` (what the agency index reads) gives what the report's own trends show."""
    current = report(ws, "2026-10", rate=0.8, members=80, before=(0.7, 75), goals=[GOAL])
    period = trends.period_of(current.figures)
    assert period == parse("2026-10")
    assert trends.series(current.figures, period, ws, CLIENT) == \
        trends.gather(current)  # type: ignore[arg-type]
